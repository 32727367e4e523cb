/**
 * Malformed bodies at every write route: each one a valid body with one value replaced by one of the
 * wrong type, out of range, an impossible date or text with a NUL — or no JSON at all, or for the
 * list imports a CSV with one bad cell or random bytes. Every answer must be a 4xx that names the
 * field (a 400's details say `field: why`), never a 5xx, and afterwards the region's data, plans,
 * proposals, solve jobs and audit log are exactly as before.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const RUNS = 200;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Values that no field of the kind `original` is may hold. */
function wrongFor(original: Json): Json[] {
  if (typeof original === 'string')
    return [null, 7, true, [], {}, `${original}\u0000`, ...(DATE.test(original) ? ['9999-12-31', '0001-01-01', '2027-02-30', '2027-13-01', 'igår'] : [])];
  if (typeof original === 'number') return [null, '7', true, -1, -1e308, [], {}];
  if (typeof original === 'boolean') return [null, 'true', 1, [], {}];
  // Not a positive number: a rotation's months may be a [min, max] pair or one number.
  if (Array.isArray(original)) return [null, 'x', -1, {}, [null], [7]];
  return [null, [], 'x', -1];
}

function leaves(value: Json, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  return out;
}

function at(value: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, value);
}

function replaced(value: Json, path: Path, by: Json): Json {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[head!] = replaced(copy[head!]!, rest, by);
  return copy as Json;
}

/** Bodies that are no JSON, or JSON of the wrong shape for every route below. */
const NOT_A_BODY = ['{', '{"version":', '[1,', '"x"', '1', 'true', '[]', '{"x":1}', '1e999', '\u0000'];

/** One value of `template` replaced by a wrong one, or a body that is no body: sent as JSON text. */
function malformed(template: Json): fc.Arbitrary<string> {
  const paths = leaves(template);
  const notABody = fc.constantFrom(...NOT_A_BODY);
  if (paths.length === 0) return notABody;
  const field = fc
    .constantFrom(...paths)
    .chain((path) => fc.constantFrom(...wrongFor(at(template, path))).map((bad) => JSON.stringify(replaced(template, path, bad))));
  return fc.oneof(field, notABody);
}

const BAD_CELLS: Record<string, string[]> = {
  id: [''],
  namn: [''],
  enhet: ['', 'ingen-sådan-enhet'],
  start: ['', 'igår', '9999-12-31', '2027-02-30'],
  regelverk: ['1999:1'],
  sysselsättningsgrad: ['abc', '150', '-5', '0'],
  tillgodoräknande: ['x', '99', '-1'],
  specialitet: ['tandvård', ''],
  kapacitet: ['-1', '1.5', '99999999999', 'x', ''],
  'st-läkare': ['', 'ingen-sådan'],
  typ: ['semester'],
  klinik: ['', 'ingen-sådan-klinik'],
  från: ['', 'igår', '2027-02-30'],
  till: ['', '1990-01-01', '9999-12-31'],
};

/** A valid list with one cell made bad (or NUL, or an unterminated quote), or random bytes. */
function malformedCsv(header: string[], row: string[]): fc.Arbitrary<Buffer> {
  const cell = fc.nat({ max: header.length - 1 }).chain((i) =>
    fc.constantFrom(...(BAD_CELLS[header[i]!] ?? []), 'x\u0000y', '"öppet citat').map((bad) => {
      const cells = row.map((c, j) => (j === i ? bad : c));
      return Buffer.from(`${header.join(';')}\n${cells.join(';')}\n`, 'utf8');
    }),
  );
  return fc.oneof(cell, fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)));
}

describe.each(DIALECTS)('malformed bodies on every write route on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  beforeAll(async () => {
    t = await startTestApp(dialect, { jobs: false });
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  const get = async (url: string) => (await t.call(sr, { method: 'GET', url })).json();

  /** Everything a write could change. */
  async function snapshot(): Promise<string> {
    const jobs = await sql<{ n: string }>`select count(*)::text as n from solve_jobs`.execute(t.app.db);
    const sessions = await sql<{ n: string }>`select count(*)::text as n from sessions`.execute(t.app.db);
    return JSON.stringify([
      await get('/api/scenario'),
      await get('/api/plans'),
      await get('/api/proposals'),
      await get('/api/audit?limit=1000'),
      jobs.rows[0]!.n,
      sessions.rows[0]!.n,
    ]);
  }

  function assertRefused(res: { statusCode: number; body: string }, what: string): void {
    expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, `${what} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
    if (res.statusCode === 400) {
      const details: unknown = JSON.parse(res.body).details;
      expect(Array.isArray(details) && details.length > 0 && details.every((d) => typeof d === 'string' && /^[^:]+: ./.test(d)), `${what} → ${res.body.slice(0, 300)}`).toBe(true);
    }
  }

  it('refuses every malformed body with a 4xx naming the field, and changes nothing', async () => {
    const region = await get('/api/region');
    const [clinic] = await get('/api/clinics');
    const [unit] = await get('/api/units');
    const trainees = await get('/api/trainees');
    // The trainee with the most fields set, so that the nested lists are fuzzed too.
    const trainee = trainees.reduce((a: object, b: object) => (Object.keys(b).length > Object.keys(a).length ? b : a));
    const proposals = await get('/api/proposals');
    const submitted = proposals.find((p: { status: string }) => p.status === 'submitted');
    const scenario = await get('/api/scenario');
    const plan = (await get('/api/plans/published')).plan;
    const publishedId = (await get('/api/plans'))[0].id;
    const placement = { kind: 'rotation', specialty: clinic.specialty, clinic: clinic.id, from: '2031-01-06', to: '2031-02-02' };
    const { id: cid, version: cv, ...clinicRest } = clinic;
    const { id: uid, version: uv, ...unitRest } = unit;
    const { id: tid, version: tv, ...traineeRest } = trainee;
    const routes: { method: 'POST' | 'PUT' | 'DELETE'; url: string; body: Json }[] = [
      { method: 'PUT', url: '/api/region', body: region },
      { method: 'POST', url: '/api/clinics', body: { ...clinicRest, id: 'fuzz-k', capacityChanges: [{ from: '2030-01-01', to: '2030-02-01', capacity: 1 }] } },
      { method: 'PUT', url: `/api/clinics/${cid}`, body: { ...clinicRest, capacityChanges: [{ from: '2030-01-01', to: '2030-02-01', capacity: 1 }], version: cv } },
      { method: 'DELETE', url: `/api/clinics/${cid}`, body: { version: cv } },
      { method: 'POST', url: '/api/units', body: { ...unitRest, id: 'fuzz-u' } },
      { method: 'PUT', url: `/api/units/${uid}`, body: { ...unitRest, version: uv } },
      { method: 'DELETE', url: `/api/units/${uid}`, body: { version: uv } },
      { method: 'POST', url: '/api/trainees', body: { ...traineeRest, id: 'fuzz-t' } },
      { method: 'PUT', url: `/api/trainees/${tid}`, body: { ...traineeRest, version: tv } },
      { method: 'DELETE', url: `/api/trainees/${tid}`, body: { version: tv } },
      { method: 'POST', url: '/api/proposals', body: { trainee: tid, placements: [placement] } },
      { method: 'PUT', url: `/api/proposals/${submitted.id}`, body: { placements: [placement], version: submitted.version } },
      { method: 'POST', url: `/api/proposals/${submitted.id}/submit`, body: { version: submitted.version } },
      { method: 'POST', url: `/api/proposals/${submitted.id}/approve`, body: { version: submitted.version } },
      { method: 'POST', url: `/api/proposals/${submitted.id}/return`, body: { comment: 'Flytta hösten', version: submitted.version } },
      { method: 'POST', url: `/api/proposals/${submitted.id}/validate`, body: {} },
      { method: 'POST', url: `/api/proposals/${submitted.id}/complete`, body: {} },
      { method: 'POST', url: `/api/plans/${publishedId}/publish`, body: {} },
      { method: 'POST', url: '/api/validate', body: { plan: { ...plan, placements: plan.placements.slice(0, 20).map(({ locked: _l, ...p }: { locked?: boolean }) => p) } } },
      { method: 'POST', url: '/api/solve-jobs', body: { timeLimitSeconds: 5 } },
      { method: 'POST', url: '/api/import/scenario', body: scenario },
      { method: 'POST', url: '/api/auth/login', body: { email: 'studierektor@demo', password: 'fel-lösenord' } },
    ];
    const before = await snapshot();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(malformed(route.body), async (payload) => {
          const res = await t.call(sr, { method: route.method, url: route.url, headers: { 'content-type': 'application/json' }, payload });
          assertRefused(res, `${route.method} ${route.url} ${payload.slice(0, 200)}`);
        }),
        { numRuns: RUNS },
      );
    }
    const lists = [
      { url: '/api/import/trainees', header: ['id', 'namn', 'enhet', 'start', 'regelverk', 'sysselsättningsgrad', 'tillgodoräknande'], row: ['fuzz-t', 'Åsa Öberg', unit.id, '2030-01-07', '2021:8', '80', '2'] },
      { url: '/api/import/clinics', header: ['id', 'namn', 'specialitet', 'kapacitet'], row: ['fuzz-k', 'Hudkliniken Fuzz', 'hud', '2'] },
      { url: '/api/import/placements', header: ['st-läkare', 'typ', 'klinik', 'från', 'till'], row: [tid, 'randning', cid, '2031-01-06', '2031-02-02'] },
    ];
    for (const list of lists) {
      await fc.assert(
        fc.asyncProperty(malformedCsv(list.header, list.row), async (payload) => {
          const res = await t.call(sr, { method: 'POST', url: list.url, headers: { 'content-type': 'text/csv' }, payload });
          assertRefused(res, `POST ${list.url} ${JSON.stringify(payload.toString('latin1').slice(0, 200))}`);
        }),
        { numRuns: RUNS },
      );
    }
    expect(await snapshot()).toBe(before);
  });
});
