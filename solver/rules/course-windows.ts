/**
 * course-windows (advice): each placed course lies in its window (params `windows`, by course):
 * - `any`: no constraint;
 * - `early`: ends within `earlyMonths` full-time months of the start;
 * - `first-half`: ends before the second half of ST begins;
 * - `by-mid-st`: ends before the Mitt-i-ST milestone (or, without one, before `mid-st.maxMonths`
 *   full-time months, credit included);
 * - `second-half`: starts in the second half;
 * - `after-pediatrics-before-bvc`: starts after the pediatrics rotation ends and no later than the
 *   own BVC starts. For the BVC course itself the "after pediatrics" half is the hard rule
 *   pediatrics-before-bvc, so it is not repeated here as advice.
 * A window that cannot be judged (no pediatrics / no own BVC in the plan) is not reported.
 * Courses that are not placed at all show up as missing delmål, not here.
 * amount = calendar months outside the window.
 * The planners place a course inside `courseDays`.
 */
import { Type } from '@sinclair/typebox';
import { CourseId, type Text } from '../domain/schemas.ts';
import type { CourseWindow } from '../domain/profiles.ts';
import type { Interval, TraineeFacts } from '../plan/context.ts';
import { formatDay, type Day } from '../time/dates.ts';
import { calendarMonths } from '../time/months.ts';
import { defineRule, violation } from './rule.ts';
import { course, monthWord, period, who } from './text.ts';

const meta = { id: 'course-windows', severity: 'advice' } as const;

export const COURSE_WINDOWS = ['any', 'early', 'first-half', 'by-mid-st', 'second-half', 'after-pediatrics-before-bvc'] as const;
const CourseWindowSchema = Type.Union(COURSE_WINDOWS.map((w) => Type.Literal(w)));

export const WINDOW_NAMES: Record<CourseWindow, Text> = {
  any: { sv: 'när som helst', en: 'any time' },
  early: { sv: 'tidigt i ST', en: 'early in ST' },
  'first-half': { sv: 'under första halvan', en: 'in the first half' },
  'by-mid-st': { sv: 'före Mitt-i-ST', en: 'before mid-ST' },
  'second-half': { sv: 'under andra halvan', en: 'in the second half' },
  'after-pediatrics-before-bvc': { sv: 'efter pediatriken och före egen BVC', en: 'after paediatrics and before own BVC' },
};

/** The plan's dates a window depends on (null: not in the plan). */
export interface WindowDates {
  midSt: Day | null;
  pediatricsEnd: Day | null;
  bvcStart: Day | null;
}

/**
 * The days a course in `window` may lie on, first to last, within ST (`lastDay`); null where the
 * window cannot be judged (after pediatrics, without pediatrics). For 'after-pediatrics-before-bvc'
 * the course also ends before own BVC starts, a day stricter than the check, which looks at its start.
 */
export function courseDays(window: CourseWindow, facts: TraineeFacts, dates: WindowDates): Interval | null {
  switch (window) {
    case 'any':
      return { from: facts.start, to: facts.lastDay };
    case 'early':
      return { from: facts.start, to: facts.earlyEnd };
    case 'first-half':
      return { from: facts.start, to: facts.secondHalf - 1 };
    case 'by-mid-st':
      return { from: facts.start, to: dates.midSt === null ? facts.midStLatest : dates.midSt - 1 };
    case 'second-half':
      return { from: facts.secondHalf, to: facts.lastDay };
    case 'after-pediatrics-before-bvc':
      return dates.pediatricsEnd === null ? null : { from: dates.pediatricsEnd + 1, to: (dates.bvcStart ?? facts.lastDay + 1) - 1 };
  }
}

export const courseWindows = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Kursernas tidpunkter', en: 'Course timing' },
  statement: (p) => {
    const timed = (Object.entries(p.windows) as [CourseId, CourseWindow][]).filter(([, w]) => w !== 'any');
    const listed = (lang: 'sv' | 'en') => timed.map(([c, w]) => `${course(c, lang)} ${WINDOW_NAMES[w][lang]}`).join('; ');
    return {
      sv: `Kurserna ligger i sina fönster: ${listed('sv')}.`,
      en: `Courses lie in their windows: ${listed('en')}.`,
    };
  },
  params: Type.Object({
    windows: Type.Record(CourseId, CourseWindowSchema),
    earlyMonths: Type.Number({ minimum: 0, maximum: 66 }),
  }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      const mid = tp.placements.find((p) => p.kind === 'milestone' && p.milestone === 'mitt-i-st');
      const pediatrics = tp.rotations.filter((p) => p.specialty === 'pediatrik');
      const pedEnd = pediatrics.length ? Math.max(...pediatrics.map((p) => p.to)) : null;
      const bvcStart = tp.placements.find((p) => p.kind === 'bvc')?.from ?? null;
      const dates: WindowDates = { midSt: mid?.from ?? null, pediatricsEnd: pedEnd, bvcStart };
      for (const p of tp.placements) {
        if (p.kind !== 'course' || !p.course) continue;
        const window = params.windows[p.course];
        const days = courseDays(window, facts, dates);
        // Calendar months outside the window, or 0 when inside.
        let outside = 0;
        let limit: Day | null = null;
        switch (window) {
          case 'any':
            break;
          case 'early':
          case 'first-half':
          case 'by-mid-st':
            limit = days!.to;
            if (p.to > limit) outside = calendarMonths(limit + 1, p.to);
            break;
          case 'second-half':
            limit = days!.from;
            if (p.from < limit) outside = calendarMonths(p.from, limit - 1);
            break;
          case 'after-pediatrics-before-bvc':
            if (p.course !== 'bvc' && pedEnd !== null && p.from <= pedEnd) {
              limit = pedEnd + 1;
              outside = calendarMonths(p.from, pedEnd);
            } else if (bvcStart !== null && p.from > bvcStart) {
              limit = bvcStart;
              outside = calendarMonths(bvcStart, p.from - 1);
            }
            break;
        }
        if (outside <= 0) continue;
        const name = who(facts, facts.id);
        const bySv = limit === null ? '' : ` (gräns ${formatDay(limit)})`;
        const byEn = limit === null ? '' : ` (limit ${formatDay(limit)})`;
        out.push(
          violation(meta, {
            trainees: [facts.id],
            from: p.from,
            to: p.to,
            amount: outside,
            sv: `${name}: kursen ${course(p.course, 'sv')} ${period(p.from, p.to)} bör ligga ${WINDOW_NAMES[window].sv}${bySv}; ${monthWord(outside, 'sv')} utanför.`,
            en: `${name}: the course ${course(p.course, 'en')} ${period(p.from, p.to)} belongs ${WINDOW_NAMES[window].en}${byEn}; ${monthWord(outside, 'en')} outside.`,
          }),
        );
      }
    }
    return out;
  },
});
