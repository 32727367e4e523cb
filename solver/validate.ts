/**
 * The plan validator: runs the rule catalogue over a plan and writes a `randplan.report/1`.
 *
 * `createValidator(scenario)` does the scenario-only work once (calendars, end of ST, second half,
 * requirements per trainee) so that re-validating after each edit costs only the plan's share;
 * `validateTrainee` re-checks one trainee — their own rules plus clinic capacity and unit away limits
 * at the clinics and unit they touch — which is what the web runs while a bar is dragged.
 *
 * A validator keeps an index of the last plan it saw (see solver/plan/index.ts), so consecutive calls
 * with mostly the same placement objects are cheap; it treats the scenario as fixed — build a new
 * validator when the scenario changes. Free of Node APIs, so the browser bundle can import it.
 */
import { resolveParams } from './domain/params.ts';
import type { RuleParams } from './domain/profiles.ts';
import {
  REPORT_FORMAT,
  type Clinic,
  type Plan,
  type Report,
  type Scenario,
  type TraineeSummary,
  type Unit,
  type Violation,
} from './domain/schemas.ts';
import {
  traineeFacts,
  traineePlan,
  type Interval,
  type PlacementRef,
  type RuleContext,
  type TraineeFacts,
  type TraineePlan,
} from './plan/context.ts';
import { PlanIndex } from './plan/index.ts';
import { goalCoverage } from './rules/delmal-coverage.ts';
import { extensionMonthsOf, plannedEndOf } from './rules/extension.ts';
import { paramsFor, RULES, type AnyRule } from './rules/index.ts';
import { round2 } from './rules/rule.ts';
import { sideMonths } from './rules/total-side-time.ts';
import { formatDay, parseDay } from './time/dates.ts';

export interface Validator {
  readonly scenario: Scenario;
  /** The effective rule parameters (profile + the scenario's overrides). */
  readonly params: RuleParams;
  /** A trainee's scenario facts (start, end of ST, second half, calendar, requirements). */
  facts(traineeId: string): TraineeFacts | undefined;
  /** The whole plan against every rule. */
  validate(plan: Plan): Report;
  /**
   * One trainee's part of the plan: their trainee rules, plus capacity and away-limit runs at the
   * clinics and unit they touch that involve them. `trainees` holds that trainee's summary only.
   * Throws when the trainee is not in the scenario (a caller error, not a plan fault).
   */
  validateTrainee(plan: Plan, traineeId: string): Report;
}

/** Validates a whole plan; for repeated validation of one scenario, keep a `createValidator`. */
export function validate(scenario: Scenario, plan: Plan): Report {
  return createValidator(scenario).validate(plan);
}

/** `known`: facts the caller has already made of this scenario's trainees (the solver's model); used for the same trainee objects only. */
export function createValidator(scenario: Scenario, known?: ReadonlyMap<string, TraineeFacts>): Validator {
  const params = resolveParams(scenario);
  const facts = new Map<string, TraineeFacts>();
  for (const t of scenario.trainees) {
    const k = known?.get(t.id);
    facts.set(t.id, k?.trainee === t ? k : traineeFacts(t, params));
  }
  const clinics = new Map<string, Clinic>(scenario.clinics.map((c) => [c.id, c]));
  const units = new Map<string, Unit>(scenario.units.map((u) => [u.id, u]));
  const planFrom = scenario.planFrom === undefined ? null : parseDay(scenario.planFrom);
  const index = new PlanIndex((trainee) => facts.get(trainee)?.unit);

  const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  const runRules = (ctx: RuleContext, scope?: 'trainee' | 'cohort'): Violation[] => {
    const out: Violation[] = [];
    for (const rule of RULES as readonly AnyRule[]) {
      if (scope !== undefined && rule.scope !== scope) continue;
      const check = rule.check as (c: RuleContext, p: unknown) => Violation[];
      for (const v of check(ctx, paramsFor(params, rule.id))) out.push(v);
    }
    return out;
  };

  const report = (violations: Violation[], trainees: TraineePlan[]): Report => ({
    format: REPORT_FORMAT,
    valid: !violations.some((v) => v.severity === 'hard'),
    violations,
    trainees: trainees.map(summary),
  });

  return {
    scenario,
    params,
    facts: (id) => facts.get(id),

    validate(plan) {
      index.sync(plan.placements);
      const strangers: PlacementRef[] = [];
      for (const id of index.traineeIds()) if (!facts.has(id)) strangers.push(...index.of(id));
      const trainees = scenario.trainees.map((t) => traineePlan(facts.get(t.id)!, index.of(t.id)));
      const ctx: RuleContext = {
        scenario,
        params,
        planFrom,
        clinics,
        units,
        facts,
        trainees,
        clinicRotations: index.clinics(),
        unitRotations: index.units(),
        strangers,
      };
      return report(sortViolations(runRules(ctx)), trainees);
    },

    validateTrainee(plan, traineeId) {
      const f = facts.get(traineeId);
      if (!f) throw new Error(`validateTrainee: trainee "${traineeId}" is not in the scenario`);
      index.sync(plan.placements);
      const mine = index.of(traineeId);
      // The trainee's days away, per clinic and in all.
      const clinicWindows = new Map<string, Interval[]>();
      const awayWindows: Interval[] = [];
      for (const ref of mine) {
        if (ref.kind !== 'rotation' || ref.to < ref.from) continue;
        awayWindows.push(ref);
        if (ref.clinic !== undefined) push(clinicWindows, ref.clinic, ref as Interval);
      }
      const trainees = [traineePlan(f, mine)];
      // A capacity or away run that involves this trainee contains one of their days away, and on
      // those days only parts overlapping them count: so only those parts are read. A run that
      // reaches the edge of the trainee's windows may go on beyond them; then the cohort rules run
      // again over every part at those clinics and that unit.
      const cohortCtx = (windowed: boolean): RuleContext => {
        const clinicRotations = new Map<string, PlacementRef[]>();
        const unitRotations = new Map<string, PlacementRef[]>();
        if (awayWindows.length === 0) return { ...base, clinicRotations, unitRotations };
        for (const [clinic, windows] of clinicWindows) clinicRotations.set(clinic, index.atClinic(clinic, windowed ? windows : undefined));
        unitRotations.set(f.unit, index.ofUnit(f.unit, windowed ? awayWindows : undefined));
        return { ...base, clinicRotations, unitRotations };
      };
      const base = { scenario, params, planFrom, clinics, units, facts, trainees, strangers: [] };
      const ctx = cohortCtx(true);
      const out = runRules(ctx, 'trainee');
      let cohort = runRules(ctx, 'cohort');
      const interior = (v: Violation): boolean => {
        if (v.from === null || v.to === null) return false;
        const from = parseDay(v.from);
        const to = parseDay(v.to);
        const ws = v.clinic !== null ? (clinicWindows.get(v.clinic) ?? []) : awayWindows;
        return ws.some((w) => w.from < from && to < w.to);
      };
      if (!cohort.every(interior)) cohort = runRules(cohortCtx(false), 'cohort');
      for (const v of cohort) if (v.trainees.includes(traineeId)) out.push(v);
      return report(sortViolations(out), trainees);
    },
  };
}

function summary(tp: TraineePlan): TraineeSummary {
  const { covered, missing } = goalCoverage(tp);
  return {
    id: tp.facts.id,
    end: formatDay(tp.facts.end),
    plannedEnd: formatDay(plannedEndOf(tp)),
    extensionMonths: round2(extensionMonthsOf(tp)),
    sideMonths: round2(sideMonths(tp)),
    coveredGoals: covered,
    missingGoals: missing,
  };
}

const compare = (a: string | null, b: string | null): number => {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Deterministic order: hard before advice, then rule id, first trainee, dates, clinic/unit, message. */
export function sortViolations(list: Violation[]): Violation[] {
  return list.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'hard' ? -1 : 1) ||
      compare(a.rule, b.rule) ||
      compare(a.trainees[0] ?? null, b.trainees[0] ?? null) ||
      compare(a.from, b.from) ||
      compare(a.to, b.to) ||
      compare(a.clinic ?? a.unit, b.clinic ?? b.unit) ||
      compare(a.message.sv, b.message.sv),
  );
}
