/**
 * Integer plans from column generation's fractional answer: trainees take, in turn, their preferred
 * schedule when it still fits the places left; those that do not fit get the cheapest schedule that
 * does (the pricing DP with full slots closed, guided by the master's prices). Then best-response
 * passes: each trainee in turn is taken out and re-planned against everyone else — exact for that
 * trainee, so the plan's cost never rises.
 */
import type { CohortModel } from './model.ts';
import { bestSchedule, type Column } from './pricing.ts';

export interface Incumbent {
  columns: (Column | null)[];
  cost: number;
  /** Trainees for whom no schedule fits the places left. */
  unplaced: number[];
}

/** Free places per row after the fixed placements: the starting point of every repair. */
export function freeRows(m: CohortModel): Int32Array {
  const free = new Int32Array(m.resources.length * m.nSlots);
  m.resources.forEach((r, i) => free.set(r.free, i * m.nSlots));
  return free;
}

function fits(col: Column, free: Int32Array): boolean {
  for (const r of col.rows) if (free[r]! < 1) return false;
  return true;
}

function take(col: Column, free: Int32Array, delta: number): void {
  for (const r of col.rows) free[r] = free[r]! - delta;
}

export function costOf(columns: (Column | null)[]): number {
  let sum = 0;
  for (const c of columns) if (c) sum += c.cost;
  return sum;
}

/**
 * Builds a plan from preferred columns (in `order`), repairing with the DP where they collide.
 * `dual` guides repairs away from contested slots; `shouldStop` lets a cancel cut it short.
 */
export function repairPlan(
  m: CohortModel,
  preferred: (Column | null)[],
  order: number[],
  dual: Float64Array | null,
  shouldStop: () => boolean = () => false,
): Incumbent {
  const free = freeRows(m);
  const columns: (Column | null)[] = m.trainees.map(() => null);
  const unplaced: number[] = [];
  // One pass in the given order (tightest trainees first): the preferred schedule when it still fits,
  // else at once the cheapest schedule that does — before less constrained trainees take the places.
  for (const i of order) {
    const col = preferred[i];
    if (col && fits(col, free)) {
      take(col, free, 1);
      columns[i] = col;
      continue;
    }
    const best = shouldStop() ? null : bestSchedule(m, m.trainees[i]!, { dual, free });
    if (best) {
      take(best.column, free, 1);
      columns[i] = best.column;
    } else unplaced.push(i);
  }
  return { columns, cost: costOf(columns), unplaced };
}

/**
 * Best-response passes: re-plan each trainee against everyone else's places until a pass gains
 * nothing or time runs out. Unplaced trainees get another try each pass.
 */
export function improve(m: CohortModel, inc: Incumbent, shouldStop: () => boolean, maxPasses = 3): Incumbent {
  const free = freeRows(m);
  const columns = [...inc.columns];
  for (const c of columns) if (c) take(c, free, 1);
  let unplaced = [...inc.unplaced];
  for (let pass = 0; pass < maxPasses; pass++) {
    let gained = 0;
    const still: number[] = [];
    for (const i of unplaced) {
      if (shouldStop()) {
        still.push(i);
        continue;
      }
      const best = bestSchedule(m, m.trainees[i]!, { dual: null, free });
      if (best) {
        take(best.column, free, 1);
        columns[i] = best.column;
        gained += 1;
      } else still.push(i);
    }
    unplaced = still;
    const order = columns
      .map((c, i) => ({ i, cost: c?.cost ?? 0 }))
      .filter((x) => columns[x.i] !== null && m.trainees[x.i]!.items.length > 0)
      .sort((a, b) => b.cost - a.cost);
    for (const { i } of order) {
      if (shouldStop()) break;
      const cur = columns[i]!;
      take(cur, free, -1);
      const best = bestSchedule(m, m.trainees[i]!, { dual: null, free });
      if (best && best.column.cost < cur.cost - 1e-9) {
        gained += cur.cost - best.column.cost;
        columns[i] = best.column;
      }
      take(columns[i]!, free, 1);
    }
    if (gained < 1e-6 || shouldStop()) break;
  }
  return { columns, cost: costOf(columns), unplaced };
}

/**
 * Ejection: for a trainee no repair could place, take out the trainees holding the full weeks that its
 * cheapest schedule needs, place it, then put them back elsewhere (each by the DP against the places
 * left). Kept only when everyone ends up placed; otherwise the plan is left as it was.
 */
export function ejectRepair(m: CohortModel, inc: Incumbent, shouldStop: () => boolean): Incumbent {
  if (inc.unplaced.length === 0) return inc;
  let columns = [...inc.columns];
  let unplaced = [...inc.unplaced];
  for (const u of [...unplaced]) {
    if (shouldStop()) break;
    const own = bestSchedule(m, m.trainees[u]!, { dual: null, free: null });
    if (!own) continue;
    const free = freeRows(m);
    for (const c of columns) if (c) take(c, free, 1);
    const full = new Set(own.column.rows.filter((r) => free[r]! < 1));
    const eject = new Set<number>();
    columns.forEach((c, i) => {
      if (c && c.rows.some((r) => full.has(r))) eject.add(i);
    });
    const trial = [...columns];
    for (const i of eject) {
      take(trial[i]!, free, -1);
      trial[i] = null;
    }
    const placeU = bestSchedule(m, m.trainees[u]!, { dual: null, free });
    if (!placeU) continue;
    take(placeU.column, free, 1);
    trial[u] = placeU.column;
    let ok = true;
    for (const i of eject) {
      const again = bestSchedule(m, m.trainees[i]!, { dual: null, free });
      if (!again) {
        ok = false;
        break;
      }
      take(again.column, free, 1);
      trial[i] = again.column;
    }
    if (ok) {
      columns = trial;
      unplaced = unplaced.filter((x) => x !== u);
    }
  }
  return { columns, cost: costOf(columns), unplaced };
}
