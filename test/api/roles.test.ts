import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe.each(DIALECTS)('roles on $name', (dialect) => {
  let t: TestApp;
  const as: Record<string, string> = {};
  let me: Record<string, { trainees: string[]; units: string[] }> = {};
  let otherTrainee: string;
  let foreignProposal: number;
  beforeAll(async () => {
    t = await startTestApp(dialect, { loginRateLimit: { max: 1000, timeWindow: 60_000 } });
    for (const u of ['studierektor', 'enhetschef', 'st', 'handledare']) {
      as[u] = await t.login(`${u}@demo`);
      me[u] = (await t.call(as[u]!, { method: 'GET', url: '/api/auth/me' })).json().user;
    }
    const scenario = (await t.call(as.studierektor!, { method: 'GET', url: '/api/scenario' })).json();
    otherTrainee = scenario.trainees.find(
      (x: { id: string; unit: string }) => !me.st!.trainees.includes(x.id) && !me.handledare!.trainees.includes(x.id) && !me.enhetschef!.units.includes(x.unit),
    ).id;
    const created = await t.call(as.studierektor!, { method: 'POST', url: '/api/proposals', payload: { trainee: otherTrainee, placements: [] } });
    expect(created.statusCode).toBe(201);
    foreignProposal = created.json().id;
  });
  afterAll(async () => t?.close());

  const anonymous: [string, string][] = [
    ['GET', '/api/auth/me'],
    ['GET', '/api/region'],
    ['GET', '/api/scenario'],
    ['GET', '/api/trainees'],
    ['GET', '/api/plans/published'],
    ['GET', '/api/proposals'],
    ['POST', '/api/solve-jobs'],
    ['GET', '/api/export/plan.json'],
    ['GET', '/api/audit'],
  ];
  it.each(anonymous)('401 without login: %s %s', async (method, url) => {
    const res = await t.call(null, { method: method as 'GET', url });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthorized');
  });

  it('rejects a wrong password and a logged-out session', async () => {
    const bad = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { email: 'st@demo', password: 'fel' } });
    expect(bad.statusCode).toBe(401);
    const cookie = await t.login('handledare@demo');
    expect((await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await t.call(cookie, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
    expect((await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('sets an httpOnly SameSite=Lax session cookie', async () => {
    const res = await t.call(null, { method: 'POST', url: '/api/auth/login', payload: { email: 'st@demo', password: 'demo' } });
    const c = res.cookies.find((x) => x.name === 'randplan_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
  });

  const writesOnlyForStudierektor: [string, string, unknown][] = [
    ['PUT', '/api/region', { name: 'x', profile: 'kronoberg', rules: {}, horizon: { from: '2027-01-01', to: '2030-01-01' }, version: 1 }],
    ['POST', '/api/clinics', { id: 'c', name: 'c', specialty: 'hud', capacity: 1 }],
    ['PUT', '/api/units/x', { name: 'x', maxAway: 1, version: 1 }],
    ['DELETE', '/api/trainees/x', { version: 1 }],
    ['POST', '/api/import/scenario', {}],
    ['POST', '/api/plans/1/publish', undefined],
    ['POST', '/api/solve-jobs', {}],
    ['GET', '/api/solve-jobs/1', undefined],
    ['GET', '/api/audit', undefined],
  ];
  for (const role of ['enhetschef', 'st', 'handledare']) {
    it.each(writesOnlyForStudierektor)(`403 for ${role}: %s %s`, async (method, url, payload) => {
      const res = await t.call(as[role]!, { method: method as 'GET', url, ...(payload !== undefined ? { payload: payload as object } : {}) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('forbidden');
    });
  }

  it('lets an ST-läkare not read, edit, submit or complete another trainee’s proposal', async () => {
    const st = as.st!;
    expect((await t.call(st, { method: 'GET', url: `/api/proposals/${foreignProposal}` })).statusCode).toBe(403);
    expect((await t.call(st, { method: 'PUT', url: `/api/proposals/${foreignProposal}`, payload: { placements: [], version: 1 } })).statusCode).toBe(403);
    expect((await t.call(st, { method: 'POST', url: `/api/proposals/${foreignProposal}/submit` })).statusCode).toBe(403);
    expect((await t.call(st, { method: 'POST', url: `/api/proposals/${foreignProposal}/complete` })).statusCode).toBe(403);
    expect((await t.call(st, { method: 'POST', url: '/api/proposals', payload: { trainee: otherTrainee, placements: [] } })).statusCode).toBe(403);
    expect((await t.call(st, { method: 'POST', url: `/api/proposals/${foreignProposal}/approve` })).statusCode).toBe(403);
    const list = (await t.call(st, { method: 'GET', url: '/api/proposals' })).json();
    expect(list.every((p: { trainee: string }) => me.st!.trainees.includes(p.trainee))).toBe(true);
  });

  it('lets an enhetschef and a handledare read but never edit proposals', async () => {
    for (const role of ['enhetschef', 'handledare']) {
      expect((await t.call(as[role]!, { method: 'POST', url: '/api/proposals', payload: { trainee: otherTrainee, placements: [] } })).statusCode).toBe(403);
      expect((await t.call(as[role]!, { method: 'PUT', url: `/api/proposals/${foreignProposal}`, payload: { placements: [], version: 1 } })).statusCode).toBe(403);
      expect((await t.call(as[role]!, { method: 'POST', url: `/api/proposals/${foreignProposal}/return`, payload: { comment: 'nej' } })).statusCode).toBe(403);
    }
  });

  it('shows each role only the trainees it may read', async () => {
    const scenario = (await t.call(as.studierektor!, { method: 'GET', url: '/api/scenario' })).json();
    const ec = (await t.call(as.enhetschef!, { method: 'GET', url: '/api/trainees' })).json();
    expect(ec.length).toBeGreaterThan(0);
    expect(ec.every((x: { unit: string }) => me.enhetschef!.units.includes(x.unit))).toBe(true);
    const hl = (await t.call(as.handledare!, { method: 'GET', url: '/api/scenario' })).json();
    expect(hl.trainees.map((x: { id: string }) => x.id).sort()).toEqual([...me.handledare!.trainees].sort());
    expect(hl.clinics.length).toBe(scenario.clinics.length);
    const st = (await t.call(as.st!, { method: 'GET', url: '/api/plans/published' })).json();
    expect(st.plan.placements.every((p: { trainee: string }) => me.st!.trainees.includes(p.trainee))).toBe(true);
    expect(st.report.trainees.every((x: { id: string }) => me.st!.trainees.includes(x.id))).toBe(true);
    expect((await t.call(as.st!, { method: 'GET', url: `/api/trainees/${otherTrainee}` })).statusCode).toBe(403);
    expect((await t.call(as.handledare!, { method: 'GET', url: `/api/export/trainees/${otherTrainee}/plan.ics` })).statusCode).toBe(403);
    expect((await t.call(as.st!, { method: 'GET', url: '/api/plans' })).statusCode).toBe(403);
    expect((await t.call(as.handledare!, { method: 'POST', url: '/api/validate', payload: { plan: { format: 'randplan.plan/1', placements: [] } } })).statusCode).toBe(403);
  });

  it('rate-limits login attempts', async () => {
    const limited = await startTestApp(dialect, { loginRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await limited.call(null, { method: 'POST', url: '/api/auth/login', payload: { email: 'st@demo', password: 'fel' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
