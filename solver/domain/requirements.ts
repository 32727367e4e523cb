/**
 * Which rotations a trainee needs and how long each may be: the one place that resolves a
 * trainee's own `rotations` against the profile, for the validator and the solver alike.
 */
import type { MonthRange, RuleParams } from './profiles.ts';
import { SPECIALTIES, type RequiredRotation, type Specialty, type Trainee } from './schemas.ts';

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

/** Rotations are planned in this order: pediatrics first so that BVC can follow, medicine and psychiatry early. */
export const ROTATION_PRIORITY: Specialty[] = [
  'akutsjukvard',
  'pediatrik',
  'internmedicin',
  'psykiatri',
  'gynekologi',
  'onh',
  'ogon',
  'hud',
  ...SPECIALTIES.filter(
    (s) => !['akutsjukvard', 'pediatrik', 'internmedicin', 'psykiatri', 'gynekologi', 'onh', 'ogon', 'hud'].includes(s),
  ),
];

/**
 * The length each required rotation is planned at, in full-time months (greedy and the solver alike):
 * the minimum, lengthened within its range (medicine first, then in ROTATION_PRIORITY's order) until
 * the side rotations reach the `total-side-time` minimum — Kronoberg's minimums add up to 14 of the
 * recommended 18 months, and a plan of minimums gets that advice for every trainee.
 *
 * `atMinimum` plans every rotation at its minimum (greedy's second plan for those its first extends):
 * a month of extension weighs above the recommended total side time (the `extension` rule), and the
 * months beyond the minimum are not required work.
 */
export function plannedLengths(requirements: Requirement[], params: RuleParams, atMinimum = false): Map<Requirement, number> {
  const lengths = new Map(requirements.map((r) => [r, r.months[0]] as const));
  if (atMinimum) return lengths;
  let missing = params['total-side-time'].min - requirements.filter((r) => !r.bt).reduce((sum, r) => sum + r.months[0], 0);
  const byPreference = requirements
    .filter((r) => !r.bt)
    .sort((a, b) => ROTATION_PRIORITY.indexOf(a.specialty) - ROTATION_PRIORITY.indexOf(b.specialty))
    .sort((a, b) => Number(b.specialty === 'internmedicin') - Number(a.specialty === 'internmedicin'));
  for (const r of byPreference) {
    if (missing <= 0) break;
    const extra = Math.min(missing, r.months[1] - r.months[0]);
    lengths.set(r, r.months[0] + extra);
    missing -= extra;
  }
  return lengths;
}
