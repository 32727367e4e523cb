/**
 * A unit's trainees planned together: the unit subproblem. Where a unit lets few trainees away at a
 * time, re-planning its trainees one at a time never finds unit-mates taking turns (one's rotation
 * inside another's return weeks). Here they are one time-indexed MIP (HiGHS) on the model's own
 * options (model.ts): a binary per rotation, start option and clinic, and
 * - each rotation once; a trainee's rotations (with their return weeks) never overlap: at most one
 *   option holds each DP slot from its start to its `next`, as in the pricing DP;
 * - the unit's and the clinics' checked day rows within the places the rest of the cohort leaves;
 * - per trainee, a completion cost ≥ the extension and fairness of each rotation's end: at an integer
 *   point, that of the last one (completionCost rises with the end);
 * - per trainee, the order cost when the last rotation is one that should not be last: owed as soon as
 *   such a rotation has no other rotation starting after it.
 * So the MIP's objective is the solver's objective of the same schedules, exactly, and its optimum
 * over every option is the unit's optimum on the model's grid (the exact reference of the bench).
 *
 * Three uses: the exact reference of `bench:bound` (every option); inside a solve, moves that re-plan
 * a tight unit near the plan in hand (starts within `reach` weeks of each rotation's start there,
 * which is also the MIP's first solution: small MIPs); and, before anyone is left without a plan,
 * a joint plan of the units of trainees no repair could place.
 */
import { addChoiceRows, choiceCost, completionCost, makeColumn, orderCost, type Choice, type Column } from './pricing.ts';
import type { CohortModel, RotationOption, TraineeModel } from './model.ts';
import { createLpModel, type LpModel, type SolveLimits } from './lp/index.ts';
import { costOf, placesLeft, type Incumbent } from './repair.ts';

export interface UnitProblem {
  /** The trainees planned together (model indices, each with rotations to place). */
  trainees: number[];
  /** Places left per row for these trainees: the rest of the cohort and fixed placements taken. */
  free: Int32Array;
  /** A schedule per trainee (same order) that keeps the places: the plan in hand, the MIP's first solution. */
  start: (Column | null)[] | null;
  /** With a start plan, only starts within this many weeks of each rotation's start there. */
  reach: number;
  limits: SolveLimits;
  /** A MIP with more binaries than this is not solved (what a work budget has room for); default any. */
  maxVariables?: number;
}

export interface UnitSolution {
  /** The schedules found, one per trainee (same order); null when none was found. */
  columns: Column[] | null;
  /** Their cost (the solver's objective), or Infinity. */
  cost: number;
  /** Proven lower bound on the cost of the unit's plans over the options the MIP had; Infinity when it has none. */
  bound: number;
  /** True when the MIP proved its plan optimal (within its gap). */
  optimal: boolean;
  /** Binary variables of the MIP. */
  variables: number;
}

interface Candidate {
  trainee: number;
  choice: Choice;
  /** The checked rows it holds (addChoiceRows). */
  rows: number[];
}

export async function planUnit(m: CohortModel, p: UnitProblem): Promise<UnitSolution> {
  const trainees = p.trainees.map((i) => m.trainees[i]!);
  const candidates = candidatesOf(m, trainees, p);
  if (candidates.length > (p.maxVariables ?? Infinity)) return { columns: null, cost: Infinity, bound: -Infinity, optimal: false, variables: 0 };
  const lp = await createLpModel('highs');
  try {
    const start = buildMip(lp, m, trainees, candidates, p);
    const sol = lp.solveMip({ ...p.limits, ...(start ? { start } : {}) });
    const bound = sol.status === 'infeasible' ? Infinity : (sol.bound ?? -Infinity);
    if (!sol.x) return { columns: null, cost: Infinity, bound, optimal: sol.status === 'infeasible', variables: candidates.length };
    const choices = trainees.map((): Choice[] => []);
    candidates.forEach((c, j) => {
      if (sol.x![j]! > 0.5) choices[c.trainee]!.push(c.choice);
    });
    const columns = trainees.map((t, k) => makeColumn(m, t, choices[k]!.sort((a, b) => a.option.slot - b.option.slot)));
    const cost = columns.reduce((s, c) => s + c.cost, 0);
    return { columns, cost, bound: Math.min(bound, cost), optimal: sol.status === 'optimal', variables: candidates.length };
  } finally {
    lp.dispose();
  }
}

/**
 * The unit's MIP: rows (each rotation once, the trainees' slots, the places where the candidates
 * could overfill them, completion and order costs), a binary column per candidate, then per trainee
 * its completion and order columns. Returns the start plan as a full solution, when there is one.
 */
function buildMip(lp: LpModel, m: CohortModel, trainees: TraineeModel[], candidates: Candidate[], p: UnitProblem): Float64Array | undefined {
  const itemRow = trainees.map((t) => t.items.map(() => lp.addRow(1, 1, [], [])));
  const slotRow = slotRows(lp, trainees, candidates);
  const users = new Map<number, Set<number>>();
  for (const c of candidates) {
    for (const r of c.rows) {
      let u = users.get(r);
      if (!u) users.set(r, (u = new Set()));
      u.add(c.trainee);
    }
  }
  const placeRow = new Map<number, number>();
  for (const [r, u] of users) if (u.size > p.free[r]!) placeRow.set(r, lp.addRow(-Infinity, p.free[r]!, [], []));
  const finishRow = trainees.map((t) => t.items.map(() => lp.addRow(0, Infinity, [], [])));
  const order = trainees.map((t, k) => orderRows(lp, t, candidates.filter((c) => c.trainee === k).map((c) => c.choice.option.slot - t.firstSlot)));

  for (const c of candidates) {
    const t = trainees[c.trainee]!;
    const o = c.choice.option;
    const h = o.slot - t.firstSlot;
    const rows = [itemRow[c.trainee]![c.choice.item]!];
    for (let s = h; s < o.next - t.firstSlot && s < t.span; s++) {
      const row = slotRow[c.trainee]!.get(s);
      if (row !== undefined) rows.push(row);
    }
    for (const r of c.rows) {
      const row = placeRow.get(r);
      if (row !== undefined) rows.push(row);
    }
    const values = rows.map(() => 1);
    rows.push(finishRow[c.trainee]![c.choice.item]!);
    values.push(-completionCost(t, o.parts[o.parts.length - 1]!.to));
    order[c.trainee]?.enter(c.choice.item, h, rows, values);
    lp.addColumn(choiceCost(m, t, c.choice), 0, 1, rows, values, true);
  }
  const planned = p.start && p.start.every((c) => c !== null) ? (p.start as Column[]) : null;
  const startValues: number[] = planned ? chosenIn(candidates, planned) : [];
  trainees.forEach((t, k) => {
    lp.addColumn(1, 0, Infinity, finishRow[k]!, finishRow[k]!.map(() => 1));
    order[k]?.finish();
    if (!planned) return;
    const chosen = planned[k]!.choices;
    startValues.push(Math.max(0, ...chosen.map((ch) => completionCost(t, ch.option.parts[ch.option.parts.length - 1]!.to))));
    if (order[k]) startValues.push(...order[k]!.valuesOf(chosen.map((ch) => ({ item: ch.item, h: ch.option.slot - t.firstSlot }))));
  });
  return planned ? Float64Array.from(startValues) : undefined;
}

/**
 * The MIP's options: per rotation, its grid options (both lengths) and the keep option, each at the
 * cheapest clinic with a place on every day it holds — near the start plan's start, with one — and
 * the start plan's own choices.
 */
function candidatesOf(m: CohortModel, trainees: TraineeModel[], p: UnitProblem): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Map<RotationOption, Set<number>>();
  const add = (k: number, choice: Choice, rows: number[]) => {
    let clinics = seen.get(choice.option);
    if (!clinics) seen.set(choice.option, (clinics = new Set()));
    if (clinics.has(choice.clinic)) return;
    clinics.add(choice.clinic);
    out.push({ trainee: k, choice, rows });
  };
  trainees.forEach((t, k) => {
    const planned = p.start?.[k]?.choices;
    t.items.forEach((item, i) => {
      const near = planned?.find((ch) => ch.item === i)?.option.slot;
      for (const o of [...item.grid, ...(item.shortGrid ?? []), item.keepOption]) {
        if (!o || o.next - t.firstSlot > t.span) continue;
        if (near !== undefined && Math.abs(o.slot - near) > p.reach) continue;
        const open = cheapestOpenClinic(m, t, i, o, p.free);
        if (open) add(k, open.choice, open.rows);
      }
    });
    for (const ch of planned ?? []) add(k, ch, rowsOf(m, t, ch));
  });
  return out;
}

/** The option at the cheapest of the rotation's clinics with a place on every day it holds (its unit's too), with those rows; null when none. */
function cheapestOpenClinic(m: CohortModel, t: TraineeModel, item: number, o: RotationOption, free: Int32Array): { choice: Choice; rows: number[] } | null {
  let best: { choice: Choice; rows: number[] } | null = null;
  let bestCost = Infinity;
  for (const clinic of t.items[item]!.clinics) {
    const choice = { item, option: o, clinic };
    const rows = rowsOf(m, t, choice);
    const cost = choiceCost(m, t, choice);
    if (rows.every((r) => free[r]! >= 1) && cost < bestCost) {
      bestCost = cost;
      best = { choice, rows };
    }
  }
  return best;
}

function rowsOf(m: CohortModel, t: TraineeModel, choice: Choice): number[] {
  const rows = new Set<number>();
  addChoiceRows(m, t, choice, rows);
  return [...rows];
}

/**
 * The rows that keep a trainee's rotations apart: one per DP slot that options of two or more of its
 * rotations hold (where only one rotation's options do, its "once" row already keeps them to one).
 */
function slotRows(lp: LpModel, trainees: TraineeModel[], candidates: Candidate[]): Map<number, number>[] {
  return trainees.map((t, k) => {
    const items = new Map<number, Set<number>>();
    for (const c of candidates) {
      if (c.trainee !== k) continue;
      const o = c.choice.option;
      for (let h = o.slot - t.firstSlot; h < o.next - t.firstSlot && h < t.span; h++) {
        const at = items.get(h) ?? new Set<number>();
        at.add(c.choice.item);
        items.set(h, at);
      }
    }
    const rows = new Map<number, number>();
    for (const [h, at] of items) if (at.size > 1) rows.set(h, lp.addRow(-Infinity, 1, [], []));
    return rows;
  });
}

/**
 * The order cost's rows for one trainee, over the DP slots its options start in (`starts`, sorted
 * here): z ≥ (a rotation that should not be last starts in slot s) − n_s, where n_s counts the
 * trainee's other rotations starting after s. Null when no rotation has an order cost. Columns enter
 * their coefficients as they are added (`enter`); `finish` adds z and n.
 */
function orderRows(lp: LpModel, t: TraineeModel, starts: number[]) {
  const weight = Math.max(0, ...t.items.map(orderCost));
  if (weight === 0) return null;
  const slots = [...new Set(starts)].sort((a, b) => a - b);
  const index = new Map(slots.map((h, q) => [h, q]));
  const n = slots.length;
  // z − Σ last-not options at s_q + n_q ≥ 0, and n_q − n_{q+1} − Σ other options at s_{q+1} = 0.
  const owe = slots.map(() => lp.addRow(0, Infinity, [], []));
  const count = slots.map(() => lp.addRow(0, 0, [], []));
  return {
    enter(item: number, h: number, rows: number[], values: number[]) {
      const q = index.get(h)!;
      if (orderCost(t.items[item]!) > 0) {
        rows.push(owe[q]!);
        values.push(-1);
      } else if (q > 0) {
        rows.push(count[q - 1]!);
        values.push(-1);
      }
    },
    /** z and n_0 … n_{n−1} for a schedule (its rotations' items and DP slots). */
    valuesOf(chosen: { item: number; h: number }[]): number[] {
      const last = chosen.reduce((a, b) => (b.h > a.h ? b : a));
      const z = orderCost(t.items[last.item]!) > 0 ? 1 : 0;
      const others = chosen.filter((c) => orderCost(t.items[c.item]!) === 0);
      return [z, ...slots.map((h) => others.filter((c) => c.h > h).length)];
    },
    finish() {
      lp.addColumn(weight, 0, Infinity, owe, owe.map(() => 1));
      for (let q = 0; q < n; q++) {
        const rows = [owe[q]!, count[q]!];
        const values = [1, 1];
        if (q > 0) {
          rows.push(count[q - 1]!);
          values.push(-1);
        }
        lp.addColumn(0, 0, Infinity, rows, values);
      }
    },
  };
}

/** 1 for the candidates the plan chooses, else 0. */
function chosenIn(candidates: Candidate[], plan: Column[]): number[] {
  return candidates.map((c) => (plan[c.trainee]!.choices.some((ch) => ch.option === c.choice.option && ch.clinic === c.choice.clinic) ? 1 : 0));
}

/** The planned trainees of each unit whose limit is below their number on some day: unit-mates compete there. */
export function tightUnits(m: CohortModel): number[][] {
  const byUnit = new Map<number, number[]>();
  for (const t of m.trainees) if (t.unit >= 0 && t.items.length > 0) byUnit.set(t.unit, [...(byUnit.get(t.unit) ?? []), t.index]);
  return [...byUnit].filter(([u, group]) => group.length >= 2 && Math.min(...m.resources[u]!.free) < group.length).map(([, group]) => group);
}

export interface UnitMoveControl {
  until: () => boolean;
  /** The limits of one MIP (a node limit under a work budget, else seconds). */
  limits: () => SolveLimits;
  /**
   * The most binaries a MIP may have now. Under a work budget a MIP costs a unit per binary, counted
   * before it runs, so a move never overruns the share it was given.
   */
  room: () => number;
}

/**
 * Unit moves: the trainees of each tight unit (`units`, from tightUnits) re-planned together, the
 * units whose schedules are dearest above their trainees' own best first. Each MIP lets every rotation
 * start within `reaches[0]` weeks of where it is (small MIPs), again while it gains, then with the
 * next reach.
 */
export async function unitMoves(m: CohortModel, inc: Incumbent, units: number[][], ownCost: number[], reaches: number[], ctl: UnitMoveControl): Promise<Incumbent> {
  if (inc.unplaced.length > 0) return inc;
  const columns = [...inc.columns];
  const excess = (group: number[]) => group.reduce((s, i) => s + columns[i]!.cost - ownCost[i]!, 0);
  for (const group of [...units].sort((a, b) => excess(b) - excess(a))) {
    for (let wide = 0; wide < reaches.length; ) {
      if (ctl.until()) return { columns, cost: costOf(columns), unplaced: [] };
      const start = group.map((i) => columns[i]!);
      const r = await planUnit(m, { trainees: group, free: placesLeft(m, columns, new Set(group)), start, reach: reaches[wide]!, limits: ctl.limits(), maxVariables: ctl.room() });
      m.work.units += r.variables;
      if (process.env.RANDPLAN_DEBUG) console.error(`unit move: ${group.length} trainees, reach ${reaches[wide]}, ${r.variables} variables, ${costOf(start).toFixed(1)} → ${r.cost.toFixed(1)}, optimal ${r.optimal}, work ${m.work.units}`);
      if (r.columns && r.cost < costOf(start) - 1e-6) {
        group.forEach((i, k) => (columns[i] = r.columns![k]!));
        wide = 0;
      } else wide++;
    }
  }
  return { columns, cost: costOf(columns), unplaced: [] };
}

/**
 * Before anyone is left without a plan: each unplaced trainee's tight unit (of `units`) planned
 * jointly, everyone of the unit re-placed against the places the rest of the cohort leaves. Kept when it places the trainee.
 */
export async function completeByUnits(m: CohortModel, inc: Incumbent, units: number[][], ctl: UnitMoveControl): Promise<Incumbent> {
  const columns = [...inc.columns];
  let unplaced = [...inc.unplaced];
  for (const group of units) {
    if (ctl.until()) break;
    if (!group.some((i) => unplaced.includes(i))) continue;
    const r = await planUnit(m, { trainees: group, free: placesLeft(m, columns, new Set(group)), start: null, reach: Infinity, limits: ctl.limits(), maxVariables: ctl.room() });
    m.work.units += r.variables;
    if (!r.columns) continue;
    group.forEach((i, k) => (columns[i] = r.columns![k]!));
    unplaced = unplaced.filter((i) => !group.includes(i));
  }
  return { columns, cost: costOf(columns), unplaced };
}
