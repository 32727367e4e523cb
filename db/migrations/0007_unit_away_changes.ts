/**
 * A unit's away limit over the calendar: periods with another limit, as clinics' capacity changes.
 * Frozen in time: never imports application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table unit_away_changes (
    unit_id text not null references units(id) on delete cascade,
    ordinal integer not null,
    from_date text not null,
    to_date text not null,
    max_away integer not null check (max_away >= 0),
    primary key (unit_id, ordinal))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists unit_away_changes`.execute(db);
}
