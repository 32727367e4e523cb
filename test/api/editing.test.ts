/**
 * Drafts by hand (POST /api/plans/drafts): the studierektor saves the published plan with a placement
 * moved; the draft is checked and published like a solve's, the published plan's locks carry over
 * to what the draft keeps, and a bad plan is refused with the field named and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { fieldErrors } from '../../web/src/lib/editing.ts';

type Stored = PlanPlacement & { locked?: boolean };

describe.each(DIALECTS)('drafts by hand on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  const get = async (url: string) => (await t.call(sr, { method: 'GET', url })).json();
  const planCount = async () => (await get('/api/plans')).length as number;

  it('saves a moved placement as a draft that keeps the locks, and publishes it after the check', async () => {
    const published = await get('/api/plans/published');
    const placements: Stored[] = published.plan.placements;
    const at = placements.findIndex((p) => p.kind === 'rotation' && !p.locked && p.from > '2027-09-01');
    expect(at).toBeGreaterThanOrEqual(0);
    const lockedBefore = placements.filter((p) => p.locked).length;
    expect(lockedBefore).toBeGreaterThan(0);
    const moved = { ...placements[at]!, from: '2031-01-01', to: '2031-01-31' };
    const body = { format: 'randplan.plan/1', placements: placements.map(({ locked: _l, ...p }, i) => (i === at ? { ...p, from: moved.from, to: moved.to } : p)) };

    const res = await t.call(sr, { method: 'POST', url: '/api/plans/drafts', payload: { plan: body, note: 'Flyttad för hand' } });
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({ status: 'draft', number: null, note: 'Flyttad för hand', createdBy: 'studierektor@demo' });

    const stored = await get(`/api/plans/${draft.id}`);
    expect(stored.plan.placements.filter((p: Stored) => p.locked).length).toBe(lockedBefore);
    expect(stored.plan.placements).toContainEqual({ trainee: moved.trainee, kind: 'rotation', specialty: moved.specialty, clinic: moved.clinic, from: '2031-01-01', to: '2031-01-31' });

    const check = await get(`/api/plans/${draft.id}/check`);
    expect(check).toMatchObject({ candidate: draft.id, current: published.id, moved: 1, added: 0, removed: 0 });
    const ack = check.needsAcknowledgement ? { acknowledge: { hard: check.hard.length, movedLocks: check.movedLocks.length, reason: 'Test' } } : {};
    const pub = await t.call(sr, { method: 'POST', url: `/api/plans/${draft.id}/publish`, payload: ack });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ id: draft.id, status: 'published', number: published.number + 1 });

    const audit = (await get('/api/audit?entity=plan')).find((a: { action: string; entityId: string }) => a.action === 'create' && a.entityId === String(draft.id));
    expect(audit).toMatchObject({ user: 'studierektor@demo', after: { status: 'draft', basedOn: published.id } });
  });

  it('refuses a plan that does not fit the region with the field named, and writes nothing', async () => {
    const before = await planCount();
    const bad = { format: 'randplan.plan/1', placements: [{ trainee: 'nobody', kind: 'rotation', specialty: 'psykiatri', clinic: 'nowhere', from: '2027-02-30', to: '2027-03-31' }] };
    const res = await t.call(sr, { method: 'POST', url: '/api/plans/drafts', payload: { plan: bad } });
    expect(res.statusCode).toBe(400);
    const details: string[] = res.json().details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^plan\.placements\[0\]\.from: not a date/),
        expect.stringMatching(/^plan\.placements\[0\]\.trainee: unknown trainee "nobody"/),
        expect.stringMatching(/^plan\.placements\[0\]\.clinic: unknown clinic "nowhere"/),
      ]),
    );
    const extra = await t.call(sr, { method: 'POST', url: '/api/plans/drafts', payload: { plan: { format: 'randplan.plan/1', placements: [] }, publish: true } });
    expect(extra.statusCode).toBe(400);
    expect(await planCount()).toBe(before);
  });

  it('names the field of a refused trainee or clinic as the web’s forms read it (a form field, in Swedish)', async () => {
    const unit = (await get('/api/units'))[0].id;
    const bad = await t.call(sr, { method: 'POST', url: '/api/trainees', payload: { id: 'tx1', name: 'Klara Holm', unit, start: '2027-09-01', regulation: '2015:8', latestEnd: '2027-06-30', leave: [{ from: '2028-03-01', to: '2028-02-01' }] } });
    expect(bad.statusCode).toBe(400);
    expect(fieldErrors(bad.json().details, 'sv')).toEqual({ latestEnd: 'måste ligga efter startdatumet', 'leave[0].to': 'ligger före från-datumet' });
    const schema = await t.call(sr, { method: 'POST', url: '/api/trainees', payload: { id: 'tx1', name: '', unit, start: '', regulation: '2015:8' } });
    expect(fieldErrors(schema.json().details, 'sv')).toMatchObject({ name: 'får inte vara tomt', start: 'inte ett datum (ÅÅÅÅ-MM-DD)' });
    expect((await get('/api/trainees')).some((x: { id: string }) => x.id === 'tx1')).toBe(false);

    const clinic = (await get('/api/clinics'))[0];
    const { version, id: _id, ...rest } = clinic;
    const closure = await t.call(sr, { method: 'PUT', url: `/api/clinics/${clinic.id}`, payload: { ...rest, capacityChanges: [{ from: '2028-07-31', to: '2028-07-01', capacity: 0 }], version } });
    expect(closure.statusCode).toBe(400);
    expect(fieldErrors(closure.json().details, 'sv')).toEqual({ 'capacityChanges[0].to': 'ligger före från-datumet' });
    const negative = await t.call(sr, { method: 'PUT', url: `/api/clinics/${clinic.id}`, payload: { ...rest, capacity: -1, version } });
    expect(fieldErrors(negative.json().details, 'sv')).toEqual({ capacity: 'minst 0' });
    expect((await get('/api/clinics')).find((c: { id: string }) => c.id === clinic.id)).toEqual(clinic);
  });

  it('is the studierektor’s alone', async () => {
    const before = await planCount();
    for (const email of ['enhetschef@demo', 'st@demo', 'handledare@demo']) {
      const who = await t.login(email);
      const res = await t.call(who, { method: 'POST', url: '/api/plans/drafts', payload: { plan: { format: 'randplan.plan/1', placements: [] } } });
      expect(res.statusCode).toBe(403);
    }
    expect(await planCount()).toBe(before);
  });
});
