/**
 * Integer plans from column generation's fractional answer: trainees take, in turn, their preferred
 * schedule when it still fits the places left; those that do not fit get the cheapest schedule that
 * does (the pricing DP with full slots closed, guided by the master's prices). Then best-response
 * passes: each trainee in turn is taken out and re-planned against everyone else — exact for that
 * trainee, so the plan's cost never rises.
 */
import type { CohortModel } from './model.ts';
import { bestSchedule, type Column } from './pricing.ts';
import type { Random } from '../demo/random.ts';

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

/** Places left per row when the schedules in `columns` (all but those of `except`) hold theirs. */
export function placesLeft(m: CohortModel, columns: (Column | null)[], except: ReadonlySet<number> = new Set()): Int32Array {
  const free = freeRows(m);
  columns.forEach((c, i) => {
    if (c && !except.has(i)) take(c, free, 1);
  });
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
  const columns = [...inc.columns];
  const free = placesLeft(m, columns);
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
    const free = placesLeft(m, columns);
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

/** Trainees taken out together by one neighbourhood move. */
const NEIGHBOURHOOD = 12;
/** Days around the chosen rotation in which competitors for its clinic and unit are looked for. */
const NEIGHBOURHOOD_DAYS = 60;

/**
 * Large-neighbourhood search: best responses move one trainee at a time, so two trainees who would
 * gain by swapping places never do. A move takes out a trainee and those competing with one of its
 * rotations (at the same clinic or away from the same unit within NEIGHBOURHOOD_DAYS), puts them back
 * one by one in a random order, each by the DP against the places left, and keeps the result when the
 * plan got cheaper (true cost). The DP is steered by `dual`, the ascent's best prices, when given: a
 * trainee put back then avoids the weeks others need most. The trainee a move centres on is drawn by
 * how much dearer their schedule is than their own best (`ownCost`). Both the prices and the draw by
 * excess gave cheaper plans in the same time than unsteered, uniformly drawn moves.
 * Runs moves until `until()`; returns the best plan (the one given when no move paid).
 */
export function searchNeighbourhoods(
  m: CohortModel,
  inc: Incumbent,
  rng: Random,
  until: () => boolean,
  dual: Float64Array | null,
  ownCost: number[],
): Incumbent {
  if (inc.unplaced.length > 0) return inc;
  const columns = [...inc.columns];
  const free = placesLeft(m, columns);
  const movable = m.trainees.filter((t) => t.items.length > 0 && columns[t.index]).map((t) => t.index);
  if (movable.length < 2) return inc;
  let cost = inc.cost;
  while (!until()) {
    // The move centres on a trainee drawn by how much dearer their schedule is than their own best.
    const i = drawByExcess(movable, (j) => columns[j]!.cost - ownCost[j]!, rng);
    const col = columns[i]!;
    if (col.choices.length === 0) continue;
    const ch = rng.pick(col.choices);
    const parts = ch.option.parts;
    const from = parts[0]!.from - NEIGHBOURHOOD_DAYS;
    const to = parts[parts.length - 1]!.to + NEIGHBOURHOOD_DAYS;
    const unit = m.trainees[i]!.unit;
    const rivals = movable.filter((j) => {
      if (j === i) return false;
      const t = m.trainees[j]!;
      return columns[j]!.choices.some((c) => {
        const ps = c.option.parts;
        const overlaps = ps[0]!.from <= to && from <= ps[ps.length - 1]!.to;
        return overlaps && (c.clinic === ch.clinic || (unit >= 0 && t.unit === unit));
      });
    });
    const group = [i, ...rng.shuffle(rivals).slice(0, NEIGHBOURHOOD - 1)];
    const before = group.map((j) => columns[j]!);
    for (const c of before) take(c, free, -1);
    const after: Column[] = [];
    for (const j of rng.shuffle([...group])) {
      const best = bestSchedule(m, m.trainees[j]!, { dual, free });
      if (!best) break;
      take(best.column, free, 1);
      after.push(best.column);
      columns[j] = best.column;
    }
    const oldCost = before.reduce((s, c) => s + c.cost, 0);
    const newCost = after.reduce((s, c) => s + c.cost, 0);
    if (after.length === group.length && newCost < oldCost - 1e-9) {
      cost += newCost - oldCost;
      continue;
    }
    // Not better: put everyone back as they were.
    for (const c of after) take(c, free, -1);
    group.forEach((j, k) => {
      columns[j] = before[k]!;
      take(before[k]!, free, 1);
    });
  }
  return cost < inc.cost - 1e-9 ? { columns, cost: costOf(columns), unplaced: [] } : inc;
}

/** One of `items`, drawn with probability proportional to its positive excess (uniformly when none has any). */
function drawByExcess(items: number[], excess: (j: number) => number, rng: Random): number {
  let total = 0;
  for (const j of items) total += Math.max(0, excess(j));
  if (total <= 0) return rng.pick(items);
  let x = rng.next() * total;
  for (const j of items) {
    x -= Math.max(0, excess(j));
    if (x <= 0) return j;
  }
  return items[items.length - 1]!;
}
