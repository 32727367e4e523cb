/**
 * The month grids of the clinic load heat map and the unit away chart. A month's "used" is the
 * highest number of trainees present on any one day of it, its capacity the lowest capacity on any
 * day — the same "at no time" reading as the rules clinic-capacity and unit-away-limit.
 */
import type { Clinic, PlanPlacement, Trainee, Unit } from '../../../solver/domain/schemas.ts';
import { clinicLimit, limitByDay, unitLimit } from '../../../solver/domain/capacity.ts';
import { dayOfMonthIndex, formatDay, monthIndex, parseDay, type Day } from '../../../solver/time/dates.ts';

export interface MonthCell {
  /** Month index (year × 12 + month − 1). */
  month: number;
  /** The most trainees present on one day of the month. */
  used: number;
  /** The lowest limit on the days of the peak (`used`); for an empty month, the lowest of the month. */
  limit: number;
  /**
   * The most trainees over the limit on one day. A month whose closure ends on the 15th and whose
   * trainee comes on the 16th has used 1, limit 1 and no excess: it is the same day that counts.
   */
  excess: number;
  /** Trainee ids present some day of the month. */
  who: string[];
}

export interface GridRow<T> {
  item: T;
  cells: MonthCell[];
}

/** The first and last day of a month index, as ISO dates (to compare with placements' `from`/`to`). */
export function monthBounds(index: number): { from: string; to: string } {
  return { from: formatDay(dayOfMonthIndex(index)), to: formatDay(dayOfMonthIndex(index + 1) - 1) };
}

/** Month indices from the month of `from` to the month of `to`, both included. */
export function monthRange(from: Day, to: Day): number[] {
  const out: number[] = [];
  for (let m = monthIndex(from); m <= monthIndex(to); m++) out.push(m);
  return out;
}

interface Interval {
  trainee: string;
  from: Day;
  to: Day;
}

/** Day counts from intervals with a difference array, then the per-month max and who. */
function monthCells(intervals: readonly Interval[], months: readonly number[], limitOfDay: (i: number) => number): MonthCell[] {
  if (months.length === 0) return [];
  const first = dayOfMonthIndex(months[0]!);
  const last = dayOfMonthIndex(months[months.length - 1]! + 1) - 1;
  const diff = new Int32Array(last - first + 2);
  for (const iv of intervals) {
    const a = Math.max(first, iv.from);
    const b = Math.min(last, iv.to);
    if (a > b) continue;
    diff[a - first]! += 1;
    diff[b - first + 1]! -= 1;
  }
  const cells: MonthCell[] = [];
  let running = 0;
  let day = first;
  for (const m of months) {
    const end = dayOfMonthIndex(m + 1) - 1;
    let used = 0;
    let limit = Number.POSITIVE_INFINITY;
    let excess = 0;
    for (; day <= end; day++) {
      running += diff[day - first]!;
      const l = limitOfDay(day - first);
      // The limit shown is the one on the peak day(s), so that "2/1" never appears for a peak and a
      // low limit that fall on different days.
      if (running > used) {
        used = running;
        limit = l;
      } else if (running === used && l < limit) limit = l;
      if (running - l > excess) excess = running - l;
    }
    if (!Number.isFinite(limit)) limit = 0;
    const mFrom = dayOfMonthIndex(m);
    const who = [...new Set(intervals.filter((iv) => iv.from <= end && mFrom <= iv.to).map((iv) => iv.trainee))];
    cells.push({ month: m, used, limit, excess, who });
  }
  return cells;
}

/** Clinic × month: how many trainees rotate there at most on one day, against the capacity. */
export function clinicLoad(clinics: readonly Clinic[], placements: readonly PlanPlacement[], months: readonly number[]): GridRow<Clinic>[] {
  if (months.length === 0) return clinics.map((item) => ({ item, cells: [] }));
  const first = dayOfMonthIndex(months[0]!);
  const last = dayOfMonthIndex(months[months.length - 1]! + 1) - 1;
  const byClinic = new Map<string, Interval[]>();
  for (const p of placements) {
    if (p.kind !== 'rotation' || !p.clinic) continue;
    const list = byClinic.get(p.clinic) ?? [];
    list.push({ trainee: p.trainee, from: parseDay(p.from), to: parseDay(p.to) });
    byClinic.set(p.clinic, list);
  }
  return clinics.map((clinic) => {
    const cap = limitByDay(clinicLimit(clinic), first, last);
    return { item: clinic, cells: monthCells(byClinic.get(clinic.id) ?? [], months, (i) => cap[i]!) };
  });
}

/** Unit × month: how many of the unit's trainees are away on a rotation at most on one day, against its limit. */
export function unitAway(
  units: readonly Unit[],
  trainees: readonly Pick<Trainee, 'id' | 'unit'>[],
  placements: readonly PlanPlacement[],
  months: readonly number[],
): GridRow<Unit>[] {
  const unitOf = new Map(trainees.map((t) => [t.id, t.unit]));
  const byUnit = new Map<string, Interval[]>();
  for (const p of placements) {
    if (p.kind !== 'rotation') continue;
    const unit = unitOf.get(p.trainee);
    if (!unit) continue;
    const list = byUnit.get(unit) ?? [];
    list.push({ trainee: p.trainee, from: parseDay(p.from), to: parseDay(p.to) });
    byUnit.set(unit, list);
  }
  if (months.length === 0) return units.map((item) => ({ item, cells: [] }));
  const first = dayOfMonthIndex(months[0]!);
  const last = dayOfMonthIndex(months[months.length - 1]! + 1) - 1;
  return units.map((unit) => {
    const max = limitByDay(unitLimit(unit), first, last);
    return { item: unit, cells: monthCells(byUnit.get(unit.id) ?? [], months, (i) => max[i]!) };
  });
}

/** The cells that changed between two grids of the same rows and months (for "effect of this proposal"). */
export function gridChanges<T extends { id: string }>(
  before: readonly GridRow<T>[],
  after: readonly GridRow<T>[],
): { id: string; month: number; before: number; after: number; limit: number; excess: number }[] {
  const out: { id: string; month: number; before: number; after: number; limit: number; excess: number }[] = [];
  const prev = new Map(before.map((r) => [r.item.id, r.cells]));
  for (const row of after) {
    const cells = prev.get(row.item.id) ?? [];
    row.cells.forEach((c, i) => {
      const b = cells[i]?.used ?? 0;
      if (b !== c.used) out.push({ id: row.item.id, month: c.month, before: b, after: c.used, limit: c.limit, excess: c.excess });
    });
  }
  return out;
}
