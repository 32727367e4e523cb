/**
 * Users and sessions. Passwords are argon2id hashes; a session is a random token in an httpOnly
 * cookie, stored only as its SHA-256 so a leaked table cannot be replayed. Sessions are looked up on
 * every request; a short in-process cache keeps that off the database on busy read paths (logout
 * clears it here; another instance notices within the cache's lifetime). A session ends after
 * SESSION_DAYS, or after SESSION_IDLE_HOURS unused.
 */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { ROLES, sessionsRepo, usersRepo, type Db, type Role, type UserRecord } from '../../db/index.ts';
import { badRequest } from '../errors.ts';

export const SESSION_COOKIE = 'randplan_session';
export const SESSION_DAYS = 14;
/** A session unused this long is over (a computer left logged in at a reception desk). */
export const SESSION_IDLE_HOURS = 4;
const IDLE_SECONDS = SESSION_IDLE_HOURS * 3600;
const CACHE_MS = 5_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export interface NewUserInput {
  email: string;
  name: string;
  role: string;
  units?: string[];
  trainees?: string[];
  password: string;
}

/** Checks and creates a user; errors name the field. */
export async function createUser(db: Db, input: NewUserInput): Promise<UserRecord> {
  const errors: string[] = [];
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) errors.push(`email: "${input.email}" är ingen e-postadress / not an email address`);
  if (!input.name.trim()) errors.push('name: saknas / missing');
  if (!(ROLES as readonly string[]).includes(input.role)) errors.push(`role: "${input.role}" är ingen roll (${ROLES.join(', ')})`);
  if (input.password.length < 4) errors.push('password: minst 4 tecken / at least 4 characters');
  if (input.role === 'enhetschef' && !input.units?.length) errors.push('unit: en enhetschef behöver minst en enhet / needs a unit');
  if ((input.role === 'st-lakare' || input.role === 'handledare') && !input.trainees?.length)
    errors.push('trainee: rollen behöver minst en ST-läkare / the role needs a trainee');
  if (input.role === 'st-lakare' && (input.trainees?.length ?? 0) > 1) errors.push('trainee: en ST-läkare är en person / one trainee only');
  if (!errors.length && (await usersRepo.byEmail(db, email))) errors.push(`email: ${email} finns redan / already exists`);
  if (errors.length) throw badRequest('Användaren kan inte skapas / Cannot create the user', errors);
  return usersRepo.insert(db, {
    email,
    name: input.name.trim(),
    role: input.role as Role,
    units: input.units ?? [],
    trainees: input.trainees ?? [],
    passwordHash: await hashPassword(input.password),
  });
}

// A fixed hash to verify against when the email is unknown, so both paths take as long.
let dummyHash: Promise<string> | null = null;

export async function checkPassword(db: Db, email: string, password: string): Promise<UserRecord | null> {
  const user = await usersRepo.byEmail(db, email);
  if (!user) {
    dummyHash ??= hashPassword('not-a-password');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await argon2.verify(user.passwordHash, password).catch(() => false);
  if (!ok) return null;
  const { passwordHash: _h, ...record } = user;
  return record;
}

export class Sessions {
  readonly #cache = new Map<string, { user: UserRecord | null; until: number }>();

  constructor(private readonly db: Db) {}

  /** A new session; sessions that can no longer be used are deleted on the way. */
  async create(userId: number): Promise<string> {
    await sessionsRepo.removeDead(this.db, IDLE_SECONDS);
    const token = randomBytes(32).toString('base64url');
    await sessionsRepo.create(this.db, hashToken(token), userId, new Date(Date.now() + SESSION_DAYS * 86_400_000));
    return token;
  }

  async user(token: string | undefined): Promise<UserRecord | null> {
    if (!token || token.length > 100) return null;
    const hash = hashToken(token);
    const now = Date.now();
    const hit = this.#cache.get(hash);
    if (hit && hit.until > now) return hit.user;
    const user = await sessionsRepo.user(this.db, hash, IDLE_SECONDS);
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(hash, { user, until: now + CACHE_MS });
    return user;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (!token) return;
    const hash = hashToken(token);
    this.#cache.delete(hash);
    await sessionsRepo.remove(this.db, hash);
  }
}
