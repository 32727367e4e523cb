/**
 * The words for a solve's outcome, chosen from its figures so that they never contradict them, for
 * the command line and the web alike. The solver's status says why the search ended in its own terms:
 * "timeout" also when a phase ended short of the gap target well before the time limit, "feasible"
 * also when a gap remains after column generation converged, "infeasible" also beside the best plan
 * the locks allow, proven (gap 0 %).
 */
import type { SolveSummary, Text } from '../domain/schemas.ts';

/** The gap a solve aims for unless told otherwise: run to optimality or the budget. */
export const DEFAULT_GAP_TARGET = 1e-4;

const WORDS = {
  optimal: { sv: 'Optimal plan', en: 'Optimal plan' },
  feasible: { sv: 'Giltig plan, inom målgapet', en: 'Valid plan, within the target gap' },
  gapRemains: { sv: 'Giltig plan – sökningen klar, ett gap kvarstår', en: 'Valid plan – search complete, a gap remains' },
  infeasible: { sv: 'Ingen plan utan regelbrott möjlig', en: 'No plan without broken rules possible' },
  timeout: { sv: 'Tidsgränsen nådd – bästa plan hittills', en: 'Time limit reached – best plan so far' },
  stopped: { sv: 'Sökningen avslutad före målgapet – bästa plan hittills', en: 'Search ended short of the target gap – best plan so far' },
  timeoutNoPlan: { sv: 'Tidsgränsen nådd – ingen fullständig plan', en: 'Time limit reached – no complete plan' },
  stoppedNoPlan: { sv: 'Sökningen avslutad – ingen fullständig plan', en: 'Search ended – no complete plan' },
} as const satisfies Record<string, Text>;

export function solveVerdict(
  s: Pick<SolveSummary, 'status' | 'objective' | 'gap' | 'seconds'>,
  timeLimitSeconds: number | null | undefined,
  gapTarget = DEFAULT_GAP_TARGET,
): Text {
  switch (s.status) {
    case 'optimal':
      return WORDS.optimal;
    case 'feasible':
      return s.gap !== null && s.gap <= gapTarget ? WORDS.feasible : WORDS.gapRemains;
    case 'infeasible':
      return WORDS.infeasible;
    case 'timeout': {
      const reached = timeLimitReached(s.seconds, timeLimitSeconds);
      if (s.objective === null) return reached ? WORDS.timeoutNoPlan : WORDS.stoppedNoPlan;
      return reached ? WORDS.timeout : WORDS.stopped;
    }
  }
}

/**
 * Whether the seconds reached the time limit. The search stops a little before it (it keeps back up
 * to half a second, or 3 %, to write the plan), so "reached" allows 5 % or one second; an unknown limit
 * (a work budget) was never shown to be reached.
 */
export function timeLimitReached(seconds: number, limit: number | null | undefined): boolean {
  return limit !== null && limit !== undefined && limit > 0 && seconds >= limit - Math.max(1, 0.05 * limit);
}
