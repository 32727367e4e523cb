/**
 * Safe publishing: what a plan would break and move before it becomes the published version, the
 * acknowledgement that lets it through anyway, rollback, and releasing locks.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Placement, PlanPlacement, SolveSummary, Trainee, Violation } from '../../solver/domain/schemas.ts';
import { JobStatus } from './plans.ts';

/** A locked placement of the published plan that the candidate does not keep as it is. */
export const MovedLock = Type.Object({
  trainee: Type.String(),
  before: PlanPlacement,
  /** Where the candidate has it now (same kind, specialty, clinic …), or null when it is gone. */
  after: Type.Union([PlanPlacement, Type.Null()]),
});
export type MovedLock = Static<typeof MovedLock>;

/** One trainee the change touches: hard rules broken before and after, placements moved, added, removed. */
export const TraineeChange = Type.Object({
  trainee: Type.String(),
  hardBefore: Type.Integer(),
  hardAfter: Type.Integer(),
  moved: Type.Integer(),
  added: Type.Integer(),
  removed: Type.Integer(),
  lockedMoved: Type.Integer(),
  /** Placements before and after: a trainee left with none stands out. */
  placementsBefore: Type.Integer(),
  placementsAfter: Type.Integer(),
});
export type TraineeChange = Static<typeof TraineeChange>;

export const PublishCheck = Type.Object({
  /** The plan that would be published (a draft, or an earlier version to roll back to). */
  candidate: Type.Integer(),
  /** The published plan it would replace, and its version number; null when none is published. */
  current: Type.Union([Type.Integer(), Type.Null()]),
  currentNumber: Type.Union([Type.Integer(), Type.Null()]),
  /** Every hard rule the candidate breaks. */
  hard: Type.Array(Violation),
  movedLocks: Type.Array(MovedLock),
  moved: Type.Integer(),
  added: Type.Integer(),
  removed: Type.Integer(),
  /** The trainees the change touches, worst first (most new hard violations, then most removed). */
  trainees: Type.Array(TraineeChange),
  /** True when the candidate breaks a hard rule or moves a locked placement: publishing needs an acknowledgement. */
  needsAcknowledgement: Type.Boolean(),
});
export type PublishCheck = Static<typeof PublishCheck>;

/**
 * "I have seen it": the counts the person was shown and why they go ahead. A stale acknowledgement
 * (the counts changed meanwhile) is refused, so nobody confirms 3 broken rules and publishes 11.
 */
export const Acknowledgement = Type.Object(
  {
    hard: Type.Integer({ minimum: 0 }),
    movedLocks: Type.Integer({ minimum: 0 }),
    reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type Acknowledgement = Static<typeof Acknowledgement>;

export const PublishBody = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    acknowledge: Type.Optional(Acknowledgement),
  },
  { additionalProperties: false },
);
export type PublishBody = Static<typeof PublishBody>;

/** Release the locks of a trainee in the published plan: one placement, or (without `placement`) all. */
export const ReleaseLocksBody = Type.Object({
  trainee: Id,
  placement: Type.Optional(Placement),
  reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
});
export type ReleaseLocksBody = Static<typeof ReleaseLocksBody>;

export const LocksReleased = Type.Object({
  /** The new published version (the same placements, fewer locks). */
  plan: Type.Integer(),
  number: Type.Integer(),
  released: Type.Integer(),
});
export type LocksReleased = Static<typeof LocksReleased>;

/** The approval of a proposal: the version read, and an acknowledgement when it breaks hard rules. */
export const ApproveBody = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  acknowledge: Type.Optional(Acknowledgement),
});
export type ApproveBody = Static<typeof ApproveBody>;

/** Everyone else's published rotations under made-up ids: for live capacity and away checks. */
export const Occupancy = Type.Object({ trainees: Type.Array(Trainee), placements: Type.Array(PlanPlacement) });
export type Occupancy = Static<typeof Occupancy>;

/** A solve run in the list of runs: its figures without the report. */
export const SolveRun = Type.Object({
  id: Type.Integer(),
  status: JobStatus,
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  timeLimitSeconds: Type.Union([Type.Number(), Type.Null()]),
  planId: Type.Union([Type.Integer(), Type.Null()]),
  publishedAs: Type.Union([Type.Integer(), Type.Null()]),
  solve: Type.Union([SolveSummary, Type.Null()]),
  hard: Type.Union([Type.Integer(), Type.Null()]),
  moved: Type.Union([Type.Integer(), Type.Null()]),
});
export type SolveRun = Static<typeof SolveRun>;
