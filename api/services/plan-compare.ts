/**
 * Two plans side by side — the studierektor's what-if ("what if psykiatrin gets one more place from
 * autumn?"): two solve runs' drafts, or a draft and the published plan. Both are judged against the
 * region as it is now (the same reports the publish check reads), so a run solved before a capacity
 * change shows what it would break today; the solve's own summary is kept as it was.
 */
import type { Db, PlanRecord } from '../../db/index.ts';
import type { PlanPlacement, Report, Scenario } from '../../solver/domain/schemas.ts';
import { mergeIntervals } from '../../solver/plan/context.ts';
import { monthIndex, parseDay, type Day } from '../../solver/time/dates.ts';
import { calendarMonths } from '../../solver/time/months.ts';
import type { ClinicLoadFigures, ComparedPlan, PlanCompare, PlanFigures } from '../schemas/plans.ts';
import { diff, getPlan, plainPlan, reportOf, type ReportCache } from './plans.ts';
import { loadScenario } from './scenario.ts';

export async function comparePlans(db: Db, cache: ReportCache, fromId: number, toId: number): Promise<PlanCompare> {
  const [from, to] = [await getPlan(db, fromId), await getPlan(db, toId)];
  const scenario = await loadScenario(db);
  const [fromReport, toReport] = [await reportOf(db, cache, from, scenario), await reportOf(db, cache, to, scenario)];
  const planFrom = scenario.planFrom === undefined ? null : parseDay(scenario.planFrom);
  const fromLoad = clinicLoads(scenario, plainPlan(from.plan).placements, fromReport, planFrom);
  const toLoad = clinicLoads(scenario, plainPlan(to.plan).placements, toReport, planFrom);
  return {
    from: compared(from, fromReport),
    to: compared(to, toReport),
    diff: diff(plainPlan(from.plan), plainPlan(to.plan), null),
    clinics: scenario.clinics.map((c) => ({ clinic: c.id, from: fromLoad.get(c.id)!, to: toLoad.get(c.id)! })),
  };
}

function compared(record: PlanRecord, report: Report): ComparedPlan {
  const { plan, report: stored, ...summary } = record;
  return { ...summary, figures: figures(plan.placements.length, report, stored?.solve ?? null) };
}

export function figures(placements: number, report: Report, solve: PlanFigures['solve']): PlanFigures {
  const extensions = report.trainees.map((t) => t.extensionMonths).filter((m) => m > 0);
  return {
    placements,
    valid: report.valid,
    hard: report.violations.filter((v) => v.severity === 'hard').length,
    advice: report.violations.filter((v) => v.severity === 'advice').length,
    extended: extensions.length,
    extensionTotal: round(extensions.reduce((a, b) => a + b, 0)),
    extensionMax: round(Math.max(0, ...extensions)),
    solve,
  };
}

/**
 * Each clinic's load from the planning day on: the most trainees on one day (a trainee with two
 * overlapping parts counts once, as in clinic-capacity), the months the rule finds over capacity, and
 * the trainee-months spent there.
 */
export function clinicLoads(scenario: Scenario, placements: PlanPlacement[], report: Report, planFrom: Day | null): Map<string, ClinicLoadFigures> {
  const parts = new Map<string, Map<string, { from: Day; to: Day }[]>>();
  for (const p of placements) {
    if (p.kind !== 'rotation' || !p.clinic) continue;
    const from = Math.max(parseDay(p.from), planFrom ?? Number.NEGATIVE_INFINITY);
    const to = parseDay(p.to);
    if (to < from) continue;
    const byTrainee = parts.get(p.clinic) ?? new Map<string, { from: Day; to: Day }[]>();
    byTrainee.set(p.trainee, [...(byTrainee.get(p.trainee) ?? []), { from, to }]);
    parts.set(p.clinic, byTrainee);
  }
  const over = monthsOver(report);
  const out = new Map<string, ClinicLoadFigures>();
  for (const clinic of scenario.clinics) {
    const merged = [...(parts.get(clinic.id)?.values() ?? [])].flatMap((list) => mergeIntervals(list));
    out.set(clinic.id, {
      peak: peakOf(merged),
      monthsOver: over.get(clinic.id)?.size ?? 0,
      traineeMonths: round(merged.reduce((sum, x) => sum + calendarMonths(x.from, x.to), 0)),
    });
  }
  return out;
}

/** The calendar months touched by each clinic's over-capacity runs (hard ones: history is the same in every plan). */
function monthsOver(report: Report): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const v of report.violations) {
    if (v.rule !== 'clinic-capacity' || v.severity !== 'hard' || !v.clinic || !v.from || !v.to) continue;
    const months = out.get(v.clinic) ?? new Set<number>();
    for (let m = monthIndex(parseDay(v.from)); m <= monthIndex(parseDay(v.to)); m++) months.add(m);
    out.set(v.clinic, months);
  }
  return out;
}

/** The most intervals open on one day. An interval closes the day after its `to`: before one that opens that day. */
function peakOf(intervals: { from: Day; to: Day }[]): number {
  const events: [Day, 1 | -1][] = intervals.flatMap((x): [Day, 1 | -1][] => [
    [x.from, 1],
    [x.to + 1, -1],
  ]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, step] of events) {
    open += step;
    peak = Math.max(peak, open);
  }
  return peak;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
