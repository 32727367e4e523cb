/**
 * Capacity advice: when places run short and ST is extended, which one extra place would shorten the
 * extensions most — the figure a studierektor takes to the clinic's chief or the unit's enhetschef.
 * Each suggestion is measured, not estimated: the region is re-planned with the place added, started
 * from the plan just made (it competes as a seed, so the re-plan can only keep or improve it; moving
 * away from it costs nothing, as the re-plan is the same solve with one more place), and the
 * extensions are compared.
 *
 * Candidates, each one more place from the planning day to the month of the last late rotation (added
 * as a limit change: where changes overlap the smallest holds, so summer closures stay):
 * - a clinic where an extended trainee has a rotation that ends after their end of ST;
 * - an extended trainee's unit, when its away limit held them back: on some day between the planning
 *   day and the start of their last late rotation, while they were at the VC, the unit's other
 *   trainees already filled its limit.
 * Clinics and units with the most extended months come first; the best few are re-planned.
 */
import { limitByDay, unitLimit } from '../domain/capacity.ts';
import type { CapacityAdvice, Plan, PlanPlacement, Report, Scenario, TraineeSummary } from '../domain/schemas.ts';
import { monthWord } from '../rules/text.ts';
import { addMonths, formatDay, parseDay, startOfMonth, type Day } from '../time/dates.ts';

/** How many candidates are re-planned. */
export const ADVICE_CANDIDATES = 3;

type Place = { clinic: string; unit: null } | { clinic: null; unit: string };

type Candidate = Place & {
  from: Day;
  to: Day;
  /** Months of extension of the trainees this place could help: the order in which candidates are tried. */
  weight: number;
};

/** Re-plans the region with the place added, from the plan just made; null when no budget is left for it. */
export type Replan = (scenario: Scenario, made: Plan) => Promise<{ plan: Plan; report: Report } | null>;

export function totalExtension(report: Report): number {
  return report.trainees.reduce((sum, t) => sum + t.extensionMonths, 0);
}

export async function capacityAdvice(scenario: Scenario, plan: Plan, report: Report, replan: Replan): Promise<CapacityAdvice[]> {
  const base = totalExtension(report);
  if (base <= 0) return [];
  const out: CapacityAdvice[] = [];
  for (const c of candidates(scenario, plan, report).slice(0, ADVICE_CANDIDATES)) {
    const variant = withPlace(scenario, c);
    const again = await replan(variant, plan);
    if (!again) break;
    const saves = Math.round((base - totalExtension(again.report)) * 10) / 10;
    if (saves <= 0) continue;
    const before = new Map(report.trainees.map((t) => [t.id, t.extensionMonths]));
    const helped = again.report.trainees.filter((t) => t.extensionMonths < (before.get(t.id) ?? 0) - 1e-9).map((t) => t.id);
    out.push(advice(scenario, c, saves, helped));
  }
  return out.sort((a, b) => b.savesMonths - a.savesMonths);
}

/** An extended trainee's rotations that end after their end of ST. */
interface Late {
  trainee: TraineeSummary;
  rotations: PlanPlacement[];
}

function lateRotations(plan: Plan, report: Report): Late[] {
  const byTrainee = new Map<string, Late>();
  for (const t of report.trainees) if (t.extensionMonths > 0) byTrainee.set(t.id, { trainee: t, rotations: [] });
  for (const p of plan.placements) {
    const late = byTrainee.get(p.trainee);
    if (late && p.kind === 'rotation' && p.to > late.trainee.end) late.rotations.push(p);
  }
  return [...byTrainee.values()].filter((l) => l.rotations.length > 0);
}

function candidates(scenario: Scenario, plan: Plan, report: Report): Candidate[] {
  const from = startOfMonth(parseDay(scenario.planFrom ?? scenario.horizon.from));
  const byPlace = new Map<string, Candidate>();
  const propose = (place: Place, to: Day, weight: number) => {
    const key = place.clinic === null ? `unit:${place.unit}` : `clinic:${place.clinic}`;
    const c = byPlace.get(key) ?? { ...place, from, to, weight: 0 };
    c.to = Math.max(c.to, to);
    c.weight += weight;
    byPlace.set(key, c);
  };
  const heldBack = unitHeldBack(scenario, plan);
  for (const { trainee, rotations } of lateRotations(plan, report)) {
    for (const p of rotations) if (p.clinic) propose({ clinic: p.clinic, unit: null }, monthEnd(p), trainee.extensionMonths);
    const unit = heldBack(trainee.id, Math.max(...rotations.map((p) => parseDay(p.from))));
    if (unit !== null) propose({ clinic: null, unit }, Math.max(...rotations.map(monthEnd)), trainee.extensionMonths);
  }
  return [...byPlace.values()].sort((a, b) => b.weight - a.weight || (placeKey(a) < placeKey(b) ? -1 : 1));
}

const placeKey = (c: Place) => c.clinic ?? `~${c.unit}`;

/** The last day of the month a placement ends in. */
const monthEnd = (p: PlanPlacement) => addMonths(startOfMonth(parseDay(p.to)), 1) - 1;

/**
 * The trainee's unit when, on some day from the planning day until `until`, the trainee was at the VC
 * and the unit's other trainees already filled its away limit; else null.
 */
function unitHeldBack(scenario: Scenario, plan: Plan): (trainee: string, until: Day) => string | null {
  const planFrom = parseDay(scenario.planFrom ?? scenario.horizon.from);
  const unitOf = new Map(scenario.trainees.map((t) => [t.id, t.unit]));
  const units = new Map(scenario.units.map((u) => [u.id, u]));
  const away = plan.placements.filter((p) => p.kind === 'rotation').map((p) => ({ trainee: p.trainee, from: parseDay(p.from), to: parseDay(p.to) }));
  return (trainee, until) => {
    const unit = units.get(unitOf.get(trainee) ?? '');
    if (!unit || until <= planFrom) return null;
    const last = until - 1;
    const limit = limitByDay(unitLimit(unit), planFrom, last);
    const others = new Int32Array(limit.length);
    const mine = new Uint8Array(limit.length);
    for (const p of away) {
      if (unitOf.get(p.trainee) !== unit.id) continue;
      for (let d = Math.max(p.from, planFrom); d <= Math.min(p.to, last); d++) {
        if (p.trainee === trainee) mine[d - planFrom] = 1;
        else others[d - planFrom]!++;
      }
    }
    for (let i = 0; i < limit.length; i++) if (!mine[i] && others[i]! >= limit[i]!) return unit.id;
    return null;
  };
}

/** The scenario with one more place at the clinic, or one more away at once from the unit, in the candidate's period. */
function withPlace(scenario: Scenario, c: Candidate): Scenario {
  const period = { from: formatDay(c.from), to: formatDay(c.to) };
  if (c.unit !== null) {
    return {
      ...scenario,
      units: scenario.units.map((u) => (u.id === c.unit ? { ...u, maxAwayChanges: [...(u.maxAwayChanges ?? []), { ...period, maxAway: u.maxAway + 1 }] } : u)),
    };
  }
  return {
    ...scenario,
    clinics: scenario.clinics.map((k) => (k.id === c.clinic ? { ...k, capacityChanges: [...(k.capacityChanges ?? []), { ...period, capacity: k.capacity + 1 }] } : k)),
  };
}

/** "One more place (away at once) at X" for the candidate. */
function placeWords(scenario: Scenario, c: Candidate): { sv: string; en: string } {
  if (c.unit !== null) {
    const name = scenario.units.find((u) => u.id === c.unit)?.name ?? c.unit;
    return { sv: `En plats till borta samtidigt på ${name}`, en: `One more place away at once at ${name}` };
  }
  const name = scenario.clinics.find((k) => k.id === c.clinic)?.name ?? c.clinic;
  return { sv: `En plats till på ${name}`, en: `One more place at ${name}` };
}

function advice(scenario: Scenario, c: Candidate, saves: number, trainees: string[]): CapacityAdvice {
  const when = `${formatDay(c.from)} – ${formatDay(c.to)}`;
  const n = trainees.length;
  const what = placeWords(scenario, c);
  return {
    clinic: c.clinic,
    unit: c.unit,
    from: formatDay(c.from),
    to: formatDay(c.to),
    places: 1,
    savesMonths: saves,
    trainees,
    message: {
      sv: `${what.sv} ${when} kortar förlängningarna med ${monthWord(saves, 'sv')} (${n} ST-läkare).`,
      en: `${what.en} ${when} shortens the extensions by ${monthWord(saves, 'en')} (${n} ${n === 1 ? 'trainee' : 'trainees'}).`,
    },
  };
}
