/** Shapes every route shares: errors, versions, ids. */
import { Type, type Static } from '@sinclair/typebox';

/** Every error: a machine code, a message a person reads (Swedish first, then English), details per field. */
export const ErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.String())),
  /** On 409: the row as it is now (null when it was deleted meanwhile). */
  current: Type.Optional(Type.Unknown()),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const ERROR_RESPONSES = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
  500: ErrorBody,
} as const;

/** The version of a row the client read (a database integer too). */
export const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const VersionBody = Type.Object({ version: Version });
export type VersionBody = Static<typeof VersionBody>;

export const StringIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export type StringIdParams = Static<typeof StringIdParams>;

/** A row id the database assigned: a PostgreSQL integer, so at most 2³¹ − 1 (a larger one is no row, and a 400). */
export const RowId = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const NumericIdParams = Type.Object({ id: RowId });
export type NumericIdParams = Static<typeof NumericIdParams>;

export const Ok = Type.Object({ ok: Type.Literal(true) });
export type Ok = Static<typeof Ok>;

export const Versioned = Type.Object({ version: Type.Integer() });

/** A POST that carries nothing: no body, or `{}` (what fetch wrappers send); anything else is a 400. */
export const NoBody = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);
