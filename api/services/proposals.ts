/**
 * The proposal workflow: an ST-läkare drafts their placements, validates them against the published
 * plan (everyone else as published), asks the solver to complete them, submits; the studierektor
 * approves (the placements enter a new published plan version, locked) or returns them with a comment.
 */
import type { Kysely } from 'kysely';
import { plansRepo, proposalsRepo, traineesRepo, type Database, type Db, type ProposalRecord, type StoredPlacement } from '../../db/index.ts';
import { PLAN_FORMAT, type Placement, type Plan, type PlanPlacement, type Report, type Scenario } from '../../solver/domain/schemas.ts';
import { parseDay, formatDay, addMonths, startOfMonth } from '../../solver/time/dates.ts';
import type { SolveWorker } from '../../solver/solve/solve-worker.ts';
import { clinicLimit, leastLimit, unitLimit } from '../../solver/domain/capacity.ts';
import { validate } from '../../solver/validate.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { Impact } from '../schemas/proposals.ts';
import type { Acknowledgement } from '../schemas/versions.ts';
import { canEditProposalOf, canReadTrainee, readableIds, type Actor } from './access.ts';
import { audit } from './audit.ts';
import { regionWrite } from './region-write.ts';
import { plainPlan, readPostedPlan, reportFor } from './plans.ts';
import { assertAcknowledged } from './publish-check.ts';
import { loadScenario } from './scenario.ts';
import { placementKey } from '../../solver/domain/identity.ts';
import { withPlanLocks } from './solve-runner.ts';

async function readable(db: Db, actor: Actor, p: ProposalRecord): Promise<void> {
  const t = await traineesRepo.get(db, p.trainee);
  if (!t || !canReadTrainee(actor, t)) throw forbidden('Du får inte se detta förslag / You may not see this proposal');
}

export async function getProposal(db: Db, actor: Actor, id: number): Promise<ProposalRecord> {
  const p = await proposalsRepo.get(db, id);
  if (!p) throw notFound(`Förslaget ${id}`);
  await readable(db, actor, p);
  return p;
}

export async function listProposals(db: Db, actor: Actor): Promise<ProposalRecord[]> {
  if (actor.role === 'studierektor') return proposalsRepo.list(db);
  const ids = actor.role === 'enhetschef' ? (await traineesRepo.list(db, { units: actor.units })).map((t) => t.id) : actor.trainees;
  return proposalsRepo.list(db, { trainees: ids });
}

function assertEditable(actor: Actor, p: ProposalRecord): void {
  if (!canEditProposalOf(actor, p.trainee)) throw forbidden('Du får bara ändra ditt eget förslag / You may only edit your own proposal');
}

/** Checks the placements as the trainee's part of a plan: known clinics, valid dates, kinds. */
function checkPlacements(scenario: Scenario, trainee: string, placements: Placement[]): void {
  readPostedPlan({ format: PLAN_FORMAT, placements: placements.map((p) => ({ trainee, ...p })) }, scenario);
}

export async function createProposal(db: Kysely<Database>, actor: Actor, trainee: string, placements: Placement[]): Promise<ProposalRecord> {
  if (!canEditProposalOf(actor, trainee)) throw forbidden('Du får bara lägga förslag för dig själv / You may only propose for yourself');
  return regionWrite(db, async (trx) => {
    if (!(await traineesRepo.get(trx, trainee))) throw badRequest('Okänd ST-läkare / Unknown trainee', [`trainee: unknown trainee "${trainee}"`]);
    checkPlacements(await loadScenario(trx), trainee, placements);
    const p = await proposalsRepo.insert(trx, { trainee, placements, createdBy: actor.email });
    await audit(trx, actor, 'create', 'proposal', p.id, null, p);
    return p;
  });
}

export async function updateProposal(db: Kysely<Database>, actor: Actor, id: number, placements: Placement[], version: number): Promise<ProposalRecord> {
  return regionWrite(db, async (trx) => {
    const p = await getProposal(trx, actor, id);
    assertEditable(actor, p);
    if (p.version !== version) throw conflict(p);
    if (p.status === 'submitted' || p.status === 'approved')
      throw conflict(p, `Förslaget är ${p.status === 'submitted' ? 'inskickat' : 'godkänt'} och kan inte ändras / The proposal is ${p.status} and cannot be edited`);
    checkPlacements(await loadScenario(trx), p.trainee, placements);
    // Editing a returned proposal makes it a draft again.
    const r = await proposalsRepo.update(trx, id, version, { placements, status: 'draft' });
    if (!r.ok) throw conflict(r.current);
    await audit(trx, actor, 'update', 'proposal', id, p, r.row);
    return r.row;
  });
}

type Transition = 'submit' | 'approve' | 'return';
const FROM: Record<Transition, ProposalRecord['status'][]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
};
const TO: Record<Transition, ProposalRecord['status']> = { submit: 'submitted', approve: 'approved', return: 'returned' };

/** The published plan with this trainee's placements replaced by `placements`. */
export function mergedPlan(published: StoredPlacement[], trainee: string, placements: Placement[]): StoredPlacement[] {
  return [...published.filter((p) => p.trainee !== trainee), ...placements.map((p) => ({ trainee, ...p }))];
}

export async function transition(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  action: Transition,
  opts: { version?: number; comment?: string; acknowledge?: Acknowledgement },
): Promise<ProposalRecord & { replaced?: { id: number; status: string; updatedAt: string }[] }> {
  return regionWrite(db, async (trx) => {
    const p = await getProposal(trx, actor, id);
    if (action === 'submit') assertEditable(actor, p);
    else if (actor.role !== 'studierektor') throw forbidden();
    if (opts.version !== undefined && opts.version !== p.version) throw conflict(p);
    if (!FROM[action].includes(p.status))
      throw conflict(p, `Förslaget är ${p.status}; det går inte att ${action} / The proposal is ${p.status}; cannot ${action}`);
    const approved = action === 'approve' ? await approvedPlan(trx, actor, p, opts.acknowledge) : null;
    const r = await proposalsRepo.update(trx, id, p.version, { status: TO[action], ...(action === 'return' ? { comment: opts.comment ?? '' } : {}) });
    if (!r.ok) throw conflict(r.current);
    if (approved) {
      const created = await plansRepo.create(trx, approved.plan);
      await audit(trx, actor, 'publish', 'plan', created.id, approved.replaces, { id: created.id, number: created.number, proposal: id });
    }
    // One open proposal per trainee: a submission replaces the earlier ones, an approval closes them.
    const replaced = action === 'return' ? [] : await proposalsRepo.supersedeOthers(trx, p.trainee, id);
    for (const old of replaced) await audit(trx, actor, 'supersede', 'proposal', old.id, { status: old.status }, { status: 'superseded', by: id });
    await audit(trx, actor, action, 'proposal', id, p, { ...r.row, ...(approved?.acknowledged ? { acknowledged: approved.acknowledged } : {}) });
    return replaced.length > 0 ? { ...r.row, replaced: replaced.map((x) => ({ id: x.id, status: x.status, updatedAt: x.updatedAt })) } : r.row;
  });
}

/**
 * The published plan with the proposal's placements in, locked. Over a hard violation of the trainee,
 * or a lock of theirs the proposal moves, only with an acknowledgement (409 otherwise; the audit log keeps it).
 */
async function approvedPlan(db: Db, actor: Actor, p: ProposalRecord, ack: Acknowledgement | undefined) {
  const scenario = await loadScenario(db);
  const published = await plansRepo.published(db);
  const placements = mergedPlan(published?.plan.placements ?? [], p.trainee, p.placements.map((x) => ({ ...x, locked: true }) as Placement));
  const plan: Plan = { format: PLAN_FORMAT, scenario: scenario.name, placements };
  // The proposal was checked when it was written; a clinic may have gone since.
  checkPlacements(scenario, p.trainee, p.placements);
  const report = validate(scenario, plainPlan(plan));
  const hard = report.violations.filter((v) => v.severity === 'hard' && v.trainees.includes(p.trainee));
  const proposed = new Set(p.placements.map((x) => placementKey({ ...x, trainee: p.trainee })));
  const movedLocks = (published?.plan.placements ?? [])
    .filter((x) => x.trainee === p.trainee && x.locked)
    .map(({ locked: _l, ...x }) => x)
    .filter((x) => !proposed.has(placementKey(x)))
    .map((before) => ({ trainee: p.trainee, before, after: null }));
  const check = { hard, movedLocks, needsAcknowledgement: hard.length > 0 || movedLocks.length > 0 };
  assertAcknowledged(check, ack);
  const name = scenario.trainees.find((t) => t.id === p.trainee)?.name ?? p.trainee;
  return {
    plan: { status: 'published' as const, note: `Förslag ${p.id} godkänt för ${name} / Proposal ${p.id} approved for ${name}`, plan, report, createdBy: actor.email, reason: ack?.reason.trim() ?? null },
    replaces: published ? { id: published.id, number: published.number } : null,
    acknowledged: check.needsAcknowledgement && ack
      ? { reason: ack.reason, hard: hard.map((v) => ({ rule: v.rule, message: v.message.sv })), movedLocks: movedLocks.map((m) => m.before) }
      : null,
  };
}

async function proposalContext(db: Db, actor: Actor, id: number) {
  const p = await getProposal(db, actor, id);
  const scenario = await loadScenario(db);
  const published = await plansRepo.published(db);
  return { p, scenario, published: published?.plan.placements ?? [] };
}

export async function validateProposal(db: Db, actor: Actor, id: number): Promise<Report> {
  const { p, scenario, published } = await proposalContext(db, actor, id);
  const plan = plainPlan({ format: PLAN_FORMAT, placements: mergedPlan(published, p.trainee, p.placements) });
  const report = validate(scenario, plan);
  return reportFor(actor, report, actor.role === 'studierektor' ? null : new Set([p.trainee, ...readableIds(actor, scenario.trainees)]), scenario.trainees);
}

/** "Fyll i / laga min plan": the solver completes or repairs this trainee, everyone else as published. */
export async function completeProposal(db: Db, solver: SolveWorker, actor: Actor, id: number): Promise<{ placements: Placement[]; report: Report }> {
  const { p, scenario, published } = await proposalContext(db, actor, id);
  assertEditable(actor, p);
  const currentPlan = plainPlan({ format: PLAN_FORMAT, placements: mergedPlan(published, p.trainee, p.placements) });
  const result = await solver.start(withPlanLocks(scenario, published.filter((x) => x.trainee !== p.trainee)), {
    currentPlan,
    trainee: p.trainee,
    timeLimitSeconds: 10,
  }).result;
  const placements = result.plan.placements.filter((x) => x.trainee === p.trainee).map(({ trainee: _t, ...rest }) => rest as Placement);
  const readable = actor.role === 'studierektor' ? null : new Set([p.trainee, ...readableIds(actor, scenario.trainees)]);
  return { placements, report: reportFor(actor, result.report, readable, scenario.trainees) };
}

function monthsOf(placements: PlanPlacement[]): Set<string> {
  const out = new Set<string>();
  for (const p of placements) {
    if (p.kind !== 'rotation') continue;
    const end = parseDay(p.to);
    for (let d = startOfMonth(parseDay(p.from)); d <= end; d = addMonths(d, 1)) out.add(formatDay(d).slice(0, 7));
  }
  return out;
}

function overlapsMonth(p: PlanPlacement, month: string): boolean {
  return p.from.slice(0, 7) <= month && p.to.slice(0, 7) >= month;
}

/** Per month the proposal touches: trainees at each affected clinic and away from the unit, before and after. */
export async function proposalImpact(db: Db, actor: Actor, id: number): Promise<Impact> {
  const { p, scenario, published } = await proposalContext(db, actor, id);
  const before = published.filter((x) => x.kind === 'rotation');
  const after = mergedPlan(published, p.trainee, p.placements).filter((x) => x.kind === 'rotation');
  const mine = [...before, ...after].filter((x) => x.trainee === p.trainee);
  const months = [...monthsOf(mine)].sort();
  const clinics = new Set(mine.map((x) => x.clinic).filter((c): c is string => !!c));
  const trainee = scenario.trainees.find((t) => t.id === p.trainee);
  const unit = scenario.units.find((u) => u.id === trainee?.unit);
  const unitOf = new Map(scenario.trainees.map((t) => [t.id, t.unit]));
  const count = (list: PlanPlacement[], month: string, match: (x: PlanPlacement) => boolean) =>
    new Set(list.filter((x) => match(x) && overlapsMonth(x, month)).map((x) => x.trainee)).size;
  const impact: Impact = { clinicLoad: [], unitAway: [] };
  for (const c of [...clinics].sort()) {
    const clinic = scenario.clinics.find((x) => x.id === c);
    if (!clinic) continue;
    for (const month of months) {
      const b = count(before, month, (x) => x.clinic === c);
      const a = count(after, month, (x) => x.clinic === c);
      const first = parseDay(`${month}-01`);
      const capacity = leastLimit(clinicLimit(clinic), first, addMonths(first, 1) - 1);
      if (a !== b) impact.clinicLoad.push({ clinic: c, month, capacity, before: b, after: a });
    }
  }
  if (unit) {
    for (const month of months) {
      const b = count(before, month, (x) => unitOf.get(x.trainee) === unit.id);
      const a = count(after, month, (x) => unitOf.get(x.trainee) === unit.id);
      const first = parseDay(`${month}-01`);
      const maxAway = leastLimit(unitLimit(unit), first, addMonths(first, 1) - 1);
      if (a !== b) impact.unitAway.push({ unit: unit.id, month, maxAway, before: b, after: a });
    }
  }
  return impact;
}
