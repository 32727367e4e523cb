/** Migration 0005 numbers the plans published before it, in the order they were published, and goes down cleanly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import * as planVersions from '../../db/migrations/0005_plan_versions.ts';
import { DIALECTS, type TestDatabase } from '../helpers/db.ts';

describe.each(DIALECTS)('migration 0005 (plan versions) on $name', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await dialect.create();
  });
  afterAll(async () => database?.drop());

  it('numbers existing published plans by publishing time, leaves drafts unnumbered', async () => {
    const db = database.opened.db;
    // Migrations take an untyped handle: they are frozen, the Database type moves on.
    const untyped = db as unknown as Kysely<unknown>;
    await planVersions.down(untyped);
    await sql`insert into plans (status, created_by, published_at) values
      ('published', 'a@x', '2026-03-01T10:00:00Z'),
      ('draft', 'b@x', null),
      ('published', 'c@x', '2026-01-01T10:00:00Z')`.execute(db);
    await planVersions.up(untyped);
    const rows = await db.selectFrom('plans').select(['created_by', 'number', 'published_by']).orderBy('id').execute();
    expect(rows).toEqual([
      { created_by: 'a@x', number: 2, published_by: 'a@x' },
      { created_by: 'b@x', number: null, published_by: null },
      { created_by: 'c@x', number: 1, published_by: 'c@x' },
    ]);
    // Two versions cannot share a number.
    await expect(sql`update plans set number = 1 where number = 2`.execute(db)).rejects.toThrow();
    // 'superseded' is a proposal status now.
    await sql`insert into units (id, name, max_away) values ('vc', 'VC', 1)`.execute(db);
    await sql`insert into trainees (id, name, unit_id, start_date, regulation) values ('t1', 'T', 'vc', '2027-01-01', '2015:8')`.execute(db);
    await sql`insert into proposals (trainee_id, status, placements) values ('t1', 'superseded', '[]')`.execute(db);
    await expect(sql`insert into proposals (trainee_id, status, placements) values ('t1', 'withdrawn', '[]')`.execute(db)).rejects.toThrow();
  });
});
