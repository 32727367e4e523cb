/**
 * The published plan's versions: every publish, approval, rollback and lock release makes a new
 * numbered version (earlier ones stay as history). Publishing a draft and rolling back first check
 * what the change breaks and moves (publish-check.ts) and go ahead over a hard violation or a moved
 * lock only with an acknowledgement, which the audit log keeps.
 */
import type { Kysely } from 'kysely';
import { plansRepo, traineesRepo, type Database, type Db, type PlanRecord, type StoredPlacement } from '../../db/index.ts';
import type { Placement, Scenario } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { badRequest, conflict } from '../errors.ts';
import type { LocksReleased, PublishBody, PublishCheck, ReleaseLocksBody } from '../schemas/versions.ts';
import type { Actor } from './access.ts';
import { audit } from './audit.ts';
import { bare, getPlan, plainPlan, reportOf, type ReportCache } from './plans.ts';
import { assertAcknowledged, checkChange } from './publish-check.ts';
import { loadScenario } from './scenario.ts';
import { placementKey } from '../../solver/domain/identity.ts';
import { readPlan } from '../../solver/io/read.ts';
import { regionWrite } from './region-write.ts';

/** What publishing (or restoring) plan `id` would change in the published plan. */
export async function publishCheck(db: Db, cache: ReportCache, id: number): Promise<PublishCheck> {
  const candidate = await getPlan(db, id);
  return checkAgainstPublished(db, cache, candidate, await loadScenario(db));
}

async function checkAgainstPublished(db: Db, cache: ReportCache, candidate: PlanRecord, scenario: Scenario): Promise<PublishCheck> {
  const current = await plansRepo.published(db);
  const before = current ? { placements: current.plan.placements, report: await reportOf(db, cache, current, scenario) } : null;
  const after = { placements: candidate.plan.placements, report: await reportOf(db, cache, candidate, scenario) };
  return { candidate: candidate.id, current: current?.id ?? null, currentNumber: current?.number ?? null, ...checkChange(before, after) };
}

const reasonOf = (body: PublishBody) => body.acknowledge?.reason.trim() || body.reason?.trim() || null;

/** Publishes a draft as the next version. */
export async function publishDraft(db: Kysely<Database>, cache: ReportCache, actor: Actor, id: number, body: PublishBody): Promise<PlanRecord> {
  return regionWrite(db, async (trx) => {
    const candidate = await getPlan(trx, id);
    // A draft made before a trainee or clinic was removed names what no longer exists: refused, named.
    const read = readPlan(plainPlan(candidate.plan), await loadScenario(trx));
    if (!read.ok) throw badRequest('Planen nämner något som inte finns längre / The plan names something that no longer exists', read.errors.map((e) => `plan.${e}`));
    if (candidate.status !== 'draft')
      throw conflict(
        null,
        `Planen är redan publicerad som version ${candidate.number}; återställ den i stället / The plan is already published as version ${candidate.number}; roll back to it instead`,
      );
    const check = await checkAgainstPublished(trx, cache, candidate, await loadScenario(trx));
    assertAcknowledged(check, body.acknowledge);
    const after = (await plansRepo.publish(trx, id, actor.email, reasonOf(body)))!;
    await audit(trx, actor, 'publish', 'plan', id, { status: 'draft', replaces: check.current }, {
      number: after.number,
      reason: after.reason,
      ...acknowledged(check, body),
    });
    return after;
  });
}

/** Publishes an earlier version's placements (and locks) again, as a new version. */
export async function rollback(db: Kysely<Database>, cache: ReportCache, actor: Actor, id: number, body: PublishBody): Promise<PlanRecord> {
  return regionWrite(db, async (trx) => {
    const target = await getPlan(trx, id);
    if (target.status !== 'published') throw badRequest('Bara publicerade versioner kan återställas / Only published versions can be restored', ['id: a draft']);
    const current = await plansRepo.published(trx);
    if (current?.id === target.id) throw conflict(null, `Version ${target.number} är redan den publicerade / Version ${target.number} is already the published one`);
    const scenario = await loadScenario(trx);
    const check = await checkAgainstPublished(trx, cache, target, scenario);
    assertAcknowledged(check, body.acknowledge);
    const created = await plansRepo.create(trx, {
      status: 'published',
      note: `Återställd till version ${target.number} / Rolled back to version ${target.number}`,
      plan: target.plan,
      report: await reportOf(trx, cache, target, scenario),
      createdBy: actor.email,
      reason: reasonOf(body),
    });
    await audit(trx, actor, 'rollback', 'plan', created.id, { id: current?.id ?? null, number: current?.number ?? null }, {
      number: created.number,
      restored: target.number,
      reason: created.reason,
      ...acknowledged(check, body),
    });
    return created;
  });
}

function acknowledged(check: PublishCheck, body: PublishBody) {
  if (!check.needsAcknowledgement || !body.acknowledge) return {};
  return {
    acknowledged: {
      reason: body.acknowledge.reason,
      hard: check.hard.map((v) => ({ rule: v.rule, trainees: v.trainees, message: v.message.sv })),
      movedLocks: check.movedLocks.map((m) => m.before),
    },
  };
}

const sameAs = (trainee: string, p: Placement) => (q: { trainee?: string } & Placement) => placementKey({ ...q, trainee }) === placementKey({ ...p, trainee });

/**
 * Releases the locks of one trainee's placement (or all of theirs) in the published plan and in the
 * trainee's own list of locked placements, as a new version with the same placements.
 */
export async function releaseLocks(db: Kysely<Database>, actor: Actor, body: ReleaseLocksBody): Promise<LocksReleased> {
  return regionWrite(db, async (trx) => {
    const trainee = await traineesRepo.get(trx, body.trainee);
    if (!trainee) throw badRequest('Okänd ST-läkare / Unknown trainee', [`trainee: unknown trainee "${body.trainee}"`]);
    const current = await plansRepo.published(trx);
    const matches = (p: Placement) => !body.placement || sameAs(trainee.id, body.placement)(p);
    const inPlan = (current?.plan.placements ?? []).filter((p) => p.trainee === trainee.id && p.locked && matches(p));
    const inScenario = (trainee.locked ?? []).filter(matches);
    if (inPlan.length === 0 && inScenario.length === 0)
      throw badRequest('Inget att låsa upp / Nothing to unlock', [
        body.placement ? 'placement: not a locked placement of the trainee' : 'trainee: has no locked placements',
      ]);
    if (!current) throw badRequest('Ingen publicerad plan / No published plan');

    if (inScenario.length > 0) {
      const { version, ...rest } = trainee;
      const r = await traineesRepo.update(trx, { ...rest, locked: (trainee.locked ?? []).filter((p) => !matches(p)) }, version);
      if (!r.ok) throw conflict(r.current);
    }
    // The keys of what is released: flagged in the plan, or listed on the trainee (the plan may flag those too).
    const released = new Set([...inPlan.map((p) => placementKey(bare(p))), ...inScenario.map((p) => placementKey({ ...p, trainee: trainee.id }))]);
    const placements: StoredPlacement[] = current.plan.placements.map((p) => (p.locked && released.has(placementKey(bare(p))) ? bare(p) : p));
    const scenario = await loadScenario(trx);
    const plan = { ...current.plan, placements };
    const created = await plansRepo.create(trx, {
      status: 'published',
      note: `Lås släppta för ${trainee.name} / Locks released for ${trainee.name}`,
      plan,
      report: validate(scenario, plainPlan(plan)),
      createdBy: actor.email,
      reason: body.reason.trim(),
    });
    await audit(trx, actor, 'release-locks', 'trainee', trainee.id, { plan: current.id, locked: [...inPlan.map(bare), ...inScenario] }, {
      plan: created.id,
      number: created.number,
      reason: body.reason.trim(),
    });
    return { plan: created.id, number: created.number!, released: released.size };
  });
}
