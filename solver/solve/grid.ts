/**
 * The solver's start grid: weeks, Monday to Sunday. Rotation parts the pricing DP creates start on a
 * Monday (as clinics take trainees). The grid is only where parts start: clinic and unit limits are
 * kept per day (model.ts rows), so a rotation's occupancy is exact whether or not it lies on the grid.
 */
import type { Day } from '../time/dates.ts';

export type Slot = number;

/** Day 0 (1970-01-01) was a Thursday, so day −3 was a Monday: weeks are counted from there. */
const MONDAY_OFFSET = 3;

/** The week a day falls in. */
export function slotOf(d: Day): Slot {
  return Math.floor((d + MONDAY_OFFSET) / 7);
}

/** The Monday of a week. */
export function slotStart(s: Slot): Day {
  return s * 7 - MONDAY_OFFSET;
}

/** The Sunday of a week. */
export function slotEnd(s: Slot): Day {
  return s * 7 - MONDAY_OFFSET + 6;
}

/** The first week that starts on or after day d. */
export function slotAtOrAfter(d: Day): Slot {
  const s = slotOf(d);
  return slotStart(s) === d ? s : s + 1;
}
