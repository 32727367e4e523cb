/**
 * Solve jobs: a queue in the database. A runner claims the oldest queued job with
 * `FOR UPDATE SKIP LOCKED`, so several API instances over one PostgreSQL never take the same job.
 */
import { sql } from 'kysely';
import type { PlanPlacement, Report } from '../../solver/domain/schemas.ts';
import { iso, jsonOrNull, parsed, type Db } from './common.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  seconds: number;
  phase: string;
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

export interface JobRecord {
  id: number;
  status: JobStatus;
  timeLimitSeconds: number | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  claimedBy: string | null;
  cancelRequested: boolean;
  progress: JobProgress | null;
  resultPlanId: number | null;
  report: Report | null;
  moved: unknown[] | null;
  error: string | null;
  /** Agreed placements of the published plan the solve may move (released by the studierektor). */
  release: PlanPlacement[];
}

const COLUMNS = [
  'id',
  'status',
  'time_limit_seconds',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'claimed_by',
  'cancel_requested',
  'progress',
  'result_plan_id',
  'report',
  'moved',
  'error',
  'release',
] as const;

type Row = {
  id: number;
  status: string;
  time_limit_seconds: number | null;
  created_by: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  claimed_by: string | null;
  cancel_requested: boolean;
  progress: unknown;
  result_plan_id: number | null;
  report: unknown;
  moved: unknown;
  error: string | null;
  release: unknown;
};

function toRecord(r: Row): JobRecord {
  return {
    id: r.id,
    status: r.status as JobStatus,
    timeLimitSeconds: r.time_limit_seconds,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    claimedBy: r.claimed_by,
    cancelRequested: r.cancel_requested,
    progress: r.progress === null ? null : parsed(r.progress),
    resultPlanId: r.result_plan_id,
    report: r.report === null ? null : parsed(r.report),
    moved: r.moved === null ? null : parsed(r.moved),
    error: r.error,
    release: r.release === null ? [] : parsed(r.release),
  };
}

/** A run as the list of runs shows it: no report, only its figures (counted in SQL, reports can be large). */
export interface RunSummary {
  id: number;
  status: JobStatus;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  timeLimitSeconds: number | null;
  planId: number | null;
  /** The published version number of the run's plan, once it was published. */
  publishedAs: number | null;
  solve: NonNullable<Report['solve']> | null;
  hard: number | null;
  moved: number | null;
}

export const solveJobsRepo = {
  /** The latest runs, newest first. */
  async recent(db: Db, limit: number): Promise<RunSummary[]> {
    const rows = await db
      .selectFrom('solve_jobs as j')
      .leftJoin('plans as p', 'p.id', 'j.result_plan_id')
      .select([
        'j.id',
        'j.status',
        'j.created_by',
        'j.created_at',
        'j.finished_at',
        'j.time_limit_seconds',
        'j.result_plan_id',
        'p.number',
        sql<unknown>`j.report -> 'solve'`.as('solve'),
        sql<number | null>`(select count(*)::int from jsonb_array_elements(j.report -> 'violations') v where v ->> 'severity' = 'hard')`.as('hard'),
        sql<number | null>`jsonb_array_length(j.moved)`.as('moved_count'),
      ])
      .orderBy('j.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      status: r.status as JobStatus,
      createdBy: r.created_by,
      createdAt: iso(r.created_at)!,
      finishedAt: iso(r.finished_at),
      timeLimitSeconds: r.time_limit_seconds,
      planId: r.result_plan_id,
      publishedAs: r.number,
      solve: r.solve === null || r.solve === undefined ? null : parsed(r.solve),
      hard: r.status === 'done' ? r.hard : null,
      moved: r.moved_count,
    }));
  },


  async create(db: Db, job: { timeLimitSeconds: number | null; createdBy: string | null; release?: PlanPlacement[] }): Promise<JobRecord> {
    const row = await db
      .insertInto('solve_jobs')
      .values({ status: 'queued', time_limit_seconds: job.timeLimitSeconds, created_by: job.createdBy, release: job.release?.length ? JSON.stringify(job.release) : null })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },

  async get(db: Db, id: number): Promise<JobRecord | null> {
    const row = await db.selectFrom('solve_jobs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  },

  /** Takes the oldest queued job for `worker`, skipping rows another instance has locked. */
  async claim(db: Db, worker: string): Promise<JobRecord | null> {
    const row = await db
      .updateTable('solve_jobs')
      .set({ status: 'running', claimed_by: worker, started_at: new Date(), heartbeat_at: sql`now()` })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('solve_jobs')
          .select('id')
          .where('status', '=', 'queued')
          .orderBy('created_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .where('status', '=', 'queued')
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  },

  /** Writes progress; returns whether cancellation has been asked for meanwhile. */
  async progress(db: Db, id: number, progress: JobProgress): Promise<boolean> {
    const row = await db
      .updateTable('solve_jobs')
      .set({ progress: JSON.stringify(progress), heartbeat_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .returning('cancel_requested')
      .executeTakeFirst();
    return row?.cancel_requested ?? true;
  },

  async finish(
    db: Db,
    id: number,
    outcome: { status: 'done' | 'failed' | 'cancelled'; resultPlanId?: number | null; report?: Report | null; moved?: unknown[] | null; error?: string | null },
  ): Promise<void> {
    await db
      .updateTable('solve_jobs')
      .set({
        status: outcome.status,
        finished_at: new Date(),
        result_plan_id: outcome.resultPlanId ?? null,
        report: jsonOrNull(outcome.report),
        moved: jsonOrNull(outcome.moved),
        error: outcome.error ?? null,
      })
      .where('id', '=', id)
      .execute();
  },

  /**
   * Cancels: a queued job at once; a running one is flagged and its runner stops it.
   * Returns the job as it is after the request (null when unknown).
   */
  async cancel(db: Db, id: number): Promise<JobRecord | null> {
    await db
      .updateTable('solve_jobs')
      .set({ status: 'cancelled', finished_at: new Date(), cancel_requested: true })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    await db.updateTable('solve_jobs').set({ cancel_requested: true }).where('id', '=', id).where('status', '=', 'running').execute();
    return solveJobsRepo.get(db, id);
  },

  /** Tells that the job's runner is alive; returns whether cancellation has been asked for meanwhile. */
  async heartbeat(db: Db, id: number): Promise<boolean> {
    const row = await db
      .updateTable('solve_jobs')
      .set({ heartbeat_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .returning('cancel_requested')
      .executeTakeFirst();
    return row?.cancel_requested ?? true;
  },

  /**
   * Ends the jobs whose runner is gone: running, claimed by another runner than `worker`, and either
   * silent for `staleSeconds` (by the database's clock) or, when `worker` is the database's only
   * user (PGlite), at all. A job whose cancellation was asked for is cancelled, any other failed with
   * `error`. Returns how many.
   */
  async endOrphans(db: Db, worker: string, opts: { staleSeconds: number; onlyUser: boolean; error: string }): Promise<number> {
    let ended = 0;
    for (const [status, cancelRequested] of [['cancelled', true], ['failed', false]] as const) {
      let q = db
        .updateTable('solve_jobs')
        .set({ status, finished_at: new Date(), ...(status === 'failed' ? { error: opts.error } : {}) })
        .where('status', '=', 'running')
        .where('claimed_by', 'is distinct from', worker)
        .where('cancel_requested', '=', cancelRequested);
      if (!opts.onlyUser)
        q = q.where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${opts.staleSeconds})`)]));
      ended += Number((await q.executeTakeFirst()).numUpdatedRows);
    }
    return ended;
  },
};
