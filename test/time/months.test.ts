import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
import {
  MONTH_EPSILON,
  WorkCalendar,
  calendarMonths,
  endOfSt,
  firstDayCovering,
  fullTimeEnd,
  lastDayCovering,
  lastDayWithin,
  secondHalfStart,
} from '../../solver/time/months.ts';
import { calendarMonthsOracle, dayReachingOracle, fteOracle, type OracleTrainee } from './oracle.ts';

const d = parseDay;
const dayArb = fc.integer({ min: d('2024-01-01'), max: d('2036-12-31') });
const cal = (t: OracleTrainee): WorkCalendar => WorkCalendar.forTrainee(t);

/** A random working calendar: a few rate changes and leave periods between 2027 and 2032. */
const traineeArb = fc
  .record({
    rates: fc.array(fc.record({ at: fc.integer({ min: 0, max: 2000 }), rate: fc.constantFrom(1, 0.8, 0.75, 0.5, 0.9) }), { maxLength: 3 }),
    leave: fc.array(fc.record({ at: fc.integer({ min: 0, max: 2000 }), days: fc.integer({ min: 1, max: 300 }) }), { maxLength: 3 }),
  })
  .map(({ rates, leave }): OracleTrainee => {
    const base = d('2027-02-01');
    return {
      employment: [{ from: '2027-02-01', rate: 1 }, ...rates.map((r) => ({ from: formatDay(base + r.at), rate: r.rate }))],
      leave: leave.map((l) => ({ from: formatDay(base + l.at), to: formatDay(base + l.at + l.days - 1) })),
    };
  });

describe('calendar months (formats.md)', () => {
  it('agree with the luxon oracle', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 2200 }), (from, len) => {
        expect(calendarMonths(from, from + len)).toBeCloseTo(calendarMonthsOracle(formatDay(from), formatDay(from + len)), 12);
      }),
      { numRuns: 1500 },
    );
  });

  it("formats.md's examples: 2027-09-01..11-30 is 3.0 and 2027-09-15..10-14 is 1.0", () => {
    expect(calendarMonths(d('2027-09-01'), d('2027-11-30'))).toBe(3);
    expect(calendarMonths(d('2027-09-15'), d('2027-10-14'))).toBe(1);
  });

  it('month ends: from Jan 31 one month ends Feb 27 (the day before Feb 28 = Jan 31 + 1 month)', () => {
    expect(calendarMonths(d('2027-01-31'), d('2027-02-27'))).toBe(1);
    expect(calendarMonths(d('2027-01-31'), d('2027-02-28'))).toBeCloseTo(1 + 1 / 30.4375, 12);
    expect(calendarMonths(d('2027-02-01'), d('2027-02-28'))).toBe(1);
  });

  it('leap years: 2028-02-29 + 12 months is 2029-02-28', () => {
    expect(calendarMonths(d('2028-02-29'), d('2029-02-27'))).toBe(12);
    expect(calendarMonths(d('2028-02-01'), d('2028-02-29'))).toBe(1);
    expect(calendarMonths(d('2028-02-01'), d('2028-02-28'))).toBeCloseTo(28 / 30.4375, 12);
  });

  it('lastDayCovering ends a whole number of months the day before the same date', () => {
    expect(formatDay(lastDayCovering(d('2027-09-01'), 3))).toBe('2027-11-30');
    expect(formatDay(lastDayCovering(d('2028-02-29'), 12))).toBe('2029-02-27');
  });

  it('fractional months: 2.5 months from 2027-09-01 cover 16 days of November and stay within 15', () => {
    // 0.5 month is 15.2 days: a period of at least 2.5 months needs 16 of them, one of at most 2.5 has 15.
    expect(formatDay(lastDayCovering(d('2027-09-01'), 2.5))).toBe('2027-11-16');
    expect(formatDay(lastDayWithin(d('2027-09-01'), 2.5))).toBe('2027-11-15');
    expect(formatDay(firstDayCovering(d('2027-11-16'), 2.5))).toBe('2027-09-01');
  });

  it('the shortest period of at least, and the longest of at most, m months, for any start and m', () => {
    fc.assert(
      fc.property(dayArb, fc.double({ min: 0.05, max: 24, noNaN: true }), (from, m) => {
        const covering = lastDayCovering(from, m);
        expect(calendarMonths(from, covering) + MONTH_EPSILON).toBeGreaterThanOrEqual(m);
        expect(calendarMonths(from, covering - 1) + MONTH_EPSILON).toBeLessThan(m);
        const within = lastDayWithin(from, m);
        expect(calendarMonths(from, within)).toBeLessThanOrEqual(m + MONTH_EPSILON);
        expect(calendarMonths(from, within + 1)).toBeGreaterThan(m + MONTH_EPSILON);
        const to = from + 400;
        const first = firstDayCovering(to, m);
        expect(calendarMonths(first, to) + MONTH_EPSILON).toBeGreaterThanOrEqual(m);
        expect(calendarMonths(first + 1, to) + MONTH_EPSILON).toBeLessThan(m);
      }),
      { numRuns: 600 },
    );
  });
});

describe('full-time months', () => {
  it('agree with the day-by-day oracle for random calendars', () => {
    fc.assert(
      fc.property(traineeArb, fc.integer({ min: d('2027-02-01'), max: d('2031-12-31') }), fc.integer({ min: 0, max: 900 }), (t, from, len) => {
        const a = formatDay(from);
        const b = formatDay(from + len);
        expect(cal(t).fteMonths(from, from + len)).toBeCloseTo(fteOracle(t, a, b), 9);
      }),
      { numRuns: 150 },
    );
  });

  it('a 3-month rotation at 80 % is 2.4; two weeks of leave inside take their share', () => {
    const t = { employment: [{ from: '2027-01-01', rate: 0.8 }] };
    expect(cal(t).fteMonths(d('2027-09-01'), d('2027-11-30'))).toBeCloseTo(2.4, 12);
    const withLeave = { ...t, leave: [{ from: '2027-10-01', to: '2027-10-14' }] };
    expect(cal(withLeave).fteMonths(d('2027-09-01'), d('2027-11-30'))).toBeCloseTo((3 * 0.8 * (91 - 14)) / 91, 12);
  });

  it('a rate change mid-rotation counts each day at its own rate', () => {
    const t = { employment: [{ from: '2027-01-01', rate: 1 }, { from: '2027-10-16', rate: 0.5 }] };
    // 2027-09-01..11-30: 45 days at 1, 46 at 0.5.
    expect(cal(t).fteMonths(d('2027-09-01'), d('2027-11-30'))).toBeCloseTo((3 * (45 + 23)) / 91, 12);
  });

  it('leave across a year boundary counts in both years', () => {
    const t = { leave: [{ from: '2027-12-20', to: '2028-01-09' }] };
    expect(cal(t).rateSum(d('2027-12-01'), d('2027-12-31'))).toBe(19);
    expect(cal(t).rateSum(d('2028-01-01'), d('2028-01-31'))).toBe(22);
    expect(cal(t).hasLeave(d('2027-12-31'), d('2028-01-01'))).toBe(true);
  });
});

describe('dayReaching, end of ST and the second half', () => {
  it('dayReaching finds the earliest day, as the day-by-day oracle does', () => {
    fc.assert(
      fc.property(traineeArb, fc.integer({ min: 0, max: 400 }), fc.double({ min: 0.5, max: 66, noNaN: true }), (t, offset, target) => {
        const start = d('2027-02-01') + offset;
        expect(formatDay(cal(t).dayReaching(start, target))).toBe(dayReachingOracle(t, formatDay(start), target));
      }),
      { numRuns: 30 },
    );
  });

  const end = (t: OracleTrainee & { start?: string }, months: number, credit = 0): string =>
    formatDay(endOfSt(d(t.start ?? '2027-02-01'), months, credit, cal(t)));

  it('a full-time trainee starting 2027-02-01 ends 2032-01-31 (60 months), 2032-07-31 under 2021:8 (66)', () => {
    expect(end({}, 60)).toBe('2032-01-31');
    expect(end({}, 66)).toBe('2032-07-31');
  });

  it('credit shortens it month for month', () => {
    expect(end({}, 60, 6)).toBe('2031-07-31');
    expect(end({}, 66, 12.5)).toBe(dayReachingOracle({}, '2027-02-01', 53.5));
  });

  it('80 % from 2029-01-01 and parental leave lengthen it, as the oracle says', () => {
    const partTime = { employment: [{ from: '2027-02-01', rate: 1 }, { from: '2029-01-01', rate: 0.8 }] };
    expect(end(partTime, 60)).toBe(dayReachingOracle(partTime, '2027-02-01', 60));
    expect(end(partTime, 60)).toBe('2032-11-08'); // 23 months at 100 %, then 37 at 80 % ≈ 46.3 calendar months
    const parental = { leave: [{ from: '2028-03-01', to: '2028-08-31' }] };
    expect(end(parental, 60)).toBe(dayReachingOracle(parental, '2027-02-01', 60));
    expect(end(parental, 60)).toBe('2032-08-02'); // not 08-01: full-time months = calendar months × share of days worked
  });

  it('the second half starts the day after half the minimum: 2029-08-01 for the full-time 2015:8 trainee', () => {
    expect(formatDay(secondHalfStart(d('2027-02-01'), 60, 0, cal({})))).toBe('2029-08-01');
    expect(formatDay(secondHalfStart(d('2027-02-01'), 66, 0, cal({})))).toBe('2029-11-01');
    expect(formatDay(secondHalfStart(d('2027-02-01'), 60, 6, cal({})))).toBe('2029-02-01');
  });
});

describe('fullTimeEnd (the planners\' rotation ends)', () => {
  it('agrees with WorkCalendar.dayReaching without leave, and is never earlier with it', () => {
    fc.assert(
      fc.property(traineeArb, fc.integer({ min: 0, max: 1500 }), fc.double({ min: 0.1, max: 66, noNaN: true }), (t, offset, target) => {
        const calendar = cal(t);
        const from = d('2027-02-01') + offset;
        const end = fullTimeEnd(calendar, from, target);
        const slow = calendar.dayReaching(from, target);
        expect(calendar.fteMonths(from, end) + MONTH_EPSILON).toBeGreaterThanOrEqual(target);
        expect(end).toBeGreaterThanOrEqual(slow);
        if (!calendar.hasLeave(from, end)) expect(end).toBe(slow);
      }),
      { numRuns: 400 },
    );
  });

  it('finds the documented end of ST: full time from 2027-02-01 reaches 60 months on 2032-01-31', () => {
    const calendar = new WorkCalendar([{ from: d('2027-02-01'), rate: 1 }], []);
    expect(fullTimeEnd(calendar, d('2027-02-01'), 60)).toBe(d('2032-01-31'));
  });
});
