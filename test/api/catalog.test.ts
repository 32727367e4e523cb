import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe.each(DIALECTS)('catalogue API on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  it('answers health without login', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ ok: true, db: dialect.name });
  });

  it('creates, reads, updates and deletes a clinic with capacity changes, and audits it', async () => {
    const clinic = {
      id: 'psyk-test',
      name: 'Psykiatriska kliniken Test',
      specialty: 'psykiatri',
      capacity: 2,
      capacityChanges: [{ from: '2027-06-21', to: '2027-08-15', capacity: 0 }],
    };
    const created = await t.call(sr, { method: 'POST', url: '/api/clinics', payload: clinic });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...clinic, version: 1 });
    const list = await t.call(sr, { method: 'GET', url: '/api/clinics' });
    expect(list.json().find((c: { id: string }) => c.id === 'psyk-test')).toEqual({ ...clinic, version: 1 });
    const updated = await t.call(sr, { method: 'PUT', url: '/api/clinics/psyk-test', payload: { ...clinic, id: undefined, capacity: 3, capacityChanges: [], version: 1 } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toEqual({ id: 'psyk-test', name: clinic.name, specialty: 'psykiatri', capacity: 3, version: 2 });
    const removed = await t.call(sr, { method: 'DELETE', url: '/api/clinics/psyk-test', payload: { version: 2 } });
    expect(removed.statusCode).toBe(200);
    expect((await t.call(sr, { method: 'GET', url: '/api/clinics' })).json().some((c: { id: string }) => c.id === 'psyk-test')).toBe(false);
    const audit = (await t.call(sr, { method: 'GET', url: '/api/audit?entity=clinic' })).json();
    expect(audit.slice(0, 3).map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1]).toMatchObject({ user: 'studierektor@demo', entityId: 'psyk-test', before: { capacity: 2 }, after: { capacity: 3 } });
  });

  it('creates and updates a unit with limit changes; bad changes are refused with the field named and nothing written', async () => {
    const unit = { id: 'vc-test', name: 'Vårdcentral Test', maxAway: 1, maxAwayChanges: [{ from: '2027-06-01', to: '2027-08-31', maxAway: 2 }] };
    const created = await t.call(sr, { method: 'POST', url: '/api/units', payload: unit });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...unit, version: 1 });
    const read = async () => (await t.call(sr, { method: 'GET', url: '/api/units' })).json().find((u: { id: string }) => u.id === 'vc-test');
    expect(await read()).toEqual({ ...unit, version: 1 });

    const put = (changes: unknown) => t.call(sr, { method: 'PUT', url: '/api/units/vc-test', payload: { name: unit.name, maxAway: 1, maxAwayChanges: changes, version: 1 } });
    const refused = async (changes: unknown, field: RegExp) => {
      const res = await put(changes);
      expect(res.statusCode, JSON.stringify(changes)).toBe(400);
      expect((res.json().details as string[]).join('\n')).toMatch(field);
    };
    await refused([{ from: '2027-08-31', to: '2027-06-01', maxAway: 2 }], /^units\[\d+\]\.maxAwayChanges\[0\]\.to: 2027-06-01 is before from 2027-08-31/m);
    await refused([{ from: '2027-06-01', to: '2027-08-31', maxAway: -1 }], /^maxAwayChanges\[0\]\.maxAway: /m);
    await refused([{ from: '2027-06-01', maxAway: 2 }], /^maxAwayChanges\[0\]\.to: /m);
    await refused([{ from: '2027-02-30', to: '2027-08-31', maxAway: 2 }], /maxAwayChanges\[0\]\.from: /m);
    const post = await t.call(sr, { method: 'POST', url: '/api/units', payload: { id: 'vc-bad', name: 'Fel', maxAway: 1, maxAwayChanges: [{ from: '2027-06-01', to: '2027-08-31', maxAway: -1 }] } });
    expect(post.statusCode).toBe(400);
    expect((await t.call(sr, { method: 'GET', url: '/api/units' })).json().some((u: { id: string }) => u.id === 'vc-bad')).toBe(false);
    expect(await read()).toEqual({ ...unit, version: 1 });

    const cleared = await put([]);
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toEqual({ id: 'vc-test', name: unit.name, maxAway: 1, version: 2 });
    expect((await t.call(sr, { method: 'DELETE', url: '/api/units/vc-test', payload: { version: 2 } })).statusCode).toBe(200);
  });

  it('answers a stale write with 409 and the current row, and keeps the newer write', async () => {
    const before = (await t.call(sr, { method: 'GET', url: '/api/units' })).json()[0];
    const first = await t.call(sr, { method: 'PUT', url: `/api/units/${before.id}`, payload: { name: 'Ny', maxAway: 2, version: before.version } });
    expect(first.statusCode).toBe(200);
    const stale = await t.call(sr, { method: 'PUT', url: `/api/units/${before.id}`, payload: { name: 'Gammal', maxAway: 1, version: before.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: 'conflict', current: { id: before.id, name: 'Ny', maxAway: 2, version: before.version + 1 } });
    const staleDelete = await t.call(sr, { method: 'DELETE', url: `/api/units/${before.id}`, payload: { version: before.version } });
    expect(staleDelete.statusCode).toBe(409);
  });

  it('rejects a bad trainee with field-named details and writes nothing', async () => {
    const before = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json().length;
    const bad = await t.call(sr, {
      method: 'POST',
      url: '/api/trainees',
      payload: { id: 'tx', name: 'X', unit: 'no-such-unit', start: '2027-02-30', regulation: '2015:8' },
    });
    expect(bad.statusCode).toBe(400);
    const details: string[] = bad.json().details;
    expect(details.some((d) => d.includes('unit') && d.includes('no-such-unit'))).toBe(true);
    expect(details.some((d) => d.includes('start'))).toBe(true);
    const schemaBad = await t.call(sr, { method: 'POST', url: '/api/trainees', payload: { id: 'ty', name: 'Y', unit: 'x', start: 'igår', regulation: '1999:1' } });
    expect(schemaBad.statusCode).toBe(400);
    expect(schemaBad.json().details.join('\n')).toMatch(/start/);
    expect((await t.call(sr, { method: 'GET', url: '/api/trainees' })).json().length).toBe(before);
  });

  it('updates a trainee and returns the scenario in the formats shape', async () => {
    const trainees = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json();
    const tr = trainees[0];
    const { id, version, ...rest } = tr;
    const res = await t.call(sr, { method: 'PUT', url: `/api/trainees/${id}`, payload: { ...rest, name: 'Omdöpt Person', version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, name: 'Omdöpt Person', version: version + 1 });
    const scenario = (await t.call(sr, { method: 'GET', url: '/api/scenario' })).json();
    expect(scenario.format).toBe('randplan.scenario/1');
    expect(scenario.trainees.find((x: { id: string }) => x.id === id).name).toBe('Omdöpt Person');
    expect(scenario.trainees[0].version).toBeUndefined();
  });

  it('will not delete a unit that still has trainees', async () => {
    const unit = (await t.call(sr, { method: 'GET', url: '/api/scenario' })).json().trainees[0].unit;
    const u = (await t.call(sr, { method: 'GET', url: '/api/units' })).json().find((x: { id: string }) => x.id === unit);
    const res = await t.call(sr, { method: 'DELETE', url: `/api/units/${unit}`, payload: { version: u.version } });
    expect(res.statusCode).toBe(400);
  });

  it('updates the region with its version', async () => {
    const region = (await t.call(sr, { method: 'GET', url: '/api/region' })).json();
    const res = await t.call(sr, { method: 'PUT', url: '/api/region', payload: { ...region, rules: { 'max-away': { months: 2 } } } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rules: { 'max-away': { months: 2 } }, version: region.version + 1 });
    const badRule = await t.call(sr, { method: 'PUT', url: '/api/region', payload: { ...region, version: region.version + 1, rules: { 'max-away': { months: 'x' } } } });
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().details.join('\n')).toMatch(/max-away/);
  });
});
