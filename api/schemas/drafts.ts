/** Drafts: the one the studierektor makes by hand (placements moved on the cohort timeline), and the list of all not published. */
import { Type, type Static } from '@sinclair/typebox';
import { PlanFigures, PlanSummary } from './plans.ts';

export const DraftBody = Type.Object(
  {
    /** A `randplan.plan/1` document, read by the format reader so that every error names its field. */
    plan: Type.Unknown(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

/** A draft in the studierektor's list: where it came from and its figures, judged against the region as it is now. */
export const DraftListing = Type.Composite([
  PlanSummary,
  Type.Object({
    /** The solve run that made it; null for a draft made by hand. */
    run: Type.Union([Type.Integer(), Type.Null()]),
    figures: PlanFigures,
  }),
]);
export type DraftListing = Static<typeof DraftListing>;
