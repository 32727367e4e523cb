/**
 * Capacity advice: when places run short and ST is extended, which one extra place would shorten the
 * extensions most — the figure a studierektor takes to the clinic's chief. Each suggestion is
 * measured, not estimated: the region is re-planned with the place added, started from the plan just
 * made (it competes as a seed, so the re-plan can only keep or improve it; moving away from it costs
 * nothing, as the re-plan is the same solve with one more place), and the extensions are compared.
 *
 * Candidates: for each clinic where an extended trainee has a rotation that ends after their end of
 * ST, one more place from the planning day to the last such rotation's month (summer closures stay:
 * the place is added as a capacity change, and where changes overlap the smallest holds). The
 * clinics with the most extended months come first; the best few are re-planned.
 */
import type { CapacityAdvice, Plan, Report, Scenario } from '../domain/schemas.ts';
import { monthWord } from '../rules/text.ts';
import { addMonths, formatDay, parseDay, startOfMonth, type Day } from '../time/dates.ts';

/** How many candidates are re-planned. */
export const ADVICE_CANDIDATES = 3;

interface Candidate {
  clinic: string;
  from: Day;
  to: Day;
  /** Months of extension of the trainees late at this clinic: the order in which candidates are tried. */
  weight: number;
}

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

function candidates(scenario: Scenario, plan: Plan, report: Report): Candidate[] {
  const planFrom = parseDay(scenario.planFrom ?? scenario.horizon.from);
  const ends = new Map(report.trainees.filter((t) => t.extensionMonths > 0).map((t) => [t.id, t]));
  const byClinic = new Map<string, Candidate>();
  for (const p of plan.placements) {
    const t = ends.get(p.trainee);
    if (!t || p.kind !== 'rotation' || !p.clinic || p.to <= t.end) continue;
    const to = addMonths(startOfMonth(parseDay(p.to)), 1) - 1;
    const c = byClinic.get(p.clinic) ?? { clinic: p.clinic, from: startOfMonth(planFrom), to, weight: 0 };
    c.to = Math.max(c.to, to);
    c.weight += t.extensionMonths;
    byClinic.set(p.clinic, c);
  }
  return [...byClinic.values()].sort((a, b) => b.weight - a.weight || (a.clinic < b.clinic ? -1 : 1));
}

/** The scenario with one more place at the clinic in the candidate's period. */
function withPlace(scenario: Scenario, c: Candidate): Scenario {
  return {
    ...scenario,
    clinics: scenario.clinics.map((k) =>
      k.id === c.clinic ? { ...k, capacityChanges: [...(k.capacityChanges ?? []), { from: formatDay(c.from), to: formatDay(c.to), capacity: k.capacity + 1 }] } : k,
    ),
  };
}

function advice(scenario: Scenario, c: Candidate, saves: number, trainees: string[]): CapacityAdvice {
  const name = scenario.clinics.find((k) => k.id === c.clinic)?.name ?? c.clinic;
  const when = `${formatDay(c.from)} – ${formatDay(c.to)}`;
  const n = trainees.length;
  return {
    clinic: c.clinic,
    unit: null,
    from: formatDay(c.from),
    to: formatDay(c.to),
    places: 1,
    savesMonths: saves,
    trainees,
    message: {
      sv: `En plats till på ${name} ${when} kortar förlängningarna med ${monthWord(saves, 'sv')} (${n} ST-läkare).`,
      en: `One more place at ${name} ${when} shortens the extensions by ${monthWord(saves, 'en')} (${n} ${n === 1 ? 'trainee' : 'trainees'}).`,
    },
  };
}
