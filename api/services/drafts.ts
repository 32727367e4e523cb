/**
 * Drafts made by hand: the studierektor moves placements on the cohort timeline and saves the whole
 * plan as a draft, which is checked and published like a solve's (versions.ts). The locks of the
 * published plan carry over to every placement the draft keeps as it is; the client cannot set them.
 */
import type { Kysely } from 'kysely';
import { plansRepo, type Database, type PlanSummary, type StoredPlacement } from '../../db/index.ts';
import { placementKey } from '../../solver/domain/identity.ts';
import type { Actor } from './access.ts';
import { audit } from './audit.ts';
import { bare, readPostedPlan } from './plans.ts';
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
