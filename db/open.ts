/**
 * Opens Randplan's database: PostgreSQL when a URL (or a pg pool) is given, otherwise the embedded
 * PGlite in a data directory. Either way the schema is migrated to the latest version before use.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import { SerialisingPGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Closes what this call opened (a pool passed in by the caller stays open). */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; wins over dataDir. */
  url?: string;
  /** An existing pg pool (e.g. @fastify/postgres's); kysely builds its queries on it. */
  pool?: pg.Pool;
  /** PGlite data directory (created when missing); default RANDPLAN_DATA_DIR or ./data. */
  dataDir?: string;
  /** An already open PGlite instance (tests load one from a template); closed with the database. */
  pglite?: PGlite;
  /** Skip migrations (default false). */
  skipMigrations?: boolean;
}

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  let opened: OpenedDatabase;
  if (opts.pool || opts.url) {
    const ownPool = !opts.pool;
    const pool = opts.pool ?? new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection dropped by the server (restart, admin) must not crash the process; the pool replaces it.
    if (ownPool) pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: ownPool ? pool : borrowed(pool) }) });
    opened = {
      db,
      kind: 'postgres',
      close: async () => {
        await db.destroy();
      },
    };
  } else {
    let pglite = opts.pglite;
    if (!pglite) {
      const dir = opts.dataDir ?? process.env.RANDPLAN_DATA_DIR ?? './data';
      mkdirSync(dir, { recursive: true });
      pglite = await PGlite.create(dir);
    }
    const db = new Kysely<Database>({ dialect: new SerialisingPGliteDialect({ pglite }) });
    opened = { db, kind: 'pglite', close: () => db.destroy() };
  }
  if (!opts.skipMigrations) {
    try {
      await migrateToLatest(opened.db);
    } catch (e) {
      await opened.close();
      throw e;
    }
  }
  return opened;
}

/** A pool whose end() is a no-op, so that destroying kysely leaves the owner's pool open. */
function borrowed(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'end') return async () => {};
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
