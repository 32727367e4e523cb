/**
 * How a solve measures its budget. Users and benchmarks give seconds (the wall clock); tests give
 * units of work — trainee schedules priced by the DP — so that the same input gives the same plan on
 * a slow or a busy machine. Every phase of the cohort solve reads this one clock, so its shares of
 * the budget (ascent, master, neighbourhood moves) mean the same under either.
 */
export interface SolveClock {
  /** Elapsed budget: milliseconds, or schedules priced. */
  now(): number;
  /** The budget: `now()` at which to stop. */
  readonly deadline: number;
  /** True for a work budget: engine calls then get limits that do not depend on the machine. */
  readonly deterministic: boolean;
}

/** Work done by one solve: the DP counts every schedule it prices (helper threads' included). */
export interface WorkCounter {
  schedules: number;
}

export function wallClock(seconds: number): SolveClock {
  const started = performance.now();
  return { now: () => performance.now() - started, deadline: seconds * 1000, deterministic: false };
}

export function workClock(work: WorkCounter, schedules: number): SolveClock {
  const base = work.schedules;
  return { now: () => work.schedules - base, deadline: schedules, deterministic: true };
}
