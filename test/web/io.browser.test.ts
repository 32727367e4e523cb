/**
 * History in, history out, in Chromium against the real API and web build on the demo region: a
 * placements sheet with an error shows the row's message and changes nothing, a good one lands; a
 * template downloads; a trainee list asks which regulation and the answer is kept; the last import is
 * undone after a confirmation; the "Per klinik" timeline and the printed plan (version, done and
 * remaining, extension).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { BROWSER_TODAY, buildWebIfStale, freePort, launch, logIn, openPage, ROOT, SCREENSHOTS } from './browser.ts';

let t: TestApp;
let sr: string;
let browser: Browser;
let base = '';

async function api(url: string) {
  const res = await t.call(sr, { method: 'GET', url });
  return { status: res.statusCode, body: res.statusCode < 300 ? res.json() : null };
}

function file(name: string, text: string): string {
  const path = join(tmpdir(), `randplan-io-${process.pid}-${name}`);
  writeFileSync(path, text, 'utf8');
  return path;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('history in, history out in Chromium (real API, demo region)', { timeout: 120_000 }, () => {
  let trainee: { id: string; name: string; start: string };
  let psyk: { id: string; name: string };

  beforeAll(async () => {
    buildWebIfStale();
    browser = await launch();
    t = await startTestApp(DIALECTS[0]!, { webRoot: join(ROOT, 'web/dist'), today: BROWSER_TODAY });
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    sr = await t.login('studierektor@demo');
    trainee = ((await api('/api/trainees')).body as { id: string; name: string; start: string }[]).find((x) => x.start < '2025-01-01')!;
    psyk = ((await api('/api/clinics')).body as { id: string; name: string; specialty: string }[]).find((c) => c.specialty === 'psykiatri')!;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('imports a placements sheet: the row error first, then the good sheet; a template downloads', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await logIn(page, base, 'studierektor@demo');
    await page.getByRole('link', { name: 'Data' }).click();
    await page.getByRole('tab', { name: 'Importera' }).click();
    const before = (await api('/api/plans/published')).body;

    const input = page.getByLabel('Placeringar: historik och överenskommet (CSV/XLSX)');
    const header = 'st-läkare;typ;specialitet;klinik;från;till';
    await input.setInputFiles(file('bad.csv', `${header}\n${trainee.name};randning;;${psyk.name};2026-01-01;2026-03-31\nNågon Annan;randning;;${psyk.name};2026-01-01;2026-03-31\n`));
    const message = page.getByTestId('data-message');
    await message.getByText('rad 3, st-läkare: okänd ST-läkare "Någon Annan"').waitFor();
    expect(await message.innerText()).toContain('Importen gjordes inte');
    expect((await api('/api/plans/published')).body.id).toBe(before.id);
    await shot(page, 'io-import-error');
    // The menu scrolls inside the top bar; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    await input.setInputFiles(file('good.csv', `${header}\n${trainee.name};randning;;${psyk.name};2026-01-01;2026-03-31\n`));
    await expect.poll(() => message.innerText()).toMatch(/^Placeringar importerade: 1 \(historik 1, överenskomna 0, ersatta \d+\)$/);
    const after = (await api('/api/plans/published')).body;
    expect(after.number).toBe(before.number + 1);
    expect(after.plan.placements).toContainEqual({ trainee: trainee.id, kind: 'rotation', specialty: 'psykiatri', clinic: psyk.id, from: '2026-01-01', to: '2026-03-31', locked: true });
    expect(await page.getByTestId('last-import').innerText()).toMatch(/^Placeringar: 1 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · studierektor@demo$/);
    await shot(page, 'io-import-done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-placements').getByRole('link', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('randplan-mall-placements.csv');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(`\ufeff${header};kurs;milstolpe\r\n`);
    await page.close();
  });

  it('asks which regulation for a start after 2021-07-01, then undoes the import after a confirmation', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await logIn(page, base, 'studierektor@demo');
    await page.goto(`${base}/#/data`);
    await page.getByRole('tab', { name: 'Importera' }).click();
    const unit = (await api('/api/units')).body[0];
    await page.getByLabel('ST-läkare (CSV/XLSX)').setInputFiles(file('trainees.csv', `id;namn;enhet;start\nny-1;Nora Nyström;${unit.name};2026-09-01\n`));
    const dialog = page.getByRole('dialog', { name: 'Vilket regelverk?' });
    await dialog.getByText('rad 2, regelverk: Nora Nyström började 2026-09-01').waitFor();
    await shot(page, 'io-regulation-question');
    await dialog.getByRole('button', { name: 'Utan svensk AT – HSLF-FS 2021:8' }).click();
    await page.getByTestId('data-message').getByText('Importerat (st-läkare: 1)', { exact: false }).waitFor();
    expect((await api('/api/trainees/ny-1')).body).toMatchObject({ regulation: '2021:8', unit: unit.id });

    await page.getByRole('button', { name: 'Ångra senaste importen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ångra importen?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    expect((await api('/api/trainees/ny-1')).status).toBe(200);
    await page.getByRole('button', { name: 'Ångra senaste importen' }).click();
    await confirm.getByRole('button', { name: 'Ångra senaste importen' }).click();
    await page.getByTestId('data-message').getByText('Importen är ångrad.').waitFor();
    expect((await api('/api/trainees/ny-1')).status).toBe(404);
    await page.close();
  });

  it('shows who comes when per clinic and per unit, and the printed plan with version, done and remaining, extension', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await logIn(page, base, 'studierektor@demo');
    await page.getByRole('link', { name: 'Per klinik' }).click();
    await page.getByRole('heading', { name: 'Vem kommer när – per klinik' }).waitFor();
    await page.getByTestId('timeline-clinic').selectOption(psyk.id);
    const rows = page.getByTestId('arrivals').locator('tbody tr');
    await rows.first().waitFor();
    // Only what ends on or after the planning day, in date order; "show earlier too" adds the past.
    const periods = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[2]!.textContent!.trim()));
    expect(periods.every((p) => p.slice(13) >= BROWSER_TODAY)).toBe(true);
    expect([...periods].sort()).toEqual(periods);
    await shot(page, 'io-clinic-timeline');
    await page.getByLabel('Visa även tidigare').check();
    await expect.poll(() => rows.count()).toBeGreaterThan(periods.length);
    expect(await page.getByRole('link', { name: 'Exportera (XLSX)' }).getAttribute('href')).toBe(`/api/export/clinics/${psyk.id}/timeline.xlsx`);
    // Printed, for the clinic: the list without the menu and controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    expect(await rows.first().isVisible()).toBe(true);
    await shot(page, 'io-clinic-timeline-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('radio', { name: 'Enhet' }).click();
    await rows.first().waitFor();
    await shot(page, 'io-unit-timeline');

    const published = (await api('/api/plans/published')).body;
    // A trainee half-way: placements before the planning day and after it.
    const placements = published.plan.placements as { trainee: string; from: string }[];
    const halfWay = ((await api('/api/trainees')).body as { id: string }[]).find(
      (x) => placements.some((p) => p.trainee === x.id && p.from < BROWSER_TODAY) && placements.some((p) => p.trainee === x.id && p.from >= BROWSER_TODAY),
    )!;
    await page.goto(`${base}/#/print/${encodeURIComponent(halfWay.id)}`);
    await page.getByTestId('iup-version').waitFor();
    expect(await page.getByTestId('iup-version').innerText()).toBe(String(published.number));
    const summary = published.report.trainees.find((s: { id: string }) => s.id === halfWay.id);
    const extension = await page.getByTestId('iup-extension').innerText();
    expect(extension).toBe(summary.extensionMonths > 0 ? `${String(summary.extensionMonths).replace('.', ',')} mån` : 'ingen');
    const done = page.getByTestId('iup-doneSection').locator('tbody tr');
    expect(await done.count()).toBeGreaterThan(0);
    for (const s of await done.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild!.textContent!.trim()))) expect(['Genomförd', 'Pågår']).toContain(s);
    const remaining = page.getByTestId('iup-remainingSection').locator('tbody tr');
    for (const s of await remaining.evaluateAll((trs) => trs.map((tr) => tr.lastElementChild!.textContent!.trim()))) expect(['Överenskommen', 'Planerad']).toContain(s);
    expect(await remaining.count()).toBeGreaterThan(0);
    // Rule names in Swedish, never the catalogue's ids.
    expect(await page.locator('.iup').innerText()).not.toMatch(/clinic-capacity|unit-away-limit|planning-day|structure/);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'io-print-plan');
    // The paged version, with page numbers in the bottom margin, for the eye.
    await page.pdf({ path: join(SCREENSHOTS, 'io-print-plan.pdf'), format: 'A4' });
    await page.close();
  });
});
