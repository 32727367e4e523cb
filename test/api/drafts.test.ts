/**
 * The drafts not published (GET /api/plans/drafts, DELETE /api/plans/drafts/:id): a draft made by
 * hand and one from a solve run are listed with where they came from and their figures; the
 * studierektor alone lists and deletes them; an unknown id is 404 and a published plan is refused,
 * with nothing deleted; a deletion is audited and leaves the solve run without its plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansRepo, solveJobsRepo } from '../../db/index.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

type Stored = PlanPlacement & { locked?: boolean };
type Listed = { id: number; status: string; note: string; run: number | null; createdBy: string | null; figures: { placements: number; hard: number; extended: number } };

describe.each(DIALECTS)('the drafts listed and deleted on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let published: { id: number; number: number; plan: { placements: Stored[] } };
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    published = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
  });
  afterAll(async () => t?.close());

  const get = async (url: string, as = sr) => (await t.call(as, { method: 'GET', url })).json();
  const drafts = async () => (await get('/api/plans/drafts')) as Listed[];
  const planIds = async () => ((await get('/api/plans')) as { id: number }[]).map((p) => p.id).sort();

  /** The published plan with one placement a month later, saved as a draft by hand. */
  async function handDraft(note: string): Promise<number> {
    const placements = published.plan.placements.map(({ locked: _l, ...p }) => p);
    const at = placements.findIndex((p) => p.kind === 'rotation' && p.from > '2028-01-01');
    placements[at] = { ...placements[at]!, from: '2031-01-01', to: '2031-01-31' };
    const res = await t.call(sr, { method: 'POST', url: '/api/plans/drafts', payload: { plan: { format: 'randplan.plan/1', placements }, note } });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  /** A solve run's draft: the published placements again, as the run's result. */
  async function runDraft(): Promise<{ plan: number; run: number }> {
    const record = (await plansRepo.get(t.app.db, published.id))!;
    const draft = await plansRepo.create(t.app.db, { status: 'draft', note: 'Lösning', plan: record.plan, report: record.report, createdBy: 'studierektor@demo' });
    const job = await solveJobsRepo.create(t.app.db, { timeLimitSeconds: 5, createdBy: 'studierektor@demo' });
    await solveJobsRepo.finish(t.app.db, job.id, { status: 'done', resultPlanId: draft.id, report: record.report, moved: [] });
    return { plan: draft.id, run: job.id };
  }

  it('lists the drafts not published, newest first, with where they came from and their figures', async () => {
    const hand = await handDraft('Flyttad för hand');
    const solved = await runDraft();
    const list = await drafts();
    expect(list.every((d) => d.status === 'draft')).toBe(true);
    expect(list.map((d) => d.id)).not.toContain(published.id);
    const [first, second] = list;
    expect(first).toMatchObject({ id: solved.plan, run: solved.run });
    expect(second).toMatchObject({ id: hand, run: null, note: 'Flyttad för hand', createdBy: 'studierektor@demo' });
    expect(second!.figures.placements).toBe(published.plan.placements.length);
    expect(second!.figures.hard).toBeGreaterThanOrEqual(0);
  });

  it('deletes a draft, audited; the solve run keeps its report without the plan', async () => {
    const hand = await handDraft('Att ta bort');
    const res = await t.call(sr, { method: 'DELETE', url: `/api/plans/drafts/${hand}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: hand, status: 'draft', note: 'Att ta bort' });
    expect((await drafts()).map((d) => d.id)).not.toContain(hand);
    expect((await t.call(sr, { method: 'GET', url: `/api/plans/${hand}` })).statusCode).toBe(404);
    const audit = (await get('/api/audit?entity=plan')).find((a: { action: string; entityId: string }) => a.action === 'delete' && a.entityId === String(hand));
    expect(audit).toMatchObject({ user: 'studierektor@demo', before: { status: 'draft', note: 'Att ta bort', placements: published.plan.placements.length }, after: null });

    const solved = await runDraft();
    expect((await t.call(sr, { method: 'DELETE', url: `/api/plans/drafts/${solved.plan}` })).statusCode).toBe(200);
    const run = await get(`/api/solve-jobs/${solved.run}`);
    expect(run).toMatchObject({ id: solved.run, status: 'done', result: { planId: null } });
  });

  it('refuses an unknown id and a published plan, and deletes nothing', async () => {
    const before = await planIds();
    const unknown = await t.call(sr, { method: 'DELETE', url: '/api/plans/drafts/999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('not-found');
    const pub = await t.call(sr, { method: 'DELETE', url: `/api/plans/drafts/${published.id}` });
    expect(pub.statusCode).toBe(409);
    expect(pub.json().message).toContain(`publicerad som version ${published.number}`);
    const bad = await t.call(sr, { method: 'DELETE', url: '/api/plans/drafts/abc' });
    expect(bad.statusCode).toBe(400);
    expect(await planIds()).toEqual(before);
  });

  it('is the studierektor’s alone', async () => {
    const hand = await handDraft('Bara studierektorn');
    const before = await planIds();
    for (const email of ['enhetschef@demo', 'st@demo', 'handledare@demo']) {
      const who = await t.login(email);
      expect((await t.call(who, { method: 'GET', url: '/api/plans/drafts' })).statusCode).toBe(403);
      expect((await t.call(who, { method: 'DELETE', url: `/api/plans/drafts/${hand}` })).statusCode).toBe(403);
    }
    expect((await t.call(null, { method: 'DELETE', url: `/api/plans/drafts/${hand}` })).statusCode).toBe(401);
    expect(await planIds()).toEqual(before);
  });
});
