/**
 * A solve job whose server died mid-solve (kill -9) is left "running" in the database. The next
 * runner that looks for work ends it: failed with a message, or cancelled when that was asked for.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { ORPHAN_ERROR, type SolveStarter } from '../../api/services/solve-runner.ts';
import { solveJobsRepo } from '../../db/index.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A solve that never ends until cancelled. */
const endless: SolveStarter = () => {
  let stop: (e: Error) => void = () => {};
  return { onProgress() {}, result: new Promise((_resolve, reject) => (stop = reject)), cancel: () => stop(new Error('cancelled')) };
};

describe.each(DIALECTS)('orphaned solve jobs on $name', (dialect) => {
  // A server without a runner: the jobs below are written as a killed server left them.
  let t: TestApp;
  let sr: string;
  beforeAll(async () => {
    t = await startTestApp(dialect, { jobs: false });
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  async function runningJob(claimedBy: string, heartbeatAgo: string, cancelRequested = false): Promise<number> {
    const job = await solveJobsRepo.create(t.app.db, { timeLimitSeconds: 60, createdBy: 'studierektor@demo' });
    await t.app.db
      .updateTable('solve_jobs')
      .set({ status: 'running', claimed_by: claimedBy, started_at: new Date(), cancel_requested: cancelRequested, heartbeat_at: sql`now() - ${heartbeatAgo}::interval` })
      .where('id', '=', job.id)
      .execute();
    return job.id;
  }
  const job = async (id: number) => (await t.call(sr, { method: 'GET', url: `/api/solve-jobs/${id}` })).json();

  it('fails a job its dead runner left running, cancels one whose cancel was asked for, and leaves a live runner’s job alone on PostgreSQL', async () => {
    const orphan = await runningJob('dead-host:1:abc', '2 hours');
    const cancelled = await runningJob('dead-host:1:abc', '2 hours', true);
    const alive = await runningJob('other-host:2:def', '0 seconds');
    // The restarted server's runner, over the same database.
    const restarted = await buildApp({ database: t.database.opened, demo: false, webRoot: false, jobs: { pollMs: 50, staleSeconds: 3600, start: endless } });
    await restarted.ready();
    try {
      const failed = await until(() => job(orphan), (j) => j.status !== 'running');
      expect(failed).toMatchObject({ status: 'failed', error: ORPHAN_ERROR });
      expect(failed.finishedAt).not.toBeNull();
      expect((await until(() => job(cancelled), (j) => j.status !== 'running')).status).toBe('cancelled');
      // PGlite has one user, this process: every job another runner left running is an orphan.
      if (dialect.name === 'pglite') expect((await until(() => job(alive), (j) => j.status !== 'running')).status).toBe('failed');
      else expect((await job(alive)).status).toBe('running');
    } finally {
      await restarted.close();
    }
  });

  it('writes the heartbeat of the job it runs', async () => {
    const runner = await buildApp({ database: t.database.opened, demo: false, webRoot: false, jobs: { pollMs: 50, heartbeatMs: 20, start: endless } });
    await runner.ready();
    try {
      const { id } = (await runner.inject({ method: 'POST', url: '/api/solve-jobs', headers: { cookie: sr }, payload: {} })).json();
      await until(() => job(id), (j) => j.status === 'running');
      await t.app.db.updateTable('solve_jobs').set({ heartbeat_at: sql`now() - interval '1 hour'` }).where('id', '=', id).execute();
      const fresh = await until(
        () => t.app.db.selectFrom('solve_jobs').select(sql<boolean>`heartbeat_at > now() - interval '1 minute'`.as('fresh')).where('id', '=', id).executeTakeFirstOrThrow(),
        (r) => r.fresh,
      );
      expect(fresh.fresh).toBe(true);
    } finally {
      await runner.close();
    }
  });
});
