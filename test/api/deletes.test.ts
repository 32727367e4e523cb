/** Removing a trainee or a clinic never leaves the published plan naming what is gone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansRepo } from '../../db/index.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

type Placement = { trainee: string; kind: string; clinic?: string; specialty?: string; from: string; to: string; locked?: boolean };

describe.each(DIALECTS)('deleting what a plan uses on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  const published = async () => (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();

  it('takes a deleted trainee’s placements out of the published plan as a new version, and refuses to publish a draft that still has them', async () => {
    const before = await published();
    const trainee: string = before.plan.placements[0].trainee;
    const draft = await plansRepo.create(t.app.db, { status: 'draft', plan: before.plan, report: null, createdBy: null });
    const row = (await t.call(sr, { method: 'GET', url: `/api/trainees/${trainee}` })).json();

    const del = await t.call(sr, { method: 'DELETE', url: `/api/trainees/${trainee}`, payload: { version: row.version } });
    expect(del.statusCode).toBe(200);
    const after = await published();
    expect(after.id).not.toBe(before.id);
    expect(after.plan.placements.some((p: Placement) => p.trainee === trainee)).toBe(false);
    expect(after.plan.placements.length).toBe(before.plan.placements.filter((p: Placement) => p.trainee !== trainee).length);
    expect(after.report.violations.some((v: { trainees: string[] }) => v.trainees.includes(trainee))).toBe(false);
    const exported = (await t.call(sr, { method: 'GET', url: '/api/export/plan.json' })).json();
    expect(exported.placements.some((p: Placement) => p.trainee === trainee)).toBe(false);

    const pub = await t.call(sr, { method: 'POST', url: `/api/plans/${draft.id}/publish` });
    expect(pub.statusCode).toBe(400);
    expect(pub.json().details.join('\n')).toContain(`unknown trainee "${trainee}"`);
    expect((await published()).id).toBe(after.id);
  });

  it('refuses to delete a clinic that an open proposal uses, naming the proposal', async () => {
    const clinic = { id: 'hud-ny', name: 'Nya hudkliniken', specialty: 'hud', capacity: 2 };
    expect((await t.call(sr, { method: 'POST', url: '/api/clinics', payload: clinic })).statusCode).toBe(201);
    const trainee: string = (await published()).plan.placements[0].trainee;
    const placements = [{ kind: 'rotation', specialty: 'hud', clinic: 'hud-ny', from: '2031-03-03', to: '2031-03-30' }];
    const created = (await t.call(sr, { method: 'POST', url: '/api/proposals', payload: { trainee, placements } })).json();
    expect((await t.call(sr, { method: 'POST', url: `/api/proposals/${created.id}/submit` })).statusCode).toBe(200);

    const del = await t.call(sr, { method: 'DELETE', url: '/api/clinics/hud-ny', payload: { version: 1 } });
    expect(del.statusCode).toBe(400);
    expect(del.json().details).toEqual([`id: hud-ny is used by proposal ${created.id}`]);
    expect((await t.call(sr, { method: 'GET', url: '/api/clinics' })).json().some((c: { id: string }) => c.id === 'hud-ny')).toBe(true);

    // The one-rotation proposal breaks the trainee's rules: approving it asks for an acknowledgement first.
    const asked = await t.call(sr, { method: 'POST', url: `/api/proposals/${created.id}/approve` });
    expect(asked.statusCode).toBe(409);
    const count = (name: string) => Number((asked.json().details as string[]).find((d) => d.startsWith(`${name}: `))?.split(': ')[1] ?? 0);
    const acknowledge = { hard: count('hard'), movedLocks: count('movedLocks'), reason: 'Test: kliniken ska användas' };
    const approved = await t.call(sr, { method: 'POST', url: `/api/proposals/${created.id}/approve`, payload: { acknowledge } });
    expect(approved.statusCode).toBe(200);
    // Now the published plan uses it.
    const again = await t.call(sr, { method: 'DELETE', url: '/api/clinics/hud-ny', payload: { version: 1 } });
    expect(again.statusCode).toBe(400);
    expect(again.json().details).toEqual(['id: hud-ny is in use']);
  });
});
