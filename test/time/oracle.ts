/**
 * An independent oracle for formats.md's month arithmetic, written with luxon and day-by-day loops:
 * slow and obvious, so that the fast integer versions in solver/time can be checked against it.
 */
import { DateTime } from 'luxon';

export const iso = (d: DateTime): string => d.toISODate()!;
export const dt = (s: string): DateTime => DateTime.fromISO(s, { zone: 'utc' });

/** Calendar months of [from, to]: whole months (luxon's clamping month addition) + leftover days / 30.4375. */
export function calendarMonthsOracle(from: string, to: string): number {
  const start = dt(from);
  const endExclusive = dt(to).plus({ days: 1 });
  if (endExclusive <= start) return 0;
  let m = 0;
  while (start.plus({ months: m + 1 }) <= endExclusive) m++;
  const rest = endExclusive.diff(start.plus({ months: m }), 'days').days;
  return m + rest / 30.4375;
}

export interface OracleTrainee {
  employment?: { from: string; rate: number }[];
  leave?: { from: string; to: string }[];
}

export function rateOn(t: OracleTrainee, day: string): number {
  if ((t.leave ?? []).some((l) => l.from <= day && day <= l.to)) return 0;
  const sorted = [...(t.employment ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  let rate = sorted[0]?.rate ?? 1;
  for (const e of sorted) if (e.from <= day) rate = e.rate;
  return rate;
}

/** Full-time months of [from, to], summing the rate day by day. */
export function fteOracle(t: OracleTrainee, from: string, to: string): number {
  let sum = 0;
  let days = 0;
  for (let d = dt(from); d <= dt(to); d = d.plus({ days: 1 })) {
    sum += rateOn(t, iso(d));
    days++;
  }
  return days === 0 ? 0 : (calendarMonthsOracle(from, to) * sum) / days;
}

/** The earliest day D with full-time months of [start, D] ≥ target, by walking day by day. */
export function dayReachingOracle(t: OracleTrainee, start: string, target: number): string {
  if (target <= 1e-9) return start;
  // Full-time months never exceed calendar months, so no day before start + ⌊target⌋ months − 2 days
  // can reach the target: sum the rates up to there, then test each day.
  const s = dt(start);
  const lower = DateTime.max(s, s.plus({ months: Math.floor(target) }).minus({ days: 2 }));
  let sum = 0;
  let days = 0;
  let d = s;
  for (; d < lower; d = d.plus({ days: 1 })) {
    sum += rateOn(t, iso(d));
    days++;
  }
  for (; ; d = d.plus({ days: 1 })) {
    sum += rateOn(t, iso(d));
    days++;
    if ((calendarMonthsOracle(start, iso(d)) * sum) / days + 1e-9 >= target) return iso(d);
  }
}
