/**
 * Layout math of the timelines: dates to pixels, zoom levels, ticks, stacking of overlapping bars,
 * the virtual window of rows, and the date arithmetic of dragging. Pure functions over day numbers
 * (solver/time/dates.ts) so that they are tested without a DOM and stay fast while a bar is dragged.
 */
import {
  addMonths,
  civilFromDay,
  dayFromCivil,
  formatDay,
  startOfMonth,
  type Day,
} from '../../../solver/time/dates.ts';

export type ZoomId = 'years' | 'quarters' | 'months' | 'weeks';

export interface Zoom {
  id: ZoomId;
  /** Horizontal scale. */
  pxPerDay: number;
  /** The finest tick drawn and the grid a dragged bar snaps to. */
  tick: 'year' | 'quarter' | 'month' | 'week';
  snap: 'month' | 'week' | 'day';
}

/** From a whole ST (5–6 years on one screen) down to single return weeks. */
export const ZOOMS: readonly Zoom[] = [
  { id: 'years', pxPerDay: 0.5, tick: 'year', snap: 'month' },
  { id: 'quarters', pxPerDay: 1.2, tick: 'quarter', snap: 'month' },
  { id: 'months', pxPerDay: 3, tick: 'month', snap: 'month' },
  { id: 'weeks', pxPerDay: 12, tick: 'week', snap: 'day' },
];

export function zoomById(id: ZoomId): Zoom {
  return ZOOMS.find((z) => z.id === id) ?? ZOOMS[0]!;
}

/** One step finer or coarser, clamped at the ends. */
export function stepZoom(id: ZoomId, step: 1 | -1): ZoomId {
  const i = ZOOMS.findIndex((z) => z.id === id);
  return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, i + step))]!.id;
}

export function dayToX(day: Day, origin: Day, pxPerDay: number): number {
  return (day - origin) * pxPerDay;
}

export function xToDay(x: number, origin: Day, pxPerDay: number): Day {
  // The epsilon absorbs float error: 1844 × 1.2 / 1.2 is 1843.9999….
  return origin + Math.floor(x / pxPerDay + 1e-9);
}

export interface BarBox {
  left: number;
  width: number;
}

/** A period [from, to] (both days included) as a box; never narrower than `minWidth` so one-day events stay visible. */
export function barBox(from: Day, to: Day, origin: Day, pxPerDay: number, minWidth = 3): BarBox {
  const left = dayToX(from, origin, pxPerDay);
  return { left, width: Math.max(minWidth, (to - from + 1) * pxPerDay) };
}

export interface Tick {
  day: Day;
  x: number;
  label: string;
  /** Year boundaries are drawn stronger. */
  major: boolean;
}

const MONTH_SHORT = {
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export function monthShort(month: number, lang: 'sv' | 'en'): string {
  return MONTH_SHORT[lang][month - 1]!;
}

/** A month index (year × 12 + month − 1) as "sep 2028" / "Sep 2028". */
export function monthIndexLabel(index: number, lang: 'sv' | 'en'): string {
  return `${monthShort((index % 12) + 1, lang)} ${Math.floor(index / 12)}`;
}

/** ISO week number of a day (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Day): number {
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = day - weekday + 3;
  const { year } = civilFromDay(thursday);
  return Math.floor((thursday - dayFromCivil(year, 1, 1)) / 7) + 1;
}

export function mondayOnOrAfter(day: Day): Day {
  const weekday = (((day + 3) % 7) + 7) % 7;
  return weekday === 0 ? day : day + 7 - weekday;
}

/** The ticks of the header between `from` and `to` at a zoom level. */
export function ticks(from: Day, to: Day, zoom: Zoom, lang: 'sv' | 'en'): Tick[] {
  const out: Tick[] = [];
  if (zoom.tick === 'week') {
    for (let d = mondayOnOrAfter(from); d <= to; d += 7) {
      const c = civilFromDay(d);
      // A month's first week also names the month and year: at this zoom no other label says when it is.
      const major = c.day <= 7;
      const label = major ? `v${isoWeek(d)} ${monthShort(c.month, lang)} ${c.year}` : `v${isoWeek(d)}`;
      out.push({ day: d, x: dayToX(d, from, zoom.pxPerDay), label, major });
    }
    return out;
  }
  const stepMonths = zoom.tick === 'year' ? 12 : zoom.tick === 'quarter' ? 3 : 1;
  let d = startOfMonth(from);
  if (d < from) d = addMonths(d, 1);
  // Align quarters and years to the calendar, not to the origin.
  while ((civilFromDay(d).month - 1) % stepMonths !== 0) d = addMonths(d, 1);
  for (; d <= to; d = addMonths(d, stepMonths)) {
    const c = civilFromDay(d);
    const label = zoom.tick === 'year' || c.month === 1 ? String(c.year) : monthShort(c.month, lang);
    out.push({ day: d, x: dayToX(d, from, zoom.pxPerDay), label, major: c.month === 1 });
  }
  return out;
}

/**
 * Greedy interval partitioning: each item gets the lowest lane free at its start. Items sorted by
 * start keep their input order in the result. Returns the lane of each item and the lane count.
 */
export function stackLanes(items: readonly { from: Day; to: Day }[]): { lanes: number[]; count: number } {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.from - items[b]!.from || items[b]!.to - items[a]!.to);
  const laneEnds: Day[] = [];
  const lanes = new Array<number>(items.length).fill(0);
  for (const i of order) {
    const item = items[i]!;
    let lane = laneEnds.findIndex((end) => end < item.from);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.to);
    } else laneEnds[lane] = item.to;
    lanes[i] = lane;
  }
  return { lanes, count: laneEnds.length };
}

/** Top offsets of rows of the given heights, plus the total height as the last entry. */
export function rowOffsets(heights: readonly number[]): number[] {
  const out = new Array<number>(heights.length + 1);
  out[0] = 0;
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i]! + heights[i]!;
  return out;
}

export interface VirtualWindow {
  /** First row rendered (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Top of the first rendered row. */
  offsetTop: number;
  totalHeight: number;
}

/**
 * The rows that intersect the viewport [scrollTop, scrollTop + viewportHeight), widened by
 * `overscan` rows on each side so that fast scrolling does not show gaps.
 */
export function virtualWindow(offsets: readonly number[], scrollTop: number, viewportHeight: number, overscan = 6): VirtualWindow {
  const count = offsets.length - 1;
  const totalHeight = offsets[count] ?? 0;
  if (count <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  const last = rowAt(offsets, Math.max(0, scrollTop + viewportHeight - 1));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + 1 + overscan);
  return { start, end, offsetTop: offsets[start]!, totalHeight };
}

/** The row containing pixel `y` (binary search over the offsets). */
export function rowAt(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Moves a period by whole calendar months, keeping its shape: a period from the 1st to a month's
 * last day stays month-aligned (2028-09-01..2028-11-30 + 1 → 2028-10-01..2028-12-31).
 */
export function moveByMonths(from: Day, to: Day, months: number): { from: Day; to: Day } {
  return { from: addMonths(from, months), to: addMonths(to + 1, months) - 1 };
}

export type DragMode = 'move' | 'start' | 'end';

/**
 * The period after dragging by `deltaDays` at a zoom level. Month-snapping zooms move by whole
 * calendar months (rounded), the finer ones by days (`snap: 'day'`) or weeks. Resizing never
 * makes the period shorter than `minDays`.
 */
export function dragPeriod(
  period: { from: Day; to: Day },
  mode: DragMode,
  deltaDays: number,
  snap: Zoom['snap'],
  minDays = 1,
): { from: Day; to: Day } {
  const { from, to } = period;
  if (snap === 'month') {
    const months = Math.round(deltaDays / 30.4375);
    if (mode === 'move') return moveByMonths(from, to, months);
    if (mode === 'start') {
      const f = Math.min(addMonths(from, months), to - minDays + 1);
      return { from: f, to };
    }
    const t = Math.max(addMonths(to + 1, months) - 1, from + minDays - 1);
    return { from, to: t };
  }
  const step = snap === 'week' ? 7 : 1;
  const d = Math.round(deltaDays / step) * step;
  if (mode === 'move') return { from: from + d, to: to + d };
  if (mode === 'start') return { from: Math.min(from + d, to - minDays + 1), to };
  return { from, to: Math.max(to + d, from + minDays - 1) };
}

/**
 * Keyboard equivalent of dragging: ←/→ move by a month (with Shift: a week), Alt+←/→ move the end
 * (resize). Returns null for keys that are not ours.
 */
export function keyStep(
  period: { from: Day; to: Day },
  key: string,
  mods: { shift: boolean; alt: boolean },
): { from: Day; to: Day } | null {
  const dir = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (dir === 0) return null;
  const mode: DragMode = mods.alt ? 'end' : 'move';
  if (mods.shift) return dragPeriod(period, mode, dir * 7, 'week');
  return dragPeriod(period, mode, dir * 30.4375, 'month');
}

/**
 * Today in the browser's own calendar. The planners are in Sweden, so the local date is Sweden's;
 * this avoids loading a time-zone database (luxon's setZone) on the first paint.
 */
export function localToday(now: Date = new Date()): Day {
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** "2028-09-01 – 2028-11-30": the period as people read it (en dash, both ends included). */
export function periodText(from: Day, to: Day): string {
  return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
}
