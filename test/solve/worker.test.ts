import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../solver/demo/generate.ts';
import { solve, solveInWorker } from '../../solver/solve/index.ts';
import { SolveWorker } from '../../solver/solve/solve-worker.ts';
import { clinic, expectValid, scenario, trainee } from './fixtures.ts';

describe('solveInWorker', () => {
  it('solves in a worker thread and reports progress', async () => {
    const s = scenario(
      ['t01', 't02'].map((id) => trainee(id, { start: '2027-01-03', rotations: [{ specialty: 'ogon', months: 1 }] })),
      [clinic('ogon-a', 'ogon', 1)],
    );
    const job = solveInWorker(s, { workLimit: 4000 });
    const phases: string[] = [];
    job.onProgress((p) => phases.push(p.phase));
    const r = await job.result;
    expect(r.report.solve?.status).toBe('optimal');
    expect(phases.length).toBeGreaterThan(0);
    expectValid(s, r.plan);
  }, 30_000);

  it('cancel returns the best plan so far with status timeout', async () => {
    const s = generateScenario({ size: 60, seed: 3, today: '2026-11-22' });
    const job = solveInWorker(s, { workLimit: 10_000_000, gapTarget: 0 });
    let cancelled = false;
    job.onProgress((p) => {
      if (!cancelled && p.incumbent !== null) {
        cancelled = true;
        job.cancel();
      }
    });
    const r = await job.result;
    expect(cancelled).toBe(true);
    // Cancelled at the first plan, long before the budget: the best plan so far, with its bound.
    expect(r.report.solve?.status).toBe('timeout');
    expect(r.report.solve?.objective).not.toBeNull();
    expect(r.report.solve!.bound!).toBeLessThanOrEqual(r.report.solve!.objective! + 1e-6);
    expectValid(s, r.plan);
  }, 120_000);
});

describe('SolveWorker: one thread kept from solve to solve', () => {
  it('runs solves one after another with the results of solve(), refuses bad options by message, and starts a new thread after close', async () => {
    const s = scenario(
      ['t01', 't02', 't03'].map((id) => trainee(id, { start: '2027-01-03', rotations: [{ specialty: 'ogon', months: 1 }, { specialty: 'hud', months: 1 }] })),
      [clinic('ogon-a', 'ogon', 1), clinic('hud-a', 'hud', 1)],
    );
    const cohort = await solve(s, { workLimit: 4000, threads: 1 });
    const worker = new SolveWorker();
    try {
      // Each trainee re-planned with the others kept, all sent at once: they run one after another.
      const asks = ['t01', 't02', 't03'].map((id) => ({ trainee: id, currentPlan: { ...cohort.plan, placements: cohort.plan.placements.filter((p) => p.trainee !== id) }, workLimit: 2000 }));
      const kept = await Promise.all(asks.map((o) => worker.start(s, o).result));
      for (const [k, o] of asks.entries()) {
        const direct = await solve(s, o);
        expect(kept[k]!.plan).toEqual(direct.plan);
        expect(kept[k]!.report.solve?.objective).toBe(direct.report.solve?.objective);
        expectValid(s, kept[k]!.plan);
      }
      await expect(worker.start(s, { trainee: 'nobody' }).result).rejects.toThrow(/trainee/);
      await worker.close();
      const again = await worker.start(s, asks[0]!).result;
      expect(again.plan).toEqual(kept[0]!.plan);
    } finally {
      await worker.close();
    }
  }, 60_000);
});
