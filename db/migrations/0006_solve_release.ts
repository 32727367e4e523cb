/**
 * A solve job's released placements: the agreed placements of the published plan that the
 * studierektor let the solve move (null: none). Frozen in time: never imports application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table solve_jobs add column release jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table solve_jobs drop column release`.execute(db);
}
