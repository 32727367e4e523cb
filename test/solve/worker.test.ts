import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../solver/demo/generate.ts';
import { solveInWorker } from '../../solver/solve/index.ts';
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
