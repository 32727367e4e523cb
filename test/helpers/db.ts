/**
 * The dialects every database and API test runs on, from one list: PGlite always, PostgreSQL when
 * RANDPLAN_TEST_DATABASE_URL is set. Each opened database is private to its test (a fresh PGlite,
 * or a fresh PostgreSQL database created from the admin URL and dropped afterwards), so test files
 * may run in parallel.
 *
 * Creating a PGlite data directory runs initdb (about 7 s); a migrated template is made once, dumped
 * to the temp directory and loaded for each test (about 1 s).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type OpenedDatabase } from '../../db/index.ts';

export interface TestDatabase {
  opened: OpenedDatabase;
  /** What to pass to buildApp/openDatabase to open the same database again (restart tests). */
  reopen: () => Promise<OpenedDatabase>;
  /** Closes and removes the database. */
  drop(): Promise<void>;
}

export interface TestDialect {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

const MIGRATIONS_DIR = new URL('../../db/migrations/', import.meta.url);

function templateKey(): string {
  const h = createHash('sha256');
  h.update(PGlite.name);
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(readFileSync(new URL(f, MIGRATIONS_DIR)));
  h.update(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

/** A dump of a freshly migrated PGlite, shared by all test files through the temp directory. */
export async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `randplan-pglite-template-${templateKey()}.tar`);
  if (!existsSync(file)) {
    const pglite = await PGlite.create();
    const opened = await openDatabase({ pglite });
    const dump = await pglite.dumpDataDir('none');
    await opened.close();
    // Write then rename: a parallel test file never reads half a template.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

/** A PGlite loaded from the template; in memory, or in `dataDir` when given. */
export async function pgliteFromTemplate(dataDir?: string): Promise<PGlite> {
  const loadDataDir = await pgliteTemplate();
  return dataDir ? PGlite.create(dataDir, { loadDataDir }) : PGlite.create({ loadDataDir });
}

const pgliteDialect: TestDialect = {
  name: 'pglite',
  async create() {
    const pglite = await pgliteFromTemplate();
    const opened = await openDatabase({ pglite });
    return {
      opened,
      reopen: async () => {
        throw new Error('an in-memory PGlite cannot be reopened; use a data directory');
      },
      drop: () => opened.close(),
    };
  },
};

function postgresDialect(adminUrl: string): TestDialect {
  return {
    name: 'postgres',
    async create() {
      const name = `randplan_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const opened = await openDatabase({ url: url.toString() });
      const closers: OpenedDatabase[] = [opened];
      return {
        opened,
        url: url.toString(),
        reopen: async () => {
          const again = await openDatabase({ url: url.toString() });
          closers.push(again);
          return again;
        },
        async drop() {
          for (const c of closers) await c.close().catch(() => {});
          const a = new pg.Client({ connectionString: adminUrl });
          await a.connect();
          try {
            await a.query(`drop database if exists ${name} with (force)`);
          } finally {
            await a.end();
          }
        },
      } as TestDatabase & { url: string };
    },
  };
}

export const TEST_DATABASE_URL = process.env.RANDPLAN_TEST_DATABASE_URL;

export const DIALECTS: TestDialect[] = [pgliteDialect, ...(TEST_DATABASE_URL ? [postgresDialect(TEST_DATABASE_URL)] : [])];
