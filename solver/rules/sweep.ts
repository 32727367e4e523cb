/**
 * Over-capacity runs by a sweep over change points: the load only changes where a placement starts
 * or ends and the capacity only where a capacity change starts or ends, so the work is
 * O(n log n) in placements, not O(days × trainees). Shared by clinic-capacity and unit-away-limit.
 */
import { mergeIntervals, type Interval } from '../plan/context.ts';
import type { Day } from '../time/dates.ts';
import { capacityOn, type CapacityStep } from '../domain/capacity.ts';

export interface Load extends Interval {
  who: string;
}

export interface OverRun extends Interval {
  /** The largest excess (count − capacity) on any day of the run. */
  over: number;
  /** Count and capacity where the excess peaks (the first such stretch). */
  peakCount: number;
  peakCapacity: number;
  /** The fewest present on any day of the run (less than peakCount when the load varies). */
  lowCount: number;
  /** Everyone present on some day of the run, sorted. */
  who: string[];
}

/**
 * Maximal runs of days on which more distinct `who` are present than the capacity allows.
 * Capacity is `base`, except inside a change period; where change periods overlap, the smallest
 * capacity applies (the cautious reading of two restrictions at once).
 */
export function overloadRuns(loads: Load[], base: number, changes: readonly CapacityStep[]): OverRun[] {
  // A person with two overlapping parts is one person present: merge per person first.
  const byWho = new Map<string, Interval[]>();
  for (const l of loads) {
    const list = byWho.get(l.who);
    if (list) list.push(l);
    else byWho.set(l.who, [l]);
  }
  const minCapacity = Math.min(base, ...changes.map((c) => c.capacity));
  if (byWho.size <= minCapacity) return [];

  const merged: Load[] = [];
  for (const [who, list] of byWho) for (const x of list.length === 1 ? list : mergeIntervals(list)) merged.push({ from: x.from, to: x.to, who });

  // Starts and ends (the day after `to`) as sorted numbers; capacity changes as extra break points.
  const n = merged.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = merged[i]!.from;
    ends[i] = merged[i]!.to + 1;
  }
  starts.sort();
  ends.sort();
  const breaks = changes.flatMap((c) => [c.from, c.to + 1]).sort((a, b) => a - b);
  const capacityAt = (d: Day): number => capacityOn(base, changes, d);

  const runs: OverRun[] = [];
  let open: OverRun | null = null;
  let count = 0;
  let i = 0;
  let j = 0;
  let k = 0;
  let at = Number.NEGATIVE_INFINITY;
  while (j < n) {
    const next = Math.min(i < n ? starts[i]! : Number.POSITIVE_INFINITY, ends[j]!, k < breaks.length ? breaks[k]! : Number.POSITIVE_INFINITY);
    // The days [at, next − 1] all had `count` present.
    if (count > 0 && next > at) {
      const capacity = changes.length === 0 ? base : capacityAt(at);
      const over = count - capacity;
      if (over > 0) {
        if (open && open.to === at - 1) {
          open.to = next - 1;
          if (over > open.over) Object.assign(open, { over, peakCount: count, peakCapacity: capacity });
          open.lowCount = Math.min(open.lowCount, count);
        } else {
          open = { from: at, to: next - 1, over, peakCount: count, peakCapacity: capacity, lowCount: count, who: [] };
          runs.push(open);
        }
      }
    }
    while (i < n && starts[i] === next) {
      count++;
      i++;
    }
    while (j < n && ends[j] === next) {
      count--;
      j++;
    }
    while (k < breaks.length && breaks[k] === next) k++;
    at = next;
  }
  for (const run of runs) {
    const present = new Set<string>();
    for (const l of merged) if (l.from <= run.to && l.to >= run.from) present.add(l.who);
    run.who = [...present].sort();
  }
  return runs;
}

/**
 * Overload runs of the loads, cut at the planning day: a run before it is history (`past`: reported as
 * advice, never a reason that the future cannot be planned); from the planning day on, the plan's.
 */
export function overloadRunsAround(loads: Load[], base: number, changes: readonly CapacityStep[], planFrom: Day | null): (OverRun & { past: boolean })[] {
  if (planFrom === null) return overloadRuns(loads, base, changes).map((run) => ({ ...run, past: false }));
  const history = loads.filter((l) => l.from < planFrom).map((l) => ({ ...l, to: Math.min(l.to, planFrom - 1) }));
  const future = loads.filter((l) => l.to >= planFrom).map((l) => ({ ...l, from: Math.max(l.from, planFrom) }));
  return [
    ...overloadRuns(history, base, changes).map((run) => ({ ...run, past: true })),
    ...overloadRuns(future, base, changes).map((run) => ({ ...run, past: false })),
  ];
}
