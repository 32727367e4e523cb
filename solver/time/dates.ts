/**
 * Calendar dates as day numbers (days since 1970-01-01). The rule checks run while a bar is dragged
 * in the browser, so the hot path is integer arithmetic; luxon is the independent oracle in the
 * property tests (and gives today's date in Sweden).
 */
import { DateTime } from 'luxon';

export type Day = number;

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's algorithm). */
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function civilFromDay(d: Day): Civil {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * True for a real calendar date written `YYYY-MM-DD` (rejects 2027-02-30, 2027-13-01). Integer checks,
 * not luxon: the readers call this for every date of a whole cohort's plan, where luxon's parsing was
 * the readers' main cost; the property tests check it against luxon's own validity.
 */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(s.slice(0, 4)), month);
}

/** Parses a date already known to be well-formed (schemas check untrusted input first). */
export function parseDay(s: string): Day {
  return dayFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

export function formatDay(d: Day): string {
  const { year, month, day } = civilFromDay(d);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Adds whole calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29), as luxon
 * does. Fractional months (a rule's 2.5) are months.ts's arithmetic: here they would give NaN days.
 */
export function addMonths(d: Day, months: number): Day {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths: whole months only (got ${months}); see time/months.ts`);
  const { year, month, day } = civilFromDay(d);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The first day of the month that `d` falls in. */
export function startOfMonth(d: Day): Day {
  const { year, month } = civilFromDay(d);
  return dayFromCivil(year, month, 1);
}

/** Month index (year × 12 + month − 1), handy for month grids. */
export function monthIndex(d: Day): number {
  const { year, month } = civilFromDay(d);
  return year * 12 + month - 1;
}

export function dayOfMonthIndex(index: number): Day {
  const y = Math.floor(index / 12);
  return dayFromCivil(y, index - y * 12 + 1, 1);
}

/** Today's date in Sweden, as a day number. */
export function today(): Day {
  return parseDay(DateTime.now().setZone('Europe/Stockholm').toISODate()!);
}

/** The first Monday on or after d (day 0, 1970-01-01, was a Thursday): clinics take trainees on Mondays. */
export function mondayOnOrAfter(d: Day): Day {
  return d + ((((4 - d) % 7) + 7) % 7);
}

/** Saturday or Sunday. */
export function isWeekend(d: Day): boolean {
  const dow = (((d + 3) % 7) + 7) % 7; // 0 = Monday
  return dow >= 5;
}
