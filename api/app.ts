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
import { browserPlugin } from './plugins/browser.ts';
import { crossSitePlugin } from './plugins/cross-site.ts';
import { dbPlugin } from './plugins/db.ts';
import { shared } from './plugins/shared.ts';
import { authRoutes } from './routes/auth.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { draftRoutes } from './routes/drafts.ts';
import { ioRoutes } from './routes/io.ts';
import { planRoutes } from './routes/plans.ts';
import { proposalRoutes } from './routes/proposals.ts';
import { CompletionQueue } from './services/completion-queue.ts';
import { SolveWorker } from '../solver/solve/solve-worker.ts';
import { versionRoutes } from './routes/versions.ts';
import { seedDemoIfEmpty, type DemoOptions } from './services/demo.ts';
import { LoginThrottle } from './services/login-throttle.ts';
import { ReportCache } from './services/plans.ts';
import { ReadCache } from './services/read-cache.ts';
import { SolveRunner, type SolveStarter } from './services/solve-runner.ts';
import { installValidation } from './validation.ts';

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
  jobs?: boolean | { pollMs?: number; progressEveryMs?: number; heartbeatMs?: number; staleSeconds?: number; start?: SolveStarter };
  /** Failed logins per client address before 429; default 10 per minute. */
  loginRateLimit?: { max: number; timeWindow: number };
  /** Per account: failures before each attempt waits, and how to wait (tests); see LoginThrottle. */
  loginDelay?: { freeFailures?: number; sleep?: (ms: number) => Promise<void> };
  /**
   * The reverse proxies whose X-Forwarded-For names the client: their addresses ("10.0.0.1,10.0.0.0/8"),
   * or true for any (when nothing else can reach the server). Default env RANDPLAN_TRUST_PROXY, else
   * none — then every client behind a proxy has the proxy's address, and shares its login limit.
   */
  trustProxy?: boolean | string;
  /** Serve the web build from here; default web/dist when it exists; false for none. */
  webRoot?: string | false;
  /** Send the session cookie with `Secure`; default yes, unless NODE_ENV=development or RANDPLAN_SECURE_COOKIE=0. */
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

/** RANDPLAN_TRUST_PROXY: the proxies' addresses ("10.0.0.1,10.0.0.0/8"), or "true" for any. */
function trustProxyFromEnv(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url));

export async function buildApp(opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const clock = appClock(opts.today ?? process.env.RANDPLAN_TODAY);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    // The first start seeds and solves the demo region: give it time on a slow machine.
    pluginTimeout: 120_000,
    trustProxy: opts.trustProxy ?? trustProxyFromEnv(process.env.RANDPLAN_TRUST_PROXY),
  });
  // One place answers errors, and never with a 5xx's internals.
  app.setErrorHandler(errorHandler);
  installValidation(app);

  const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
  await app.register(dbPlugin, {
    ...(opts.database ? { database: opts.database } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
  });
  await app.register(browserPlugin);
  await app.register(crossSitePlugin);
  // Bodies are JSON unless a route says otherwise (the imports take CSV and XLSX): a text/plain body is what a foreign page can post.
  app.removeContentTypeParser('text/plain');
  await app.register(authPlugin);

  await app.register(
    shared(async (instance: FastifyInstance) => {
      instance.decorate('today', clock);
      instance.decorate('reports', new ReportCache());
      instance.decorate('completions', new CompletionQueue({ concurrency: 1, maxWaiting: 20 }));
      const completer = new SolveWorker();
      instance.decorate('completer', completer);
      instance.addHook('onClose', async () => completer.close());
      const reads = new ReadCache(instance.dbKind === 'pglite' ? 60_000 : 1_000);
      instance.decorate('reads', reads);
      // Any request that may write clears the cached reads once it is done, before its answer goes out
      // (a read that loaded meanwhile belongs to the cleared generation). Not before it starts: while a
      // long import holds PGlite's one connection, reads keep being answered from the cache.
      instance.addHook('onSend', async (request, _reply, payload) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') reads.invalidate();
        return payload;
      });
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
          onlyUser: instance.dbKind === 'pglite',
          ...(j.pollMs ? { pollMs: j.pollMs } : {}),
          ...(j.progressEveryMs ? { progressEveryMs: j.progressEveryMs } : {}),
          ...(j.heartbeatMs ? { heartbeatMs: j.heartbeatMs } : {}),
          ...(j.staleSeconds ? { staleSeconds: j.staleSeconds } : {}),
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
    throttle: new LoginThrottle({
      maxPerIp: opts.loginRateLimit?.max ?? 10,
      windowMs: opts.loginRateLimit?.timeWindow ?? 60_000,
      ...opts.loginDelay,
    }),
    secureCookie: opts.secureCookie ?? (process.env.NODE_ENV !== 'development' && process.env.RANDPLAN_SECURE_COOKIE !== '0'),
  });
  await app.register(catalogRoutes);
  await app.register(planRoutes);
  await app.register(proposalRoutes);
  await app.register(versionRoutes);
  await app.register(draftRoutes);
  await app.register(ioRoutes);

  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  const hasWeb = webRoot !== false && existsSync(`${webRoot}/index.html`);
  // Source maps would hand anyone the web app's source with its comments: the build keeps them, the server does not serve them.
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, allowedPath: (path) => !path.endsWith('.map') });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any non-API path that is no file gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return errorHandler(notFound(`${request.method} ${request.url.split('?')[0]}`) as never, request, reply);
  });
  return app;
}
