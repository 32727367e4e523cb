/**
 * max-away (hard): never away from the VC longer than `months` calendar months in one stretch.
 *
 * Rotation parts (any specialties) follow each other within one stretch when fewer than
 * `returnWeeks` × 7 days at the VC lie between them (formats.md: return time). A stretch's length is
 * its calendar months from the first part's start to the last part's end, short returns included
 * (the trainee did not really come back). amount = calendar months over the limit.
 */
import { Type } from '@sinclair/typebox';
import { MONTH_EPSILON, calendarMonths } from '../time/months.ts';
import type { PlacementRef } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, period, specialty, who } from './text.ts';

const meta = { id: 'max-away', severity: 'hard' } as const;

/** Rotation parts (sorted by start) grouped into stretches away from the VC. */
export function awayStretches(rotations: PlacementRef[], returnDays: number): PlacementRef[][] {
  const stretches: PlacementRef[][] = [];
  let current: PlacementRef[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const p of rotations) {
    if (current.length > 0 && p.from - end - 1 < returnDays) {
      current.push(p);
      end = Math.max(end, p.to);
    } else {
      current = [p];
      stretches.push(current);
      end = p.to;
    }
  }
  return stretches;
}

export const maxAway = defineRule({
  ...meta,
  scope: 'trainee',
  statement: {
    sv: 'ST-läkaren är aldrig borta från vårdcentralen längre än gränsen i en följd; längre randningar delas med återvändarveckor.',
    en: 'The trainee is never away from the VC longer than the limit in one stretch; longer rotations are split by return weeks.',
  },
  params: Type.Object({
    months: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
    returnWeeks: Type.Number({ minimum: 0, maximum: 12 }),
  }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      for (const stretch of awayStretches(tp.rotations, params.returnWeeks * 7)) {
        const from = stretch[0]!.from;
        const to = Math.max(...stretch.map((p) => p.to));
        const length = calendarMonths(from, to);
        const over = length - params.months;
        if (over <= MONTH_EPSILON) continue;
        const specs = [...new Set(stretch.map((p) => p.specialty))];
        const name = who(facts, facts.id);
        const weeksSv = `${params.returnWeeks} ${params.returnWeeks === 1 ? 'veckas' : 'veckors'}`;
        const partsSv = stretch.length > 1 ? ` (${stretch.length} delar med mindre än ${weeksSv} återkomst emellan)` : '';
        const partsEn = stretch.length > 1 ? ` (${stretch.length} parts with less than ${params.returnWeeks} ${params.returnWeeks === 1 ? 'week' : 'weeks'} back in between)` : '';
        out.push(
          violation(meta, {
            trainees: [facts.id],
            clinic: new Set(stretch.map((p) => p.clinic)).size === 1 ? (stretch[0]!.clinic ?? null) : null,
            from,
            to,
            amount: over,
            sv: `${name} är borta från vårdcentralen ${period(from, to)}, ${monthWord(length, 'sv')} i en följd (${specs.map((s) => specialty(s, 'sv')).join(', ')})${partsSv}; högst ${monthWord(params.months, 'sv')} är tillåtet, ${monthWord(over, 'sv')} för länge.`,
            en: `${name} is away from the VC ${period(from, to)}, ${monthWord(length, 'en')} in one stretch (${specs.map((s) => specialty(s, 'en')).join(', ')})${partsEn}; at most ${monthWord(params.months, 'en')} is allowed, ${monthWord(over, 'en')} too long.`,
          }),
        );
      }
    }
    return out;
  },
});
