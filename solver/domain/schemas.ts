/**
 * The interchange formats of `shared/formats.md` as TypeBox schemas. These are the one source of the
 * domain types: the solver, the API (request/response schemas) and the web all import them from here.
 * Randplan may add fields (marked "Randplan addition"); documents with only the documented fields stay valid.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** ISO calendar date `YYYY-MM-DD`; calendar validity (no 2027-02-30) is checked by the reader. */
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'ISO date YYYY-MM-DD' });
export const Id = Type.String({ minLength: 1, maxLength: 100 });

export const SPECIALTIES = [
  'internmedicin',
  'psykiatri',
  'pediatrik',
  'gynekologi',
  'onh',
  'ogon',
  'hud',
  'kirurgi',
  'ortopedi',
  'akutgeriatrik',
  'infektion',
  // Randplan addition: the acute-care part of BT (HSLF-FS 2021:8), e.g. at an akutmottagning.
  'akutsjukvard',
] as const;
export const Specialty = Type.Union(SPECIALTIES.map((s) => Type.Literal(s)));
export type Specialty = Static<typeof Specialty>;

export const REGULATIONS = ['2015:8', '2021:8'] as const;
export const Regulation = Type.Union(REGULATIONS.map((r) => Type.Literal(r)));
export type Regulation = Static<typeof Regulation>;

export const PROFILES = ['kronoberg', 'norrbotten'] as const;
export const ProfileId = Type.Union(PROFILES.map((p) => Type.Literal(p)));
export type ProfileId = Static<typeof ProfileId>;

export const COURSES = [
  'allmanmedicinskt-arbetssatt',
  'patientcentrerat-samtal',
  'bvc',
  'lek',
  'medicinsk-vetenskap',
  'lagar',
  'sjukdomsforebyggande',
  'lakemedel',
  'forsakringsmedicin',
  'palliativ-vard',
] as const;
export const CourseId = Type.Union(COURSES.map((c) => Type.Literal(c)));
export type CourseId = Static<typeof CourseId>;

export const MILESTONES = ['mitt-i-st', 'kvalitetsarbete', 'vetenskapligt-arbete'] as const;
export const MilestoneId = Type.Union(MILESTONES.map((m) => Type.Literal(m)));
export type MilestoneId = Static<typeof MilestoneId>;

export const Period = Type.Object({ from: IsoDate, to: IsoDate });
export type Period = Static<typeof Period>;

/** A rotation's length in full-time months: one number or a `[min, max]` range. */
export const MonthsSpec = Type.Union([
  Type.Number({ exclusiveMinimum: 0, maximum: 60 }),
  Type.Tuple([Type.Number({ exclusiveMinimum: 0, maximum: 60 }), Type.Number({ exclusiveMinimum: 0, maximum: 60 })]),
]);
export type MonthsSpec = Static<typeof MonthsSpec>;

export const RequiredRotation = Type.Object({
  specialty: Specialty,
  months: Type.Optional(MonthsSpec),
  /** Randplan addition: part of integrated BT (2021:8); exempt from the initial VC period, done within two years. */
  bt: Type.Optional(Type.Boolean()),
});
export type RequiredRotation = Static<typeof RequiredRotation>;

/** The most trainees a clinic takes, or a unit lets away, at once: far above any region's, well inside a database integer. */
export const MAX_PLACES = 1000;
const Places = Type.Integer({ minimum: 0, maximum: MAX_PLACES });

export const Clinic = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  specialty: Specialty,
  capacity: Places,
  capacityChanges: Type.Optional(
    Type.Array(Type.Object({ from: IsoDate, to: IsoDate, capacity: Places })),
  ),
});
export type Clinic = Static<typeof Clinic>;

export const Unit = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  maxAway: Places,
  /** Periods with another limit (a summer with more cover, a short-staffed spring). */
  maxAwayChanges: Type.Optional(
    Type.Array(Type.Object({ from: IsoDate, to: IsoDate, maxAway: Places })),
  ),
});
export type Unit = Static<typeof Unit>;

export const LEAVE_KINDS = ['parental', 'sick', 'other-employment', 'vacation', 'other'] as const;
export const Leave = Type.Object({
  from: IsoDate,
  to: IsoDate,
  kind: Type.Optional(Type.Union(LEAVE_KINDS.map((k) => Type.Literal(k)))),
});
export type Leave = Static<typeof Leave>;

export const Employment = Type.Object({
  from: IsoDate,
  rate: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
});
export type Employment = Static<typeof Employment>;

export const PLACEMENT_KINDS = ['rotation', 'bvc', 'sabo', 'course', 'milestone'] as const;
export const PlacementKind = Type.Union(PLACEMENT_KINDS.map((k) => Type.Literal(k)));
export type PlacementKind = Static<typeof PlacementKind>;

/** One dated placement. `kind` decides which of the optional fields apply (checked by the reader). */
export const Placement = Type.Object({
  kind: PlacementKind,
  specialty: Type.Optional(Specialty),
  clinic: Type.Optional(Id),
  course: Type.Optional(CourseId),
  milestone: Type.Optional(MilestoneId),
  from: IsoDate,
  to: IsoDate,
});
export type Placement = Static<typeof Placement>;

export const Wish = Type.Object({
  specialty: Specialty,
  from: IsoDate,
  to: IsoDate,
  weight: Type.Optional(Type.Number({ minimum: 0 })),
});
export type Wish = Static<typeof Wish>;

export const Trainee = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  unit: Id,
  start: IsoDate,
  regulation: Regulation,
  employment: Type.Optional(Type.Array(Employment)),
  leave: Type.Optional(Type.Array(Leave)),
  creditMonths: Type.Optional(Type.Number({ minimum: 0, maximum: 66 })),
  rotations: Type.Optional(Type.Array(RequiredRotation)),
  locked: Type.Optional(Type.Array(Placement)),
  wishes: Type.Optional(Type.Array(Wish)),
  /** Randplan addition: a planned end of ST agreed in the IUP; `minimum-time` checks it. */
  plannedEnd: Type.Optional(IsoDate),
  /** Randplan addition (2021:8): BT already completed before ST, so no BT rotations are required. */
  btDone: Type.Optional(Type.Boolean()),
  /** ST must be done by then (hard, `latest-end`); without it ST may be extended. */
  latestEnd: Type.Optional(IsoDate),
});
export type Trainee = Static<typeof Trainee>;

/** Rule overrides by rule id; each rule's own parameter schema checks the values (see solver/rules). */
export const RuleOverrides = Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()));
export type RuleOverrides = Static<typeof RuleOverrides>;

export const SCENARIO_FORMAT = 'randplan.scenario/1';
export const Scenario = Type.Object({
  format: Type.Literal(SCENARIO_FORMAT),
  name: Type.String({ minLength: 1 }),
  profile: Type.Optional(ProfileId),
  rules: Type.Optional(RuleOverrides),
  horizon: Period,
  /** The planning day: before it lies history; nothing new begins before it (default: today in Sweden). */
  planFrom: Type.Optional(IsoDate),
  clinics: Type.Array(Clinic),
  units: Type.Array(Unit),
  trainees: Type.Array(Trainee),
});
export type Scenario = Static<typeof Scenario>;

export const PlanPlacement = Type.Composite([Type.Object({ trainee: Id }), Placement]);
export type PlanPlacement = Static<typeof PlanPlacement>;

export const PLAN_FORMAT = 'randplan.plan/1';
export const Plan = Type.Object({
  format: Type.Literal(PLAN_FORMAT),
  scenario: Type.Optional(Type.String()),
  placements: Type.Array(PlanPlacement),
});
export type Plan = Static<typeof Plan>;

export const Text = Type.Object({ sv: Type.String(), en: Type.String() });
export type Text = Static<typeof Text>;

export const Severity = Type.Union([Type.Literal('hard'), Type.Literal('advice')]);
export type Severity = Static<typeof Severity>;

export const Violation = Type.Object({
  rule: Type.String(),
  severity: Severity,
  trainees: Type.Array(Id),
  clinic: Type.Union([Id, Type.Null()]),
  unit: Type.Union([Id, Type.Null()]),
  from: Type.Union([IsoDate, Type.Null()]),
  to: Type.Union([IsoDate, Type.Null()]),
  amount: Type.Number(),
  message: Text,
});
export type Violation = Static<typeof Violation>;

export const TraineeSummary = Type.Object({
  id: Id,
  end: IsoDate,
  /** The later of `end` and the last day of any rotation, own BVC or SÄBO. */
  plannedEnd: IsoDate,
  /** Calendar months from `end` to `plannedEnd` (0 when none): the extension of ST. */
  extensionMonths: Type.Number(),
  sideMonths: Type.Number(),
  coveredGoals: Type.Array(Type.String()),
  missingGoals: Type.Array(Type.String()),
});
export type TraineeSummary = Static<typeof TraineeSummary>;

export const SOLVE_STATUSES = ['optimal', 'feasible', 'infeasible', 'timeout'] as const;
export const SolveStatus = Type.Union(SOLVE_STATUSES.map((s) => Type.Literal(s)));
export type SolveStatus = Static<typeof SolveStatus>;

export const SolveSummary = Type.Object({
  status: SolveStatus,
  objective: Type.Union([Type.Number(), Type.Null()]),
  bound: Type.Union([Type.Number(), Type.Null()]),
  gap: Type.Union([Type.Number(), Type.Null()]),
  seconds: Type.Number(),
  /** Randplan addition: the planning day the solve planned from. */
  planFrom: Type.Optional(IsoDate),
  /** Randplan addition: placements of the current plan kept as history or agreed. */
  kept: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Randplan addition: agreed placements of the current plan the studierektor released before the solve. */
  released: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type SolveSummary = Static<typeof SolveSummary>;

export const Explanation = Type.Object({
  rules: Type.Array(Type.String()),
  trainees: Type.Array(Id),
  clinics: Type.Array(Id),
  units: Type.Array(Id),
  message: Text,
});
export type Explanation = Static<typeof Explanation>;

/** A running solve's progress: phase, seconds so far, best plan's objective, proven bound and gap (null until known). */
export const SolveProgress = Type.Object({
  seconds: Type.Number(),
  phase: Type.String(),
  incumbent: Type.Union([Type.Number(), Type.Null()]),
  bound: Type.Union([Type.Number(), Type.Null()]),
  gap: Type.Union([Type.Number(), Type.Null()]),
});
export type SolveProgress = Static<typeof SolveProgress>;

/** One extra place that would shorten the extensions, measured by re-planning with it. */
export const CapacityAdvice = Type.Object({
  clinic: Type.Union([Id, Type.Null()]),
  unit: Type.Union([Id, Type.Null()]),
  from: IsoDate,
  to: IsoDate,
  places: Type.Integer({ minimum: 1 }),
  savesMonths: Type.Number(),
  trainees: Type.Array(Id),
  message: Text,
});
export type CapacityAdvice = Static<typeof CapacityAdvice>;

export const REPORT_FORMAT = 'randplan.report/1';
export const Report = Type.Object({
  format: Type.Literal(REPORT_FORMAT),
  valid: Type.Boolean(),
  violations: Type.Array(Violation),
  trainees: Type.Array(TraineeSummary),
  solve: Type.Optional(SolveSummary),
  explanation: Type.Optional(Type.Array(Explanation)),
  capacityAdvice: Type.Optional(Type.Array(CapacityAdvice)),
});
export type Report = Static<typeof Report>;

export type { Static, TSchema };
