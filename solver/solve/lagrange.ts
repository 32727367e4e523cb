/**
 * Lagrangian ascent (subgradient, Polyak steps) on the clinic and unit limits: the fast way to a strong
 * lower bound. For prices λ ≥ 0 on every clinic/unit week, L(λ) = Σ_trainees (cheapest schedule under λ)
 * − Σ λ·free places is a lower bound on every plan's cost; the step moves λ up where the trainees'
 * cheapest schedules overfill a week and down where places are left, scaled by how far L is below the
 * best plan known. No LP is needed, so each step costs one pricing round; its best λ then seeds the
 * column-generation master's smoothing centre, and its schedules seed repairs.
 */
import type { CohortModel } from './model.ts';
import { bestSchedule, pricePrefix, type Column } from './pricing.ts';

export interface AscentResult {
  bound: number;
  lambda: Float64Array;
  /** The schedules priced at each step (for the master and repairs). */
  columns: Column[][];
  iterations: number;
}

export function lagrangeAscent(
  m: CohortModel,
  planned: number[],
  upper: () => number,
  startBound: number,
  until: () => boolean,
  onStep: (bound: number, columns: (Column | null)[], lambda: Float64Array) => void,
): AscentResult {
  const nRows = m.resources.length * m.nSlots;
  const free = new Int32Array(nRows);
  m.resources.forEach((r, i) => free.set(r.free, i * m.nSlots));
  let lambda = new Float64Array(nRows);
  let best = startBound;
  let bestLambda = new Float64Array(nRows);
  const positive = new Set<number>();
  // Step scale: start at 0.1 of the Polyak step (1.0 overshoots on the generated regions), lengthen
  // it while the bound climbs, halve it after three steps without progress.
  let theta = 0.1;
  let stale = 0;
  const history: Column[][] = [];
  let it = 0;
  for (; !until(); it++) {
    const use = new Map<number, number>();
    let L = 0;
    for (const r of positive) L -= lambda[r]! * free[r]!;
    const cols: (Column | null)[] = new Array(m.trainees.length).fill(null);
    let complete = true;
    const prefix = pricePrefix(m, lambda);
    for (const i of planned) {
      if (until()) {
        complete = false;
        break;
      }
      const p = bestSchedule(m, m.trainees[i]!, { dual: lambda, prefix, free: null });
      if (!p) continue;
      L += p.priced;
      cols[i] = p.column;
      for (const r of p.column.rows) use.set(r, (use.get(r) ?? 0) + 1);
    }
    if (!complete) break;
    history.push(cols.filter((c): c is Column => c !== null));
    if (L > best + 1e-9) {
      best = L;
      bestLambda = lambda.slice();
      stale = 0;
      theta = Math.min(2, theta * 1.5); // climbing: lengthen the step
    } else if (++stale >= 3) {
      theta /= 2;
      stale = 0;
    }
    onStep(best, cols, lambda);
    // Subgradient, projected on λ ≥ 0.
    const g = new Map<number, number>();
    for (const [r, u] of use) if (u !== free[r]) g.set(r, u - free[r]!);
    for (const r of positive) if (!use.has(r)) g.set(r, -free[r]!);
    let norm = 0;
    for (const [r, v] of g) {
      if (v < 0 && lambda[r]! <= 0) g.delete(r);
      else norm += v * v;
    }
    const gapToUpper = upper() - L;
    if (norm === 0 || gapToUpper <= 1e-9 || theta < 1e-4) break;
    const step = (theta * gapToUpper) / norm;
    const next = lambda.slice();
    for (const [r, v] of g) {
      const x = Math.max(0, next[r]! + step * v);
      next[r] = x;
      if (x > 0) positive.add(r);
      else positive.delete(r);
    }
    lambda = next;
  }
  return { bound: best, lambda: bestLambda, columns: history, iterations: it };
}
