/**
 * Rule parameters and region profiles. Parameters are data, read by the validator (solver/rules),
 * the solver's model and the messages; a scenario's `rules` object overrides them by rule id.
 * Defaults are Kronoberg's (shared/domain.md, seeds 000); Norrbotten's differ where its seed says so.
 */
import type { CourseId, ProfileId, Regulation, RequiredRotation, Specialty } from './schemas.ts';

export type MonthRange = [min: number, max: number];

export interface RuleParams {
  'rotation-length': {
    /** Recommended full-time months per specialty, used when a requirement names no length. */
    lengths: Record<Specialty, MonthRange>;
    /** Slack when comparing lengths, in full-time months: a day-grained end cannot hit 3.0 at 80 % exactly. */
    toleranceMonths: number;
  };
  'required-rotations': {
    /** The rotations every trainee needs, by regulation; a trainee's own `rotations` replaces the list. */
    byRegulation: Record<Regulation, RequiredRotation[]>;
    /** Rotations marked `bt` lie within this many full-time months of the start (integrated BT). */
    btWithinMonths: number;
  };
  'initial-vc': { months: number };
  'max-away': { months: number; returnWeeks: number };
  'pediatrics-before-bvc': { bvcMonths: number };
  'sabo-second-half': { months: number };
  'clinic-capacity': Record<string, never>;
  'unit-away-limit': Record<string, never>;
  availability: Record<string, never>;
  'total-side-time': { min: number; max: number };
  'mid-st': { minMonths: number; maxMonths: number; monthsBeforeEnd: number };
  'course-windows': {
    windows: Record<CourseId, CourseWindow>;
    /** "Early" means within this many full-time months of the start. */
    earlyMonths: number;
  };
  'minimum-time': { months: Record<Regulation, number> };
  'latest-end': Record<string, never>;
  extension: {
    /** How far past the end of ST a planner may go to fit the required work (without a `latestEnd`). */
    maxMonths: number;
  };
  'planning-day': {
    /** Placements of the current plan that start within this many months of the planning day are agreed: they stay. */
    agreedMonths: number;
  };
  'delmal-coverage': Record<string, never>;
}

export type RuleId = keyof RuleParams;

export type CourseWindow = 'any' | 'early' | 'first-half' | 'by-mid-st' | 'second-half' | 'after-pediatrics-before-bvc';

const KRONOBERG_LENGTHS: Record<Specialty, MonthRange> = {
  internmedicin: [3, 6],
  psykiatri: [2, 3],
  pediatrik: [3, 3],
  gynekologi: [2, 2],
  onh: [2, 2],
  ogon: [1, 1],
  hud: [1, 1],
  kirurgi: [1, 2],
  ortopedi: [1, 2],
  akutgeriatrik: [1, 2],
  infektion: [1, 1],
  akutsjukvard: [4, 4],
};

const KRONOBERG_REQUIRED_2015: RequiredRotation[] = [
  { specialty: 'internmedicin', months: [3, 6] },
  { specialty: 'psykiatri', months: [2, 3] },
  { specialty: 'pediatrik', months: 3 },
  { specialty: 'gynekologi', months: 2 },
  { specialty: 'onh', months: 2 },
  { specialty: 'ogon', months: 1 },
  { specialty: 'hud', months: 1 },
];

export const KRONOBERG: RuleParams = {
  'rotation-length': { lengths: KRONOBERG_LENGTHS, toleranceMonths: 0.05 },
  'required-rotations': {
    byRegulation: {
      '2015:8': KRONOBERG_REQUIRED_2015,
      // Under 2021:8 psychiatry is 4 months after BT (one extra month without Swedish AT).
      '2021:8': KRONOBERG_REQUIRED_2015.map((r) => (r.specialty === 'psykiatri' ? { specialty: 'psykiatri', months: 4 } : r)),
    },
    btWithinMonths: 24,
  },
  'initial-vc': { months: 12 },
  'max-away': { months: 3, returnWeeks: 1 },
  'pediatrics-before-bvc': { bvcMonths: 4 },
  'sabo-second-half': { months: 4 },
  'clinic-capacity': {},
  'unit-away-limit': {},
  availability: {},
  'total-side-time': { min: 18, max: 24 },
  'mid-st': { minMonths: 30, maxMonths: 36, monthsBeforeEnd: 18 },
  'course-windows': {
    windows: {
      'allmanmedicinskt-arbetssatt': 'any',
      'patientcentrerat-samtal': 'first-half',
      bvc: 'after-pediatrics-before-bvc',
      lek: 'first-half',
      'medicinsk-vetenskap': 'by-mid-st',
      lagar: 'any',
      sjukdomsforebyggande: 'any',
      lakemedel: 'any',
      forsakringsmedicin: 'early',
      'palliativ-vard': 'second-half',
    },
    earlyMonths: 24,
  },
  'minimum-time': { months: { '2015:8': 60, '2021:8': 66 } },
  'latest-end': {},
  extension: { maxMonths: 24 },
  'planning-day': { agreedMonths: 3 },
  'delmal-coverage': {},
};

const NORRBOTTEN_REQUIRED_2015: RequiredRotation[] = [
  { specialty: 'internmedicin', months: [3, 6] },
  { specialty: 'psykiatri', months: [2, 3] },
  { specialty: 'pediatrik', months: 3 },
  { specialty: 'gynekologi', months: 2 },
];

/**
 * Norrbotten (seed 001): about 18 months at the hälsocentral first; the first four rotations required.
 * Integrated BT under 2021:8 adds 4 months of acute care and 2.5 months of psychiatry within two years
 * (BT's primary-care months are VC time). BT's psychiatry stands for the psychiatry rotation.
 */
export const NORRBOTTEN: RuleParams = {
  ...KRONOBERG,
  'required-rotations': {
    byRegulation: {
      '2015:8': NORRBOTTEN_REQUIRED_2015,
      '2021:8': [
        { specialty: 'akutsjukvard', months: 4, bt: true },
        { specialty: 'psykiatri', months: 2.5, bt: true },
        ...NORRBOTTEN_REQUIRED_2015.filter((r) => r.specialty !== 'psykiatri'),
      ],
    },
    btWithinMonths: 24,
  },
  'initial-vc': { months: 18 },
};

export const PROFILE_PARAMS: Record<ProfileId, RuleParams> = { kronoberg: KRONOBERG, norrbotten: NORRBOTTEN };

export const PROFILE_NAMES: Record<ProfileId, string> = {
  kronoberg: 'Region Kronoberg',
  norrbotten: 'Region Norrbotten',
};
