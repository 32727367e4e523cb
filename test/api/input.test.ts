/**
 * What a user can type or upload is refused with 400 and the field named — never a 500, never
 * silently coerced: numbers beyond a database integer, ids beyond one, NUL characters, absurd dates,
 * and values of the wrong type on edit routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe.each(DIALECTS)('input checks on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let st: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    st = await t.login('st@demo');
  });
  afterAll(async () => t?.close());

  const details = (res: { statusCode: number; json(): { details?: string[] } }) => {
    expect(res.statusCode).toBe(400);
    return (res.json().details ?? []).join('\n');
  };
  const clinic = async () => (await t.call(sr, { method: 'GET', url: '/api/clinics' })).json()[0];

  it('refuses numbers a database integer cannot hold, in bodies and in CSV', async () => {
    const big = { id: 'stor', name: 'Stor', specialty: 'hud', capacity: 3e9 };
    expect(details(await t.call(sr, { method: 'POST', url: '/api/clinics', payload: big }))).toMatch(/capacity/);
    expect(details(await t.call(sr, { method: 'POST', url: '/api/units', payload: { id: 'u', name: 'U', maxAway: 1e308 } }))).toMatch(/maxAway/);
    const csv = 'id;namn;specialitet;kapacitet\nk9;Hud;hud;99999999999\n';
    expect(details(await t.call(sr, { method: 'POST', url: '/api/import/clinics', headers: { 'content-type': 'text/csv' }, payload: csv }))).toMatch(/^rad 2, kapacitet/);
  });

  it('answers ids beyond a database integer with 400, for every role', async () => {
    for (const url of ['/api/plans/2147483648', '/api/solve-jobs/99999999999', '/api/export/plan.json?plan=3000000000', '/api/plans/diff?from=2147483648&to=1'])
      expect(details(await t.call(sr, { method: 'GET', url })), url).toMatch(/id|plan|from/);
    expect(details(await t.call(st, { method: 'GET', url: '/api/proposals/2147483648' }))).toMatch(/params\.id/);
    expect(details(await t.call(st, { method: 'POST', url: '/api/proposals/2147483648/submit' }))).toMatch(/params\.id/);
  });

  it('refuses a NUL character in any text, naming where', async () => {
    expect(details(await t.call(sr, { method: 'POST', url: '/api/units', payload: { id: 'nul', name: 'A\u0000B', maxAway: 1 } }))).toMatch(/^name: .*NUL/);
    expect(details(await t.call(sr, { method: 'GET', url: '/api/trainees/a%00b' }))).toMatch(/^params\.id: .*NUL/);
    expect(details(await t.call(sr, { method: 'GET', url: '/api/audit?entity=a%00' }))).toMatch(/^querystring\.entity: .*NUL/);
    const csv = 'id;namn;specialitet;kapacitet\nk8;Hud\u0000;hud;1\n';
    expect(details(await t.call(sr, { method: 'POST', url: '/api/import/clinics', headers: { 'content-type': 'text/csv' }, payload: csv }))).toMatch(/^rad 2: .*control characters/);
    expect((await t.call(sr, { method: 'GET', url: '/api/units' })).json().some((u: { id: string }) => u.id === 'nul')).toBe(false);
  });

  it('refuses null, "7" and true for a number on an edit route, and keeps the row', async () => {
    const c = await clinic();
    const { id, version, ...rest } = c;
    for (const capacity of [null, '7', true]) {
      const res = await t.call(sr, { method: 'PUT', url: `/api/clinics/${id}`, payload: { ...rest, capacity, version } });
      expect(details(res), JSON.stringify(capacity)).toMatch(/^capacity: /m);
    }
    expect(details(await t.call(sr, { method: 'PUT', url: `/api/clinics/${id}`, payload: { ...rest, version: String(version) } }))).toMatch(/^version: /m);
    expect(await clinic()).toEqual(c);
  });

  it('refuses dates outside 1990–2100 with the field named, and solve jobs keep answering', async () => {
    const tr = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json()[0];
    const { id, ...rest } = tr;
    expect(details(await t.call(sr, { method: 'PUT', url: `/api/trainees/${id}`, payload: { ...rest, start: '9999-12-31' } }))).toMatch(/start: 9999-12-31 is outside the years 1990–2100/);
    const region = (await t.call(sr, { method: 'GET', url: '/api/region' })).json();
    expect(details(await t.call(sr, { method: 'PUT', url: '/api/region', payload: { ...region, horizon: { from: '0001-01-01', to: region.horizon.to } } }))).toMatch(/horizon\.from/);
    const me = (await t.call(st, { method: 'GET', url: '/api/auth/me' })).json().user.trainees[0];
    const placements = [{ kind: 'bvc', from: '9999-01-01', to: '9999-12-31' }];
    expect(details(await t.call(st, { method: 'POST', url: '/api/proposals', payload: { trainee: me, placements } }))).toMatch(/placements\[0\]\.from/);
    const csv = `id;namn;enhet;start\nz1;Zlatan Ö;${tr.unit};0001-01-01\n`;
    expect(details(await t.call(sr, { method: 'POST', url: '/api/import/trainees', headers: { 'content-type': 'text/csv' }, payload: csv }))).toMatch(/^rad 2, start: .*1990–2100/);
    const job = (await t.call(sr, { method: 'POST', url: '/api/solve-jobs', payload: {} })).json();
    expect((await t.call(sr, { method: 'GET', url: `/api/solve-jobs/${job.id}` })).statusCode).toBe(200);
  });
});
