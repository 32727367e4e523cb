/**
 * max-away (hard): never away from the VC longer than `months` calendar months in one stretch.
 *
 * Rotation parts (any specialties) follow each other within one stretch when fewer than
 * `returnWeeks` × 7 days at the VC lie between them (formats.md: return time). A stretch's length is
 * its calendar months from the first part's start to the last part's end, short returns included
 * (the trainee did not really come back). amount = calendar months over the limit.
 *
 * For the planners (model, greedy): `splitRotation`, how a rotation too long for one stretch is cut
 * into parts with return weeks between, and `keepsAwayLimit` for parts that came from elsewhere.
 */
import { Type } from '@sinclair/typebox';
import type { RuleParams } from '../domain/profiles.ts';
import { mondayOnOrAfter, type Day } from '../time/dates.ts';
import { MONTH_EPSILON, calendarMonths, fullTimeEnd, lastDayWithin, type WorkCalendar } from '../time/months.ts';
import type { Interval, PlacementRef } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, period, specialty, weekWord, who } from './text.ts';

const meta = { id: 'max-away', severity: 'hard' } as const;

type AwayParams = RuleParams['max-away'];

/**
 * The fewest whole days at the VC between two parts that count as a return: parts with fewer than
 * `returnWeeks` × 7 days between them are one stretch, and days come whole (1.5 weeks: 11 days).
 */
export function returnDays(away: AwayParams): number {
  return Math.ceil(away.returnWeeks * 7);
}

/** A rotation is never cut into more parts than this (a longer split is no way to place it). */
const MAX_PARTS = 12;

/**
 * The parts of a rotation of `months` full-time months that starts on `from`: as long as it fits in one
 * stretch away, else a first part of exactly the limit and the rest after the return weeks, from the
 * first Monday on (clinics take trainees on Mondays), and so on. A remainder within `toleranceMonths`
 * (rotation-length's) is not worth a part of its own. Null when it would take more than MAX_PARTS parts.
 * Leave is not looked at here: the planners reject parts that meet leave.
 */
export function splitRotation(cal: WorkCalendar, from: Day, months: number, away: AwayParams, toleranceMonths: number): Interval[] | null {
  const parts: Interval[] = [];
  let start = from;
  let remaining = months;
  while (parts.length < MAX_PARTS) {
    const end = fullTimeEnd(cal, start, remaining);
    if (stretchExcess([{ from: start, to: end }], away) <= MONTH_EPSILON) {
      parts.push({ from: start, to: end });
      return parts;
    }
    const cut = lastDayWithin(start, away.months);
    parts.push({ from: start, to: cut });
    remaining -= cal.fteMonths(start, cut);
    if (remaining <= toleranceMonths) return parts;
    start = mondayOnOrAfter(cut + 1 + returnDays(away));
  }
  return null;
}

/** True when parts of one rotation (sorted by start) keep the away limit on their own. */
export function keepsAwayLimit(parts: Interval[], away: AwayParams): boolean {
  return awayStretches(parts, returnDays(away)).every((stretch) => stretchExcess(stretch, away) <= MONTH_EPSILON);
}

/** Calendar months by which a stretch is longer than the limit (≤ 0 within it). */
function stretchExcess(stretch: Interval[], away: AwayParams): number {
  return calendarMonths(stretch[0]!.from, Math.max(...stretch.map((p) => p.to))) - away.months;
}

/** Rotation parts (sorted by start) grouped into stretches away from the VC. */
export function awayStretches<P extends Interval>(rotations: P[], returnDays: number): P[][] {
  const stretches: P[][] = [];
  let current: P[] = [];
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
  name: { sv: 'Längsta tid borta från vårdcentralen', en: 'Longest time away from the VC' },
  statement: (p) => ({
    sv: `ST-läkaren är aldrig borta från vårdcentralen längre än ${monthWord(p.months, 'sv')} i en följd; längre randningar delas med minst ${weekWord(p.returnWeeks, 'sv')} på vårdcentralen emellan.`,
    en: `The trainee is never away from the VC longer than ${monthWord(p.months, 'en')} in one stretch; longer rotations are split by at least ${weekWord(p.returnWeeks, 'en')} back at the VC.`,
  }),
  params: Type.Object({
    months: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
    returnWeeks: Type.Number({ minimum: 0, maximum: 12 }),
  }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      for (const stretch of awayStretches(tp.rotations, returnDays(params))) {
        const over = stretchExcess(stretch, params);
        if (over <= MONTH_EPSILON) continue;
        const from = stretch[0]!.from;
        const to = Math.max(...stretch.map((p) => p.to));
        const length = over + params.months;
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
