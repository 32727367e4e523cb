/**
 * The cohort solve, in phases: (0) every trainee's own best schedule — a first bound — and a first
 * integer plan (best responses from the greedy seed, or repairs; trainees no repair places get their
 * unit planned jointly, unit.ts); (1) Lagrangian ascent (lagrange.ts) for a strong bound, with
 * price-guided repairs in between;
 * (2) when the ascent stalls early, column generation on the master LP (master.ts), prices smoothed
 * towards the ascent's best; (3) with HiGHS and a small master, the restricted master as a MIP, and
 * to the end moves: tight units re-planned jointly (unit.ts), then trainees with their rivals
 * (repair.ts). Phases end early at the gap target, the time limit or a cancel.
 *
 * Pricing is the trainee DP of pricing.ts, shared between threads by pricer.ts.
 *
 * Bound: for any prices λ ≥ 0 on the rows, Σ_trainees (cheapest schedule under λ) − Σ λ·places is a
 * lower bound on every plan's cost (Lagrangian relaxation); it is computed after every pricing round,
 * so the proven gap is valid even when time runs out before convergence.
 */
import type { SolveClock } from './clock.ts';
import type { CohortModel } from './model.ts';
import { bestSchedule, columnKey, type Column } from './pricing.ts';
import { localPricer, type Pricer } from './pricer.ts';
import { costOf, ejectRepair, freeRows, improve, repairPlan, searchNeighbourhoods, type Incumbent } from './repair.ts';
import { Random } from '../demo/random.ts';
import { createLpModel, type EngineName, type LpModel, type SolveLimits } from './lp/index.ts';
import { completeByUnits, tightUnits, unitMoves } from './unit.ts';
import { lagrangeAscent, placesValue } from './lagrange.ts';
import { Master } from './master.ts';

/** The largest master the restricted MIP is tried on (see the polish phase). */
const MIP_COLUMNS = 4000;
/**
 * Up to this many trainees (a unit alone) repairs from the ascent's prices go on beside a complete
 * plan, and above PERMUTED_TRAINEES the ascent yields to the master early (see there).
 */
const FEW_TRAINEES = 10;
/**
 * A region's share of the time for the Lagrangian ascent; the rest polishes the plan. A larger share
 * proves more (a higher bound), a smaller one extends fewer: on the generated regions of 200 and 800
 * trainees, a larger share left several months more of extension in the plans of the same budget.
 */
const ASCENT_SHARE = 0.6;
/** The ascent's repairs take at most this share of its time (see there). */
const REPAIR_SHARE = 1 / 6;
/** The ascent's share of the time on up to FEW_TRAINEES trainees (see there). */
const FEW_ASCENT_SHARE = 0.2;
/**
 * Up to this many trainees the ascent's repairs place them in every order, each plan then improved by
 * best responses: who goes first decides which unit-mates take turns. The ascent then has this share
 * of the time, its repairs this share of the ascent's. On the limit-1 units of generated regions
 * (seeds 42, 7 and 11) alone, under a work budget, the units' plans cost 1–4 % less than with one
 * order and the shares above.
 */
const PERMUTED_TRAINEES = 4;
const PERMUTED_ASCENT_SHARE = 0.7;
const PERMUTED_REPAIR_SHARE = 1 / 2;
/** The most trainees for which column generation follows a stalled ascent (see there). */
const MASTER_TRAINEES = 40;
/** Rounds of shaken prices that add near-optimal schedules before a small master's MIP. */
const ENRICH_ROUNDS = 100;
/** The restricted MIP's node limit under a work budget. */
const MIP_NODES = 200;
/** One unit MIP's limits (unit.ts): nodes under a work budget, else seconds. */
const UNIT_NODES = 50;
const UNIT_SECONDS = 2;
/** A unit MIP stops at this proven gap: a move needs a better plan, not its proof. */
const UNIT_GAP = 0.005;
/**
 * The share of the final polish that goes to unit moves, and how far they let rotations move (weeks):
 * on the seeded region's tight units alone, the narrow reach made as cheap plans as the wider one in a
 * third of the time, and each stalls where the other does not. In a region, clinics crowd the tight
 * units' trainees too, and moves with clinic rivals gain there as well: unit moves get a quarter and
 * the narrow reach; every trainee in a tight unit (a unit alone), all of the polish, both, and last
 * the whole unit's MIP (no reach) where the work left has room for it: on small random units
 * against brute force the reaches stalled above the optimum where the whole MIP reached it.
 */
const UNIT_SHARE = 0.25;
const UNIT_REACHES = [6, 13];

export interface SolveProgressInfo {
  seconds: number;
  phase: string;
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

export interface CohortControl {
  engine: EngineName;
  /** The budget (seconds or work) that every phase takes its share of. */
  clock: SolveClock;
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
  /** Prices rounds of trainees (pricer.ts); default: on this thread. */
  pricer?: Pricer;
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

export async function solveCohort(m: CohortModel, ctl: CohortControl): Promise<CohortOutcome> {
  const { clock } = ctl;
  const now = () => clock.now();
  const wallStart = performance.now();
  const secs = () => (performance.now() - wallStart) / 1000;
  const stop = () => ctl.shouldStop() || now() >= clock.deadline;
  /** The point `share` of the way through the budget. */
  const at = (share: number) => clock.deadline * share;
  const T = m.trainees.length;
  const planned = m.trainees.filter((t) => t.items.length > 0).map((t) => t.index);
  const anyPricer = ctl.pricer ?? localPricer(m);
  // Under a work budget a pricing round is never cut short by the budget (only by a cancel): how far
  // a cut round got would depend on how the round was shared between threads.
  const pricer: Pricer = clock.deterministic
    ? { ...anyPricer, price: (lambda, trainees) => anyPricer.price(lambda, trainees, ctl.shouldStop) }
    : anyPricer;

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
    ? improve(m, { columns: [...seed], cost: costOf(seed), unplaced: [] }, stop, 1)
    : ejectRepair(m, repairPlan(m, first, byStart, null), stop);
  for (let retry = 0; retry < 4 && best.unplaced.length > 0 && !stop(); retry++) {
    for (const i of best.unplaced) failed.add(i);
    const again = ejectRepair(m, repairPlan(m, first, squeaky(byStart), null, stop), stop);
    if (again.unplaced.length < best.unplaced.length || (again.unplaced.length === best.unplaced.length && again.cost < best.cost)) best = again;
  }
  // The control of unit MIPs up to `until`: a node limit under a work budget (and a MIP only as large as
  // the work left), else at most UNIT_SECONDS of the time left.
  const unitControl = (until: number, enough: () => boolean) => ({
    until: () => enough() || now() >= until,
    limits: (): SolveLimits =>
      clock.deterministic ? { nodeLimit: UNIT_NODES, mipGap: UNIT_GAP } : { timeLimitSeconds: Math.max(0.05, Math.min(UNIT_SECONDS, (until - now()) / 1000)), mipGap: UNIT_GAP },
    room: () => (clock.deterministic ? until - now() : Infinity),
  });
  const units = tightUnits(m);
  // Trainees still without a schedule: their units planned together before anyone is left out.
  if (best.unplaced.length > 0 && !stop()) {
    const joint = await completeByUnits(m, best, units, unitControl(clock.deadline, stop));
    if (joint.unplaced.length < best.unplaced.length) best = improve(m, joint, stop, 1);
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
  const own = first.map((c) => c?.cost ?? 0);
  const inTight = new Set(units.flat());
  const allInTightUnits = planned.every((i) => inTight.has(i));

  // Lagrangian ascent first: a strong bound fast, and prices and averaged schedules for repairs. It
  // runs until it stalls (then the master LP, for instances small enough to converge in the time left)
  // or most of the time is used: on the generated regions the ascent raises the bound far faster than
  // column generation, whose LP re-solves grow slow on large regions.
  // On a handful of trainees (a unit alone) the ascent mostly gives the master prices to start from:
  // on small random units against brute force it crept on for most of the budget while column
  // generation converged in a few dozen rounds. With so few that its repairs try every order, those
  // repairs find the cheaper plans, and the ascent has most of the time. On a few dozen trainees the
  // master's LP re-solves grow slow, and the ascent keeps its share.
  const permuted = planned.length <= PERMUTED_TRAINEES;
  const ascentEnd = at(permuted ? PERMUTED_ASCENT_SHARE : planned.length <= FEW_TRAINEES ? FEW_ASCENT_SHARE : ASCENT_SHARE);
  // Neighbourhood moves (repair.ts) polish the best plan once the bound is done: interleaved with the
  // ascent they cost it steps, and the gap closed less in the same time.
  const rng = new Random(1);
  let bestLambda: Float64Array | null = null;
  // Unit moves first (unit.ts: a tight unit's trainees re-planned together), within a share of the
  // time left, then moves of trainees with their clinic and unit rivals.
  const polish = async (until: number) => {
    const enough = () => stop() || now() >= until || done();
    const unitsUntil = now() + (allInTightUnits ? 1 : UNIT_SHARE) * (until - now());
    const reaches = allInTightUnits ? [...UNIT_REACHES, Infinity] : UNIT_REACHES.slice(0, 1);
    if (best && !enough()) best = await unitMoves(m, best, units, own, reaches, unitControl(unitsUntil, enough));
    if (best && !enough()) best = searchNeighbourhoods(m, best, rng, enough, bestLambda, own);
  };
  let steps = 0;
  let repairSpent = 0;
  const ascentStart = now();
  const ascent = lagrangeAscent(
    m,
    pricer,
    planned,
    bound ?? -Infinity,
    // Without a complete plan the limits may not hold together at all, and then L climbs without end:
    // a short ascent for prices, then the master, which can prove it.
    () => stop() || now() >= ascentEnd || done() || (best !== null && best.unplaced.length > 0 && (steps >= 50 || (bound ?? 0) > 2 * bound0 + 1)),
    (step) => {
      bound = Math.max(bound ?? -Infinity, step.bound);
      bestLambda = step.lambda;
      // A repair every third step, alternately from the averaged and from the latest schedules, as
      // long as repairs have taken under REPAIR_SHARE of the ascent's time (at 200 trainees they took
      // a third: steps that the bound needs more than the plan, which the final polish improves).
      // Beyond a handful of trainees, only while no complete plan exists: on the generated regions
      // of 50 to 800 with a complete plan, no repair from prices ever beat it, and at 800 their time
      // raised the bound by more when the ascent had it. On a unit alone they do beat it.
      const repairs = best!.unplaced.length > 0 || planned.length <= FEW_TRAINEES;
      if (++steps % 3 === 0 && repairs && repairSpent <= (now() - ascentStart) * (permuted ? PERMUTED_REPAIR_SHARE : REPAIR_SHARE)) {
        const preferred = steps % 6 === 0 ? step.preferred : step.columns;
        const tr = now();
        for (const order of repairOrders(squeaky(byStart))) {
          const repaired = repairPlan(m, preferred, order, step.lambda, stop);
          for (const i of repaired.unplaced) failed.add(i);
          accept(permuted && repaired.unplaced.length === 0 ? improve(m, repaired, stop, 1) : repaired);
        }
        repairSpent += now() - tr;
      }
      progress('lagrange', best);
    },
  );
  if (process.env.RANDPLAN_DEBUG) console.error(`ascent: ${ascent.iterations} steps in ${(now() - ascentStart).toFixed(0)}, repairs ${repairSpent.toFixed(0)}, started at ${ascentStart.toFixed(0)} of ${clock.deadline}`);
  if (done() || stop()) {
    progress('done', best);
    return { incumbent: best, bound, overloads: [], converged: false, alone, firstFeasibleSeconds, iterations: ascent.iterations, stoppedEarly: stop() };
  }
  const end = clock.deadline - (clock.deterministic ? 0 : Math.min(500, 0.03 * clock.deadline));
  const complete = best.unplaced.length === 0;
  if ((planned.length > FEW_TRAINEES && now() >= ascentEnd) || (complete && planned.length > MASTER_TRAINEES)) {
    // The ascent used its share of the time, or the region is too large for the master to pay: after a
    // stalled ascent on a large region, column generation raised the bound by little in a long time
    // while neighbourhood moves improved the plan much in a short one. The rest goes to neighbourhood
    // moves. Without a complete plan the master still runs: only it can prove that none exists.
    await polish(end);
    progress('done', best);
    return { incumbent: best, bound, overloads: [], converged: false, alone, firstFeasibleSeconds, iterations: ascent.iterations, stoppedEarly: true };
  }

  // The master (when the ascent stopped early on its own: stalled steps).
  const lp: LpModel = await createLpModel(ctl.engine);
  // With a complete plan's schedules among the columns, the master is feasible whatever rows join it,
  // so over-capacity columns are needed only without one (with one they would be most of the master's
  // columns and slow every LP re-solve).
  const master = new Master(m, lp, planned, best.unplaced.length > 0);
  for (const i of planned) if (first[i]) master.addColumn(first[i]!);
  for (const c of seed ?? []) if (c) master.addColumn(c);
  // The first integer plan's schedules: with them the master is feasible at once and its prices start
  // at realistic values.
  for (const c of best.columns) if (c) master.addColumn(c);
  for (const round of ascent.columns.slice(-3)) for (const c of round) master.addColumn(c);
  // Rows where the trainees' own best schedules already collide.
  master.addOverfilled(null, first.filter((c): c is Column => c !== null));

  let converged = false;
  let iterations = 0;
  const timing = { lp: 0, price: 0, repair: 0 };
  let x: Float64Array | null = null;
  let lastMu: Float64Array | null = null;
  const cgEnd = at(0.7);
  try {
    // Prices for pricing are smoothed towards the best-bound prices so far (Wentges smoothing): the
    // raw LP duals of this degenerate master jump between extremes, which makes plain column
    // generation tail off; when smoothed prices find nothing, the raw duals are priced (no mispricing).
    // The first centre: the ascent's best prices (λ = 0 when it did not run).
    let center: Float64Array | null = ascent.lambda;
    const ALPHA = 0.6;
    const free = freeRows(m);
    const price = (lambda: Float64Array, mu: Float64Array, convDual: (i: number) => number): { lagrange: number; complete: boolean; cols: Column[] } => {
      let lagrange = -placesValue(free, lambda);
      const cols: Column[] = [];
      const tPrice = performance.now();
      const priced = pricer.price(lambda, planned, stop);
      planned.forEach((i, k) => {
        const p = priced?.[k];
        if (!p) return; // cannot happen in a complete round: round 0 found a schedule
        lagrange += p.priced;
        // Reduced cost against the LP's own duals decides whether the column can help the master.
        let rc = p.column.cost - convDual(i);
        for (const r of p.column.rows) rc += mu[r]!;
        if (rc < -1e-6) cols.push(p.column);
      });
      timing.price += performance.now() - tPrice;
      return { lagrange, complete: priced !== null, cols };
    };
    let lpRows = -1;
    while (!stop() && now() < cgEnd) {
      iterations++;
      const tLp = performance.now();
      const sol = lp.solveLp({ ...(clock.deterministic ? {} : { timeLimitSeconds: Math.max(0.5, (clock.deadline - now()) / 1000) }), warm: lp.numRows > lpRows ? 'dual' : 'primal' });
      lpRows = lp.numRows;
      m.work.units += planned.length;
      timing.lp += performance.now() - tLp;
      if (!sol.x || !sol.duals || (sol.status !== 'optimal' && sol.status !== 'feasible')) break;
      x = sol.x;
      const { mu, conv: convDual } = master.prices(sol.duals);
      lastMu = mu;

      let lambda = mu;
      if (center) {
        lambda = new Float64Array(mu.length);
        for (let r = 0; r < mu.length; r++) lambda[r] = ALPHA * center[r]! + (1 - ALPHA) * mu[r]!;
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
      for (const c of round.cols) if (master.addColumn(c)) newCols++;
      // Rows that the LP answer plus the new schedules would overfill join the master now.
      master.addOverfilled(x);
      // An integer plan from the LP answer: each trainee's heaviest column first.
      const pref: (Column | null)[] = new Array(T).fill(null);
      const weight = new Float64Array(T);
      for (let j = 0; j < x.length; j++) {
        const mc = master.columns[j]!;
        if (mc.column && x[j]! > weight[mc.trainee]!) {
          weight[mc.trainee] = x[j]!;
          pref[mc.trainee] = mc.column;
        }
      }
      // Trainees the LP has settled (one schedule at 1) first, the rest tightest first.
      const order = [...planned].sort((a, b) => Number(weight[b]! > 0.999) - Number(weight[a]! > 0.999) || slack(a) - slack(b) || a - b);
      const tRepair = performance.now();
      const repaired = repairPlan(m, pref, squeaky(order), mu, stop);
      for (const i of repaired.unplaced) failed.add(i);
      accept(repaired);
      for (const c of repaired.columns) if (c) master.addColumn(c);
      timing.repair += performance.now() - tRepair;
      if (round.complete && newCols === 0 && sol.status === 'optimal') {
        // No column prices out against the LP's duals: the restricted master's value is the full
        // master LP's optimum, a lower bound on every plan (rows left out only relax it). Before this
        // point the restricted master's value is an UPPER bound on the LP and proves nothing, which is
        // how "LP 3205.9 > a later plan's 3098" arose in the first round. The Lagrangian at the same
        // duals equals it in exact arithmetic; the larger of the two is kept.
        converged = true;
        if (sol.objective !== null) bound = Math.max(bound ?? -Infinity, sol.objective - 1e-6 * Math.max(1, Math.abs(sol.objective)));
      }
      progress(converged ? 'lp-converged' : 'column-generation', best);
      if (converged || done()) break;
      await ctl.breathe?.();
    }

    // Polish: (HiGHS, a master small enough to branch on in time) the restricted master as a MIP, then
    // neighbourhood moves. On a large master HiGHS overran its MIP time limit, hence the size gate.
    if (!done() && !stop() && ctl.engine === 'highs' && best && best.unplaced.length === 0 && x && master.columns.length <= MIP_COLUMNS) {
      // At the LP optimum an integer plan often needs schedules that no dual price made cheapest:
      // near-optimal ones, found by pricing at the final prices shaken (small masters only).
      if (converged && lastMu && planned.length <= FEW_TRAINEES) {
        const shake = new Random(7);
        for (let round = 0; round < ENRICH_ROUNDS && !stop(); round++) {
          const lambda = lastMu.map((v) => v * (0.5 + shake.next()));
          for (const p of pricer.price(lambda, planned, stop) ?? []) if (p) master.addColumn(p.column);
        }
      }
      // The incumbent as the MIP's start; schedules found by repairs join the master first.
      const chosen = new Set(best.columns.filter((c): c is Column => c !== null));
      for (const c of chosen) master.addColumn(c);
      const start = new Float64Array(lp.numCols);
      const keys = new Set([...chosen].map(columnKey));
      master.columns.forEach((mc, j) => {
        if (mc.column && keys.has(columnKey(mc.column))) start[j] = 1;
      });
      // Schedules are integer; over-capacity columns stay continuous (and must end at 0 in a plan).
      lp.setInteger(master.columns.flatMap((mc, j) => (mc.column ? [j] : [])));
      const left = (clock.deadline - now()) / clock.deadline;
      if (clock.deterministic ? left > 0.02 : clock.deadline - now() > 500) {
        // Under a work budget the MIP stops at a node count, never at a time.
        const limit = clock.deterministic ? { nodeLimit: MIP_NODES } : { timeLimitSeconds: ((clock.deadline - now()) / 1000) * 0.4 };
        const sol = lp.solveMip({ ...limit, mipGap: ctl.targetGap / 2, start });
        if (sol.x) {
          const cols: (Column | null)[] = new Array(T).fill(null);
          let over = 0;
          master.columns.forEach((mc, j) => {
            if (sol.x![j]! > 0.5) {
              if (mc.column) cols[mc.trainee] = mc.column;
              else over += sol.x![j]!;
            }
          });
          for (let i = 0; i < T; i++) if (!m.trainees[i]!.items.length) cols[i] = first[i] ?? null;
          const unplaced = planned.filter((i) => !cols[i]);
          // The master holds sums of some rows only: check every row before accepting.
          if (over < 1e-6 && unplaced.length === 0 && withinLimits(m, cols)) accept({ columns: cols, cost: costOf(cols), unplaced });
        }
        progress('restricted-mip', best);
      }
    }
    if (!done() && !stop()) {
      await polish(end);
      progress('improve', best);
    }
  } finally {
    lp.dispose();
  }

  // Where the LP at its optimum still needs "over capacity" places, the limits cannot all hold.
  const overloads: Overload[] = converged && x ? master.overloads(x) : [];
  progress('done', best);
  if (process.env.RANDPLAN_DEBUG) {
    console.error(`cg: iterations ${iterations}, rows ${master.rowCount}, columns ${master.columns.length}, lp ${timing.lp.toFixed(0)} ms, price ${timing.price.toFixed(0)} ms, repair ${timing.repair.toFixed(0)} ms`);
  }
  // Short of convergence the search ended on its time budget (the phases end before the deadline).
  return { incumbent: best, bound, overloads, converged, alone, firstFeasibleSeconds, iterations, stoppedEarly: stop() || !converged };
}

/** The orders a repair places trainees in: every permutation of a few, else the order given. */
function repairOrders(order: number[]): number[][] {
  return order.length > PERMUTED_TRAINEES ? [order] : permutations(order);
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

/** True when the columns together keep every clinic and unit slot within its free places. */
export function withinLimits(m: CohortModel, cols: (Column | null)[]): boolean {
  const free = freeRows(m);
  for (const c of cols) for (const r of c?.rows ?? []) if (--free[r]! < 0) return false;
  return true;
}
