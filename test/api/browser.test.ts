/** What protects a logged-in browser: no writes from foreign sites, declared content types only, helmet's headers. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

describe.each(DIALECTS)('browser protections on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  const webRoot = mkdtempSync(join(tmpdir(), 'randplan-web-'));
  beforeAll(async () => {
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Randplan</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map');
    writeFileSync(join(webRoot, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
    t = await startTestApp(dialect, { webRoot });
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const submitted = async () => (await t.call(sr, { method: 'GET', url: '/api/proposals' })).json().find((p: { status: string }) => p.status === 'submitted');

  it('refuses a write whose Origin or Sec-Fetch-Site is another site, and writes nothing', async () => {
    const p = await submitted();
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }]) {
      const res = await t.call(sr, { method: 'POST', url: `/api/proposals/${p.id}/approve`, headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
    expect((await t.call(sr, { method: 'GET', url: `/api/proposals/${p.id}` })).json().status).toBe('submitted');
    // Reads stay open to links from anywhere.
    expect((await t.call(sr, { method: 'GET', url: '/api/proposals', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });

  it('accepts a write from its own origin, and from a client that sends no Origin', async () => {
    const units = (await t.call(sr, { method: 'GET', url: '/api/units' })).json();
    const u = units[0];
    const same = await t.call(sr, {
      method: 'PUT',
      url: `/api/units/${u.id}`,
      headers: { host: 'randplan.region.se', origin: 'https://randplan.region.se', 'sec-fetch-site': 'same-origin' },
      payload: { name: u.name, maxAway: u.maxAway, version: u.version },
    });
    expect(same.statusCode).toBe(200);
    const bare = await t.call(sr, { method: 'PUT', url: `/api/units/${u.id}`, payload: { name: u.name, maxAway: u.maxAway, version: u.version + 1 } });
    expect(bare.statusCode).toBe(200);
  });

  it('accepts only the content types a route declares', async () => {
    const p = await submitted();
    const plain = await t.call(sr, { method: 'POST', url: `/api/proposals/${p.id}/approve`, headers: { 'content-type': 'text/plain' }, payload: '{"version":1}' });
    expect(plain.statusCode).toBe(415);
    const form = await t.call(sr, { method: 'POST', url: '/api/units', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'id=x&name=y&maxAway=1' });
    expect(form.statusCode).toBe(415);
    const tr = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json()[0];
    const csv = `id;namn;enhet;start\n${tr.id};Omdöpt;${tr.unit};${tr.start}\n`;
    const csvAsText = await t.call(sr, { method: 'POST', url: '/api/import/trainees', headers: { 'content-type': 'text/plain' }, payload: csv });
    expect(csvAsText.statusCode).toBe(415);
    expect((await t.call(sr, { method: 'GET', url: `/api/trainees/${tr.id}` })).json().name).toBe(tr.name);
    expect((await t.call(sr, { method: 'GET', url: `/api/proposals/${p.id}` })).json().status).toBe('submitted');
  });

  it('sends helmet’s headers, and no-store on personal data', async () => {
    const res = await t.call(sr, { method: 'GET', url: '/api/trainees' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const ics = await t.call(sr, { method: 'GET', url: `/api/export/trainees/${(await t.call(sr, { method: 'GET', url: '/api/trainees' })).json()[0].id}/plan.ics` });
    expect(ics.headers['cache-control']).toBe('no-store');
    const page = await t.call(null, { method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('serves the web app’s scripts but not their source maps', async () => {
    expect((await t.call(null, { method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
    const map = await t.call(null, { method: 'GET', url: '/assets/app.js.map' });
    expect(map.body).not.toContain('secret.ts');
  });
});
