/**
 * The shape of a rule in the catalogue. A rule is data (id, severity, statement, parameter schema)
 * plus a pure check; its parameter VALUES live in solver/domain/profiles.ts, so the solver can read
 * the same parameters without running the check.
 */
import type { TSchema } from '@sinclair/typebox';
import type { RuleId, RuleParams } from '../domain/profiles.ts';
import type { Severity, Text, Violation } from '../domain/schemas.ts';
import type { RuleContext } from '../plan/context.ts';
import { formatDay, type Day } from '../time/dates.ts';

/** The rules of domain.md plus the structural checks that keep a plan well-formed. */
export type CatalogueRuleId = RuleId | 'structure' | 'locked';

/** A rule's parameters: those of RuleParams, none for the structural checks. */
export type ParamsOf<Id extends CatalogueRuleId> = Id extends RuleId ? RuleParams[Id] : Record<string, never>;

export interface Rule<Id extends CatalogueRuleId = CatalogueRuleId> {
  readonly id: Id;
  readonly severity: Severity;
  /** 'trainee': judges one trainee's plan alone; 'cohort': judges a clinic or unit across trainees. */
  readonly scope: 'trainee' | 'cohort';
  /** The rule's short name, as lists, the printed plan and the web show it ("Klinikens platser"). */
  readonly name: Text;
  /**
   * The rule in one sentence, as a person reads it: rendered from the parameters in force (a region's
   * override changes the sentence), or fixed words for a rule without parameters.
   */
  readonly statement: Text | ((params: ParamsOf<Id>) => Text);
  /** The TypeBox schema of the rule's parameters (checked when a scenario overrides them). */
  readonly params: TSchema;
  check(ctx: RuleContext, params: ParamsOf<Id>): Violation[];
}

export type AnyRule = { [K in CatalogueRuleId]: Rule<K> }[CatalogueRuleId];

export function defineRule<Id extends CatalogueRuleId>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

export interface ViolationFields {
  trainees: string[];
  clinic?: string | null;
  unit?: string | null;
  from?: Day | null;
  to?: Day | null;
  amount: number;
  sv: string;
  en: string;
}

/** Builds a report violation; amounts are rounded to hundredths so reports compare exactly. */
export function violation(rule: Pick<Rule, 'id' | 'severity'>, f: ViolationFields): Violation {
  return {
    rule: rule.id,
    severity: rule.severity,
    trainees: f.trainees,
    clinic: f.clinic ?? null,
    unit: f.unit ?? null,
    from: f.from === undefined || f.from === null ? null : formatDay(f.from),
    to: f.to === undefined || f.to === null ? null : formatDay(f.to),
    amount: round2(f.amount),
    message: { sv: f.sv, en: f.en },
  };
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
