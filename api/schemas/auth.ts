/** Login, the logged-in user, health. */
import { Type, type Static } from '@sinclair/typebox';

export const ROLE_IDS = ['studierektor', 'enhetschef', 'st-lakare', 'handledare'] as const;
export const RoleId = Type.Union(ROLE_IDS.map((r) => Type.Literal(r)));
export type RoleId = Static<typeof RoleId>;

export const User = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: RoleId,
  /** enhetschef: the units they lead. */
  units: Type.Array(Type.String()),
  /** st-lakare: their own trainee id; handledare: their supervisees. */
  trainees: Type.Array(Type.String()),
});
export type User = Static<typeof User>;

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const UserResponse = Type.Object({ user: User });
export type UserResponse = Static<typeof UserResponse>;

export const Health = Type.Object({ ok: Type.Literal(true), db: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]) });
export type Health = Static<typeof Health>;
