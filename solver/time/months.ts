/**
 * Month arithmetic exactly as `shared/formats.md` defines it. Periods include both ends.
 *
 * - calendar months: whole calendar months plus leftover days / 30.4375;
 * - full-time months: calendar months × (sum of the daily employment rate, 0 on leave) / days;
 * - end of ST: the earliest day D with full-time months of [start, D] + credit ≥ the minimum;
 * - second half: starts the day after half the minimum (credit included) is reached.
 */
import { addMonths, civilFromDay, dayFromCivil, daysInMonth, parseDay, type Day } from './dates.ts';
import type { Trainee } from '../domain/schemas.ts';

export const DAYS_PER_MONTH = 30.4375;
/** Month sums are compared with this tolerance so that 59.999999… counts as 60. */
export const MONTH_EPSILON = 1e-9;

/** Calendar months of the period [from, to], both days included. */
export function calendarMonths(from: Day, to: Day): number {
  if (to < from) return 0;
  const endExclusive = to + 1;
  // Whole months: the largest m with from + m months ≤ the day after `to`. The start's civil date is
  // taken apart once (this runs for every length in every rule check), then months are added to it.
  const { year, month, day } = civilFromDay(from);
  const base = year * 12 + month - 1;
  let m = Math.max(0, Math.floor((endExclusive - from) / DAYS_PER_MONTH) - 1);
  while (monthsAfter(base, day, m + 1) <= endExclusive) m++;
  while (m > 0 && monthsAfter(base, day, m) > endExclusive) m--;
  return m + (endExclusive - monthsAfter(base, day, m)) / DAYS_PER_MONTH;
}

/** The day `m` months after day-of-month `day` of month index `base` (clamped to the month's end). */
function monthsAfter(base: number, day: number, m: number): Day {
  const index = base + m;
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  return dayFromCivil(y, mo, Math.min(day, daysInMonth(y, mo)));
}

/**
 * The last day of the shortest period from `from` that lasts at least `months` calendar months (own
 * BVC, SÄBO: a minimum length). Fractional months count as formats.md says: leftover days / 30.4375.
 */
export function lastDayCovering(from: Day, months: number): Day {
  let d = estimateEnd(from, months);
  while (calendarMonths(from, d) + MONTH_EPSILON < months) d++;
  while (d > from && calendarMonths(from, d - 1) + MONTH_EPSILON >= months) d--;
  return d;
}

/**
 * The last day of the longest period from `from` that lasts at most `months` calendar months (the away
 * limit). "Over" is measured as the rules measure it, length − limit > MONTH_EPSILON: the same floats.
 */
export function lastDayWithin(from: Day, months: number): Day {
  let d = estimateEnd(from, months);
  while (d >= from && calendarMonths(from, d) - months > MONTH_EPSILON) d--;
  while (calendarMonths(from, d + 1) - months <= MONTH_EPSILON) d++;
  return d;
}

/** The first day of the shortest period ending on `to` that lasts at least `months` calendar months. */
export function firstDayCovering(to: Day, months: number): Day {
  const whole = Math.floor(months + MONTH_EPSILON);
  let d = addMonths(to + 1, -whole) - Math.round(Math.max(0, months - whole) * DAYS_PER_MONTH);
  while (calendarMonths(d, to) + MONTH_EPSILON < months) d--;
  while (d < to && calendarMonths(d + 1, to) + MONTH_EPSILON >= months) d++;
  return d;
}

/** A day within a day or two of the end of `months` calendar months from `from`, for the searches above. */
function estimateEnd(from: Day, months: number): Day {
  const whole = Math.floor(months + MONTH_EPSILON);
  return Math.max(from - 1, addMonths(from, whole) + Math.round(Math.max(0, months - whole) * DAYS_PER_MONTH) - 1);
}

/**
 * How far calendar months can drift from days / 30.4375 (measured: at most 0.097 for every start and
 * length; 0.125 leaves a margin). Hence fteMonths(from, D) lies within ±CALENDAR_DRIFT of
 * rateSum / 30.4375, and k more days add at most k / 30.4375 + 2 × CALENDAR_DRIFT: `dayReaching`
 * uses this to skip days that provably cannot reach its target.
 */
export const CALENDAR_DRIFT = 0.125;

/** A step function of the daily employment rate, with leave as rate 0. */
export interface RateSegment {
  from: Day; // first day of the segment
  rate: number;
}

/**
 * A trainee's working calendar: the employment rate on every day, leave counted as 0.
 * Built once per trainee; `rateSum` answers in O(log n) with prefix sums over the segments.
 */
export class WorkCalendar {
  /** Rate changes in day order; the first segment reaches back without limit. */
  readonly segments: RateSegment[];
  /** prefix[i]: the sum of rates over [day 0, segments[i].from), negative left of day 0. */
  private readonly prefix: number[];

  constructor(employment: { from: Day; rate: number }[], leave: { from: Day; to: Day }[]) {
    const byDate = [...employment].sort((a, b) => a.from - b.from);
    const rateAt = (d: Day): number => {
      if (leave.some((l) => l.from <= d && d <= l.to)) return 0;
      let rate = byDate[0]?.rate ?? 1; // before the first entry, the first rate applies
      for (const e of byDate) if (e.from <= d) rate = e.rate;
      return rate;
    };
    const changes = [...new Set([...byDate.map((e) => e.from), ...leave.flatMap((l) => [l.from, l.to + 1])])].sort(
      (a, b) => a - b,
    );
    const segments: RateSegment[] = [{ from: Number.NEGATIVE_INFINITY, rate: rateAt((changes[0] ?? 0) - 1) }];
    for (const c of changes) {
      const rate = rateAt(c);
      if (rate !== segments[segments.length - 1]!.rate) segments.push({ from: c, rate });
    }
    this.segments = segments;
    this.prefix = [0];
    for (let i = 1; i < segments.length; i++) {
      const prev = segments[i - 1]!;
      const prevStart = i === 1 ? 0 : prev.from;
      this.prefix.push((i === 1 ? 0 : this.prefix[i - 1]!) + (segments[i]!.from - prevStart) * prev.rate);
    }
  }

  static forTrainee(t: Pick<Trainee, 'employment' | 'leave'>): WorkCalendar {
    return new WorkCalendar(
      (t.employment ?? []).map((e) => ({ from: parseDay(e.from), rate: e.rate })),
      (t.leave ?? []).map((l) => ({ from: parseDay(l.from), to: parseDay(l.to) })),
    );
  }

  private segmentIndex(d: Day): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.from <= d) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  rate(d: Day): number {
    return this.segments[this.segmentIndex(d)]!.rate;
  }

  /** The last day of the stretch of one rate that holds d (Infinity when the rate never changes after d). */
  constantThrough(d: Day): Day {
    const next = this.segments[this.segmentIndex(d) + 1];
    return next ? next.from - 1 : Number.POSITIVE_INFINITY;
  }

  /** The sum of rates over [day 0, d); differences of two values are sums over periods. */
  private cumulative(d: Day): number {
    const i = this.segmentIndex(d);
    const seg = this.segments[i]!;
    return i === 0 ? d * seg.rate : this.prefix[i]! + (d - seg.from) * seg.rate;
  }

  /** Sum of the daily rates over [from, to]. */
  rateSum(from: Day, to: Day): number {
    if (to < from) return 0;
    return this.cumulative(to + 1) - this.cumulative(from);
  }

  /** Full-time months of [from, to]. */
  fteMonths(from: Day, to: Day): number {
    if (to < from) return 0;
    return (calendarMonths(from, to) * this.rateSum(from, to)) / (to - from + 1);
  }

  /** True when some day of [from, to] is leave (rate 0). */
  hasLeave(from: Day, to: Day): boolean {
    for (let i = this.segmentIndex(from); i < this.segments.length; i++) {
      const seg = this.segments[i]!;
      if (seg.from > to) break;
      if (seg.rate === 0) return true;
    }
    return false;
  }

  /**
   * The earliest day D ≥ from with fteMonths(from, D) ≥ target. Full-time months are not monotone in D
   * (a day of leave adds calendar time but no work), so this scans days from a safe lower bound,
   * skipping only days that provably fall short (CALENDAR_DRIFT).
   */
  dayReaching(from: Day, target: number): Day {
    if (target <= MONTH_EPSILON) return from;
    // fteMonths ≤ calendar months, so D is at least `target` calendar months after `from`.
    let d = Math.max(from, addMonths(from, Math.floor(target)) - 2);
    for (;;) {
      const have = this.fteMonths(from, d);
      if (have + MONTH_EPSILON >= target) return d;
      // Leap over days that cannot reach the target yet: see CALENDAR_DRIFT. Near it, go day by day.
      d += Math.max(1, Math.floor((target - have - 2 * CALENDAR_DRIFT) * DAYS_PER_MONTH));
      // Leave without end would never reach the target; a century is past any plan's horizon.
      if (d - from > 36525) return d;
    }
  }
}

/**
 * The last day of `months` full-time months from `from`: the earliest day D with fteMonths(from, D) ≥
 * months (formats.md's arithmetic, exact to the day; the planners' rotation ends).
 * Where the rate is constant over the rotation (most trainees, most of the time) the day follows in
 * closed form from calendar months = months / rate; otherwise walk from an estimate.
 */
export function fullTimeEnd(cal: WorkCalendar, from: Day, months: number): Day {
  const rate = cal.rate(from);
  if (rate > 0) {
    const d = closedFormEnd(from, months / rate);
    // Constant rate over [from, d]: the closed form is exact.
    if (d !== null && Math.abs(cal.rateSum(from, d) - rate * (d - from + 1)) < 1e-9) return d;
  }
  let d = rate > 0 ? lastDayCovering(from, months / rate) : cal.dayReaching(from, months);
  while (cal.fteMonths(from, d) + MONTH_EPSILON < months) d += Math.max(1, Math.floor((months - cal.fteMonths(from, d)) * 15));
  while (d > from && cal.fteMonths(from, d - 1) + MONTH_EPSILON >= months) d--;
  return d;
}

/** Cache by target months, then start day (numeric keys: string keys cost more than the arithmetic). */
const closedForms = new Map<number, Map<Day, Day | null>>();
let closedFormCount = 0;

/** The last day of `target` calendar months from `from`, or null where the rest would spill into a short month. */
function closedFormEnd(from: Day, target: number): Day | null {
  let byFrom = closedForms.get(target);
  if (!byFrom) {
    byFrom = new Map();
    closedForms.set(target, byFrom);
  }
  const hit = byFrom.get(from);
  if (hit !== undefined) return hit;
  const whole = Math.floor(target + MONTH_EPSILON);
  const base = addMonths(from, whole);
  const rest = Math.max(0, target - whole);
  const d = Math.max(from, base - 1 + Math.ceil(rest * DAYS_PER_MONTH - 1e-6));
  const out = d < addMonths(from, whole + 1) - 1 ? d : null;
  if (++closedFormCount > 200_000) {
    closedForms.clear();
    closedFormCount = 0;
    byFrom = new Map();
    closedForms.set(target, byFrom);
  }
  byFrom.set(from, out);
  return out;
}

/** The earliest day the minimum time of ST (rule `minimum-time`) is reached: formats.md's `end`. */
export function endOfSt(start: Day, minimumMonths: number, creditMonths: number, calendar: WorkCalendar): Day {
  return calendar.dayReaching(start, minimumMonths - creditMonths);
}

/** The first day of the second half of ST: the day after half the minimum, credit included, is reached. */
export function secondHalfStart(start: Day, minimumMonths: number, creditMonths: number, calendar: WorkCalendar): Day {
  return calendar.dayReaching(start, minimumMonths / 2 - creditMonths) + 1;
}
