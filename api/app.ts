/**
 * The Randplan API as a fastify app. Plugins load in a fixed order: the database, auth (cookies,
 * sessions, roles, rate limit), the services (report cache, solve runner, demo seed), the routes,
 * and last the web app's static files. api/server.ts only starts it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { OpenedDatabase } from '../db/index.ts';
import { formatDay, isIsoDate, parseDay, today, type Day } from '../solver/time/dates.ts';
import { errorHandler, notFound } from './errors.ts';
import { authPlugin } from './plugins/auth.ts';
import { dbPlugin } from './plugins/db.ts';
import { shared } from './plugins/shared.ts';
import { authRoutes } from './routes/auth.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { ioRoutes } from './routes/io.ts';
import { planRoutes } from './routes/plans.ts';
import { proposalRoutes } from './routes/proposals.ts';
import { versionRoutes } from './routes/versions.ts';
import { seedDemoIfEmpty, type DemoOptions } from './services/demo.ts';
import { ReportCache } from './services/plans.ts';
import { ReadCache } from './services/read-cache.ts';
import { SolveRunner, type SolveStarter } from './services/solve-runner.ts';

export interface BuildAppOptions {
  /** An opened database (tests); the caller closes it. Otherwise databaseUrl, then dataDir. */
  database?: OpenedDatabase;
  /** PostgreSQL URL; default env DATABASE_URL. */
  databaseUrl?: string;
  /** PGlite data directory; default env RANDPLAN_DATA_DIR or ./data. */
  dataDir?: string;
  /** Seed the demo region into an empty database; default true unless RANDPLAN_DEMO=0. */
  demo?: boolean | DemoOptions;
  /** Run solve jobs in this process; default true. */
  jobs?: boolean | { pollMs?: number; progressEveryMs?: number; start?: SolveStarter };
  /** Login attempts per IP; default 10 per minute. */
  loginRateLimit?: { max: number; timeWindow: number };
  /** Serve the web build from here; default web/dist when it exists; false for none. */
  webRoot?: string | false;
  /** Send the session cookie with `Secure` (behind HTTPS); default env RANDPLAN_SECURE_COOKIE=1. */
  secureCookie?: boolean;
  logger?: FastifyServerOptions['logger'];
  /**
   * The day the app takes for today (ISO date): the demo is dated from it, exports and views read it.
   * Default env RANDPLAN_TODAY, else the real date in Sweden. Tests fix it.
   */
  today?: string;
}

/** The app's clock: a fixed day when one is given, else the real Swedish date at each call. */
function appClock(fixed: string | undefined): () => Day {
  if (fixed === undefined || fixed === '') return today;
  if (!isIsoDate(fixed)) throw new Error(`today: not a date (YYYY-MM-DD): ${fixed}`);
  const day = parseDay(fixed);
  return () => day;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url));

export async function buildApp(opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const clock = appClock(opts.today ?? process.env.RANDPLAN_TODAY);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    // One place answers errors, and never with a 5xx's internals.
    ajv: { customOptions: { allErrors: true } },
  });
  app.setErrorHandler(errorHandler);

  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  await app.register(dbPlugin, {
    ...(opts.database ? { database: opts.database } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
  await app.register(authPlugin);

  await app.register(
    shared(async (instance: FastifyInstance) => {
      instance.decorate('today', clock);
      instance.decorate('reports', new ReportCache());
      const reads = new ReadCache(instance.dbKind === 'pglite' ? 60_000 : 1_000);
      instance.decorate('reads', reads);
      // Any request that may write clears the cached reads before it starts and again when it is done
      // (a read that ran meanwhile may have cached the old state).
      const writes = async (request: { method: string }) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') reads.invalidate();
      };
      instance.addHook('onRequest', writes);
      instance.addHook('onResponse', writes);
      const demo = opts.demo ?? process.env.RANDPLAN_DEMO !== '0';
      if (demo) {
        const seeded = await seedDemoIfEmpty(instance.db, { ...(typeof demo === 'object' ? demo : {}), today: formatDay(clock()) });
        if (seeded) instance.log.info('demo region seeded');
      }
      const jobs = opts.jobs ?? true;
      if (jobs) {
        const j = typeof jobs === 'object' ? jobs : {};
        const runner = new SolveRunner(instance.db, {
          log: instance.log,
          cache: instance.reports,
          onWrite: () => reads.invalidate(),
          today: clock,
          ...(j.pollMs ? { pollMs: j.pollMs } : {}),
          ...(j.progressEveryMs ? { progressEveryMs: j.progressEveryMs } : {}),
          ...(j.start ? { start: j.start } : {}),
        });
        instance.decorate('solveRunner', runner);
        instance.addHook('onReady', async () => runner.start());
        // Before the database closes (onClose hooks run in reverse order of registration).
        instance.addHook('onClose', async () => runner.stop());
      } else instance.decorate('solveRunner', null);
    }),
  );

  await app.register(authRoutes, {
    loginRateLimit: opts.loginRateLimit ?? { max: 10, timeWindow: 60_000 },
    secureCookie: opts.secureCookie ?? process.env.RANDPLAN_SECURE_COOKIE === '1',
  });
  await app.register(catalogRoutes);
  await app.register(planRoutes);
  await app.register(proposalRoutes);
  await app.register(versionRoutes);
  await app.register(ioRoutes);

  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  const hasWeb = webRoot !== false && existsSync(`${webRoot}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any non-API path that is no file gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return errorHandler(notFound(`${request.method} ${request.url.split('?')[0]}`) as never, request, reply);
  });
  return app;
}
