/**
 * Plan versions and one open proposal per trainee. Frozen in time: never imports application code.
 *
 * - plans.number: the version number of a published plan (1, 2, 3 … in the order of publishing);
 *   null for drafts. Existing published plans are numbered by when they were published.
 * - plans.published_by / plans.reason: who published and why, in their own words.
 * - proposals may be 'superseded': replaced by a later submission or closed by an approval.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table plans add column number integer`,
    sql`alter table plans add column published_by text`,
    sql`alter table plans add column reason text`,
    sql`update plans set number = r.n, published_by = plans.created_by
        from (select id, row_number() over (order by published_at, id) as n from plans where status = 'published') r
        where plans.id = r.id`,
    // Two publishes at once cannot get the same number: the second fails and is answered as a conflict.
    sql`create unique index plans_number on plans(number)`,
    sql`alter table proposals drop constraint proposals_status_check`,
    sql`alter table proposals add constraint proposals_status_check
        check (status in ('draft', 'submitted', 'approved', 'returned', 'superseded'))`,
  ];
  for (const s of statements) await s.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`update proposals set status = 'returned' where status = 'superseded'`,
    sql`alter table proposals drop constraint proposals_status_check`,
    sql`alter table proposals add constraint proposals_status_check check (status in ('draft', 'submitted', 'approved', 'returned'))`,
    sql`drop index if exists plans_number`,
    sql`alter table plans drop column reason`,
    sql`alter table plans drop column published_by`,
    sql`alter table plans drop column number`,
  ];
  for (const s of statements) await s.execute(db);
}
