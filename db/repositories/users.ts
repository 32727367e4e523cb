/** Users, their roles and scopes (units for an enhetschef, trainees for an ST-läkare or handledare), and sessions. */
import { sql } from 'kysely';
import { json, parsed, type Db } from './common.ts';

export const ROLES = ['studierektor', 'enhetschef', 'st-lakare', 'handledare'] as const;
export type Role = (typeof ROLES)[number];

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  units: string[];
  trainees: string[];
}

const COLUMNS = ['id', 'email', 'name', 'role', 'units', 'trainees'] as const;
type Row = { id: number; email: string; name: string; role: string; units: unknown; trainees: unknown };

function toRecord(r: Row): UserRecord {
  return { id: r.id, email: r.email, name: r.name, role: r.role as Role, units: parsed(r.units), trainees: parsed(r.trainees) };
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  units?: string[];
  trainees?: string[];
  passwordHash: string;
}

export const usersRepo = {
  async list(db: Db): Promise<UserRecord[]> {
    return (await db.selectFrom('users').select(COLUMNS).orderBy('email').execute()).map(toRecord);
  },

  async count(db: Db): Promise<number> {
    const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async byEmail(db: Db, email: string): Promise<(UserRecord & { passwordHash: string }) | null> {
    const row = await db
      .selectFrom('users')
      .select([...COLUMNS, 'password_hash'])
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? { ...toRecord(row), passwordHash: row.password_hash } : null;
  },

  async insert(db: Db, u: NewUser): Promise<UserRecord> {
    const row = await db
      .insertInto('users')
      .values({
        email: u.email.trim().toLowerCase(),
        name: u.name,
        role: u.role,
        units: json(u.units ?? []),
        trainees: json(u.trainees ?? []),
        password_hash: u.passwordHash,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },
};

export const sessionsRepo = {
  async create(db: Db, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
    await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
  },

  /**
   * The user of a live session — known, not expired, used within `idleSeconds` — or null. Marks the
   * session used (at most once a minute, so that busy reads write little).
   */
  async user(db: Db, tokenHash: string, idleSeconds: number): Promise<UserRecord | null> {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.units', 'users.trainees'])
      .where('sessions.token_hash', '=', tokenHash)
      .where('sessions.expires_at', '>', new Date())
      .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
      .executeTakeFirst();
    if (!row) return null;
    await db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now()` })
      .where('token_hash', '=', tokenHash)
      .where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`)
      .execute();
    return toRecord(row);
  },

  async remove(db: Db, tokenHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  },

  /** Deletes the sessions that can no longer be used: expired, or idle longer than `idleSeconds`. */
  async removeDead(db: Db, idleSeconds: number): Promise<void> {
    await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', new Date()), eb('last_seen_at', '<=', sql<Date>`now() - make_interval(secs => ${idleSeconds})`)]))
      .execute();
  },
};
