/**
 * Lagrangian ascent on the clinic and unit limits: the fast way to a strong lower bound, and prices
 * that steer repairs and neighbourhood moves towards plans that fit. For prices λ ≥ 0 on the checked
 * rows, L(λ) = Σ_trainees (cheapest schedule under λ) − Σ λ·free places is a lower bound on every
 * plan's cost, whatever λ is; the ascent only decides how fast L climbs.
 *
 * Steps are per row and adaptive (Adam: momentum and a step scaled by each row's own recent overfill),
 * projected on λ ≥ 0, with a step size that decays from STEP to STEP_FLOOR. Rows differ by orders of
 * magnitude in how contested they are (a unit with one trainee away at a time, a clinic of six), which
 * one global step length serves badly. Against plain subgradient (Polyak steps) and the Volume
 * algorithm (Barahona & Anbil) these steps raise the bound faster early on; all three level off at
 * about the same value, the LP bound of this model, so the plateau is not a weakness of the ascent.
 *
 * Each trainee's schedules are also averaged over the steps; the one with the largest weight is the
 * trainee's preferred schedule for repairs, as column generation's LP answer would give it.
 */
import type { CohortModel } from './model.ts';
import { columnKey, type Column } from './pricing.ts';
import type { Pricer } from './pricer.ts';
import { freeRows } from './repair.ts';

export interface AscentStep {
  /** The best bound so far. */
  bound: number;
  /** The prices of the best bound. */
  lambda: Float64Array;
  /** The schedules priced in this step, per trainee. */
  columns: (Column | null)[];
  /** Per trainee, the schedule with the largest weight in the running average. */
  preferred: (Column | null)[];
}

export interface AscentResult {
  bound: number;
  lambda: Float64Array;
  /** The schedules priced at each step (for the master). */
  columns: Column[][];
  iterations: number;
}

/**
 * Step size: STEP × STEP_DECAY^step, never below STEP_FLOOR. Longer first steps that shrink faster
 * than a gentle 0.3 × 0.99^step gave a higher bound within short time limits on large regions and
 * the same where the ascent stalls on its own; smaller first steps were worse, larger ones no better
 * (the benchmark, `npm run bench:solve`, prints the bounds).
 */
const STEP = 0.6;
const STEP_DECAY = 0.97;
const STEP_FLOOR = 0.02;
/** Adam's moment decays. */
const BETA1 = 0.9;
const BETA2 = 0.99;
/** Weight of the newest schedule in each trainee's running average. */
const ALPHA = 0.05;
/** Stalled: the bound rose by less than this share over the last STALL_STEPS steps. */
const STALL_SHARE = 1e-4;
const STALL_STEPS = 25;

export function lagrangeAscent(
  m: CohortModel,
  pricer: Pricer,
  planned: number[],
  startBound: number,
  until: () => boolean,
  onStep: (step: AscentStep) => void,
): AscentResult {
  const nRows = m.resources.length * m.nSlots;
  const free = freeRows(m);
  const lambda = new Float64Array(nRows);
  let center = lambda.slice();
  let zBar = -Infinity;
  // Per row over all rows (typed arrays: Maps of the rows touched cost more per step than the pricing
  // round itself at 200 trainees).
  const use = new Float64Array(nRows);
  const touched: number[] = [];
  const first = new Float64Array(nRows);
  const second = new Float64Array(nRows);
  const weights = planned.map(() => new Map<string, { col: Column; w: number }>());
  const history: Column[][] = [];
  const bounds: number[] = [];
  let it = 0;
  for (; !until(); it++) {
    let L = -placesValue(free, lambda);
    const cols: (Column | null)[] = new Array(m.trainees.length).fill(null);
    const priced = pricer.price(lambda, planned, until);
    if (!priced) break;
    for (const r of touched) use[r] = 0;
    touched.length = 0;
    planned.forEach((i, k) => {
      const p = priced[k];
      if (!p) return;
      L += p.priced;
      cols[i] = p.column;
      for (const r of p.column.rows) {
        if (use[r] === 0) touched.push(r);
        use[r] = use[r]! + 1;
      }
    });
    history.push(cols.filter((c): c is Column => c !== null));

    const a = it === 0 ? 1 : ALPHA;
    const preferred: (Column | null)[] = new Array(m.trainees.length).fill(null);
    planned.forEach((i, k) => {
      const c = cols[i];
      if (!c) return;
      const mine = weights[k]!;
      for (const [key, e] of mine) {
        e.w *= 1 - a;
        if (e.w < 0.01) mine.delete(key);
      }
      const key = columnKey(c);
      const e = mine.get(key);
      if (e) e.w += a;
      else mine.set(key, { col: c, w: a });
      let top: { col: Column; w: number } | null = null;
      for (const x of mine.values()) if (!top || x.w > top.w) top = x;
      preferred[i] = top!.col;
    });

    if (L > zBar + 1e-9) {
      zBar = L;
      center = lambda.slice();
    }
    bounds.push(zBar);
    onStep({ bound: Math.max(zBar, startBound), lambda: center, columns: cols, preferred });
    const back = bounds[bounds.length - 1 - STALL_STEPS];
    if (back !== undefined && zBar - back <= STALL_SHARE * Math.abs(zBar)) break;

    // The step, per checked row: the subgradient is the row's overfill (use − free).
    const step = Math.max(STEP_FLOOR, STEP * STEP_DECAY ** it);
    const c1 = 1 / (1 - BETA1 ** (it + 1));
    const c2 = 1 / (1 - BETA2 ** (it + 1));
    for (let r = 0; r < nRows; r++) {
      if (!m.checked[r]) continue;
      const g = use[r]! - free[r]!;
      // A row nobody wants, at price 0 and without momentum, stays as it is (most rows).
      if (g < 0 && lambda[r] === 0 && first[r] === 0) continue;
      first[r] = BETA1 * first[r]! + (1 - BETA1) * g;
      second[r] = BETA2 * second[r]! + (1 - BETA2) * g * g;
      lambda[r] = Math.max(0, lambda[r]! + (step * first[r]! * c1) / (Math.sqrt(second[r]! * c2) + 1e-8));
    }
  }
  return { bound: Math.max(zBar, startBound), lambda: center, columns: history, iterations: it };
}

/** Σ price × free places over every row: what the Lagrangian subtracts for the places it prices. */
export function placesValue(free: Int32Array, lambda: Float64Array): number {
  let sum = 0;
  for (let r = 0; r < lambda.length; r++) if (lambda[r]! > 0) sum += lambda[r]! * free[r]!;
  return sum;
}
