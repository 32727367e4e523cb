/** Plans (versions, drafts, the published one), validation, diffs and solve jobs. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, Placement, Plan, PlanPlacement, Report, SolveProgress, SolveSummary } from '../../solver/domain/schemas.ts';
import { RowId } from './common.ts';

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('published')]);
export type PlanStatus = Static<typeof PlanStatus>;

export const PlanSummary = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  status: PlanStatus,
  createdAt: Type.String(),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
  /** The version number among published plans (1, 2, 3 …); null for a draft. */
  number: Type.Union([Type.Integer(), Type.Null()]),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type PlanSummary = Static<typeof PlanSummary>;

/** A stored placement: the plan format's, plus `locked` (agreed with the clinic or done). */
export const StoredPlacement = Type.Composite([PlanPlacement, Type.Object({ locked: Type.Optional(Type.Boolean()) })]);
export const StoredPlan = Type.Composite([Type.Omit(Plan, ['placements']), Type.Object({ placements: Type.Array(StoredPlacement) })]);
export type StoredPlan = Static<typeof StoredPlan>;

export const PlanDetail = Type.Composite([PlanSummary, Type.Object({ plan: StoredPlan, report: Report })]);
export type PlanDetail = Static<typeof PlanDetail>;

export const DiffQuery = Type.Object({ from: RowId, to: RowId });
export type DiffQuery = Static<typeof DiffQuery>;

export const Change = Type.Object({
  trainee: Type.String(),
  before: Type.Union([PlanPlacement, Type.Null()]),
  after: Type.Union([PlanPlacement, Type.Null()]),
});
export type Change = Static<typeof Change>;

export const PlanDiff = Type.Object({
  moved: Type.Array(Change),
  added: Type.Array(PlanPlacement),
  removed: Type.Array(PlanPlacement),
});
export type PlanDiff = Static<typeof PlanDiff>;

export const CompareQuery = Type.Object({ from: RowId, to: RowId });
export type CompareQuery = Static<typeof CompareQuery>;

/** A plan's figures for comparing it with another, judged against the region as it is now. */
export const PlanFigures = Type.Object({
  placements: Type.Integer(),
  valid: Type.Boolean(),
  hard: Type.Integer(),
  advice: Type.Integer(),
  /** Trainees whose planned end lies after the end of their ST. */
  extended: Type.Integer(),
  /** Months of extension, summed over trainees, and the largest one trainee has. */
  extensionTotal: Type.Number(),
  extensionMax: Type.Number(),
  /** The solve's own summary when the plan came from a solve run (as it was when solved); else null. */
  solve: Type.Union([SolveSummary, Type.Null()]),
});
export type PlanFigures = Static<typeof PlanFigures>;

export const ComparedPlan = Type.Composite([PlanSummary, Type.Object({ figures: PlanFigures })]);
export type ComparedPlan = Static<typeof ComparedPlan>;

/** One clinic's load in one plan, from the planning day on (the whole plan when the region sets none). */
export const ClinicLoadFigures = Type.Object({
  /** The most trainees there on one day. */
  peak: Type.Integer(),
  /** Calendar months in which the clinic has more trainees than places on some day (rule clinic-capacity). */
  monthsOver: Type.Integer(),
  /** Trainee-months spent there (calendar months, summed). */
  traineeMonths: Type.Number(),
});
export type ClinicLoadFigures = Static<typeof ClinicLoadFigures>;

export const ClinicLoadChange = Type.Object({ clinic: Id, from: ClinicLoadFigures, to: ClinicLoadFigures });
export type ClinicLoadChange = Static<typeof ClinicLoadChange>;

/** Two plans side by side (the what-if): their figures, what moved, was added or removed, and each clinic's load. */
export const PlanCompare = Type.Object({
  from: ComparedPlan,
  to: ComparedPlan,
  diff: PlanDiff,
  clinics: Type.Array(ClinicLoadChange),
});
export type PlanCompare = Static<typeof PlanCompare>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const JobStatus = Type.Union(JOB_STATUSES.map((s) => Type.Literal(s)));
export type JobStatus = Static<typeof JobStatus>;

/** A placement of the published plan as a solve job names it: exactly the plan format's fields. */
export const NamedPlacement = Type.Composite([Type.Object({ trainee: Id }), Placement], { additionalProperties: false });

export const SolveJobBody = Type.Union([
  Type.Object(
    {
      timeLimitSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3600 })),
      /** Agreed placements of the published plan (GET /api/solve-jobs/agreed) the solve may move. */
      release: Type.Optional(Type.Array(NamedPlacement, { maxItems: 10000 })),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);
export type SolveJobBody = Static<typeof SolveJobBody>;

export const SolveJob = Type.Object({
  id: Type.Integer(),
  status: JobStatus,
  /** The time limit asked for (null: the server's default); the words for a solve's status compare its seconds with it. */
  timeLimitSeconds: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  progress: Type.Union([SolveProgress, Type.Null()]),
  result: Type.Union([Type.Object({ planId: Type.Union([Type.Integer(), Type.Null()]), report: Report, moved: Type.Array(Change) }), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type SolveJob = Static<typeof SolveJob>;

export const JobCreated = Type.Object({ id: Type.Integer() });

/**
 * The published plan's placements that a solve today keeps as agreed with the clinics: they start
 * in the agreed months after the planning day and are not locked. A solve job may release them.
 */
export const AgreedPlacements = Type.Object({
  planFrom: IsoDate,
  /** The first day after the agreed months. */
  until: IsoDate,
  placements: Type.Array(Type.Composite([PlanPlacement, Type.Object({ name: Type.String() })])),
});
export type AgreedPlacements = Static<typeof AgreedPlacements>;
export type JobCreated = Static<typeof JobCreated>;

export { Placement, Plan, Report, SolveProgress };
