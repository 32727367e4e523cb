/**
 * Drafts made by hand: the studierektor moves placements on the cohort timeline and saves the whole
 * plan as a draft, which is checked and published like a solve's (versions.ts). The locks of the
 * published plan carry over to every placement the draft keeps as it is; the client cannot set them.
 * Every draft not published (by hand or from a solve run) is listed, so that it can be found again,
 * compared, published or deleted.
 */
import type { Kysely } from 'kysely';
import { plansRepo, type Database, type Db, type PlanSummary, type StoredPlacement } from '../../db/index.ts';
import { placementKey } from '../../solver/domain/identity.ts';
import { conflict, notFound } from '../errors.ts';
import type { DraftListing } from '../schemas/drafts.ts';
import type { Actor } from './access.ts';
import { audit } from './audit.ts';
import { figures } from './plan-compare.ts';
import { bare, readPostedPlan, reportOf, type ReportCache } from './plans.ts';
import { regionWrite } from './region-write.ts';
import { loadScenario } from './scenario.ts';

export async function createDraft(db: Kysely<Database>, actor: Actor, json: unknown, note: string | undefined): Promise<PlanSummary> {
  return regionWrite(db, async (trx) => {
    const plan = readPostedPlan(json, await loadScenario(trx));
    const published = await plansRepo.published(trx);
    const locked = new Set((published?.plan.placements ?? []).filter((p) => p.locked).map((p) => placementKey(bare(p))));
    const placements: StoredPlacement[] = plan.placements.map((p) => (locked.has(placementKey(p)) ? { ...p, locked: true } : p));
    const text = note?.trim() || 'Ändrad för hand / Edited by hand';
    const created = await plansRepo.create(trx, { status: 'draft', note: text, plan: { ...plan, placements }, report: null, createdBy: actor.email });
    await audit(trx, actor, 'create', 'plan', created.id, null, { status: 'draft', note: text, basedOn: published?.id ?? null, placements: placements.length });
    const { plan: _plan, report: _report, ...summary } = created;
    return summary;
  });
}

/** The drafts not published, newest first, with the figures the Compare view shows for them. */
export async function listDrafts(db: Db, cache: ReportCache): Promise<DraftListing[]> {
  const scenario = await loadScenario(db);
  const out: DraftListing[] = [];
  for (const draft of await plansRepo.drafts(db)) {
    const record = await plansRepo.get(db, draft.id);
    // Deleted between the list and the read: not listed.
    if (!record) continue;
    const report = await reportOf(db, cache, record, scenario);
    out.push({ ...draft, figures: figures(record.plan.placements.length, report, record.report?.solve ?? null) });
  }
  return out;
}

/** Deletes a draft; a published plan is history and stays. */
export async function deleteDraft(db: Kysely<Database>, actor: Actor, id: number): Promise<PlanSummary> {
  return regionWrite(db, async (trx) => {
    const record = await plansRepo.get(trx, id);
    if (!record) throw notFound(`Utkastet ${id} / Draft ${id}`);
    if (record.status !== 'draft')
      throw conflict(
        null,
        `Planen är publicerad som version ${record.number} och kan inte tas bort / The plan is published as version ${record.number} and cannot be deleted`,
      );
    const removed = (await plansRepo.removeDraft(trx, id))!;
    await audit(trx, actor, 'delete', 'plan', id, { status: 'draft', note: record.note, createdBy: record.createdBy, placements: record.plan.placements.length }, null);
    return removed;
  });
}
