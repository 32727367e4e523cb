/**
 * extension (advice): every month that required work — a rotation, own BVC or SÄBO — runs past the
 * end of ST extends ST. Reported per trainee (the report's `plannedEnd` and `extensionMonths`); the
 * solver weighs it above every other soft goal. amount = calendar months of extension.
 *
 * `maxMonths` bounds how far past the end of ST a planner may go without a `latestEnd`.
 */
import { Type } from '@sinclair/typebox';
import type { TraineePlan } from '../plan/context.ts';
import { addMonths, formatDay, type Day } from '../time/dates.ts';
import { MONTH_EPSILON, calendarMonths } from '../time/months.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, who } from './text.ts';

const meta = { id: 'extension', severity: 'advice' } as const;

const WORK = new Set(['rotation', 'bvc', 'sabo']);

/**
 * The last day a planner may place anything on: the `latestEnd`, else `lastDay` (the end of ST, or a
 * later agreed end) plus `maxMonths`.
 */
export function planLimit(lastDay: Day, latestEnd: Day | null, maxMonths: number): Day {
  return latestEnd ?? addMonths(lastDay + 1, maxMonths) - 1;
}

/** The later of the end of ST and the last day of any rotation, own BVC or SÄBO. */
export function plannedEndOf(tp: TraineePlan): Day {
  let end = tp.facts.end;
  for (const p of tp.placements) if (WORK.has(p.kind)) end = Math.max(end, p.to);
  return end;
}

/** Calendar months from the end of ST to `plannedEnd` (formats.md: `extensionMonths`). */
export function extensionMonthsOf(tp: TraineePlan): number {
  const planned = plannedEndOf(tp);
  return planned > tp.facts.end ? calendarMonths(tp.facts.end + 1, planned) : 0;
}

export const extension = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Förlängd ST', en: 'Extended training' },
  statement: {
    sv: 'Varje månad som randningar, egen BVC eller SÄBO ligger efter ST-slutet förlänger ST.',
    en: 'Every month that rotations, own BVC or SÄBO lie past the end of ST extends ST.',
  },
  params: Type.Object({ maxMonths: Type.Number({ minimum: 0, maximum: 60 }) }),
  check(ctx) {
    const out = [];
    for (const tp of ctx.trainees) {
      const months = extensionMonthsOf(tp);
      if (months <= MONTH_EPSILON) continue;
      const { facts } = tp;
      const name = who(facts, facts.id);
      const planned = plannedEndOf(tp);
      out.push(
        violation(meta, {
          trainees: [facts.id],
          from: facts.end + 1,
          to: planned,
          amount: months,
          sv: `${name}: ST förlängs ${monthWord(months, 'sv')}, från ${formatDay(facts.end)} till ${formatDay(planned)}, för att de obligatoriska placeringarna ska rymmas.`,
          en: `${name}: ST is extended by ${monthWord(months, 'en')}, from ${formatDay(facts.end)} to ${formatDay(planned)}, to fit the required placements.`,
        }),
      );
    }
    return out;
  },
});
