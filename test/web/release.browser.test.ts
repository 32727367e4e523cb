/**
 * Releasing agreed placements before a solve (issue 11, "Agreed months"), in Chromium against the
 * real API and web build on the demo region: the Solve view lists what a solve today keeps as
 * agreed (as the API does), one is released from the keyboard, the solve sends it, and the result
 * says how many were kept and how many released. Solves run on a work budget.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AgreedPlacements, SolveJob, SolveRun } from '../../api/schemas/index.ts';
import type { SolveStarter } from '../../api/services/solve-runner.ts';
import { solveInWorker } from '../../solver/solve/index.ts';
import { placementName, placementPeriod } from '../../web/src/lib/placements.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { buildWebIfStale, freePort, launch, logIn, openPage, ROOT, SCREENSHOTS } from './browser.ts';

const WORK = 400;
const start: SolveStarter = (scenario, options) => solveInWorker(scenario, { ...options, workLimit: WORK });

let t: TestApp;
let sr: string;
let browser: Browser;
let base = '';

async function api<T>(url: string): Promise<T> {
  const res = await t.call(sr, { method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe('the studierektor releases an agreed placement before a solve (real API, demo region)', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    buildWebIfStale();
    browser = await launch();
    t = await startTestApp(DIALECTS[0]!, { webRoot: join(ROOT, 'web/dist'), jobs: { pollMs: 200, progressEveryMs: 200, start } });
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    sr = await t.login('studierektor@demo');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the agreed placements, releases one, solves, and shows how many were kept and released', async () => {
    const agreed = await api<AgreedPlacements>('/api/solve-jobs/agreed');
    const n = agreed.placements.length;
    expect(n).toBeGreaterThan(1);
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, base, 'studierektor@demo');
    await page.getByRole('link', { name: 'Optimera' }).click();
    const list = page.getByTestId('agreed');
    await list.getByRole('heading', { name: `Överenskomna placeringar (${n})` }).waitFor();
    expect(await list.locator('tbody tr').count()).toBe(n);
    expect(await list.getByTestId('release-warning').innerText()).toBe('En släppt placering kan flyttas av optimeringen. Meddela kliniken om den flyttas.');
    expect(await list.getByTestId('released-count').innerText()).toBe(`0 släppta av ${n}`);

    // "Släpp alla" and back, then one placement released from the keyboard.
    await list.getByLabel('Släpp alla').check();
    expect(await list.getByTestId('released-count').innerText()).toBe(`${n} släppta av ${n}`);
    await list.getByLabel('Släpp alla').uncheck();
    const first = agreed.placements[0]!;
    const one = list.getByLabel(`Släpp: ${first.name}, ${placementName(first, 'sv')}, ${placementPeriod(first)}`);
    await one.focus();
    await page.keyboard.press('Space');
    expect(await one.isChecked()).toBe(true);
    expect(await list.getByTestId('released-count').innerText()).toBe(`1 släppta av ${n}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'release-agreed-list.png'), fullPage: true });

    const sent = page.waitForRequest((r) => r.url().endsWith('/api/solve-jobs') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Starta optimering' }).click();
    const { name: _n, ...released } = first;
    expect((await sent).postDataJSON().release).toEqual([released]);
    const status = page.getByTestId('job-status');
    await status.filter({ hasText: /Klar|Misslyckades|Avbruten/ }).waitFor({ timeout: 120_000 });
    expect(await status.innerText()).toBe('Klar');
    const [run] = await api<SolveRun[]>('/api/solve-jobs');
    const job = await api<SolveJob>(`/api/solve-jobs/${run!.id}`);
    const solve = job.result!.report.solve!;
    expect(solve.released).toBe(1);
    expect(await page.getByTestId('planning-day').innerText()).toBe(
      `Planeringsdag ${solve.planFrom} · ${solve.kept} placeringar före planeringsdagen eller inom de överenskomna månaderna ligger kvar · 1 överenskomna placeringar släpptes och fick flyttas`,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'release-result.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
