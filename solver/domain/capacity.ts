/**
 * A clinic's places over the calendar, in one place for the rule, the solver, greedy and the web: its
 * `capacity`, or inside a `capacityChanges` entry's period that entry's — the smallest where two
 * overlap (the cautious reading of two restrictions at once).
 */
import type { Clinic } from './schemas.ts';
import { parseDay, type Day } from '../time/dates.ts';

export interface CapacityStep {
  from: Day;
  to: Day;
  capacity: number;
}

export function capacitySteps(clinic: Clinic): CapacityStep[] {
  return (clinic.capacityChanges ?? []).map((c) => ({ from: parseDay(c.from), to: parseDay(c.to), capacity: c.capacity }));
}

/** Places on day d. */
export function capacityOn(base: number, steps: readonly CapacityStep[], d: Day): number {
  let cap = Number.POSITIVE_INFINITY;
  for (const c of steps) if (c.from <= d && d <= c.to && c.capacity < cap) cap = c.capacity;
  return cap === Number.POSITIVE_INFINITY ? base : cap;
}

/** The fewest places on any day of [from, to] (places change only where a change begins or ends). */
export function leastCapacity(clinic: Clinic, from: Day, to: Day): number {
  const steps = capacitySteps(clinic);
  let least = capacityOn(clinic.capacity, steps, from);
  for (const c of steps) {
    for (const d of [c.from, c.to + 1]) if (from < d && d <= to) least = Math.min(least, capacityOn(clinic.capacity, steps, d));
  }
  return least;
}

/** Places on each day of [first, last]. */
export function capacityByDay(clinic: Clinic, first: Day, last: Day): Int32Array {
  const out = new Int32Array(Math.max(0, last - first + 1)).fill(clinic.capacity);
  const changed = new Uint8Array(out.length);
  for (const c of capacitySteps(clinic)) {
    for (let d = Math.max(first, c.from); d <= Math.min(last, c.to); d++) {
      const i = d - first;
      out[i] = changed[i] ? Math.min(out[i]!, c.capacity) : c.capacity;
      changed[i] = 1;
    }
  }
  return out;
}
