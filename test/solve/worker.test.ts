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
    const job = solveInWorker(s, { timeLimitSeconds: 10 });
    const phases: string[] = [];
    job.onProgress((p) => phases.push(p.phase));
    const r = await job.result;
    expect(r.report.solve?.status).toBe('optimal');
    expect(phases.length).toBeGreaterThan(0);
    expectValid(s, r.plan);
  }, 30_000);

  it('cancel returns the best plan so far with status timeout', async () => {
    const s = generateScenario({ size: 60, seed: 3, today: '2026-11-22' });
    const job = solveInWorker(s, { timeLimitSeconds: 120, gapTarget: 0 });
    let cancelled = false;
    job.onProgress((p) => {
      if (!cancelled && p.incumbent !== null) {
        cancelled = true;
        job.cancel();
      }
    });
    const r = await job.result;
    expect(cancelled).toBe(true);
    expect(['timeout', 'optimal']).toContain(r.report.solve?.status);
    expect(r.report.solve!.seconds).toBeLessThan(120);
    expect(r.report.solve?.bound).not.toBeNull();
  }, 120_000);
});
