/**
 * A solve job that releases agreed placements (issue 11, "Agreed months"): the list of what a solve
 * today keeps as agreed, a release accepted and counted in the result, and releases the solve would
 * refuse (an unknown placement, history, a lock) answered 400 naming the entry, with no job created.
 * Solves run on a work budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreedPlacements, PlanDetail, SolveRun } from '../../api/schemas/index.ts';
import type { SolveStarter } from '../../api/services/solve-runner.ts';
import { solveInWorker } from '../../solver/solve/index.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const WORK = 400;
const start: SolveStarter = (scenario, options) => solveInWorker(scenario, { ...options, workLimit: WORK });

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 150));
  }
}

const plain = ({ name: _n, ...p }: AgreedPlacements['placements'][number]): PlanPlacement => p;

describe.each(DIALECTS)('releasing agreed placements on $name', { timeout: 180_000 }, (dialect) => {
  let t: TestApp;
  let sr: string;
  let agreed: AgreedPlacements;
  beforeAll(async () => {
    t = await startTestApp(dialect, { jobs: { pollMs: 200, progressEveryMs: 200, start } });
    sr = await t.login('studierektor@demo');
    agreed = (await t.call(sr, { method: 'GET', url: '/api/solve-jobs/agreed' })).json();
  }, 120_000);
  afterAll(async () => t?.close());
  const post = (payload: object) => t.call(sr, { method: 'POST', url: '/api/solve-jobs', payload });
  const runs = async () => ((await t.call(sr, { method: 'GET', url: '/api/solve-jobs' })).json() as SolveRun[]).length;

  it('lists the published plan’s placements in the agreed months, with the trainees’ names', async () => {
    expect(agreed.placements.length).toBeGreaterThan(1);
    for (const p of agreed.placements) {
      expect(p.from >= agreed.planFrom && p.from < agreed.until).toBe(true);
      expect(p.name).not.toBe('');
    }
    const other = await t.login('handledare@demo');
    expect((await t.call(other, { method: 'GET', url: '/api/solve-jobs/agreed' })).statusCode).toBe(403);
  });

  it('accepts a release: the solve keeps the other agreed placements and counts the released one', async () => {
    const res = await post({ release: [plain(agreed.placements[0]!)] });
    expect(res.statusCode).toBe(202);
    const job = await until(
      async () => (await t.call(sr, { method: 'GET', url: `/api/solve-jobs/${res.json().id}` })).json(),
      (j) => j.status !== 'queued' && j.status !== 'running',
    );
    expect(job.status).toBe('done');
    expect(job.result.report.solve.released).toBe(1);
    const draft: PlanDetail = (await t.call(sr, { method: 'GET', url: `/api/plans/${job.result.planId}` })).json();
    const has = (p: PlanPlacement) => draft.plan.placements.some((q) => JSON.stringify(plainOf(q)) === JSON.stringify(p));
    expect(agreed.placements.slice(1).map(plain).every(has)).toBe(true);
  });

  it('refuses an unknown placement, history and extra fields with 400 naming the entry, and creates no job', async () => {
    const before = await runs();
    const first = plain(agreed.placements[0]!);
    const unknown = await post({ release: [first, { ...first, from: agreed.until }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([
      `release[1]: ${[first.trainee, first.kind, first.specialty, first.course, first.milestone, first.clinic].filter(Boolean).join(' ')} ${agreed.until}–${first.to} is not a placement of the current plan in the agreed months (${agreed.planFrom} to ${agreed.until})`,
    ]);
    const published: PlanDetail = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
    // The demo's history is locked; once unlocked it is still history.
    const past = plainOf(published.plan.placements.find((p) => p.from < agreed.planFrom && p.locked)!);
    const locked = await post({ release: [past] });
    expect(locked.statusCode).toBe(400);
    expect(locked.json().details[0]).toMatch(/^release\[0\]: .* is locked \(agreed with the clinic or done\) and cannot be released/);
    const { trainee, ...placement } = past;
    const unlocked = await t.call(sr, { method: 'POST', url: '/api/locks/release', payload: { trainee, placement, reason: 'Test' } });
    expect(unlocked.statusCode).toBe(200);
    const history = await post({ release: [past] });
    expect(history.statusCode).toBe(400);
    expect(history.json().details[0]).toMatch(new RegExp(`^release\\[0\\]: ${trainee} .* began before the planning day ${agreed.planFrom}: it is history and cannot be released$`));
    const extra = await post({ release: [agreed.placements[0]] });
    expect(extra.statusCode).toBe(400);
    expect(JSON.stringify(extra.json())).toContain('release[0]');
    expect(await runs()).toBe(before);
  });
});

function plainOf(p: PlanPlacement & { locked?: boolean }): PlanPlacement {
  const { locked: _l, ...rest } = p;
  return rest;
}
