/**
 * Which rotations a trainee needs and how long each may be: the one place that resolves a
 * trainee's own `rotations` against the profile, for the validator and the solver alike.
 */
import type { MonthRange, RuleParams } from './profiles.ts';
import type { RequiredRotation, Specialty, Trainee } from './schemas.ts';

export interface Requirement {
  specialty: Specialty;
  /** Full-time months, min and max. */
  months: MonthRange;
  /** Part of integrated BT (2021:8): exempt from the initial VC period, done within `btWithinMonths`. */
  bt: boolean;
}

export function monthRange(spec: RequiredRotation['months'], fallback: MonthRange): MonthRange {
  if (spec === undefined) return fallback;
  return typeof spec === 'number' ? [spec, spec] : [spec[0], spec[1]];
}

/** The trainee's required rotations: their own list when given, else the profile's for their regulation. */
export function requirementsFor(trainee: Trainee, params: RuleParams): Requirement[] {
  const list = trainee.rotations ?? params['required-rotations'].byRegulation[trainee.regulation];
  const lengths = params['rotation-length'].lengths;
  return list
    .filter((r) => !(r.bt && trainee.btDone))
    .map((r) => ({ specialty: r.specialty, months: monthRange(r.months, lengths[r.specialty]), bt: r.bt === true }));
}
