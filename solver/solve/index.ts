/**
 * The cohort solver: every trainee's side rotations for a whole region, with every hard rule
 * kept, near-optimal with a proven gap.
 *
 * A region under way: on the planning day, the current plan's history and agreed placements become
 * locked (history.ts), so everything below plans the future only; required work that does not fit
 * before the end of ST extends it (priced in pricing.ts's finishCost), and when anyone is extended the
 * best extra places are measured by re-planning (advice.ts).
 *
 * How: the greedy placement (greedy.ts) and the current plan, when valid, are the first plans and
 * their schedules, scored with the solver's objective (score.ts), seed the column pool. The model
 * (model.ts) lists each trainee's rotations and their valid placements on a weekly start grid; a
 * dynamic program (pricing.ts) finds a trainee's best schedule under prices; column generation
 * (cohort.ts) couples trainees only through clinic and unit DAY rows, added lazily where demand
 * exceeds places, and proves a lower bound: the Lagrangian after every complete pricing round, and
 * the master LP's value once pricing finds no improving column. Integer plans come from best-response
 * passes (repair.ts) from the seed, repairs, and, with HiGHS, the restricted master as a MIP.
 * The plan is completed per trainee (placements.ts: BVC, SÄBO, courses, Mitt-i-ST) and re-validated by
 * the rule catalogue before it is returned.
 *
 * Engines: HiGHS is the default ('auto'): its persistent model re-solves the master LP warm after new
 * columns and rows, and it reports MIP bounds. glpk.js rebuilds the model at each solve and reports no
 * MIP bound; it is available ('glpk') for the same master, and both are compared in the bench.
 *
 * Outcomes (infeasible, timeout) are results, never exceptions; bad options (an unknown trainee id, a
 * release of a placement that is not agreed) throw an Error naming the option. Cancelling (AbortSignal
 * or solveInWorker's cancel) resolves with the best plan so far and status `timeout`.
 */
import { availableParallelism } from 'node:os';
import { placementKey as key } from '../domain/identity.ts';
import type { Explanation, Plan, PlanPlacement, Report, Scenario, SolveProgress, SolveStatus } from '../domain/schemas.ts';

export type { SolveProgress } from '../domain/schemas.ts';
import { PLAN_FORMAT } from '../domain/schemas.ts';
import { greedyPlan } from '../greedy.ts';
import { createValidator, validate } from '../validate.ts';
import { wallClock, workClock } from './clock.ts';
import { gapOf, solveCohort } from './cohort.ts';
import { explainLocked, explainLockedViolations, explainOverloads, explainTrainee, explainUnplaced } from './explain.ts';
import { ADVICE_CANDIDATES, capacityAdvice } from './advice.ts';
import { pinHistory } from './history.ts';
import { buildModel, keptPlacements, type BuildOptions, type CohortModel, type TraineeModel } from './model.ts';
import { createPricer, startHelper, type Helper } from './pricer.ts';
import { SolveWorker } from './solve-worker.ts';
import { traineePlacements } from './placements.ts';
import { planColumns, planCost } from './score.ts';
import { DEFAULT_GAP_TARGET } from './verdict.ts';
import type { Column } from './pricing.ts';

export interface SolveOptions {
  currentPlan?: Plan;
  timeLimitSeconds?: number;
  /**
   * A budget of work instead of time (units of clock.ts: a trainee schedule priced, a master LP re-solve
   * as a round of them). The same input then gives the same plan on any machine (tests); the time limit
   * is not read.
   */
  workLimit?: number;
  /**
   * Plan this trainee only, everyone else exactly as in `currentPlan`. The report is then that trainee's
   * (their rules, and the clinics and unit they touch), as the web checks an edit of their plan.
   */
  trainee?: string;
  engine?: 'highs' | 'glpk' | 'auto';
  onProgress?: (p: SolveProgress) => void;
  signal?: AbortSignal;
  /** Stop once the proven gap is at most this (default 1e-4: run to optimality or the time limit). */
  gapTarget?: number;
  /** Threads that price (pricer.ts): default RANDPLAN_SOLVER_THREADS, else 2 when the machine has 2 cores. */
  threads?: number;
  /** Today (ISO date), the planning day when the scenario sets none: default the real date in Sweden. */
  today?: string;
  /**
   * Capacity advice when anyone is extended (default true): the best extra places, each measured by
   * re-planning with it, within another half of the budget.
   */
  advise?: boolean;
  /**
   * A plan to start from that is not the current one: it competes as a seed, but moving away from it
   * costs nothing (moves are counted against `currentPlan`). Capacity advice re-plans from the plan
   * just made this way.
   */
  startFrom?: Plan;
  /**
   * Agreed placements of `currentPlan` (starting in the agreed months after the planning day) that
   * the studierektor releases: they are planned like the rest of the future. A placement that is
   * history or locked, or not in the current plan, is a bad option (an Error naming it).
   */
  release?: PlanPlacement[];
}

function defaultThreads(): number {
  const env = Number(process.env.RANDPLAN_SOLVER_THREADS);
  return Number.isInteger(env) && env >= 1 ? env : Math.min(2, availableParallelism());
}

export interface MovedPlacement {
  trainee: string;
  before: PlanPlacement | null;
  after: PlanPlacement | null;
}

export interface SolveResult {
  plan: Plan;
  report: Report;
  moved: MovedPlacement[];
  /** The planning day the solve planned from (ISO date). */
  planFrom: string;
  /** Placements of the current plan kept as history (before the planning day) or agreed (just after it). */
  kept: number;
  /** The agreed placements kept (the current plan's, starting in the agreed months, not released). */
  agreed: PlanPlacement[];
  /** Agreed placements released by `release`. */
  released: number;
  /** Seconds to the first plan keeping every limit (null if none was found). */
  firstFeasibleSeconds?: number | null;
  /**
   * True when the plan returned is the seed — greedy's placement or the current plan (valid by the rule
   * catalogue, scored with the solver's objective): the model found no complete plan, or only a dearer one. Its gap is measured
   * against the model's bound (weekly grid), which is then not a proof for that plan.
   */
  fallback?: boolean;
}

export const DEFAULT_TIME_LIMIT_SECONDS = 30;

export async function solve(scenario: Scenario, options: SolveOptions = {}): Promise<SolveResult> {
  return solveWith(scenario, options, () => false, undefined);
}

/**
 * The solve itself; `externalStop` lets a worker's shared cancel flag stop it, `breathe` lets messages in.
 * `reuse`: the trainee models of the solve a capacity advice re-plan measures against (BuildOptions.trainees).
 */
export async function solveWith(
  given: Scenario,
  options: SolveOptions,
  externalStop: () => boolean,
  breathe: (() => Promise<void>) | undefined,
  reuse?: readonly TraineeModel[],
): Promise<SolveResult> {
  const started = performance.now();
  if (options.trainee !== undefined && !given.trainees.some((t) => t.id === options.trainee)) {
    throw new Error(`trainee: no trainee with id "${options.trainee}" in the scenario`);
  }
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  if (!(limit > 0)) throw new Error(`timeLimitSeconds: must be a number > 0 (got ${String(options.timeLimitSeconds)})`);
  if (options.workLimit !== undefined && !(Number.isInteger(options.workLimit) && options.workLimit > 0)) {
    throw new Error(`workLimit: must be a whole number > 0 (got ${String(options.workLimit)})`);
  }
  const only = options.trainee !== undefined ? new Set([options.trainee]) : undefined;
  // History and agreed placements become locked: everything below plans the future only. (A solve of
  // one trainee pins that trainee's: everyone else keeps the current plan exactly, past and future.)
  const { scenario, kept, agreed, released } = pinHistory(given, options.currentPlan, options.today, options.release, only);
  // How long re-validating a whole plan takes: the search leaves that much of the time limit for the
  // plan's completion and re-validation after it.
  let validating = 0;
  const checked = (plan: Plan) => {
    const at = performance.now();
    const out = validPlan(scenario, plan);
    validating = Math.max(validating, performance.now() - at);
    return out;
  };
  const threads = options.trainee === undefined && !reuse ? (options.threads ?? defaultThreads()) : 1;
  // A helper thread for pricing loads while the first plans and the model are made here (not for a
  // re-plan on reused trainee models: they would have to be built again there).
  const helper = startHelper(threads, scenario.trainees.length);
  const { start, current, plain, short, mayShorten, seedsSeconds, build, model } = stopHelperOnThrow(helper, () => {
    // The current plan competes too: a solve never returns worse than the plan it started from (a plan to
    // start from was made from it, no worse).
    const start = options.trainee === undefined && options.startFrom ? checked(options.startFrom) : null;
    const current = options.trainee === undefined && options.currentPlan && !start ? checked(options.currentPlan) : null;
    // The greedy plan first (milliseconds, even at 800 trainees): when the rule catalogue finds it valid,
    // there is a plan from the first second, whatever happens to the model later. A re-plan from a plan
    // just made (capacity advice) has that plan instead, the better seed.
    const plain = options.trainee === undefined && !start ? checked({ ...greedyPlan(scenario), scenario: scenario.name }) : null;
    // Whom that first plan extends (in a one-trainee solve, that trainee) may shorten rotations to their
    // minimum (a month of extension weighs above the recommended total side time): the model offers both
    // lengths, and greedy plans them so a second time.
    const extended = (start ?? plain)?.report.trainees.filter((t) => t.extensionMonths > 0).map((t) => t.id);
    const mayShorten = new Set(options.trainee !== undefined ? [options.trainee] : extended);
    const short = plain && mayShorten.size > 0 ? checked({ ...greedyPlan(scenario, mayShorten), scenario: scenario.name }) : null;
    const seedsSeconds = (performance.now() - started) / 1000;
    const build: BuildOptions = { currentPlan: options.currentPlan, only, exactFor: [plain, short, start].flatMap((g) => (g ? [g.plan] : [])), mayShorten, trainees: reuse };
    return { start, current, plain, short, mayShorten, seedsSeconds, build, model: buildModel(scenario, build) };
  });
  // The helper builds its model now, while the first plan is made.
  const pricer = createPricer(model, { scenario, build }, threads, helper);
  const shouldStop = () => externalStop() || options.signal?.aborted === true;
  const gapTarget = options.gapTarget ?? DEFAULT_GAP_TARGET;

  const lockedConflicts = explainLocked(model);
  const seeds = lockedConflictsCount(model) === 0 ? [current, plain, short, start].flatMap((g) => (g ? [seedOf(g, model)] : [])) : [];
  const seed = seeds.reduce<Seed | null>((best, x) => (x && (!best || x.cost < best.cost) ? x : best), null);
  const seedSeconds = seed ? seedsSeconds : null;
  const out = await solveCohort(model, {
    pricer,
    engine: options.engine === 'glpk' ? 'glpk' : 'highs',
    clock: options.workLimit !== undefined ? workClock(model.work, options.workLimit) : wallClock(limit - (performance.now() - started + validating) / 1000),
    targetGap: gapTarget,
    shouldStop,
    onProgress: options.onProgress,
    breathe,
    seed: seed?.columns ?? null,
  }).finally(() => pricer.dispose());
  const searchEnded = performance.now();

  const inc = out.incumbent;
  const columns: (Column | null)[] = inc?.columns ?? model.trainees.map(() => null);
  // Without a current plan, a trainee still on the greedy schedule keeps greedy's placements (its BVC,
  // SÄBO and courses fit those rotations); otherwise placements.ts keeps the current plan's and
  // completes around the rotations.
  const greedyOf = new Map<string, PlanPlacement[]>();
  if (seed) for (const [id, list] of byTrainee(seed.plan.placements)) greedyOf.set(id, list);
  let greedyAll: Map<string, PlanPlacement[]> | null = null;
  const placements = model.trainees.flatMap((t) => {
    const c = columns[t.index];
    if (c && seed && !options.currentPlan && c === seed.columns[t.index]) return greedyOf.get(t.id) ?? [];
    if (c || t.items.length === 0) return traineePlacements(model, t, c ?? null);
    // No schedule for this trainee within the limits: never fewer placements than before — the current
    // plan's (around the locked ones), else greedy's — and the report says what they break.
    const before = model.current.get(t.id);
    if (before && before.length > 0) return keptPlacements(before, t.fixed);
    greedyAll ??= byTrainee(greedyPlan(scenario, mayShorten).placements);
    return greedyAll.get(t.id) ?? t.fixed;
  });
  let plan: Plan = { format: PLAN_FORMAT, scenario: scenario.name, placements };
  // One trainee's solve is judged as the web judges an edit of that trainee: their own rules, and the
  // clinics and unit they touch (the rest of the plan is the current one, unchanged).
  const validator = createValidator(scenario, new Map(model.trainees.map((t) => [t.id, t.facts])));
  let report = options.trainee === undefined ? validator.validate(plan) : validator.validateTrainee(plan, options.trainee);
  const complete0 = inc !== null && (inc.unplaced.length ?? 0) === 0 && out.alone.length === 0;
  // The seed (greedy's plan or the current one, whichever is cheaper) competes as a whole plan too,
  // scored with the same objective (score.ts): its schedules seed the search, but when the search ends
  // without a complete plan, or on a dearer one, the seed is returned.
  let fallback = false;
  let objectiveOverride: number | null = null;
  if (seed && (!complete0 || seed.cost < inc!.cost - 1e-9)) {
    plan = seed.plan;
    report = seed.report;
    fallback = true;
    objectiveOverride = seed.cost;
  }
  const explanation: Explanation[] = [...lockedConflicts];
  for (const i of out.alone) explanation.push(explainTrainee(model, model.trainees[i]!));
  explanation.push(...explainOverloads(model, out.overloads));
  const unplaced = inc?.unplaced ?? [];
  if (unplaced.length > 0 && explanation.length === 0) explanation.push(...explainUnplaced(model, unplaced, occupancy(model, columns)));

  const complete = fallback || (inc !== null && unplaced.length === 0 && out.alone.length === 0);
  const objective = objectiveOverride ?? (complete ? inc!.cost : null);
  // The bound is the model's (weekly grid); it holds for the greedy plan only as long as it is not above
  // its cost — otherwise nothing is proven for that plan.
  const bound = fallback && out.bound !== null && objective !== null && out.bound > objective ? null : out.bound;
  const gap = gapOf(objective, bound);
  let status: SolveStatus;
  if (fallback) status = gap !== null && gap <= gapTarget ? 'feasible' : out.stoppedEarly || gap === null ? 'timeout' : 'feasible';
  else if (lockedConflicts.length > 0 || out.alone.length > 0 || out.overloads.length > 0) status = 'infeasible';
  else if (!complete) status = out.stoppedEarly ? 'timeout' : 'infeasible';
  else if (gap !== null && gap <= 1e-4) status = 'optimal';
  else if (gap !== null && gap <= gapTarget) status = 'feasible';
  // Short of the gap target: 'timeout' when time (or a cancel) ended the search, else 'feasible' (column
  // generation converged and the restricted master's MIP found no better plan: the LP bound's
  // integrality gap remains, which only branching could close).
  else status = out.stoppedEarly ? 'timeout' : 'feasible';

  if (complete && !report.valid) {
    // A hard violation in a complete plan is either the locked placements' own (then no plan exists:
    // infeasible, explained) or the solver's — a bug: say so loudly.
    const hard = report.violations.filter((v) => v.severity === 'hard');
    const byLocked = explainLockedViolations(scenario, hard);
    if (byLocked.length > 0) {
      status = 'infeasible';
      explanation.push(...byLocked);
    } else process.emitWarning(`randplan solve: the plan breaks ${hard.length} hard rule(s) after re-validation (solver bug): ${hard.slice(0, 3).map((v) => v.message.en).join(' | ')}`);
  }
  report.solve = {
    status,
    objective: objective === null ? null : round(objective),
    bound: bound === null ? null : round(bound),
    gap: gap === null ? null : Math.round(gap * 1e6) / 1e6,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    planFrom: scenario.planFrom!,
    kept,
    released,
  };
  if (explanation.length > 0 && status !== 'optimal' && status !== 'feasible' && !fallback) report.explanation = explanation;
  if (options.advise !== false && options.trainee === undefined && !shouldStop()) {
    // Every re-plan is the same solve with the place added, started from the plan just made; on the
    // wall clock all of them end within half the time limit from here. A re-plan's time limit ends its
    // search; completing and re-validating its plan comes after, about as long as this solve's took.
    const finishing = performance.now() - searchEnded;
    const adviceEnds = performance.now() + 500 * limit;
    const advice = await capacityAdvice(scenario, plan, report, (variant, made) => {
      const budget = adviceBudget(options, (adviceEnds - finishing - performance.now()) / 1000);
      if (budget === null) return Promise.resolve(null);
      return solveWith({ ...variant, trainees: given.trainees }, { ...options, ...budget, startFrom: made, advise: false }, externalStop, breathe, model.trainees);
    });
    if (advice.length > 0) report.capacityAdvice = advice;
  }
  const firstFeasibleSeconds = seedSeconds !== null ? Math.min(seedSeconds, out.firstFeasibleSeconds ?? Infinity) : out.firstFeasibleSeconds;
  return {
    plan,
    report,
    moved: movedPlacements(options.currentPlan, plan, options.trainee),
    planFrom: scenario.planFrom!,
    kept,
    agreed,
    released,
    firstFeasibleSeconds,
    fallback,
  };
}

interface Seed {
  plan: Plan;
  report: Report;
  cost: number;
  /** Its schedules as columns, with their true occupancy of the day rows. */
  columns: (Column | null)[];
}

/** Runs `make`; when it throws, the pricing helper started for the solve is stopped first. */
function stopHelperOnThrow<T>(helper: Helper | undefined, make: () => T): T {
  try {
    return make();
  } catch (e) {
    void helper?.worker.terminate();
    throw e;
  }
}

/** The plan with its report, when the rule catalogue finds it valid. */
function validPlan(scenario: Scenario, plan: Plan): { plan: Plan; report: Report } | null {
  const report = validate(scenario, plan);
  return report.valid ? { plan, report } : null;
}

/** A valid plan (greedy's, or the current one) as a seed, when the model can read every trainee's schedule in it. */
function seedOf(g: { plan: Plan; report: Report }, model: CohortModel): Seed | null {
  const columns = planColumns(model, g.plan);
  const cost = planCost(model, g.plan);
  return cost === null ? null : { ...g, cost, columns };
}

function lockedConflictsCount(m: CohortModel): number {
  return m.resources.reduce((n, r) => n + r.overfull.length, 0);
}

/** The smallest time limit worth a re-plan: below it the model is barely built. */
const ADVICE_MIN_SECONDS = 0.5;

/**
 * Each advice re-plan's share: together half of the solve's own budget. On the wall clock a re-plan
 * gets at most the seconds `left` of that half (building its model counts), none when too few are left.
 */
function adviceBudget(options: SolveOptions, left: number): Pick<SolveOptions, 'workLimit' | 'timeLimitSeconds'> | null {
  const share = 0.5 / ADVICE_CANDIDATES;
  if (options.workLimit !== undefined) return { workLimit: Math.max(1, Math.round(options.workLimit * share)) };
  const seconds = Math.min((options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * share, left);
  return seconds >= ADVICE_MIN_SECONDS ? { timeLimitSeconds: seconds } : null;
}

function byTrainee(placements: PlanPlacement[]): Map<string, PlanPlacement[]> {
  const out = new Map<string, PlanPlacement[]>();
  for (const p of placements) out.set(p.trainee, [...(out.get(p.trainee) ?? []), p]);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function occupancy(m: CohortModel, columns: (Column | null)[]): Map<number, string[]> {
  const occ = new Map<number, string[]>();
  columns.forEach((c, i) => {
    for (const r of c?.rows ?? []) {
      const l = occ.get(r) ?? [];
      l.push(m.trainees[i]!.id);
      occ.set(r, l);
    }
  });
  return occ;
}

function what(p: PlanPlacement): string {
  return [p.trainee, p.kind, p.specialty ?? '', p.course ?? '', p.milestone ?? ''].join('|');
}

/**
 * What changed against the current plan: placements that disappeared (paired, where possible, with the
 * new placement of the same trainee and kind/specialty/course) and new ones. Nothing when no current plan.
 */
export function movedPlacements(current: Plan | undefined, next: Plan, trainee?: string): MovedPlacement[] {
  if (!current) return [];
  const inScope = (p: PlanPlacement) => trainee === undefined || p.trainee === trainee;
  const before = current.placements.filter(inScope);
  const after = next.placements.filter(inScope);
  const count = new Map<string, number>();
  for (const p of after) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  const gone: PlanPlacement[] = [];
  for (const p of before) {
    const n = count.get(key(p)) ?? 0;
    if (n > 0) count.set(key(p), n - 1);
    else gone.push(p);
  }
  const added = after.filter((p) => {
    const n = count.get(key(p)) ?? 0;
    if (n > 0) {
      count.set(key(p), n - 1);
      return true;
    }
    return false;
  });
  const moved: MovedPlacement[] = [];
  const pool = [...added];
  for (const b of gone) {
    const i = pool.findIndex((a) => what(a) === what(b));
    const a = i >= 0 ? pool.splice(i, 1)[0]! : null;
    moved.push({ trainee: b.trainee, before: b, after: a });
  }
  for (const a of pool) moved.push({ trainee: a.trainee, before: null, after: a });
  return moved;
}

/** A solve's options in a worker thread: progress comes through the handle, a cancel through it too. */
export type WorkerSolveOptions = Omit<SolveOptions, 'signal' | 'onProgress'>;

export interface WorkerSolve {
  onProgress(cb: (p: SolveProgress) => void): void;
  result: Promise<SolveResult>;
  cancel(): void;
}

/**
 * Runs `solve` in a worker thread, so the caller's event loop stays free. Progress arrives through
 * `onProgress`; `cancel()` stops the solve at once (a shared flag read inside the pricing loop) and the
 * result resolves with the best plan so far, status `timeout`. A crash in the worker rejects `result`.
 * The thread ends with the solve.
 */
export function solveInWorker(scenario: Scenario, options: WorkerSolveOptions = {}): WorkerSolve {
  const worker = new SolveWorker();
  const job = worker.start(scenario, options);
  const close = () => void worker.close();
  void job.result.then(close, close);
  return job;
}
