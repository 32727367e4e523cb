/**
 * The cohort solve, in phases: (0) every trainee's own best schedule — a first bound — and a first
 * integer plan by repair; (1) Lagrangian ascent (lagrange.ts) for a strong bound and price-guided
 * repairs; (2) column generation on the master LP, prices smoothed towards the ascent's best; (3)
 * best-response passes and, with HiGHS, the restricted master as a MIP. Phases end early at the gap
 * target, the time limit or a cancel.
 *
 * Master LP: choose one schedule (column) per trainee (convexity rows) so that, in every clinic and unit
 * slot that is contested, no more trainees are away than there are places. Rows are added lazily —
 * only where the current answer puts more trainees than places — each with an "over capacity" column
 * at a prohibitive cost, so the master is always feasible and a positive one at convergence proves
 * the limits cannot all hold (and names where). Pricing is the trainee DP of pricing.ts.
 *
 * Bound: for any prices λ ≥ 0 on the rows, Σ_trainees (cheapest schedule under λ) − Σ λ·places is a
 * lower bound on every plan's cost (Lagrangian relaxation); it is computed after every pricing round,
 * so the proven gap is valid even when time runs out before convergence.
 */
import type { CohortModel } from './model.ts';
import { bestSchedule, pricePrefix, type Column } from './pricing.ts';
import { costOf, ejectRepair, freeRows, improve, repairPlan, type Incumbent } from './repair.ts';
import { createLpModel, type EngineName, type LpModel } from './lp/index.ts';
import { OVER_CAPACITY_COST } from './weights.ts';
import { lagrangeAscent } from './lagrange.ts';

export interface SolveProgressInfo {
  seconds: number;
  phase: string;
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

export interface CohortControl {
  engine: EngineName;
  /** performance.now() at which to stop. */
  deadline: number;
  /** performance.now() when the solve started. */
  started: number;
  /** Stop as soon as the proven gap is at most this. */
  targetGap: number;
  shouldStop: () => boolean;
  onProgress?: (p: SolveProgressInfo) => void;
  /** Lets a worker's message loop run between rounds. */
  breathe?: () => Promise<void>;
  /**
   * A complete valid plan's schedules (the greedy plan), one per trainee: the first incumbent when
   * they keep every day row, and columns of the master from the start.
   */
  seed?: (Column | null)[] | null;
}

export interface Overload {
  row: number;
  amount: number;
  /** Trainees whose LP schedules use the row. */
  trainees: number[];
}

export interface CohortOutcome {
  incumbent: Incumbent | null;
  bound: number | null;
  /** Proven: the master's limits cannot all hold (over-capacity columns positive at LP optimum). */
  overloads: Overload[];
  converged: boolean;
  /** Trainees with no schedule even alone (their own rules collide). */
  alone: number[];
  firstFeasibleSeconds: number | null;
  iterations: number;
  stoppedEarly: boolean;
}

export function gapOf(incumbent: number | null, bound: number | null): number | null {
  if (incumbent === null || bound === null) return null;
  if (incumbent <= 1e-9) return Math.max(0, incumbent - bound) <= 1e-9 ? 0 : 1;
  return Math.max(0, (incumbent - bound) / Math.abs(incumbent));
}

interface LpCol {
  trainee: number;
  column: Column | null; // null: an over-capacity column
  row?: number;
}

export async function solveCohort(m: CohortModel, ctl: CohortControl): Promise<CohortOutcome> {
  const now = () => performance.now();
  const secs = () => (now() - ctl.started) / 1000;
  const stop = () => ctl.shouldStop() || now() >= ctl.deadline;
  const T = m.trainees.length;
  const planned = m.trainees.filter((t) => t.items.length > 0).map((t) => t.index);

  // Round 0: every trainee's own best schedule (no prices): a first bound and the seed columns.
  const first: (Column | null)[] = new Array(T).fill(null);
  const alone: number[] = [];
  let bound0 = 0;
  for (const t of m.trainees) {
    const p = bestSchedule(m, t, { dual: null, free: null });
    if (!p) alone.push(t.index);
    else {
      first[t.index] = p.column;
      bound0 += p.priced;
    }
    // Round 0 always completes, however short the time limit: without it there is no plan and no bound.
  }
  let bound: number | null = alone.length === 0 ? bound0 : null;
  const progress = (phase: string, inc: Incumbent | null) => {
    const incumbent = inc && inc.unplaced.length === 0 ? inc.cost : null;
    ctl.onProgress?.({ seconds: secs(), phase, incumbent, bound, gap: gapOf(incumbent, bound) });
  };

  // Tightest first: the fewest spare months between the first rotation day and the end of ST.
  const slack = (i: number) => {
    const t = m.trainees[i]!;
    return (t.facts.lastDay - t.earliest) / 30.4375 - t.items.reduce((sum, it) => sum + it.months, 0);
  };
  const byStart = [...planned].sort((a, b) => slack(a) - slack(b) || a - b);
  // Squeaky wheel: trainees a repair could not place go first in the next one.
  const failed = new Set<number>();
  const squeaky = (order: number[]) => [...order.filter((i) => failed.has(i)), ...order.filter((i) => !failed.has(i))];
  const seed = ctl.seed && planned.every((i) => ctl.seed![i]) && withinLimits(m, ctl.seed) ? ctl.seed : null;
  // With a complete seed, best responses from it (each trainee re-planned against the others) give a
  // cheaper complete plan at once, and the time repairs would take goes to the bound instead.
  let best: Incumbent | null = seed
    ? improve(m, { columns: [...seed], cost: costOf(seed), unplaced: [] }, stop, 3)
    : ejectRepair(m, repairPlan(m, first, byStart, null), stop);
  for (let retry = 0; retry < 4 && best.unplaced.length > 0 && !stop(); retry++) {
    for (const i of best.unplaced) failed.add(i);
    const again = ejectRepair(m, repairPlan(m, first, squeaky(byStart), null, stop), stop);
    if (again.unplaced.length < best.unplaced.length || (again.unplaced.length === best.unplaced.length && again.cost < best.cost)) best = again;
  }
  let firstFeasibleSeconds: number | null = best.unplaced.length === 0 ? secs() : null;
  const accept = (inc: Incumbent) => {
    const better =
      !best || inc.unplaced.length < best.unplaced.length || (inc.unplaced.length === best.unplaced.length && inc.cost < best.cost - 1e-9);
    if (better) best = inc;
    if (firstFeasibleSeconds === null && best && best.unplaced.length === 0) firstFeasibleSeconds = secs();
  };
  progress('first-plan', best);
  if (planned.length === 1 && best.unplaced.length === 0) {
    // One trainee re-planned against everyone else's fixed places: the repair's DP with the full slots
    // closed is already exact, so its cost is also the bound.
    bound = best.cost;
    progress('done', best);
    return { incumbent: best, bound, overloads: [], converged: true, alone, firstFeasibleSeconds, iterations: 0, stoppedEarly: false };
  }
  const done = () => {
    const b = best;
    return b !== null && b.unplaced.length === 0 && (gapOf(b.cost, bound) ?? 1) <= ctl.targetGap;
  };
  if (alone.length > 0 || done() || stop()) {
    return { incumbent: best, bound, overloads: [], converged: false, alone, firstFeasibleSeconds, iterations: 0, stoppedEarly: stop() };
  }

  // Lagrangian ascent first: a strong bound fast, and schedules under realistic prices for repairs.
  // Most of the budget goes to the ascent: measured on the generated regions, it is what raises the
  // bound within seconds (50 trainees: 2361 → 2800 in 5 s), while a master LP with day rows needs tens
  // of seconds of column generation before its value proves more. The master keeps the rest.
  const ascentEnd = ctl.started + (ctl.deadline - ctl.started) * 0.75;
  let steps = 0;
  const ascent = lagrangeAscent(
    m,
    planned,
    () => (best && best.unplaced.length === 0 ? best.cost : bound0 * 2 + 1),
    bound ?? -Infinity,
    () => stop() || now() >= ascentEnd || done(),
    (b, cols, lambda) => {
      bound = Math.max(bound ?? -Infinity, b);
      if (++steps % 3 === 0) {
        const repaired = repairPlan(m, cols, squeaky(byStart), lambda, stop);
        for (const i of repaired.unplaced) failed.add(i);
        accept(repaired);
      }
      progress('lagrange', best);
    },
  );
  if (done() || stop()) {
    progress('done', best);
    return { incumbent: best, bound, overloads: [], converged: false, alone, firstFeasibleSeconds, iterations: ascent.iterations, stoppedEarly: stop() };
  }
  if (now() > ctl.started + (ctl.deadline - ctl.started) * 0.7) {
    // The ascent used its share of the time: building the master (thousands of columns over day rows)
    // takes seconds at 800 trainees and would overrun the limit, so the rest goes to best responses.
    accept(improve(m, best, stop, 3));
    progress('done', best);
    return { incumbent: best, bound, overloads: [], converged: false, alone, firstFeasibleSeconds, iterations: ascent.iterations, stoppedEarly: true };
  }

  // The master (when the ascent stopped early on its own: stalled steps).
  const lp: LpModel = await createLpModel(ctl.engine);
  const lpCols: LpCol[] = [];
  const convRow = new Int32Array(T).fill(-1);
  for (const i of planned) convRow[i] = lp.addRow(1, 1, [], []);
  const activeRow = new Map<number, number>(); // model row → LP row
  const rowOfLp: number[] = []; // LP row → model row (−1 for convexity rows)
  for (let i = 0; i < lp.numRows; i++) rowOfLp.push(-1);
  const usersOf = new Map<number, number[]>(); // model row → LP columns using it
  const seen = new Set<string>();
  const freeOf = (row: number) => m.resources[Math.floor(row / m.nSlots)]!.free[row % m.nSlots]!;

  const addColumn = (col: Column): boolean => {
    const key = columnKey(col);
    if (seen.has(key)) return false;
    seen.add(key);
    const rows = [convRow[col.trainee]!];
    for (const r of col.rows) {
      const lr = activeRow.get(r);
      if (lr !== undefined) rows.push(lr);
    }
    const j = lp.addColumn(col.cost, 0, Infinity, rows, rows.map(() => 1));
    lpCols.push({ trainee: col.trainee, column: col });
    for (const r of col.rows) {
      const list = usersOf.get(r);
      if (list) list.push(j);
      else usersOf.set(r, [j]);
    }
    return true;
  };
  const addRow = (r: number) => {
    if (activeRow.has(r)) return;
    const users = usersOf.get(r) ?? [];
    const lr = lp.addRow(-Infinity, freeOf(r), users, users.map(() => 1));
    activeRow.set(r, lr);
    rowOfLp.push(r);
    // Over capacity, at a prohibitive price: keeps the master feasible and measures how far over.
    lp.addColumn(OVER_CAPACITY_COST, 0, Infinity, [lr], [-1]);
    lpCols.push({ trainee: -1, column: null, row: r });
  };

  /**
   * Adds the day rows given, but of a run of consecutive days with the same free places and the same
   * master columns on them only the first: those rows are identical. A day of the run that a later
   * column tells apart is added when it is overfilled (lazily, like every row); rows left out only
   * relax the master, so its bound stays valid, and integer plans are checked on every day.
   */
  const addRows = (rows: number[]): number => {
    rows.sort((a, b) => a - b);
    let added = 0;
    let prev = -2;
    for (const r of rows) {
      const same =
        prev === r - 1 &&
        Math.floor(prev / m.nSlots) === Math.floor(r / m.nSlots) &&
        freeOf(prev) === freeOf(r) &&
        sameUsers(usersOf.get(prev), usersOf.get(r));
      if (!same && !activeRow.has(r)) {
        addRow(r);
        added++;
      }
      prev = r;
    }
    return added;
  };
  for (const i of planned) if (first[i]) addColumn(first[i]!);
  for (const c of seed ?? []) if (c) addColumn(c);
  // The first integer plan's schedules: with them the master is feasible without over-capacity
  // columns, so its prices start at realistic values instead of the prohibitive over-capacity cost.
  for (const c of best.columns) if (c) addColumn(c);
  for (const round of ascent.columns.slice(-3)) for (const c of round) addColumn(c);
  // Rows where the trainees' own best schedules already collide.
  const demand = new Map<number, number>();
  for (const i of planned) for (const r of first[i]?.rows ?? []) demand.set(r, (demand.get(r) ?? 0) + 1);
  addRows([...demand].filter(([r, d]) => d > freeOf(r)).map(([r]) => r));

  let converged = false;
  let iterations = 0;
  const timing = { lp: 0, price: 0, repair: 0 };
  let x: Float64Array | null = null;
  const cgEnd = ctl.started + (ctl.deadline - ctl.started) * 0.85;
  try {
    // Prices for pricing are smoothed towards the best-bound prices so far (Wentges smoothing): the
    // raw LP duals of this degenerate master jump between extremes, which makes plain column
    // generation tail off; when smoothed prices find nothing, the raw duals are priced (no mispricing).
    // The first centre: the ascent's best prices (λ = 0 when it did not run).
    let center: Float64Array | null = ascent.lambda;
    const ALPHA = 0.6;
    const price = (lambda: Float64Array, mu: Float64Array, convDual: (i: number) => number): { lagrange: number; complete: boolean; cols: Column[] } => {
      let lagrange = 0;
      for (const [r] of activeRow) lagrange -= lambda[r]! * freeOf(r);
      const cols: Column[] = [];
      let complete = true;
      const tPrice = now();
      const prefix = pricePrefix(m, lambda);
      for (const i of planned) {
        if (stop()) {
          complete = false;
          break;
        }
        const p = bestSchedule(m, m.trainees[i]!, { dual: lambda, prefix, free: null });
        if (!p) continue; // cannot happen: round 0 found a schedule
        lagrange += p.priced;
        // Reduced cost against the LP's own duals decides whether the column can help the master.
        let rc = p.column.cost - convDual(i);
        for (const r of p.column.rows) rc += mu[r]!;
        if (rc < -1e-6) cols.push(p.column);
      }
      timing.price += now() - tPrice;
      return { lagrange, complete, cols };
    };
    let lpRows = -1;
    while (!stop() && now() < cgEnd) {
      iterations++;
      const tLp = now();
      const sol = lp.solveLp({ timeLimitSeconds: Math.max(0.5, (ctl.deadline - now()) / 1000), warm: lp.numRows > lpRows ? 'dual' : 'primal' });
      lpRows = lp.numRows;
      timing.lp += now() - tLp;
      if (!sol.x || !sol.duals || (sol.status !== 'optimal' && sol.status !== 'feasible')) break;
      x = sol.x;
      const duals = sol.duals;
      const mu = new Float64Array(m.resources.length * m.nSlots);
      for (const [r, lr] of activeRow) mu[r] = Math.max(0, -duals[lr]!);
      const convDual = (i: number) => duals[convRow[i]!]!;

      let lambda = mu;
      if (center) {
        lambda = new Float64Array(mu.length);
        for (const [r] of activeRow) lambda[r] = ALPHA * center[r]! + (1 - ALPHA) * mu[r]!;
      }
      let round = price(lambda, mu, convDual);
      if (round.complete && round.lagrange > (bound ?? -Infinity)) {
        bound = round.lagrange;
        center = lambda;
      }
      if (round.complete && round.cols.length === 0 && lambda !== mu) {
        round = price(mu, mu, convDual); // mispricing: look at the LP's own duals
        if (round.complete && round.lagrange > (bound ?? -Infinity)) {
          bound = round.lagrange;
          center = mu;
        }
      }
      let newCols = 0;
      for (const c of round.cols) if (addColumn(c)) newCols++;
      // Rows that the LP answer plus the new schedules would overfill join the master now.
      const use = new Map<number, number>();
      for (let j = 0; j < lpCols.length; j++) {
        const xj = j < x.length ? x[j]! : 1;
        const c = lpCols[j]!.column;
        if (xj <= 1e-9 || !c) continue;
        for (const r of c.rows) if (!activeRow.has(r)) use.set(r, (use.get(r) ?? 0) + xj);
      }
      let addedRows = 0;
      addedRows += addRows([...use].filter(([r, u]) => u > freeOf(r) + 1e-6).map(([r]) => r));
      // An integer plan from the LP answer: each trainee's heaviest column first.
      const pref: (Column | null)[] = new Array(T).fill(null);
      const weight = new Float64Array(T);
      for (let j = 0; j < x.length; j++) {
        const lc = lpCols[j]!;
        if (lc.column && x[j]! > weight[lc.trainee]!) {
          weight[lc.trainee] = x[j]!;
          pref[lc.trainee] = lc.column;
        }
      }
      // Trainees the LP has settled (one schedule at 1) first, the rest tightest first.
      const order = [...planned].sort((a, b) => Number(weight[b]! > 0.999) - Number(weight[a]! > 0.999) || slack(a) - slack(b) || a - b);
      const tRepair = now();
      const repaired = repairPlan(m, pref, squeaky(order), mu, stop);
      for (const i of repaired.unplaced) failed.add(i);
      accept(repaired);
      for (const c of repaired.columns) if (c) addColumn(c);
      timing.repair += now() - tRepair;
      if (round.complete && newCols === 0 && sol.status === 'optimal') {
        // No column prices out against the LP's duals: the restricted master's value is the full
        // master LP's optimum, a lower bound on every plan (missing lazy rows and the over-capacity
        // columns only relax it further). Before this point the restricted master's value is an
        // UPPER bound on the LP and proves nothing, which is how "LP 3205.9 > a later plan's 3098"
        // arose in the first round. The Lagrangian at the same duals equals it in exact
        // arithmetic; the larger of the two is kept.
        converged = true;
        if (sol.objective !== null) bound = Math.max(bound ?? -Infinity, sol.objective - 1e-6 * Math.max(1, Math.abs(sol.objective)));
      }
      progress(converged ? 'lp-converged' : 'column-generation', best);
      if (converged || done()) break;
      void addedRows;
      await ctl.breathe?.();
    }

    // Polish: best-response passes, then (HiGHS) the restricted master as a MIP, then polish again.
    if (!done() && !stop() && best) {
      accept(improve(m, best, stop, 2));
      progress('improve', best);
    }
    if (!done() && !stop() && ctl.engine === 'highs' && best && best.unplaced.length === 0 && x) {
      // The incumbent as the MIP's start; schedules found by repairs join the master first.
      const chosen = new Set(best.columns.filter((c): c is Column => c !== null));
      const inMaster = new Set(lpCols.map((lc) => lc.column));
      for (const c of chosen) {
        if (inMaster.has(c)) continue;
        seen.delete(columnKey(c));
        addColumn(c);
      }
      const full = new Float64Array(lp.numCols);
      lpCols.forEach((lc, j) => {
        if (lc.column && chosen.has(lc.column)) full[j] = 1;
      });
      // Schedules are integer; over-capacity columns stay continuous (and must end at 0 in a plan).
      lp.setInteger(lpCols.flatMap((lc, j) => (lc.column ? [j] : [])));
      const mipCols = true;
      const left = (ctl.deadline - now()) / 1000;
      if (left > 0.5 && mipCols) {
        const sol = lp.solveMip({ timeLimitSeconds: left * 0.6, mipGap: ctl.targetGap / 2, start: full });
        if (sol.x) {
          const cols: (Column | null)[] = new Array(T).fill(null);
          let over = 0;
          lpCols.forEach((lc, j) => {
            if (sol.x![j]! > 0.5) {
              if (lc.column) cols[lc.trainee] = lc.column;
              else over += sol.x![j]!;
            }
          });
          for (let i = 0; i < T; i++) if (!m.trainees[i]!.items.length) cols[i] = first[i] ?? null;
          const unplaced = planned.filter((i) => !cols[i]);
          // The restricted master only holds the contested rows: check every row before accepting.
          if (over < 1e-6 && unplaced.length === 0 && withinLimits(m, cols)) accept({ columns: cols, cost: costOf(cols), unplaced });
        }
        progress('restricted-mip', best);
      }
      if (!done() && !stop() && best) accept(improve(m, best, stop, 2));
    }
  } finally {
    lp.dispose();
  }

  // Where the LP at its optimum still needs "over capacity" places, the limits cannot all hold.
  const overloads: Overload[] = [];
  if (converged && x) {
    lpCols.forEach((lc, j) => {
      if (lc.column || lc.row === undefined || x![j]! <= 1e-6) return;
      const users = new Set<number>();
      for (const k of usersOf.get(lc.row) ?? []) if (x![k]! > 1e-6) users.add(lpCols[k]!.trainee);
      overloads.push({ row: lc.row, amount: x![j]!, trainees: [...users] });
    });
  }
  progress('done', best);
  if (process.env.RANDPLAN_DEBUG) {
    console.error(`cg: iterations ${iterations}, rows ${activeRow.size}, columns ${lpCols.length}, lp ${timing.lp.toFixed(0)} ms, price ${timing.price.toFixed(0)} ms, repair ${timing.repair.toFixed(0)} ms`);
  }
  // Short of convergence the search ended on its time budget (the phases end before the deadline).
  return { incumbent: best, bound, overloads, converged, alone, firstFeasibleSeconds, iterations, stoppedEarly: stop() || !converged };
}

/** True when the columns together keep every clinic and unit slot within its free places. */
export function withinLimits(m: CohortModel, cols: (Column | null)[]): boolean {
  const free = freeRows(m);
  for (const c of cols) for (const r of c?.rows ?? []) if (--free[r]! < 0) return false;
  return true;
}

/**
 * Identity of a schedule. The last part's end and the keep flag belong to it: a rotation kept at its
 * current dates can start on the same day as a grid option yet differ in its parts and (move) cost,
 * and a key without them silently dropped the cheaper one as "seen" — pricing would then report no
 * improving column although one exists, ending column generation at a value that is not the LP's.
 */
function sameUsers(a: number[] | undefined, b: number[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function columnKey(col: Column): string {
  return `${col.trainee}|${col.choices
    .map((c) => `${c.item}:${c.option.parts[0]!.from}:${c.option.parts[c.option.parts.length - 1]!.to}:${c.clinic}:${c.option.keep ? 'k' : 'g'}`)
    .join(',')}`;
}
