/** Pricing shared with a helper thread gives exactly the schedules and values of pricing on one thread. */
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../solver/demo/generate.ts';
import { Random } from '../../solver/demo/random.ts';
import { buildModel } from '../../solver/solve/model.ts';
import { createPricer, localPricer } from '../../solver/solve/pricer.ts';
import { columnKey } from '../../solver/solve/pricing.ts';

describe('pricer: a round shared between two threads', () => {
  it('returns the same schedules and priced values as one thread', async () => {
    const s = generateScenario({ size: 30, seed: 3, today: '2026-11-22' });
    const m = buildModel(s);
    const planned = m.trainees.filter((t) => t.items.length > 0).map((t) => t.index);
    const rng = new Random(5);
    const lambda = new Float64Array(m.resources.length * m.nSlots);
    for (let r = 0; r < lambda.length; r++) if (m.checked[r] && rng.chance(0.3)) lambda[r] = rng.next();
    const shared = createPricer(m, { scenario: s, build: {} }, 2);
    try {
      const until = Date.now() + 20_000;
      while (shared.threads() < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(shared.threads()).toBe(2);
      const a = shared.price(lambda, planned, () => false)!;
      const b = localPricer(m).price(lambda, planned, () => false)!;
      expect(a.map((p) => p && columnKey(p.column))).toEqual(b.map((p) => p && columnKey(p.column)));
      a.forEach((p, k) => expect(p!.priced).toBeCloseTo(b[k]!.priced, 9));
      expect(a.map((p) => p!.column.rows)).toEqual(b.map((p) => p!.column.rows));
    } finally {
      shared.dispose();
    }
  }, 30_000);
});
