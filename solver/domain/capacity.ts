/**
 * A limit over the calendar, in one place for the rules, the solver, greedy and the web: a clinic's
 * places (`capacity`, `capacityChanges`) and a unit's trainees away at once (`maxAway`,
 * `maxAwayChanges`) read alike — the base, or inside a change's period that change's, the smallest
 * where two overlap (the cautious reading of two restrictions at once).
 */
import type { Clinic, Unit } from './schemas.ts';
import { parseDay, type Day } from '../time/dates.ts';

export interface CapacityStep {
  from: Day;
  to: Day;
  capacity: number;
}

export interface Limit {
  base: number;
  steps: CapacityStep[];
}

export function capacitySteps(clinic: Clinic): CapacityStep[] {
  return (clinic.capacityChanges ?? []).map((c) => ({ from: parseDay(c.from), to: parseDay(c.to), capacity: c.capacity }));
}

export function awaySteps(unit: Unit): CapacityStep[] {
  return (unit.maxAwayChanges ?? []).map((c) => ({ from: parseDay(c.from), to: parseDay(c.to), capacity: c.maxAway }));
}

export function clinicLimit(clinic: Clinic): Limit {
  return { base: clinic.capacity, steps: capacitySteps(clinic) };
}

export function unitLimit(unit: Unit): Limit {
  return { base: unit.maxAway, steps: awaySteps(unit) };
}

/** The limit on day d. */
export function capacityOn(base: number, steps: readonly CapacityStep[], d: Day): number {
  let cap = Number.POSITIVE_INFINITY;
  for (const c of steps) if (c.from <= d && d <= c.to && c.capacity < cap) cap = c.capacity;
  return cap === Number.POSITIVE_INFINITY ? base : cap;
}

/** The lowest limit on any day of [from, to] (it changes only where a change begins or ends). */
export function leastLimit(limit: Limit, from: Day, to: Day): number {
  let least = capacityOn(limit.base, limit.steps, from);
  for (const c of limit.steps) {
    for (const d of [c.from, c.to + 1]) if (from < d && d <= to) least = Math.min(least, capacityOn(limit.base, limit.steps, d));
  }
  return least;
}

/** The limit on each day of [first, last]. */
export function limitByDay(limit: Limit, first: Day, last: Day): Int32Array {
  const out = new Int32Array(Math.max(0, last - first + 1)).fill(limit.base);
  const changed = new Uint8Array(out.length);
  for (const c of limit.steps) {
    for (let d = Math.max(first, c.from); d <= Math.min(last, c.to); d++) {
      const i = d - first;
      out[i] = changed[i] ? Math.min(out[i]!, c.capacity) : c.capacity;
      changed[i] = 1;
    }
  }
  return out;
}
