/**
 * The database: PostgreSQL when DATABASE_URL (or opts.databaseUrl) is set — @fastify/postgres owns
 * the pool, kysely builds on it — otherwise PGlite in RANDPLAN_DATA_DIR (default ./data). An opened
 * database may also be handed in (tests); then the caller closes it.
 */
import fastifyPostgres from '@fastify/postgres';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type OpenedDatabase } from '../../db/index.ts';
import { shared } from './shared.ts';

export interface DbPluginOptions {
  database?: OpenedDatabase;
  databaseUrl?: string;
  dataDir?: string;
}

export const dbPlugin = shared(async (app: FastifyInstance, opts: DbPluginOptions) => {
  let opened: OpenedDatabase;
  let owned = true;
  if (opts.database) {
    opened = opts.database;
    owned = false;
  } else if (opts.databaseUrl) {
    await app.register(fastifyPostgres, { connectionString: opts.databaseUrl, max: 10 });
    opened = await openDatabase({ pool: app.pg.pool });
  } else {
    opened = await openDatabase({ ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  }
  app.decorate('db', opened.db);
  app.decorate('dbKind', opened.kind);
  if (owned) app.addHook('onClose', async () => opened.close());
});
