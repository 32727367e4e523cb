import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe.each(DIALECTS)('proposal workflow on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let st: string;
  let trainee: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    st = await t.login('st@demo');
    trainee = (await t.call(st, { method: 'GET', url: '/api/auth/me' })).json().user.trainees[0];
  });
  afterAll(async () => t?.close());

  it('runs draft → validate → submit → return → edit → submit → approve, into a new published plan with locked placements', async () => {
    const published = (await t.call(st, { method: 'GET', url: '/api/plans/published' })).json();
    const mine = published.plan.placements
      .filter((p: { trainee: string }) => p.trainee === trainee)
      .map(({ trainee: _t, locked: _l, ...p }: Record<string, unknown>) => p);
    expect(mine.length).toBeGreaterThan(0);

    const created = await t.call(st, { method: 'POST', url: '/api/proposals', payload: { trainee, placements: mine } });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ trainee, status: 'draft', version: 1 });

    // A placement at an unknown clinic is refused with the field named.
    const bad = await t.call(st, {
      method: 'PUT',
      url: `/api/proposals/${p.id}`,
      payload: { placements: [{ kind: 'rotation', specialty: 'hud', clinic: 'nope', from: '2030-01-01', to: '2030-01-31' }], version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.join('\n')).toMatch(/placements\[0\]\.clinic/);

    const report = await t.call(st, { method: 'POST', url: `/api/proposals/${p.id}/validate` });
    expect(report.statusCode).toBe(200);
    expect(report.json().format).toBe('randplan.report/1');
    expect(report.json().trainees.map((x: { id: string }) => x.id)).toEqual([trainee]);

    const impact = await t.call(sr, { method: 'GET', url: `/api/proposals/${p.id}/impact` });
    expect(impact.statusCode).toBe(200);
    expect(impact.json()).toEqual({ clinicLoad: [], unitAway: [] }); // same placements as published: no effect

    const submitted = await t.call(st, { method: 'POST', url: `/api/proposals/${p.id}/submit`, payload: { version: 1 } });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 2 });
    const locked = await t.call(st, { method: 'PUT', url: `/api/proposals/${p.id}`, payload: { placements: mine, version: 2 } });
    expect(locked.statusCode).toBe(409);

    const returned = await t.call(sr, { method: 'POST', url: `/api/proposals/${p.id}/return`, payload: { comment: 'Flytta psykiatrin till hösten' } });
    expect(returned.json()).toMatchObject({ status: 'returned', comment: 'Flytta psykiatrin till hösten', version: 3 });

    // Move the last rotation a month later (its months at the clinic change): the trainee edits and resubmits.
    const lastRotation = mine.map((x: { kind: string }, i: number) => [x, i] as const).filter(([x]: [{ kind: string }]) => x.kind === 'rotation').pop()![1];
    const edited = mine.map((x: { from: string; to: string }, i: number) => (i === lastRotation ? { ...x, from: shift(x.from, 31), to: shift(x.to, 31) } : x));
    const put = await t.call(st, { method: 'PUT', url: `/api/proposals/${p.id}`, payload: { placements: edited, version: 3 } });
    expect(put.json()).toMatchObject({ status: 'draft', version: 4 });
    const stale = await t.call(st, { method: 'PUT', url: `/api/proposals/${p.id}`, payload: { placements: edited, version: 3 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(4);
    const impact2 = (await t.call(sr, { method: 'GET', url: `/api/proposals/${p.id}/impact` })).json();
    expect(impact2.clinicLoad.length + impact2.unitAway.length).toBeGreaterThan(0);
    expect((await t.call(st, { method: 'POST', url: `/api/proposals/${p.id}/submit` })).json().status).toBe('submitted');

    // Over a hard rule of the trainee's, approval needs an acknowledgement naming what it breaks (issue 14).
    const checked = (await t.call(sr, { method: 'POST', url: `/api/proposals/${p.id}/validate` })).json();
    const hard = checked.violations.filter((v: { severity: string; trainees: string[] }) => v.severity === 'hard' && v.trainees.includes(trainee)).length;
    const payload = hard > 0 ? { acknowledge: { hard, movedLocks: 0, reason: 'Överenskommet' } } : {};
    const approved = await t.call(sr, { method: 'POST', url: `/api/proposals/${p.id}/approve`, payload });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const now = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
    expect(now.id).not.toBe(published.id);
    const mineNow = now.plan.placements.filter((x: { trainee: string }) => x.trainee === trainee);
    expect(mineNow.every((x: { locked?: boolean }) => x.locked === true)).toBe(true);
    expect(mineNow.map(({ trainee: _t, locked: _l, ...x }: Record<string, unknown>) => x)).toEqual(edited);

    const diff = (await t.call(sr, { method: 'GET', url: `/api/plans/diff?from=${published.id}&to=${now.id}` })).json();
    expect(diff.moved.length + diff.added.length + diff.removed.length).toBeGreaterThan(0);
    expect([...diff.moved.map((m: { trainee: string }) => m.trainee), ...diff.added.map((m: { trainee: string }) => m.trainee)].every((x: string) => x === trainee)).toBe(true);

    const again = await t.call(sr, { method: 'POST', url: `/api/proposals/${p.id}/approve` });
    expect(again.statusCode).toBe(409);
    const plans = (await t.call(sr, { method: 'GET', url: '/api/plans' })).json();
    expect(plans[0]).toMatchObject({ id: now.id, status: 'published' });
  });

  it('completes a proposal with the one-trainee solver', async () => {
    const created = (await t.call(st, { method: 'POST', url: '/api/proposals', payload: { trainee, placements: [] } })).json();
    const res = await t.call(st, { method: 'POST', url: `/api/proposals/${created.id}/complete` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.placements.some((p: { kind: string }) => p.kind === 'rotation')).toBe(true);
    expect(body.report.format).toBe('randplan.report/1');
  });

  it('validates a posted plan for the studierektor', async () => {
    const pub = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
    const plan = { format: 'randplan.plan/1', placements: pub.plan.placements.map(({ locked: _l, ...p }: Record<string, unknown>) => p) };
    const res = await t.call(sr, { method: 'POST', url: '/api/validate', payload: { plan } });
    expect(res.statusCode).toBe(200);
    expect(res.json().trainees.length).toBeGreaterThan(1);
    const bad = await t.call(sr, { method: 'POST', url: '/api/validate', payload: { plan: { format: 'randplan.plan/1', placements: [{ trainee: 'x', kind: 'bvc', from: 'x', to: '2020-01-01' }] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.join('\n')).toMatch(/plan\.placements\[0\]/);
  });
});

function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
