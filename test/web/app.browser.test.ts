/**
 * The web app in Debian's Chromium against the real server (PGlite in a temp dir, demo data):
 * every demo user logs in and sees their view; the ST-läkare drags a rotation into a conflict,
 * sees the message while dragging, and repairs it; the studierektor approves a proposal, runs a
 * solve, publishes it and sees the load heat map change; the exports download and parse.
 * Screenshots of each view go to test/web/screenshots/ (gitignored artifacts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { BROWSER_TODAY, buildWebIfStale, freePort, launch, logIn, openPage, ROOT, SCREENSHOTS } from './browser.ts';
import type {} from '../../web/src/lib/perf.ts'; // window.__randplanPerf

const SERVER = join(ROOT, 'api/server.ts');
const haveApi = existsSync(SERVER);

let server: ChildProcess | null = null;
let browser: Browser;
let base = '';
let dataDir = '';
const serverLog: string[] = [];

async function waitForHealth(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) break;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy (${last}); log:\n${serverLog.join('').slice(-3000)}`);
}

const login = (page: Page, email: string) => logIn(page, base, email);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

function navNames(page: Page): Promise<string[]> {
  return page.getByRole('navigation').getByRole('link').allInnerTexts();
}

async function hardCount(page: Page): Promise<number> {
  const text = await page.getByTestId('hard-count').innerText();
  const m = /^(\d+)/.exec(text.trim());
  return m ? Number(m[1]) : 0;
}

async function heatSnapshot(page: Page): Promise<string[]> {
  await page.locator('table.heat td button').first().waitFor();
  return page.locator('table.heat td button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

describe.skipIf(!haveApi)('web app in Chromium against the real server', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    buildWebIfStale();
    browser = await launch();
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'randplan-web-'));
    base = `http://127.0.0.1:${port}`;
    server = spawn(join(ROOT, 'node_modules/.bin/tsx'), [SERVER], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RANDPLAN_DATA_DIR: dataDir, RANDPLAN_TODAY: BROWSER_TODAY, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => serverLog.push(d.toString()));
    server.stderr?.on('data', (d: Buffer) => serverLog.push(d.toString()));
    await waitForHealth(base, 110_000);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('each demo user logs in and sees their own view and only their menu', async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await shot(page, 'login');

    await login(page, 'studierektor@demo');
    await page.getByRole('heading', { name: /^Kohort/ }).waitFor();
    expect(await navNames(page)).toEqual(['Kohort', 'Klinikbelastning', 'Per klinik', 'Enhet', 'Granska', 'Optimera', 'Versioner', 'Låsningar', 'ST-läkare', 'Kapacitet', 'Data', 'Individuell plan']);
    // Every bar is a button named "<what>, <who>, <from> – <to>".
    const label = await page.locator('.timeline .bar').first().getAttribute('aria-label');
    expect(label).toMatch(/^[^,]+, [^,]+, \d{4}-\d{2}-\d{2}( – \d{4}-\d{2}-\d{2})?$/);
    await shot(page, 'cohort');
    const perf = await page.evaluate(() => window.__randplanPerf);
    console.log(`[web] cohort first render, ${perf?.cohortRows} trainees (demo region): ${perf?.cohortFirstRender?.toFixed(1)} ms`);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    await login(page, 'enhetschef@demo');
    await page.getByRole('heading', { name: /^Borta från enheten/ }).waitFor();
    expect(await navNames(page)).toEqual(['Enhet', 'Kohort', 'Individuell plan']);
    await shot(page, 'unit');
    // The cohort's unit filter offers only the enhetschef's own unit.
    await page.getByRole('link', { name: 'Kohort' }).click();
    await page.getByRole('heading', { name: /^Kohort/ }).waitFor();
    const unitOptions = await page.getByRole('combobox', { name: 'Enhet', exact: true }).locator('option').allInnerTexts();
    expect(unitOptions).toHaveLength(2);
    expect(unitOptions[0]).toBe('Alla');
    await page.getByRole('button', { name: 'Logga ut' }).click();

    await login(page, 'handledare@demo');
    await page.getByRole('heading', { name: /^Kohort/ }).waitFor();
    expect(await navNames(page)).toEqual(['Kohort', 'Individuell plan']);
    await page.getByRole('button', { name: 'Logga ut' }).click();

    await login(page, 'st@demo');
    await page.getByRole('heading', { name: /^Min plan/ }).waitFor();
    expect(await navNames(page)).toEqual(['Min plan', 'Individuell plan']);
    // The server forbids what the menu hides: a trainee cannot start a solve.
    const status = await page.evaluate(async () => (await fetch('/api/solve-jobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
    expect(status).toBe(403);
    await page.close();
  });

  it('the ST-läkare drags a rotation into a conflict, sees the message while dragging, repairs it and submits', async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await login(page, 'st@demo');
    await page.getByTestId('end-of-st').filter({ hasNotText: '–' }).waitFor();
    // The demo may hold a submitted proposal of this trainee: editing again starts a new draft.
    const newDraft = page.getByRole('button', { name: 'Nytt utkast' });
    if (await newDraft.isVisible()) await newDraft.click();
    const bar = page.locator('.timeline .bar.editable.kind-rotation').first();
    await bar.waitFor();
    const before = await hardCount(page);
    const labelBefore = (await bar.getAttribute('aria-label'))!;

    // Drag left a month at a time (quarters zoom: 1.2 px a day) until a hard rule breaks, still holding the mouse.
    const box = (await bar.boundingBox())!;
    const y = box.y + box.height / 2;
    let x = box.x + box.width / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    let during = before;
    for (let step = 0; step < 40 && during <= before; step++) {
      x -= 37;
      await page.mouse.move(x, y, { steps: 2 });
      await page.waitForTimeout(30);
      during = await hardCount(page);
    }
    expect(during).toBeGreaterThan(before);
    const liveText = await page.getByTestId('live-violations').innerText();
    expect(liveText.length).toBeGreaterThan(10);
    await shot(page, 'my-plan-dragging-conflict');
    await page.mouse.up();

    // The dropped bar is outlined and carries the message for screen readers and on focus.
    const moved = page.locator('.timeline .bar.v-hard').first();
    await moved.waitFor();
    await page.mouse.move(5, 5);
    await moved.hover();
    await page.getByRole('tooltip').waitFor();
    expect((await page.getByRole('tooltip').innerText()).length).toBeGreaterThan(20);
    await shot(page, 'my-plan-conflict');

    // Repair: undo brings the plan back; arrow keys move the same bar a month.
    await page.getByRole('button', { name: /Ångra/ }).click();
    await expect.poll(() => hardCount(page)).toBe(before);
    expect(await page.locator('.timeline .bar.editable.kind-rotation').first().getAttribute('aria-label')).toBe(labelBefore);
    const again = page.locator('.timeline .bar.editable.kind-rotation').first();
    await again.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => page.locator('.timeline .bar:focus').getAttribute('aria-label')).not.toBe(labelBefore);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => hardCount(page)).toBe(before);

    // "Fyll i / laga min plan": the one-trainee solve answers with placements that replace the draft (undoable).
    const completed = page.waitForResponse((r) => r.url().endsWith('/complete'), { timeout: 120_000 });
    await page.getByRole('button', { name: /Fyll i \/ laga min plan/ }).click();
    expect((await completed).status()).toBe(200);
    await page.getByRole('button', { name: /Fyll i \/ laga min plan/ }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    expect(await page.locator('.notice.bad').count()).toBe(0);
    expect(await page.locator('.timeline .bar.kind-rotation').count()).toBeGreaterThan(3);
    console.log(`[web] hard violations of the trainee: before ${before}, after "Fyll i / laga" ${await hardCount(page)}`);

    await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
    // A plan that still breaks a hard rule is submitted only after a question.
    if ((await hardCount(page)) > 0) await page.getByRole('dialog', { name: 'Skicka trots regelbrott?' }).getByRole('button', { name: 'Skicka ändå' }).click();
    await page.getByTestId('proposal-status').filter({ hasText: 'Inskickad' }).waitFor();
    await shot(page, 'my-plan');
    await page.close();
  });

  it('the studierektor approves a proposal, a clinic loses a place, solves, publishes and the heat map changes', async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await login(page, 'studierektor@demo');
    await page.getByRole('link', { name: 'Klinikbelastning' }).click();
    const heatBefore = await heatSnapshot(page);
    await shot(page, 'load-before');

    await page.getByRole('link', { name: 'Granska' }).click();
    // Approve a proposal that moves something, so that the load must change.
    const proposals = page.locator('table.data button.linkish');
    await proposals.first().waitFor();
    let picked = false;
    for (let i = 0; i < (await proposals.count()) && !picked; i++) {
      await proposals.nth(i).click();
      await page.getByRole('heading', { name: 'Jämfört med publicerad plan' }).waitFor();
      picked = (await page.locator('.diff-add').count()) > 0;
    }
    expect(picked).toBe(true);
    await page.getByRole('button', { name: 'Godkänn' }).waitFor();
    await shot(page, 'review');
    await page.getByRole('button', { name: 'Godkänn' }).click();
    // A proposal that breaks a hard rule is approved only with a reason.
    const approved = page.getByText(/^Godkänt och publicerat\. Version \d+\.$/);
    const ask = page.getByRole('dialog', { name: 'Godkänn trots regelbrott?' });
    await approved.or(ask).waitFor();
    if (await ask.isVisible()) {
      await ask.getByLabel('Motivering').fill('Överenskommet med kliniken');
      await ask.getByRole('button', { name: 'Godkänn ändå' }).click();
    }
    await approved.waitFor();

    // The busiest clinic loses a place for good (through the API, as the studierektor): a re-plan with
    // minimal change keeps everything that can stay, so without a change in the region the solve
    // might rightly move nothing.
    const clinics = (await (await page.request.get(`${base}/api/clinics`)).json()) as { id: string; capacity: number; version: number }[];
    const busiest = clinics.filter((c) => c.capacity >= 2).sort((a, b) => b.capacity - a.capacity)[0]!;
    const { version, ...clinic } = busiest;
    const put = await page.request.put(`${base}/api/clinics/${busiest.id}`, { data: { ...clinic, capacity: busiest.capacity - 1, version } });
    expect(put.status()).toBe(200);

    await page.getByRole('link', { name: 'Optimera' }).click();
    await page.getByLabel('Tidsgräns (sekunder)').fill('5');
    await page.getByRole('button', { name: 'Starta optimering' }).click();
    await page.getByTestId('job-status').filter({ hasText: /Klar|Misslyckades|Avbruten/ }).waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('job-status').innerText()).toBe('Klar');
    // The figures shown are the result's, not the last progress before it (phase, seconds, plan, bound, gap).
    const figures = await page.locator('.progress strong').allInnerTexts();
    expect(figures[0]).toBe('Klar');
    await page.getByRole('button', { name: 'Publicera' }).click();
    // A result that breaks a hard rule or moves a lock is published only with a reason.
    const published = page.getByText(/^Publicerad som version \d+\.$/);
    const dialog = page.getByRole('dialog', { name: 'Publicera planen?' });
    await published.or(dialog).waitFor();
    if (await dialog.isVisible()) {
      await shot(page, 'solve-publish-dialog');
      await dialog.getByLabel('Motivering').fill('Kliniken har en plats mindre');
      await dialog.getByRole('button', { name: 'Publicera ändå' }).click();
    }
    await published.waitFor();
    await shot(page, 'solve');

    await page.getByRole('link', { name: 'Klinikbelastning' }).click();
    const heatAfter = await heatSnapshot(page);
    const changed = heatAfter.filter((c, i) => c !== heatBefore[i]).length;
    console.log(`[web] heat map cells changed by approve + a lost place + solve + publish: ${changed} of ${heatAfter.length}`);
    expect(changed).toBeGreaterThan(0);
    // A cell lists who is there.
    await page.locator('table.heat td button:not(.lvl-none):not(.lvl-closed)').first().click();
    await page.getByRole('heading', { name: 'Vilka är där' }).waitFor();
    await shot(page, 'load');
    await page.close();
  }, 300_000);

  it('exports download and parse: XLSX cohort, plan JSON, iCal per trainee; the individual plan prints', async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await login(page, 'studierektor@demo');
    await page.getByRole('link', { name: 'Data' }).click();
    await page.locator('table.data tbody tr').first().waitFor();
    await shot(page, 'data');
    // A unit's away limit is edited in place (PUT with the version read).
    await page.getByRole('tab', { name: 'Enheter' }).click();
    const limit = page.getByLabel(/^Max borta samtidigt /).first();
    const was = Number(await limit.inputValue());
    await limit.fill(String(was + 1));
    await limit.press('Tab');
    await page.getByTestId('data-message').filter({ hasText: 'Sparat.' }).waitFor();
    await expect.poll(async () => Number(await page.getByLabel(/^Max borta samtidigt /).first().inputValue())).toBe(was + 1);
    await page.getByRole('tab', { name: 'Exportera' }).click();

    const download = async (name: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
      const path = await d.path();
      return readFileSync(path);
    };
    const xlsx = await download('plan.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(5);

    const json = JSON.parse((await download('plan.json')).toString('utf8')) as { format: string; placements: unknown[] };
    expect(json.format).toBe('randplan.plan/1');
    expect(json.placements.length).toBeGreaterThan(10);

    const ics = (await download('plan.ics')).toString('utf8');
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getAllSubcomponents('vevent').length).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Individuell plan' }).first().click();
    await page.getByRole('heading', { name: /Individuell utbildningsplan/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-plan');
    await page.emulateMedia({ media: 'screen' });

    // An import with a bad row changes nothing and shows the row's error.
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('tab', { name: 'Importera' }).click();
    await page.getByLabel('ST-läkare (CSV/XLSX)').setInputFiles({
      name: 'trainees.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,name,unit,start,regulation\nx1,Test Testsson,nowhere,2027-13-45,2015:8\n'),
    });
    const msg = page.getByTestId('data-message');
    await msg.waitFor();
    expect(await msg.innerText()).toMatch(/rad|row/i);
    await shot(page, 'import-errors');
    await page.close();
  });
});

// Performance of the real timeline with 800 trainees is printed by `npx tsx test/web/bench.browser.ts`.
