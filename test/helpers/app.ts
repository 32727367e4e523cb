/**
 * An API on a private test database, seeded with the demo region (greedy plan, no solve: fast),
 * plus helpers to log in as a demo user and call routes with the session cookie.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildAppOptions } from '../../api/app.ts';
import type { TestDatabase, TestDialect } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Logs in and returns the cookie header value for later calls. */
  login(email: string, password?: string): Promise<string>;
  /** app.inject with the session of `as` (a cookie from login) when given. */
  call(as: string | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The day every API test runs on: the demo region is dated from it, whatever the machine's clock says. */
export const TEST_TODAY = '2027-03-15';

export async function startTestApp(dialect: TestDialect, opts: BuildAppOptions = {}): Promise<TestApp> {
  const database = await dialect.create();
  const app = await buildApp({
    database: database.opened,
    demo: { solveWork: 0 },
    jobs: { pollMs: 200, progressEveryMs: 200 },
    loginRateLimit: { max: 1000, timeWindow: 60_000 },
    webRoot: false,
    today: TEST_TODAY,
    ...opts,
  });
  await app.ready();
  return {
    app,
    database,
    async login(email, password = 'demo') {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'randplan_session');
      if (!cookie) throw new Error('no session cookie');
      return `randplan_session=${cookie.value}`;
    },
    call(as, o) {
      return app.inject({ ...o, headers: { ...(o.headers ?? {}), ...(as ? { cookie: as } : {}) } });
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
