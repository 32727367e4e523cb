/** What the repositories share: the executor type, versioned rows and small mapping helpers. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** A database handle or an open transaction; repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;

export type Versioned<T> = T & { version: number };

/** The outcome of a versioned write: the new row, or the row as it is now (null when gone). */
export type WriteResult<T> = { ok: true; row: T } | { ok: false; current: T | null };

export function json(value: unknown): string {
  return JSON.stringify(value);
}

export function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** pg returns jsonb parsed; be tolerant of a driver handing back text. */
export function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
