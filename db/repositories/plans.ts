/**
 * Plans and their placements. Each plan row is one version of the region's plan: drafts come from
 * the solver or from edits; publishing makes a version the current one (the latest published wins),
 * and earlier published versions stay as history.
 */
import type { Plan, PlanPlacement, Report } from '../../solver/domain/schemas.ts';
import { PLAN_FORMAT } from '../../solver/domain/schemas.ts';
import { iso, jsonOrNull, parsed, type Db } from './common.ts';

export type PlanStatus = 'draft' | 'published';

/** A placement as stored: the plan format's placement plus whether it is locked (agreed or done). */
export type StoredPlacement = PlanPlacement & { locked?: boolean };
export type StoredPlan = Omit<Plan, 'placements'> & { placements: StoredPlacement[] };

export interface PlanSummary {
  id: number;
  version: number;
  status: PlanStatus;
  createdAt: string;
  createdBy: string | null;
  publishedAt: string | null;
  note: string;
  /** The version number among published plans (1, 2, 3 …); null for a draft. */
  number: number | null;
  publishedBy: string | null;
  /** Why it was published, in the publisher's words (empty when none was asked). */
  reason: string | null;
}

export interface PlanRecord extends PlanSummary {
  plan: StoredPlan;
  report: Report | null;
}

const SUMMARY = ['id', 'version', 'status', 'created_at', 'created_by', 'published_at', 'note', 'scenario_name', 'number', 'published_by', 'reason'] as const;

type SummaryRow = {
  id: number;
  version: number;
  status: string;
  created_at: Date | string;
  created_by: string | null;
  published_at: Date | string | null;
  note: string;
  scenario_name: string | null;
  number: number | null;
  published_by: string | null;
  reason: string | null;
};

function toSummary(r: SummaryRow): PlanSummary {
  return {
    id: r.id,
    version: r.version,
    status: r.status as PlanStatus,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
    publishedAt: iso(r.published_at),
    note: r.note,
    number: r.number,
    publishedBy: r.published_by,
    reason: r.reason,
  };
}

async function load(db: Db, row: SummaryRow & { report: unknown }): Promise<PlanRecord> {
  const rows = await db
    .selectFrom('placements')
    .select(['trainee_id', 'kind', 'specialty', 'clinic_id', 'course', 'milestone', 'from_date', 'to_date', 'locked'])
    .where('plan_id', '=', row.id)
    .orderBy('ordinal')
    .execute();
  const placements: StoredPlacement[] = rows.map((p) => {
    const out: StoredPlacement = { trainee: p.trainee_id, kind: p.kind as PlanPlacement['kind'], from: p.from_date, to: p.to_date };
    if (p.specialty !== null) out.specialty = p.specialty as PlanPlacement['specialty'];
    if (p.clinic_id !== null) out.clinic = p.clinic_id;
    if (p.course !== null) out.course = p.course as PlanPlacement['course'];
    if (p.milestone !== null) out.milestone = p.milestone as PlanPlacement['milestone'];
    if (p.locked) out.locked = true;
    return out;
  });
  const plan: StoredPlan = { format: PLAN_FORMAT, placements };
  if (row.scenario_name !== null) plan.scenario = row.scenario_name;
  return { ...toSummary(row), plan, report: row.report === null ? null : parsed<Report>(row.report) };
}

export interface NewPlan {
  status: PlanStatus;
  note?: string;
  plan: StoredPlan;
  report: Report | null;
  createdBy: string | null;
  /** For a published plan: why, in the publisher's words. */
  reason?: string | null;
}

/** The number the next published version gets. Inside the publishing transaction; the unique index catches a race. */
async function nextNumber(db: Db): Promise<number> {
  const row = await db.selectFrom('plans').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export const plansRepo = {
  async list(db: Db): Promise<PlanSummary[]> {
    return (await db.selectFrom('plans').select(SUMMARY).orderBy('id', 'desc').execute()).map(toSummary);
  },

  async get(db: Db, id: number): Promise<PlanRecord | null> {
    const row = await db.selectFrom('plans').select([...SUMMARY, 'report']).where('id', '=', id).executeTakeFirst();
    return row ? load(db, row) : null;
  },

  /** The current plan: the most recently published version. */
  async published(db: Db): Promise<PlanRecord | null> {
    const row = await db
      .selectFrom('plans')
      .select([...SUMMARY, 'report'])
      .where('status', '=', 'published')
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? load(db, row) : null;
  },

  async publishedId(db: Db): Promise<number | null> {
    const row = await db
      .selectFrom('plans')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async create(db: Db, p: NewPlan): Promise<PlanRecord> {
    const now = new Date();
    const published = p.status === 'published';
    const number = published ? await nextNumber(db) : null;
    const row = await db
      .insertInto('plans')
      .values({
        status: p.status,
        note: p.note ?? '',
        scenario_name: p.plan.scenario ?? null,
        report: jsonOrNull(p.report),
        created_by: p.createdBy,
        created_at: now,
        published_at: published ? now : null,
        number,
        published_by: published ? p.createdBy : null,
        reason: published ? (p.reason ?? null) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const placements = p.plan.placements;
    // Chunked so that an 800-trainee plan stays under PostgreSQL's 65535 bind parameters.
    for (let i = 0; i < placements.length; i += 2000) {
      await db
        .insertInto('placements')
        .values(
          placements.slice(i, i + 2000).map((x, j) => ({
            plan_id: row.id,
            ordinal: i + j,
            trainee_id: x.trainee,
            kind: x.kind,
            specialty: x.specialty ?? null,
            clinic_id: x.clinic ?? null,
            course: x.course ?? null,
            milestone: x.milestone ?? null,
            from_date: x.from,
            to_date: x.to,
            locked: x.locked === true,
          })),
        )
        .execute();
    }
    return (await plansRepo.get(db, row.id))!;
  },

  /** Publishes a draft as the next version; null when there is no such draft. */
  async publish(db: Db, id: number, by: string | null, reason: string | null): Promise<PlanRecord | null> {
    const number = await nextNumber(db);
    const row = await db
      .updateTable('plans')
      .set((eb) => ({ status: 'published', published_at: new Date(), number, published_by: by, reason, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst();
    return row ? plansRepo.get(db, id) : null;
  },

  /** The drafts not published, newest first, each with the solve run that made it (null: made by hand). */
  async drafts(db: Db): Promise<(PlanSummary & { run: number | null })[]> {
    const rows = (await db.selectFrom('plans').select(SUMMARY).where('status', '=', 'draft').orderBy('id', 'desc').execute()).map(toSummary);
    if (rows.length === 0) return [];
    const runs = await db
      .selectFrom('solve_jobs')
      .select(['id', 'result_plan_id'])
      .where('result_plan_id', 'in', rows.map((r) => r.id))
      .execute();
    const runOf = new Map(runs.map((j) => [j.result_plan_id!, j.id]));
    return rows.map((r) => ({ ...r, run: runOf.get(r.id) ?? null }));
  },

  /** Deletes a draft (its placements go with it; a solve run keeps its report without the plan); null when there is no such draft. */
  async removeDraft(db: Db, id: number): Promise<PlanSummary | null> {
    const row = await db.deleteFrom('plans').where('id', '=', id).where('status', '=', 'draft').returning(SUMMARY).executeTakeFirst();
    return row ? toSummary(row) : null;
  },

  async setReport(db: Db, id: number, report: Report): Promise<void> {
    await db.updateTable('plans').set({ report: JSON.stringify(report) }).where('id', '=', id).execute();
  },

  async removeAll(db: Db): Promise<void> {
    await db.deleteFrom('plans').execute();
  },
};
