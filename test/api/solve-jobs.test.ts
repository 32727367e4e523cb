import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app.ts';
import { openDatabase } from '../../db/index.ts';
import { DIALECTS, pgliteFromTemplate } from '../helpers/db.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../helpers/app.ts';

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe.each(DIALECTS)('solve jobs on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());
  const job = async (id: number) => (await t.call(sr, { method: 'GET', url: `/api/solve-jobs/${id}` })).json();

  it('starts a job (202), reports progress, and stores the result as a draft plan', async () => {
    const res = await t.call(sr, { method: 'POST', url: '/api/solve-jobs', payload: { timeLimitSeconds: 2 } });
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    const done = await until(() => job(id), (j) => j.status === 'done' || j.status === 'failed');
    expect(done.status).toBe('done');
    expect(done.error).toBeNull();
    expect(done.result.report.format).toBe('randplan.report/1');
    expect(Array.isArray(done.result.moved)).toBe(true);
    const plan = (await t.call(sr, { method: 'GET', url: `/api/plans/${done.result.planId}` })).json();
    expect(plan.status).toBe('draft');
    expect(plan.plan.placements.length).toBeGreaterThan(0);
    // Publishing the draft makes it the current plan (acknowledged, should it break a rule or move a lock).
    const check = (await t.call(sr, { method: 'GET', url: `/api/plans/${plan.id}/check` })).json();
    const acknowledge = { hard: check.hard.length, movedLocks: check.movedLocks.length, reason: 'Test' };
    const pub = await t.call(sr, { method: 'POST', url: `/api/plans/${plan.id}/publish`, payload: check.needsAcknowledgement ? { acknowledge } : {} });
    expect(pub.json().status).toBe('published');
    expect((await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json().id).toBe(plan.id);
  });

  it('cancels a running job', async () => {
    const { id } = (await t.call(sr, { method: 'POST', url: '/api/solve-jobs', payload: { timeLimitSeconds: 120 } })).json();
    await until(() => job(id), (j) => j.status === 'running');
    const del = await t.call(sr, { method: 'DELETE', url: `/api/solve-jobs/${id}` });
    expect(del.statusCode).toBe(200);
    const after = await until(() => job(id), (j) => j.status !== 'running', 30_000);
    expect(after.status).toBe('cancelled');
    expect(after.result).toBeNull();
  });

  it('cancels a queued job at once and answers 404 for an unknown one', async () => {
    // With the runner off, a job stays queued.
    const quiet = await startTestApp(dialect, { jobs: false });
    try {
      const cookie = await quiet.login('studierektor@demo');
      const { id } = (await quiet.call(cookie, { method: 'POST', url: '/api/solve-jobs', payload: {} })).json();
      expect((await quiet.call(cookie, { method: 'GET', url: `/api/solve-jobs/${id}` })).json()).toMatchObject({ status: 'queued', progress: null, result: null });
      expect((await quiet.call(cookie, { method: 'DELETE', url: `/api/solve-jobs/${id}` })).json().status).toBe('cancelled');
      expect((await quiet.call(cookie, { method: 'GET', url: '/api/solve-jobs/9999' })).statusCode).toBe(404);
    } finally {
      await quiet.close();
    }
  });
});

describe('restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'randplan-api-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the data when the server restarts on the same PGlite directory', async () => {
    const first = await openDatabase({ pglite: await pgliteFromTemplate(dir) });
    const app1 = await buildApp({ database: first, demo: { solveWork: 0 }, jobs: false, webRoot: false, today: TEST_TODAY });
    const login = await app1.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'studierektor@demo', password: 'demo' } });
    const cookie = `randplan_session=${login.cookies[0]!.value}`;
    const created = await app1.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie },
      payload: { id: 'vc-omstart', name: 'Omstartens vårdcentral', maxAway: 1 },
    });
    expect(created.statusCode).toBe(201);
    await app1.close();
    await first.close();

    const app2 = await buildApp({ dataDir: dir, jobs: false, webRoot: false, today: TEST_TODAY });
    try {
      // The session survives too: it lives in the database.
      const units = await app2.inject({ method: 'GET', url: '/api/units', headers: { cookie } });
      expect(units.statusCode).toBe(200);
      expect(units.json().some((u: { id: string }) => u.id === 'vc-omstart')).toBe(true);
    } finally {
      await app2.close();
    }
  });
});
