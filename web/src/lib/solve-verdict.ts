/**
 * The words for a solve's outcome, chosen from its figures so that they never contradict them. The
 * solver's status says why the search ended in its own terms: "timeout" also when a phase ended short
 * of the gap target well before the time limit, "feasible" also when a gap remains after column
 * generation converged, "infeasible" also beside the best plan the locks allow, proven (gap 0 %).
 */
import type { SolveSummary } from '../../../solver/domain/schemas.ts';
import type { WordKey } from './i18n.ts';

/** The gap the solver aims for: its default, as the API asks for no other. */
const GAP_TARGET = 1e-4;

export function solveVerdict(s: Pick<SolveSummary, 'status' | 'objective' | 'gap' | 'seconds'>, timeLimitSeconds: number | null | undefined): WordKey {
  switch (s.status) {
    case 'optimal':
      return 'solve_optimal';
    case 'feasible':
      return s.gap !== null && s.gap <= GAP_TARGET ? 'solve_feasible' : 'solve_gapRemains';
    case 'infeasible':
      return 'solve_infeasible';
    case 'timeout': {
      const reached = timeLimitReached(s.seconds, timeLimitSeconds);
      if (s.objective === null) return reached ? 'solve_timeoutNoPlan' : 'solve_stoppedNoPlan';
      return reached ? 'solve_timeout' : 'solve_stopped';
    }
  }
}

/**
 * Whether the seconds reached the time limit. The search stops a little before it (it keeps back up
 * to half a second, or 3 %, to write the plan), so "reached" allows 5 % or one second; an unknown limit
 * was never shown to be reached.
 */
export function timeLimitReached(seconds: number, limit: number | null | undefined): boolean {
  return limit !== null && limit !== undefined && limit > 0 && seconds >= limit - Math.max(1, 0.05 * limit);
}
