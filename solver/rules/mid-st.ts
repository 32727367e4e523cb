/**
 * mid-st (advice): Mitt-i-ST takes place after `minMonths`–`maxMonths` full-time months of ST
 * (credited time included) and at least `monthsBeforeEnd` full-time months before the planned end.
 *
 * Time elapsed at the milestone = credit + full-time months from the start to the day before it.
 * The planned end is `plannedEnd` when given, else the computed end of ST. Violations: no `mitt-i-st`
 * milestone (amount 1: one milestone missing), too early / too late (amount = full-time months
 * outside the window), too close to the end (amount = full-time months short of `monthsBeforeEnd`).
 * The "registered ≥ 6 months before" advice of domain.md is about paperwork a plan does not hold.
 * The planners place the milestone inside `midStWindow`.
 */
import { Type } from '@sinclair/typebox';
import type { RuleParams } from '../domain/profiles.ts';
import type { Interval, TraineeFacts } from '../plan/context.ts';
import { formatDay, type Day } from '../time/dates.ts';
import { CALENDAR_DRIFT, DAYS_PER_MONTH, MONTH_EPSILON, firstDayCovering } from '../time/months.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, months, who } from './text.ts';

const meta = { id: 'mid-st', severity: 'advice' } as const;

type MidStParams = RuleParams['mid-st'];

/**
 * The days on which a Mitt-i-ST keeps this rule without its tolerance: from the day `minMonths` have
 * passed (credit included) to the last day both before `maxMonths` have passed and at least
 * `monthsBeforeEnd` full-time months before the planned end. Empty (to < from) when none does.
 */
export function midStWindow(facts: TraineeFacts, params: MidStParams): Interval {
  const cal = facts.calendar;
  const sinceStart = (months: number): Day => cal.dayReaching(facts.start, Math.max(0, months - facts.creditMonths));
  const from = params.minMonths - facts.creditMonths <= MONTH_EPSILON ? facts.start : sinceStart(params.minMonths) + 1;
  const lastByElapsed = params.maxMonths < facts.creditMonths ? facts.start - 1 : sinceStart(params.maxMonths);
  return { from, to: Math.min(lastByElapsed, lastDayBeforeEnd(facts, params.monthsBeforeEnd)) };
}

/** The last day d ≥ start with at least `months` full-time months from d to the planned end (start − 1 when none). */
function lastDayBeforeEnd(facts: TraineeFacts, months: number): Day {
  const cal = facts.calendar;
  const end = facts.plannedEnd ?? facts.end;
  if (months <= MONTH_EPSILON) return end;
  // Full-time months never exceed calendar months, so no day after this one has enough left.
  let d = Math.min(end, firstDayCovering(end, months));
  while (d >= facts.start) {
    const have = cal.fteMonths(d, end);
    if (have + MONTH_EPSILON >= months) return d;
    // Leap over days that cannot have enough yet (time/months.ts CALENDAR_DRIFT); near it, day by day.
    d -= Math.max(1, Math.floor((months - have - 2 * CALENDAR_DRIFT) * DAYS_PER_MONTH));
  }
  return facts.start - 1;
}

export const midSt = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Mitt-i-ST', en: 'Mid-ST assessment' },
  statement: (p) => ({
    sv: `Mitt-i-ST görs efter ${months(p.minMonths, 'sv')}–${monthWord(p.maxMonths, 'sv')} på heltid och minst ${monthWord(p.monthsBeforeEnd, 'sv')} före planerat slut.`,
    en: `The mid-ST assessment takes place after ${months(p.minMonths, 'en')}–${monthWord(p.maxMonths, 'en')} full-time and at least ${monthWord(p.monthsBeforeEnd, 'en')} before the planned end.`,
  }),
  params: Type.Object({
    minMonths: Type.Number({ minimum: 0, maximum: 66 }),
    maxMonths: Type.Number({ minimum: 0, maximum: 66 }),
    monthsBeforeEnd: Type.Number({ minimum: 0, maximum: 66 }),
  }),
  check(ctx, params) {
    const out = [];
    const tol = ctx.params['rotation-length'].toleranceMonths;
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      const name = who(facts, facts.id);
      const window = `${months(params.minMonths, 'sv')}–${monthWord(params.maxMonths, 'sv')}`;
      const windowEn = `${months(params.minMonths, 'en')}–${monthWord(params.maxMonths, 'en')}`;
      const mids = tp.placements.filter((p) => p.kind === 'milestone' && p.milestone === 'mitt-i-st');
      if (mids.length === 0) {
        out.push(
          violation(meta, {
            trainees: [facts.id],
            amount: 1,
            sv: `${name}: Mitt-i-ST saknas i planen (ska ligga efter ${window} på heltid).`,
            en: `${name}: Mid-ST assessment is missing from the plan (due after ${windowEn} full-time).`,
          }),
        );
        continue;
      }
      const m = mids[0]!;
      const elapsed = facts.creditMonths + facts.calendar.fteMonths(facts.start, m.from - 1);
      const early = params.minMonths - elapsed;
      const late = elapsed - params.maxMonths;
      const date = formatDay(m.from);
      if (early > tol || late > tol) {
        const isEarly = early > tol;
        const by = isEarly ? early : late;
        out.push(
          violation(meta, {
            trainees: [facts.id],
            from: m.from,
            to: m.to,
            amount: by,
            sv: `${name}: Mitt-i-ST ${date} ligger efter ${monthWord(elapsed, 'sv')} på heltid, ${monthWord(by, 'sv')} för ${isEarly ? 'tidigt' : 'sent'} (ska vara efter ${window}).`,
            en: `${name}: Mid-ST ${date} comes after ${monthWord(elapsed, 'en')} full-time, ${monthWord(by, 'en')} too ${isEarly ? 'early' : 'late'} (due after ${windowEn}).`,
          }),
        );
      }
      const end = facts.plannedEnd ?? facts.end;
      const remaining = facts.calendar.fteMonths(m.from, end);
      const short = params.monthsBeforeEnd - remaining;
      if (short > tol) {
        out.push(
          violation(meta, {
            trainees: [facts.id],
            from: m.from,
            to: m.to,
            amount: short,
            sv: `${name}: Mitt-i-ST ${date} ligger bara ${monthWord(remaining, 'sv')} före planerat slut ${formatDay(end)}; minst ${monthWord(params.monthsBeforeEnd, 'sv')} behövs.`,
            en: `${name}: Mid-ST ${date} is only ${monthWord(remaining, 'en')} before the planned end ${formatDay(end)}; at least ${monthWord(params.monthsBeforeEnd, 'en')} are needed.`,
          }),
        );
      }
    }
    return out;
  },
});
