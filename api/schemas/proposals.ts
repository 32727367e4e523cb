/** Proposals: a trainee's own placements on their way to the published plan. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Placement, Report } from '../../solver/domain/schemas.ts';
import { Version } from './common.ts';
import { Acknowledgement } from './versions.ts';

/** 'superseded': replaced by a later submission of the same trainee, or closed when another was approved. */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'superseded'] as const;
export const ProposalStatus = Type.Union(PROPOSAL_STATUSES.map((s) => Type.Literal(s)));
export type ProposalStatus = Static<typeof ProposalStatus>;

export const Proposal = Type.Object({
  id: Type.Integer(),
  trainee: Type.String(),
  status: ProposalStatus,
  placements: Type.Array(Placement),
  comment: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** The trainee's other open proposals this one closed (on submit or approval), with the status and time they had. */
  replaced: Type.Optional(Type.Array(Type.Object({ id: Type.Integer(), status: Type.String(), updatedAt: Type.String() }))),
});
export type Proposal = Static<typeof Proposal>;

export const ProposalCreate = Type.Object({ trainee: Id, placements: Type.Array(Placement, { maxItems: 500 }) });
export type ProposalCreate = Static<typeof ProposalCreate>;

export const ProposalPut = Type.Object({ placements: Type.Array(Placement, { maxItems: 500 }), version: Version });
export type ProposalPut = Static<typeof ProposalPut>;

/** submit / approve may carry the version read (or no body at all); return also a comment (why it goes back). */
export const ProposalAction = Type.Union([Type.Object({ version: Type.Optional(Version) }, { additionalProperties: false }), Type.Null()]);
export type ProposalAction = Static<typeof ProposalAction>;
/** Approving: the version read and, over a hard rule or a moved lock, the acknowledgement with its reason. */
export const ProposalApprove = Type.Union([
  Type.Object({ version: Type.Optional(Version), acknowledge: Type.Optional(Acknowledgement) }, { additionalProperties: false }),
  Type.Null(),
]);
export type ProposalApprove = Static<typeof ProposalApprove>;
export const ProposalReturn = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 4000 }), version: Type.Optional(Version) });
export type ProposalReturn = Static<typeof ProposalReturn>;

export const Completed = Type.Object({ placements: Type.Array(Placement), report: Report });
export type Completed = Static<typeof Completed>;

/** Load per clinic and month with and without the proposal; units' trainees away per month likewise. */
export const Impact = Type.Object({
  clinicLoad: Type.Array(
    Type.Object({ clinic: Type.String(), month: Type.String(), capacity: Type.Integer(), before: Type.Integer(), after: Type.Integer() }),
  ),
  unitAway: Type.Array(
    Type.Object({ unit: Type.String(), month: Type.String(), maxAway: Type.Integer(), before: Type.Integer(), after: Type.Integer() }),
  ),
});
export type Impact = Static<typeof Impact>;

export const AuditEntry = Type.Object({
  at: Type.String(),
  user: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;
