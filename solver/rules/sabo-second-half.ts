/**
 * sabo-second-half (hard): at least `months` continuous calendar months of SÄBO (home care and
 * palliative care) in the second half of ST.
 *
 * SÄBO placements that overlap or touch form one continuous block; only the part of a block on or
 * after the first day of the second half counts. The longest such part must reach `months`.
 * amount = months short (the full `months` when there is no SÄBO in the second half).
 * The planners place SÄBO as `saboPeriod`, from the trainee's `secondHalf` on.
 */
import { Type } from '@sinclair/typebox';
import type { RuleParams } from '../domain/profiles.ts';
import { formatDay, type Day } from '../time/dates.ts';
import { MONTH_EPSILON, calendarMonths, lastDayCovering } from '../time/months.ts';
import { mergeIntervals, type Interval, type TraineeFacts } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, period, who } from './text.ts';

const meta = { id: 'sabo-second-half', severity: 'hard' } as const;

/** True when this one SÄBO placement keeps the rule: long enough from the start of the second half on. */
export function saboKeepsRule(sabo: Interval, facts: Pick<TraineeFacts, 'secondHalf'>, params: RuleParams['sabo-second-half']): boolean {
  return params.months - calendarMonths(Math.max(sabo.from, facts.secondHalf), sabo.to) <= MONTH_EPSILON;
}

/** A SÄBO placement starting on `from` of exactly the rule's length (to the day). */
export function saboPeriod(from: Day, params: RuleParams['sabo-second-half']): Interval {
  return { from, to: lastDayCovering(from, params.months) };
}

export const saboSecondHalf = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'SÄBO under andra halvan', en: 'SÄBO in the second half' },
  statement: (p) => ({
    sv: `Minst ${monthWord(p.months, 'sv')} i följd med hemsjukvård och palliativ vård på SÄBO under ST:s andra halva.`,
    en: `At least ${monthWord(p.months, 'en')} in a row of home care and palliative care in residential care (SÄBO) in the second half of ST.`,
  }),
  params: Type.Object({ months: Type.Number({ minimum: 0, maximum: 24 }) }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      const blocks = mergeIntervals(tp.placements.filter((p) => p.kind === 'sabo'));
      let best: Interval | null = null;
      let bestMonths = 0;
      for (const b of blocks) {
        const from = Math.max(b.from, facts.secondHalf);
        if (from > b.to) continue;
        const m = calendarMonths(from, b.to);
        if (m > bestMonths) {
          best = { from, to: b.to };
          bestMonths = m;
        }
      }
      const short = params.months - bestMonths;
      if (short <= MONTH_EPSILON) continue;
      const name = who(facts, facts.id);
      const half = formatDay(facts.secondHalf);
      out.push(
        violation(meta, {
          trainees: [facts.id],
          from: best?.from ?? null,
          to: best?.to ?? null,
          amount: short,
          sv: best
            ? `${name}: SÄBO ${period(best.from, best.to)} i andra halvan (från ${half}) är ${monthWord(bestMonths, 'sv')} i följd men ska vara minst ${monthWord(params.months, 'sv')}.`
            : `${name}: SÄBO under andra halvan av ST (från ${half}) saknas; minst ${monthWord(params.months, 'sv')} i följd behövs.`,
          en: best
            ? `${name}: SÄBO ${period(best.from, best.to)} in the second half (from ${half}) is ${monthWord(bestMonths, 'en')} in a row but must be at least ${monthWord(params.months, 'en')}.`
            : `${name}: no SÄBO in the second half of ST (from ${half}); at least ${monthWord(params.months, 'en')} in a row are needed.`,
        }),
      );
    }
    return out;
  },
});
