/** A draft the studierektor makes by hand (placements moved on the cohort timeline). */
import { Type, type Static } from '@sinclair/typebox';

export const DraftBody = Type.Object(
  {
    /** A `randplan.plan/1` document, read by the format reader so that every error names its field. */
    plan: Type.Unknown(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;
