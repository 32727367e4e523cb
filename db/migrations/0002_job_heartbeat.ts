/**
 * A running solve job's heartbeat: its runner touches it every few seconds, so a job whose runner
 * died (kill -9, a crash, a lost machine) can be told from one that is still solving. Frozen in time.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table solve_jobs add column heartbeat_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table solve_jobs drop column heartbeat_at`.execute(db);
}
