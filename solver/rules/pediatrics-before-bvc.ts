/**
 * pediatrics-before-bvc (hard): the trainee's own BVC (at least `bvcMonths` calendar months) and the
 * BVC course come after the pediatrics rotation.
 *
 * Decisions:
 * - Every trainee needs own BVC of `bvcMonths` calendar months in total (several `bvc` placements add
 *   up; overlaps count once), whether or not pediatrics is among their required rotations: children's
 *   health (c6 / STc6) is a goal for all. amount = months short (the full `bvcMonths` when none).
 * - Order is judged against the END of the last pediatrics part. Without any pediatrics rotation in the
 *   plan the order cannot be judged and is not reported here (required-rotations reports a missing one).
 * - A BVC placement or BVC course starting on or before that end: amount = days too early
 *   (pediatrics end − its start + 1). "Before own BVC" for the course is advice (course-windows).
 * The planners place own BVC as `ownBvcPeriod`, after the last pediatrics day.
 */
import { Type } from '@sinclair/typebox';
import type { RuleParams } from '../domain/profiles.ts';
import { formatDay, type Day } from '../time/dates.ts';
import { MONTH_EPSILON, calendarMonths, lastDayCovering } from '../time/months.ts';
import { mergeIntervals, type Interval } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { dayWord, monthWord, period, who } from './text.ts';

const meta = { id: 'pediatrics-before-bvc', severity: 'hard' } as const;

/** True when this one own-BVC placement keeps the rule: after pediatrics (when there is one) and long enough. */
export function ownBvcKeepsRule(bvc: Interval, pediatricsEnd: Day | null, params: RuleParams['pediatrics-before-bvc']): boolean {
  return (pediatricsEnd === null || bvc.from > pediatricsEnd) && params.bvcMonths - calendarMonths(bvc.from, bvc.to) <= MONTH_EPSILON;
}

/** Own BVC starting on `from`, of exactly the rule's length (to the day). */
export function ownBvcPeriod(from: Day, params: RuleParams['pediatrics-before-bvc']): Interval {
  return { from, to: lastDayCovering(from, params.bvcMonths) };
}

export const pediatricsBeforeBvc = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Pediatrik före egen BVC', en: 'Pediatrics before own BVC' },
  statement: (p) => ({
    sv: `Egen BVC (minst ${monthWord(p.bvcMonths, 'sv')}, med handledning) och BVC-kursen kommer efter randningen i pediatrik.`,
    en: `Own child health clinic (at least ${monthWord(p.bvcMonths, 'en')}, supervised) and the BVC course come after the paediatrics rotation.`,
  }),
  params: Type.Object({ bvcMonths: Type.Number({ minimum: 0, maximum: 24 }) }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      const name = who(facts, facts.id);
      const bvc = tp.placements.filter((p) => p.kind === 'bvc');
      const total = mergeIntervals(bvc).reduce((sum, x) => sum + calendarMonths(x.from, x.to), 0);
      const short = params.bvcMonths - total;
      if (short > MONTH_EPSILON) {
        out.push(
          violation(meta, {
            trainees: [facts.id],
            from: bvc[0]?.from ?? null,
            to: bvc.length ? Math.max(...bvc.map((p) => p.to)) : null,
            amount: short,
            sv:
              bvc.length === 0
                ? `${name}: egen BVC saknas i planen (minst ${monthWord(params.bvcMonths, 'sv')} behövs).`
                : `${name}: egen BVC är ${monthWord(total, 'sv')} men ska vara minst ${monthWord(params.bvcMonths, 'sv')} (${monthWord(short, 'sv')} kvar).`,
            en:
              bvc.length === 0
                ? `${name}: own child health clinic (BVC) is missing from the plan (at least ${monthWord(params.bvcMonths, 'en')} needed).`
                : `${name}: own child health clinic (BVC) is ${monthWord(total, 'en')} but must be at least ${monthWord(params.bvcMonths, 'en')} (${monthWord(short, 'en')} short).`,
          }),
        );
      }
      const pediatrics = tp.rotations.filter((p) => p.specialty === 'pediatrik');
      if (pediatrics.length === 0) continue;
      const pedEnd = Math.max(...pediatrics.map((p) => p.to));
      const early = tp.placements.filter((p) => (p.kind === 'bvc' || (p.kind === 'course' && p.course === 'bvc')) && p.from <= pedEnd);
      for (const p of early) {
        const days = pedEnd - p.from + 1;
        const whatSv = p.kind === 'bvc' ? 'Egen BVC' : 'BVC-kursen';
        const whatEn = p.kind === 'bvc' ? 'Own BVC' : 'The BVC course';
        out.push(
          violation(meta, {
            trainees: [facts.id],
            from: p.from,
            to: p.to,
            amount: days,
            sv: `${name}: ${whatSv} ${period(p.from, p.to)} börjar innan pediatriken är klar (${formatDay(pedEnd)}), ${dayWord(days, 'sv')} för tidigt.`,
            en: `${name}: ${whatEn} ${period(p.from, p.to)} starts before paediatrics is done (${formatDay(pedEnd)}), ${dayWord(days, 'en')} too early.`,
          }),
        );
      }
    }
    return out;
  },
});
