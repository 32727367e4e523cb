/** Login throttling per address and per account, the proxy setting, idle sessions and the Secure cookie. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe.each(DIALECTS)('login and sessions on $name', (dialect) => {
  let t: TestApp;
  const waits: number[] = [];
  beforeAll(async () => {
    t = await startTestApp(dialect, {
      loginRateLimit: { max: 3, timeWindow: 60_000 },
      loginDelay: { freeFailures: 2, sleep: async (ms) => void waits.push(ms) },
      trustProxy: '127.0.0.1',
    });
  });
  afterAll(async () => t?.close());

  const login = (email: string, password: string, client: string) =>
    t.call(null, { method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': client }, payload: { email, password } });

  it('counts only failed logins per client address, each address on its own behind the trusted proxy', async () => {
    for (let i = 0; i < 5; i++) expect((await login('enhetschef@demo', 'demo', '203.0.113.1')).statusCode).toBe(200);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await login('handledare@demo', 'fel', '203.0.113.1')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await login('handledare@demo', 'demo', '203.0.113.2')).statusCode).toBe(200);
  });

  it('slows down the guesses at one account, doubling, and still lets its owner in', async () => {
    waits.length = 0;
    const clients = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
    for (const client of clients) expect((await login('st@demo', 'fel', client)).statusCode).toBe(401);
    expect(waits).toEqual([1000, 2000]);
    expect((await login('st@demo', 'demo', '198.51.100.9')).statusCode).toBe(200);
    expect(waits).toEqual([1000, 2000, 4000]);
    // A success clears the account's failures.
    expect((await login('st@demo', 'demo', '198.51.100.9')).statusCode).toBe(200);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('ends a session unused for the idle timeout, and deletes dead sessions at the next login', async () => {
    const res = await login('studierektor@demo', 'demo', '192.0.2.1');
    const cookie = `randplan_session=${res.cookies.find((c) => c.name === 'randplan_session')!.value}`;
    const count = async () => Number((await sql<{ n: string }>`select count(*)::text as n from sessions`.execute(t.app.db)).rows[0]!.n);
    await sql`update sessions set last_seen_at = now() - interval '5 hours'`.execute(t.app.db);
    expect((await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(await count()).toBeGreaterThan(0);
    await login('studierektor@demo', 'demo', '192.0.2.1');
    expect(await count()).toBe(1);
  });

  it('sends the session cookie with Secure by default', async () => {
    const res = await login('studierektor@demo', 'demo', '192.0.2.1');
    expect(res.cookies.find((c) => c.name === 'randplan_session')!.secure).toBe(true);
  });
});

describe('the proxy setting', () => {
  it('without a trusted proxy, every client behind it is the proxy and shares its limit', async () => {
    const t = await startTestApp(DIALECTS[0]!, { loginRateLimit: { max: 2, timeWindow: 60_000 }, secureCookie: false });
    try {
      const codes = [];
      for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
        codes.push((await t.call(null, { method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': client }, payload: { email: 'st@demo', password: 'fel' } })).statusCode);
      expect(codes).toEqual([401, 401, 429]);
      const ok = await t.call(null, { method: 'POST', url: '/api/auth/login', remoteAddress: '10.1.1.1', payload: { email: 'st@demo', password: 'demo' } });
      expect(ok.cookies.find((c) => c.name === 'randplan_session')!.secure).toBeFalsy();
    } finally {
      await t.close();
    }
  });
});
