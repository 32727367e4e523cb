import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastDayReaching } from '../../solver/greedy.ts';
import { parseDay } from '../../solver/time/dates.ts';
import { MONTH_EPSILON, WorkCalendar } from '../../solver/time/months.ts';

const BASE = parseDay('2027-01-01');

/** A working calendar of 1–3 employment rates and 0–2 leave periods over a few years from 2027. */
const calendarArb = fc.record({
  employment: fc.array(fc.record({ at: fc.integer({ min: 0, max: 2000 }), rate: fc.constantFrom(0.5, 0.75, 0.8, 1) }), {
    minLength: 1,
    maxLength: 3,
  }),
  leave: fc.array(fc.record({ at: fc.integer({ min: 0, max: 2000 }), days: fc.integer({ min: 1, max: 400 }) }), { maxLength: 2 }),
});

describe('fastDayReaching', () => {
  it('agrees with WorkCalendar.dayReaching without leave, and is never earlier with it', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 1500 }), fc.double({ min: 0.1, max: 66, noNaN: true }), (c, offset, target) => {
        const calendar = new WorkCalendar(
          c.employment.map((e) => ({ from: BASE + e.at, rate: e.rate })),
          c.leave.map((l) => ({ from: BASE + l.at, to: BASE + l.at + l.days - 1 })),
        );
        const from = BASE + offset;
        const fast = fastDayReaching(calendar, from, target);
        const slow = calendar.dayReaching(from, target);
        expect(calendar.fteMonths(from, fast) + MONTH_EPSILON).toBeGreaterThanOrEqual(target);
        expect(fast).toBeGreaterThanOrEqual(slow);
        if (!calendar.hasLeave(from, fast)) expect(fast).toBe(slow);
      }),
      { numRuns: 400 },
    );
  });

  it('finds the documented end of ST: full time from 2027-02-01 reaches 60 months on 2032-01-31', () => {
    const calendar = new WorkCalendar([{ from: parseDay('2027-02-01'), rate: 1 }], []);
    expect(fastDayReaching(calendar, parseDay('2027-02-01'), 60)).toBe(parseDay('2032-01-31'));
  });
});
