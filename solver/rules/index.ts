/**
 * The rule catalogue: every rule of shared/domain.md, in its table's order, then the planning day
 * (a region under way) and the structural checks. The validator runs them; the solver reads their ids, severities and parameter schemas;
 * the web and the CLI show their statements. Adding a region's rule means adding one module here.
 */
import type { RuleParams } from '../domain/profiles.ts';
import type { Text } from '../domain/schemas.ts';
import { availability } from './availability.ts';
import { clinicCapacity } from './clinic-capacity.ts';
import { courseWindows } from './course-windows.ts';
import { delmalCoverage } from './delmal-coverage.ts';
import { extension } from './extension.ts';
import { initialVc } from './initial-vc.ts';
import { latestEnd } from './latest-end.ts';
import { locked } from './locked.ts';
import { maxAway } from './max-away.ts';
import { midSt } from './mid-st.ts';
import { minimumTime } from './minimum-time.ts';
import { pediatricsBeforeBvc } from './pediatrics-before-bvc.ts';
import { planningDay } from './planning-day.ts';
import { requiredRotations } from './required-rotations.ts';
import { rotationLength } from './rotation-length.ts';
import type { AnyRule, CatalogueRuleId, ParamsOf } from './rule.ts';
import { saboSecondHalf } from './sabo-second-half.ts';
import { structure } from './structure.ts';
import { totalSideTime } from './total-side-time.ts';
import { unitAwayLimit } from './unit-away-limit.ts';

export type { AnyRule, CatalogueRuleId, ParamsOf, Rule } from './rule.ts';

export const RULES: readonly AnyRule[] = [
  rotationLength,
  requiredRotations,
  initialVc,
  maxAway,
  pediatricsBeforeBvc,
  saboSecondHalf,
  clinicCapacity,
  unitAwayLimit,
  availability,
  totalSideTime,
  midSt,
  courseWindows,
  minimumTime,
  latestEnd,
  extension,
  delmalCoverage,
  planningDay,
  structure,
  locked,
];

export const RULE_BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((r) => [r.id, r]));

/** A rule's short name as people read it; a plain "Regel" / "Rule" for an unknown id (never the id itself). */
export function ruleName(id: string, lang: 'sv' | 'en'): string {
  return RULE_BY_ID.get(id)?.name[lang] ?? (lang === 'sv' ? 'Regel' : 'Rule');
}

/** The rule's parameters from the effective RuleParams (empty for the structural checks). */
export function paramsFor<Id extends CatalogueRuleId>(params: RuleParams, id: Id): ParamsOf<Id> {
  return ((params as unknown as Record<string, unknown>)[id] ?? {}) as ParamsOf<Id>;
}

/** The rule's statement under the effective parameters (a region's overrides included). */
export function statementOf(rule: AnyRule, params: RuleParams): Text {
  const { statement } = rule;
  return typeof statement === 'function' ? (statement as (p: unknown) => Text)(paramsFor(params, rule.id)) : statement;
}
