/**
 * Runs solve jobs in this process. Jobs live in the database; the runner claims the oldest queued one
 * (SKIP LOCKED, so other instances over the same PostgreSQL take other jobs), solves in a worker
 * thread so the API keeps answering, writes progress at most once a second, and stores the result as
 * a new draft plan. A cancel request (DELETE, possibly on another instance) is seen at the next
 * progress write, or at once when it arrives at this instance.
 *
 * While it solves, the runner touches the job's heartbeat every few seconds. A job left running by a
 * runner that died (kill -9, crash) is ended by the next runner that looks for work: failed with a
 * message the Solve view shows, or cancelled when that was asked for. On PGlite this process is the
 * database's only user, so every such job is an orphan at once; on PostgreSQL, once its heartbeat is
 * `staleSeconds` old.
 */
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { plansRepo, solveJobsRepo, type Database, type Db, type JobRecord, type StoredPlacement } from '../../db/index.ts';
import { formatDay, today, type Day } from '../../solver/time/dates.ts';
import { lockedKeys, placementKey } from '../../solver/domain/identity.ts';
import type { Placement, Plan, PlanPlacement, Scenario } from '../../solver/domain/schemas.ts';
import { solveInWorker, type SolveProgress, type SolveResult, type WorkerSolve, type WorkerSolveOptions } from '../../solver/solve/index.ts';
import { plainPlan, type ReportCache } from './plans.ts';
import { loadScenario } from './scenario.ts';

export type SolveStarter = (scenario: Scenario, options: WorkerSolveOptions) => WorkerSolve;

export interface SolveRunnerOptions {
  /** How often to look for queued jobs another instance created (ms). */
  pollMs?: number;
  /** How often progress is written to the job row (ms). */
  progressEveryMs?: number;
  /** How often the running job's heartbeat is written (ms). */
  heartbeatMs?: number;
  /** A running job whose heartbeat is this old has lost its runner (s). */
  staleSeconds?: number;
  /** This process is the database's only user (PGlite): any job running at another runner's name is an orphan. */
  onlyUser?: boolean;
  /** Default time limit when the job names none (s). */
  defaultTimeLimitSeconds?: number;
  log: FastifyBaseLogger;
  cache: ReportCache;
  start?: SolveStarter;
  /** Called after the runner wrote a plan (cached reads must be dropped). */
  onWrite?: () => void;
  /** The app's today: the planning day when the region sets none. */
  today?: () => Day;
}

/** The scenario with the published plan's locked placements added to each trainee's `locked`, so the solver keeps them. */
export function withPlanLocks(scenario: Scenario, placements: StoredPlacement[]): Scenario {
  const byTrainee = new Map<string, Placement[]>();
  for (const p of placements) {
    if (!p.locked) continue;
    const { trainee, locked: _l, ...placement } = p;
    const list = byTrainee.get(trainee) ?? [];
    list.push(placement);
    byTrainee.set(trainee, list);
  }
  if (byTrainee.size === 0) return scenario;
  return {
    ...scenario,
    trainees: scenario.trainees.map((t) => {
      const extra = byTrainee.get(t.id);
      if (!extra) return t;
      const have = new Set((t.locked ?? []).map((p) => placementKey({ ...p, trainee: t.id })));
      return { ...t, locked: [...(t.locked ?? []), ...extra.filter((p) => !have.has(placementKey({ ...p, trainee: t.id })))] };
    }),
  };
}

/** What a solve job solves: the region with the published plan's locks, from the published plan (when there is one). */
export async function solveInput(db: Db): Promise<{ scenario: Scenario; current: Plan | undefined }> {
  const scenario = await loadScenario(db);
  const published = await plansRepo.published(db);
  return published ? { scenario: withPlanLocks(scenario, published.plan.placements), current: plainPlan(published.plan) } : { scenario, current: undefined };
}

/** Marks the placements of a solved plan that are locked in the scenario (kept as given). */
export function markLocked(scenario: Scenario, placements: PlanPlacement[]): StoredPlacement[] {
  const locked = lockedKeys(scenario);
  return placements.map((p) => (locked.has(placementKey(p)) ? { ...p, locked: true } : p));
}

export const ORPHAN_ERROR =
  'Servern stoppades medan körningen pågick; starta en ny körning / The server stopped during the solve; start a new one';

export class SolveRunner {
  readonly name = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  readonly #db: Kysely<Database>;
  readonly #opts: Required<Omit<SolveRunnerOptions, 'start' | 'onWrite'>> & { start: SolveStarter; onWrite: () => void };
  #timer: NodeJS.Timeout | null = null;
  #busy = false;
  #stopped = false;
  #current: { id: number; handle: WorkerSolve; cancelled: boolean } | null = null;
  #idle: Promise<void> = Promise.resolve();

  constructor(db: Kysely<Database>, opts: SolveRunnerOptions) {
    this.#db = db;
    this.#opts = {
      pollMs: opts.pollMs ?? 2000,
      progressEveryMs: opts.progressEveryMs ?? 1000,
      heartbeatMs: opts.heartbeatMs ?? 5000,
      staleSeconds: opts.staleSeconds ?? 20,
      onlyUser: opts.onlyUser ?? false,
      defaultTimeLimitSeconds: opts.defaultTimeLimitSeconds ?? 60,
      log: opts.log,
      cache: opts.cache,
      start: opts.start ?? solveInWorker,
      onWrite: opts.onWrite ?? (() => {}),
      today: opts.today ?? today,
    };
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.kick(), this.#opts.pollMs);
    this.#timer.unref();
    this.kick();
  }

  /** Looks for work now (called when a job is created here). */
  kick(): void {
    if (this.#busy || this.#stopped) return;
    this.#busy = true;
    this.#idle = this.#drain()
      .catch((err) => this.#opts.log.error({ err }, 'solve runner failed'))
      .finally(() => {
        this.#busy = false;
      });
  }

  /** Cancels the job if it runs here; returns whether it did. */
  cancelLocal(id: number): boolean {
    if (this.#current?.id !== id) return false;
    this.#current.cancelled = true;
    this.#current.handle.cancel();
    return true;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#current) {
      this.#current.cancelled = true;
      this.#current.handle.cancel();
    }
    await this.#idle;
  }

  async #drain(): Promise<void> {
    const ended = await solveJobsRepo.endOrphans(this.#db, this.name, {
      staleSeconds: this.#opts.staleSeconds,
      onlyUser: this.#opts.onlyUser,
      error: ORPHAN_ERROR,
    });
    if (ended > 0) this.#opts.log.warn({ jobs: ended }, 'solve jobs of a stopped server ended');
    while (!this.#stopped) {
      const job = await solveJobsRepo.claim(this.#db, this.name);
      if (!job) return;
      await this.#run(job);
    }
  }

  async #run(job: JobRecord): Promise<void> {
    const log = this.#opts.log.child({ solveJob: job.id });
    let heartbeat: NodeJS.Timeout | undefined;
    try {
      const { scenario, current: currentPlan } = await solveInput(this.#db);
      const handle = this.#opts.start(scenario, {
        ...(currentPlan ? { currentPlan } : {}),
        ...(job.release.length > 0 ? { release: job.release } : {}),
        timeLimitSeconds: job.timeLimitSeconds ?? this.#opts.defaultTimeLimitSeconds,
        // One pricing thread: the other core keeps answering requests while a region is solved.
        threads: 1,
        today: formatDay(this.#opts.today()),
      });
      const current = { id: job.id, handle, cancelled: false };
      this.#current = current;
      heartbeat = setInterval(() => {
        solveJobsRepo
          .heartbeat(this.#db, job.id)
          .then((cancelRequested) => {
            if (cancelRequested && !current.cancelled) {
              current.cancelled = true;
              handle.cancel();
            }
          })
          .catch((err) => log.warn({ err }, 'heartbeat write failed'));
      }, this.#opts.heartbeatMs);
      // Progress goes to the job row at most every progressEveryMs. A value still pending when the result
      // arrives is dropped: the result's report holds the final figures (the web shows those).
      let lastWrite = 0;
      let pending: SolveProgress | null = null;
      let writing = false;
      let timer: NodeJS.Timeout | null = null;
      const flush = (): void => {
        if (writing || !pending) return;
        const wait = lastWrite + this.#opts.progressEveryMs - Date.now();
        if (wait > 0) {
          timer ??= setTimeout(() => {
            timer = null;
            flush();
          }, wait);
          return;
        }
        const progress = pending;
        pending = null;
        writing = true;
        lastWrite = Date.now();
        void solveJobsRepo
          .progress(this.#db, job.id, progress)
          .then((cancelRequested) => {
            if (cancelRequested && !current.cancelled) {
              current.cancelled = true;
              handle.cancel();
            }
          })
          .catch((err) => log.warn({ err }, 'progress write failed'))
          .finally(() => {
            writing = false;
            flush();
          });
      };
      handle.onProgress((p) => {
        pending = p;
        flush();
      });
      const stopProgress = () => {
        pending = null;
        if (timer) clearTimeout(timer);
      };
      log.info({ trainees: scenario.trainees.length }, 'solve job started');
      let result: SolveResult;
      try {
        result = await handle.result;
        stopProgress();
      } catch (err) {
        stopProgress();
        if (current.cancelled) {
          await solveJobsRepo.finish(this.#db, job.id, { status: 'cancelled' });
          return;
        }
        throw err;
      }
      const fresh = await solveJobsRepo.get(this.#db, job.id);
      if (current.cancelled || fresh?.cancelRequested) {
        await solveJobsRepo.finish(this.#db, job.id, { status: 'cancelled' });
        log.info('solve job cancelled');
        return;
      }
      const planId = await this.#db.transaction().execute(async (trx) => {
        const plan = await plansRepo.create(trx, {
          status: 'draft',
          note: `Lösning från körning ${job.id} / Solve job ${job.id} (${result.report.solve?.status ?? 'okänd'})`,
          plan: { ...result.plan, placements: markLocked(scenario, result.plan.placements) },
          report: result.report,
          createdBy: job.createdBy,
        });
        await solveJobsRepo.finish(trx, job.id, { status: 'done', resultPlanId: plan.id, report: result.report, moved: result.moved });
        return plan.id;
      });
      this.#opts.onWrite();
      log.info({ planId, status: result.report.solve?.status }, 'solve job done');
    } catch (err) {
      log.error({ err }, 'solve job failed');
      await solveJobsRepo
        .finish(this.#db, job.id, { status: 'failed', error: err instanceof Error ? err.message : String(err) })
        .catch(() => {});
    } finally {
      clearInterval(heartbeat);
      this.#current = null;
    }
  }
}
