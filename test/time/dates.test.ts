import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addMonths, civilFromDay, dayFromCivil, daysInMonth, formatDay, isIsoDate, isWeekend, mondayOnOrAfter, parseDay } from '../../solver/time/dates.ts';

// Days 1900-01-01 .. 2199-12-31: far beyond any plan, across century rules (1900, 2000, 2100).
const dayArb = fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2199, 12, 31) });
const luxonDay = (d: number): DateTime => DateTime.fromMillis(d * 86_400_000, { zone: 'utc' });

describe('civil dates against luxon', () => {
  it('formatDay agrees with luxon for every day, and parseDay inverts it', () => {
    fc.assert(
      fc.property(dayArb, (d) => {
        expect(formatDay(d)).toBe(luxonDay(d).toISODate());
        expect(parseDay(formatDay(d))).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('civilFromDay and dayFromCivil are inverse', () => {
    fc.assert(
      fc.property(dayArb, (d) => {
        const c = civilFromDay(d);
        expect(dayFromCivil(c.year, c.month, c.day)).toBe(d);
        expect(c.day).toBeLessThanOrEqual(daysInMonth(c.year, c.month));
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonths agrees with luxon, which clamps to the month end', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -120, max: 120 }), (d, m) => {
        expect(formatDay(addMonths(d, m))).toBe(luxonDay(d).plus({ months: m }).toISODate());
      }),
      { numRuns: 2000 },
    );
  });

  it('addMonths refuses fractional months instead of answering NaN (2.5 months is months.ts arithmetic)', () => {
    expect(() => addMonths(parseDay('2027-09-01'), 2.5)).toThrow(/whole months/);
  });

  it('mondayOnOrAfter: the day itself on a Monday, else the next Monday', () => {
    expect(formatDay(mondayOnOrAfter(parseDay('2027-09-06')))).toBe('2027-09-06');
    expect(formatDay(mondayOnOrAfter(parseDay('2027-09-07')))).toBe('2027-09-13');
    expect(formatDay(mondayOnOrAfter(parseDay('1969-12-31')))).toBe('1970-01-05');
    for (let d = parseDay('2027-01-01'); d < parseDay('2027-01-15'); d++) {
      const m = mondayOnOrAfter(d);
      expect(m - d).toBeLessThan(7);
      expect(DateTime.fromISO(formatDay(m)).weekday).toBe(1);
      expect(isWeekend(m)).toBe(false);
    }
  });

  it('month ends and leap days', () => {
    expect(formatDay(addMonths(parseDay('2027-01-31'), 1))).toBe('2027-02-28');
    expect(formatDay(addMonths(parseDay('2028-01-31'), 1))).toBe('2028-02-29');
    expect(formatDay(addMonths(parseDay('2028-02-29'), 12))).toBe('2029-02-28');
    expect(formatDay(addMonths(parseDay('2028-02-29'), 48))).toBe('2032-02-29');
    expect(formatDay(addMonths(parseDay('2027-03-31'), -1))).toBe('2027-02-28');
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('isIsoDate agrees with luxon on dates with any month 0–13 and day 0–32', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
        expect([s, isIsoDate(s)]).toEqual([s, DateTime.fromISO(s, { zone: 'utc' }).isValid]);
      }),
      { numRuns: 3000 },
    );
  });

  it('isIsoDate accepts real dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-02-30')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    expect(isIsoDate('2027-04-31')).toBe(false);
  });
});
