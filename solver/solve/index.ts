/**
 * The cohort solver (issue 3): every trainee's side rotations for a whole region, with every hard rule
 * kept, near-optimal with a proven gap.
 *
 * How: the model (model.ts) lists each trainee's rotations and their valid placements on a weekly
 * grid; a dynamic program (pricing.ts) finds a trainee's best schedule under prices; column generation
 * (cohort.ts) couples trainees only through clinic and unit slots, adding those rows lazily where
 * demand exceeds places, and proves a Lagrangian lower bound after every pricing round; integer plans
 * come from repair + best-response passes (repair.ts) and, with HiGHS, the restricted master as a MIP.
 * The plan is completed per trainee (placements.ts: BVC, SÄBO, courses, Mitt-i-ST) and re-validated by
 * the rule catalogue before it is returned.
 *
 * Engines: HiGHS is the default ('auto'): its persistent model re-solves the master LP warm after new
 * columns and rows, and it reports MIP bounds. glpk.js rebuilds the model at each solve and reports no
 * MIP bound; it is available ('glpk') for the same master, and both are compared in the bench.
 *
 * Outcomes (infeasible, timeout) are results, never exceptions; bad options (an unknown trainee id)
 * throw an Error naming the option. Cancelling (AbortSignal or solveInWorker's cancel) resolves with the
 * best plan so far and status `timeout`.
 */
import { Worker } from 'node:worker_threads';
import type { Explanation, Plan, PlanPlacement, Report, Scenario, SolveStatus } from '../domain/schemas.ts';
import { PLAN_FORMAT } from '../domain/schemas.ts';
import { greedyPlan } from '../greedy.ts';
import { validate } from '../validate.ts';
import { gapOf, solveCohort } from './cohort.ts';
import { explainLocked, explainOverloads, explainTrainee, explainUnplaced } from './explain.ts';
import { buildModel, type CohortModel } from './model.ts';
import { traineePlacements } from './placements.ts';
import type { Column } from './pricing.ts';

export interface SolveOptions {
  currentPlan?: Plan;
  timeLimitSeconds?: number;
  trainee?: string;
  engine?: 'highs' | 'glpk' | 'auto';
  onProgress?: (p: SolveProgress) => void;
  signal?: AbortSignal;
  /** Stop once the proven gap is at most this (default 1e-4: run to optimality or the time limit). */
  gapTarget?: number;
}

export interface SolveProgress {
  seconds: number;
  phase: string;
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
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
  /** Seconds to the first plan keeping every limit (null if none was found). */
  firstFeasibleSeconds?: number | null;
  /** True when the model found no complete plan and the (valid) greedy plan was returned instead. */
  fallback?: boolean;
}

export const DEFAULT_TIME_LIMIT_SECONDS = 30;

export async function solve(scenario: Scenario, options: SolveOptions = {}): Promise<SolveResult> {
  return solveWith(scenario, options, () => false, undefined);
}

/** The solve itself; `externalStop` lets a worker's shared cancel flag stop it, `breathe` lets messages in. */
export async function solveWith(
  scenario: Scenario,
  options: SolveOptions,
  externalStop: () => boolean,
  breathe: (() => Promise<void>) | undefined,
): Promise<SolveResult> {
  const started = performance.now();
  if (options.trainee !== undefined && !scenario.trainees.some((t) => t.id === options.trainee)) {
    throw new Error(`trainee: no trainee with id "${options.trainee}" in the scenario`);
  }
  const limit = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  if (!(limit > 0)) throw new Error(`timeLimitSeconds: must be a number > 0 (got ${String(options.timeLimitSeconds)})`);
  const only = options.trainee !== undefined ? new Set([options.trainee]) : undefined;
  const model = buildModel(scenario, { currentPlan: options.currentPlan, only });
  const shouldStop = () => externalStop() || options.signal?.aborted === true;
  const gapTarget = options.gapTarget ?? 1e-4;

  const lockedConflicts = explainLocked(model);
  const out = await solveCohort(model, {
    engine: options.engine === 'glpk' ? 'glpk' : 'highs',
    started,
    deadline: started + limit * 1000,
    targetGap: gapTarget,
    shouldStop,
    onProgress: options.onProgress,
    breathe,
  });

  const inc = out.incumbent;
  const columns: (Column | null)[] = inc?.columns ?? model.trainees.map(() => null);
  const placements = model.trainees.flatMap((t) =>
    columns[t.index] || t.items.length === 0 ? traineePlacements(model, t, columns[t.index] ?? null) : t.fixed,
  );
  let plan: Plan = { format: PLAN_FORMAT, scenario: scenario.name, placements };
  let report = validate(scenario, plan);
  // The model is stricter than the rules (weekly grid, return weeks between all rotations, reserved
  // SÄBO time), so when it ends without a complete plan the greedy placement may still find a valid
  // one: then that plan is returned (status timeout, no proven gap) rather than no plan at all.
  let fallback = false;
  const complete0 = inc !== null && (inc.unplaced.length ?? 0) === 0 && out.alone.length === 0;
  if (!complete0 && options.trainee === undefined && lockedConflictsCount(model) === 0) {
    const g = greedyPlan(scenario);
    const gr = validate(scenario, g);
    if (gr.valid) {
      plan = { ...g, scenario: scenario.name };
      report = gr;
      fallback = true;
    }
  }

  const explanation: Explanation[] = [...lockedConflicts];
  for (const i of out.alone) explanation.push(explainTrainee(model, model.trainees[i]!));
  explanation.push(...explainOverloads(model, out.overloads));
  const unplaced = inc?.unplaced ?? [];
  if (unplaced.length > 0 && explanation.length === 0) explanation.push(...explainUnplaced(model, unplaced, occupancy(model, columns)));

  const complete = inc !== null && unplaced.length === 0 && out.alone.length === 0 && !fallback;
  const objective = complete ? inc.cost : null;
  const bound = out.bound;
  const gap = gapOf(objective, bound);
  let status: SolveStatus;
  if (fallback) status = 'timeout';
  else if (lockedConflicts.length > 0 || out.alone.length > 0 || out.overloads.length > 0) status = 'infeasible';
  else if (!complete) status = out.stoppedEarly ? 'timeout' : 'infeasible';
  else if (gap !== null && gap <= 1e-4) status = 'optimal';
  else if (gap !== null && gap <= gapTarget) status = 'feasible';
  // The search only ends short of the gap target when time (or a cancel) ends it.
  else status = 'timeout';

  if (complete && !report.valid) {
    // A hard violation in a plan the model considers complete is a solver bug: say so loudly.
    const hard = report.violations.filter((v) => v.severity === 'hard');
    process.emitWarning(`randplan solve: the plan breaks ${hard.length} hard rule(s) after re-validation (solver bug): ${hard.slice(0, 3).map((v) => v.message.en).join(' | ')}`);
  }
  report.solve = {
    status,
    objective: objective === null ? null : round(objective),
    bound: bound === null ? null : round(bound),
    gap: gap === null ? null : Math.round(gap * 1e6) / 1e6,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
  if (explanation.length > 0 && status !== 'optimal' && status !== 'feasible' && !fallback) report.explanation = explanation;
  return { plan, report, moved: movedPlacements(options.currentPlan, plan, options.trainee), firstFeasibleSeconds: out.firstFeasibleSeconds, fallback };
}

function lockedConflictsCount(m: CohortModel): number {
  return m.resources.reduce((n, r) => n + r.overfull.length, 0);
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

function key(p: PlanPlacement): string {
  return [p.trainee, p.kind, p.specialty ?? '', p.clinic ?? '', p.course ?? '', p.milestone ?? '', p.from, p.to].join('|');
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

export interface WorkerSolve {
  onProgress(cb: (p: SolveProgress) => void): void;
  result: Promise<SolveResult>;
  cancel(): void;
}

/**
 * Runs `solve` in a worker thread, so the caller's event loop stays free. Progress arrives through
 * `onProgress`; `cancel()` stops the solve at once (a shared flag read inside the pricing loop) and the
 * result resolves with the best plan so far, status `timeout`. A crash in the worker rejects `result`.
 */
export function solveInWorker(scenario: Scenario, options: Omit<SolveOptions, 'signal' | 'onProgress'> = {}): WorkerSolve {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const listeners: ((p: SolveProgress) => void)[] = [];
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { scenario, options, flag } });
  const result = new Promise<SolveResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (msg: { type: string; progress?: SolveProgress; result?: SolveResult; error?: string }) => {
      if (msg.type === 'progress' && msg.progress) for (const cb of listeners) cb(msg.progress);
      else if (msg.type === 'result' && msg.result) {
        settled = true;
        resolve(msg.result);
        void worker.terminate();
      } else if (msg.type === 'error') {
        settled = true;
        reject(new Error(msg.error ?? 'solver worker failed'));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`solver worker exited with code ${code}`));
      settled = true;
    });
  });
  return {
    onProgress(cb) {
      listeners.push(cb);
    },
    result,
    cancel() {
      Atomics.store(flag, 0, 1);
    },
  };
}
