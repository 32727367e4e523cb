/**
 * The agreed months as a solve job meets them: which placements of the published plan a solve today
 * keeps as agreed with the clinics, and whether the ones a job asks to release may be. Both read the
 * solver's own rule (solver/solve/history.ts) over the job's own input, so the list the Solve view
 * shows is the one the solve keeps.
 */
import type { Db } from '../../db/index.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { frozenPlacements, releaseErrors } from '../../solver/solve/history.ts';
import { badRequest } from '../errors.ts';
import type { AgreedPlacements } from '../schemas/plans.ts';
import { solveInput } from './solve-runner.ts';

/** The published plan's agreed placements on the planning day (the region's, else `today`), with the trainees' names. */
export async function agreedPlacements(db: Db, today: string): Promise<AgreedPlacements> {
  const { scenario, current } = await solveInput(db);
  const frozen = frozenPlacements(scenario, current, today);
  const names = new Map(scenario.trainees.map((t) => [t.id, t.name]));
  return { planFrom: frozen.planFrom, until: frozen.until, placements: frozen.agreed.map((p) => ({ ...p, name: names.get(p.trainee) ?? p.trainee })) };
}

/** Refuses (400, each entry named) a release of anything but agreed placements: history, locks, unknown placements. */
export async function assertReleasable(db: Db, release: PlanPlacement[], today: string): Promise<void> {
  if (release.length === 0) return;
  const { scenario, current } = await solveInput(db);
  const errors = releaseErrors(scenario, frozenPlacements(scenario, current, today), release);
  if (errors.length > 0) throw badRequest('Placeringar som inte kan släppas / Placements that cannot be released', errors);
}
