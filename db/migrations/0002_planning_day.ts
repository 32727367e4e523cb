/**
 * A region under way: the region's planning day (null: today) and a trainee's latest end of ST.
 * Frozen in time: never imports application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table region add column plan_from text`.execute(db);
  await sql`alter table trainees add column latest_end text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table trainees drop column latest_end`.execute(db);
  await sql`alter table region drop column plan_from`.execute(db);
}
