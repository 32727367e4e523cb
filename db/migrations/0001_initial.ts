/**
 * The first schema. Frozen in time: a migration never imports application code, so later changes
 * to the domain types cannot change what this one did. SQL that PostgreSQL 15 and PGlite (18) both speak.
 * Dates of the domain are ISO text (`YYYY-MM-DD`): the drivers would otherwise turn them into
 * local-time JS Dates. Lists that are only ever read whole (employment, leave …) are jsonb.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table region (
      id integer primary key default 1 check (id = 1),
      name text not null,
      profile text not null,
      rules jsonb not null default '{}',
      horizon_from text not null,
      horizon_to text not null,
      version integer not null default 1,
      updated_at timestamptz not null default now())`,
    sql`create table units (
      id text primary key,
      name text not null,
      max_away integer not null check (max_away >= 0),
      version integer not null default 1,
      updated_at timestamptz not null default now())`,
    sql`create table clinics (
      id text primary key,
      name text not null,
      specialty text not null,
      capacity integer not null check (capacity >= 0),
      version integer not null default 1,
      updated_at timestamptz not null default now())`,
    sql`create table clinic_capacity_changes (
      clinic_id text not null references clinics(id) on delete cascade,
      ordinal integer not null,
      from_date text not null,
      to_date text not null,
      capacity integer not null check (capacity >= 0),
      primary key (clinic_id, ordinal))`,
    sql`create table trainees (
      id text primary key,
      name text not null,
      unit_id text not null references units(id),
      start_date text not null,
      regulation text not null,
      employment jsonb,
      leave jsonb,
      credit_months double precision,
      rotations jsonb,
      locked jsonb,
      wishes jsonb,
      planned_end text,
      bt_done boolean,
      version integer not null default 1,
      updated_at timestamptz not null default now())`,
    sql`create index trainees_unit on trainees(unit_id)`,
    sql`create table users (
      id serial primary key,
      email text not null unique,
      name text not null,
      role text not null check (role in ('studierektor', 'enhetschef', 'st-lakare', 'handledare')),
      units jsonb not null default '[]',
      trainees jsonb not null default '[]',
      password_hash text not null,
      version integer not null default 1,
      created_at timestamptz not null default now())`,
    sql`create table sessions (
      token_hash text primary key,
      user_id integer not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null)`,
    sql`create table plans (
      id serial primary key,
      status text not null check (status in ('draft', 'published')),
      note text not null default '',
      scenario_name text,
      report jsonb,
      created_by text,
      created_at timestamptz not null default now(),
      published_at timestamptz,
      version integer not null default 1)`,
    sql`create index plans_published on plans(published_at) where status = 'published'`,
    sql`create table placements (
      id serial primary key,
      plan_id integer not null references plans(id) on delete cascade,
      ordinal integer not null,
      trainee_id text not null,
      kind text not null,
      specialty text,
      clinic_id text,
      course text,
      milestone text,
      from_date text not null,
      to_date text not null,
      locked boolean not null default false)`,
    sql`create index placements_plan on placements(plan_id, ordinal)`,
    sql`create table proposals (
      id serial primary key,
      trainee_id text not null references trainees(id) on delete cascade,
      status text not null check (status in ('draft', 'submitted', 'approved', 'returned')),
      placements jsonb not null,
      comment text,
      created_by text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1)`,
    sql`create index proposals_trainee on proposals(trainee_id)`,
    sql`create table solve_jobs (
      id serial primary key,
      status text not null check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
      time_limit_seconds double precision,
      created_by text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      claimed_by text,
      cancel_requested boolean not null default false,
      progress jsonb,
      result_plan_id integer references plans(id) on delete set null,
      report jsonb,
      moved jsonb,
      error text)`,
    sql`create index solve_jobs_queued on solve_jobs(created_at) where status = 'queued'`,
    sql`create table audit_log (
      id serial primary key,
      at timestamptz not null default now(),
      user_email text,
      action text not null,
      entity text not null,
      entity_id text,
      before jsonb,
      after jsonb)`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'solve_jobs', 'proposals', 'placements', 'plans', 'sessions', 'users', 'trainees', 'clinic_capacity_changes', 'clinics', 'units', 'region']) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
