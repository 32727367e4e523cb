/**
 * Plans: versions, the published one, their reports (computed by the validator on the region's
 * scenario as it is now, cached until the data changes), publishing, diffs, and what a role may see.
 */
import type { Kysely } from 'kysely';
import { dataStamp, plansRepo, type Database, type Db, type PlanRecord, type StoredPlan } from '../../db/index.ts';
import { PLAN_FORMAT, type Plan, type PlanPlacement, type Report, type Scenario } from '../../solver/domain/schemas.ts';
import { readPlan } from '../../solver/io/read.ts';
import { movedPlacements } from '../../solver/solve/index.ts';
import { validate } from '../../solver/validate.ts';
import type { PlanDetail, PlanDiff } from '../schemas/plans.ts';
import { badRequest, notFound } from '../errors.ts';
import { readableIds, type Actor } from './access.ts';
import { audit } from './audit.ts';
import { regionWrite } from './region-write.ts';
import { loadScenario } from './scenario.ts';

/** Reports by plan id, valid while the region's data stamp is unchanged. */
export class ReportCache {
  readonly #entries = new Map<number, { stamp: string; report: Report }>();

  get(planId: number, stamp: string): Report | undefined {
    const e = this.#entries.get(planId);
    return e && e.stamp === stamp ? e.report : undefined;
  }

  set(planId: number, stamp: string, report: Report): void {
    if (this.#entries.size > 50) this.#entries.clear();
    this.#entries.set(planId, { stamp, report });
  }
}

/** A plan without the storage-only `locked` flags, as the validator and the formats know it. */
export function plainPlan(plan: StoredPlan): Plan {
  return {
    format: PLAN_FORMAT,
    ...(plan.scenario !== undefined ? { scenario: plan.scenario } : {}),
    placements: plan.placements.map(({ locked: _locked, ...p }) => p),
  };
}

export async function reportOf(db: Db, cache: ReportCache, record: PlanRecord, scenario?: Scenario): Promise<Report> {
  const stamp = await dataStamp(db);
  const hit = cache.get(record.id, stamp);
  if (hit) return hit;
  const report = validate(scenario ?? (await loadScenario(db)), plainPlan(record.plan));
  cache.set(record.id, stamp, report);
  return report;
}

/** The part of a report an actor may read: violations and summaries about their trainees only. */
/**
 * The report as `actor` may read it: the violations and summaries of their trainees. A violation that
 * also concerns someone they may not read (a clinic's capacity) keeps its message, with that
 * person's name left out ("annan ST-läkare"), since the rules name trainees by name.
 */
export function reportFor(actor: Actor, report: Report, readable: Set<string> | null, trainees: readonly { id: string; name: string }[]): Report {
  if (actor.role === 'studierektor' || readable === null) return report;
  const nameOf = new Map(trainees.map((t) => [t.id, t.name]));
  const hide = (text: string, others: string[], word: string) => others.reduce((out, id) => (nameOf.has(id) ? out.replaceAll(nameOf.get(id)!, word) : out), text);
  return {
    ...report,
    violations: report.violations
      .filter((v) => v.trainees.some((t) => readable.has(t)) || (v.trainees.length === 0 && v.unit !== null && actor.units.includes(v.unit)))
      .map((v) => {
        const others = v.trainees.filter((t) => !readable.has(t));
        const message = others.length === 0 ? v.message : { sv: hide(v.message.sv, others, 'annan ST-läkare'), en: hide(v.message.en, others, 'another trainee') };
        return { ...v, trainees: v.trainees.filter((t) => readable.has(t)), message };
      }),
    trainees: report.trainees.filter((t) => readable.has(t.id)),
  };
}

export async function detailFor(db: Db, cache: ReportCache, actor: Actor, record: PlanRecord): Promise<PlanDetail> {
  const scenario = await loadScenario(db);
  return detailView(actor, record, scenario, await reportOf(db, cache, record, scenario));
}

/** A plan as `actor` may see it: their trainees' placements and the report about them. */
export function detailView(actor: Actor, record: PlanRecord, scenario: Scenario, report: Report): PlanDetail {
  const readable = actor.role === 'studierektor' ? null : readableIds(actor, scenario.trainees);
  const plan = readable === null ? record.plan : { ...record.plan, placements: record.plan.placements.filter((p) => readable.has(p.trainee)) };
  const { plan: _p, report: _r, ...summary } = record;
  return { ...summary, plan, report: reportFor(actor, report, readable, scenario.trainees) };
}

export async function getPlan(db: Db, id: number): Promise<PlanRecord> {
  const record = await plansRepo.get(db, id);
  if (!record) throw notFound(`Planen ${id}`);
  return record;
}

export async function publishedPlan(db: Db): Promise<PlanRecord> {
  const record = await plansRepo.published(db);
  if (!record) throw notFound('En publicerad plan / A published plan');
  return record;
}

/** Takes a trainee's placements out of the published plan as a new published version (when it has any). */
export async function publishWithout(db: Db, actor: Actor, trainee: string): Promise<void> {
  const published = await plansRepo.published(db);
  if (!published?.plan.placements.some((p) => p.trainee === trainee)) return;
  const created = await plansRepo.create(db, {
    status: 'published',
    note: `ST-läkaren ${trainee} borttagen / Trainee ${trainee} removed`,
    plan: { ...published.plan, placements: published.plan.placements.filter((p) => p.trainee !== trainee) },
    report: null,
    createdBy: actor.email,
  });
  await audit(db, actor, 'publish', 'plan', created.id, { id: published.id }, { id: created.id, removedTrainee: trainee });
}

/** A stored placement without its `locked` flag: the placement as the plan format knows it. */
export function bare(p: PlanPlacement & { locked?: boolean }): PlanPlacement {
  const { locked: _locked, ...rest } = p;
  return rest;
}

export function diff(from: Plan, to: Plan, readable: Set<string> | null): PlanDiff {
  const out: PlanDiff = { moved: [], added: [], removed: [] };
  for (const m of movedPlacements(from, to)) {
    if (readable && !readable.has(m.trainee)) continue;
    if (m.before && m.after) out.moved.push({ trainee: m.trainee, before: bare(m.before), after: bare(m.after) });
    else if (m.after) out.added.push(bare(m.after));
    else if (m.before) out.removed.push(bare(m.before));
  }
  return out;
}

/** Reads a posted plan against the region; 400 with field-named errors when it does not fit. */
export function readPostedPlan(json: unknown, scenario: Scenario): Plan {
  const read = readPlan(json, scenario);
  if (!read.ok) throw badRequest('Ogiltig plan / Invalid plan', read.errors.map((e) => `plan.${e}`));
  return read.value;
}
