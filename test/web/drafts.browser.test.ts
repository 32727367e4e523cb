/**
 * The studierektor's drafts, in Chromium against the real API and web build on a private PGlite:
 * a placement moved with the keyboard shows its new dates in the tooltip; the move saved as a draft
 * is listed under Versioner with another, is deleted there after a confirmation (a cancel deletes
 * nothing), the other is compared with the published plan and published through the check dialog,
 * and a hand-made draft is taken up again under the cohort's "Flytta placeringar".
 * The region is the rule tests' fixture (two trainees with the same clean plan): no real date.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { plansRepo } from '../../db/index.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cleanPlacements, plan, scenario, trainee } from '../rules/fixtures.ts';
import { buildWebIfStale, expectNoIds, freePort, launch, logIn, openPage, ROOT, SCREENSHOTS } from './browser.ts';

const TRAINEE_IDS = ['t01', 't02'];
const region = scenario([trainee('t01', { name: 'Jonas Lundgren' }), trainee('t02', { name: 'Sara Berg' })]);
const clean = [...cleanPlacements('t01'), ...cleanPlacements('t02')];

let t: TestApp;
let sr: string;
let browser: Browser;
let base = '';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function api(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.call(sr, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.json() };
}

const published = async () => (await api('GET', '/api/plans/published')).body as { id: number; number: number; plan: { placements: (PlanPlacement & { locked?: boolean })[] } };
const draftIds = async () => ((await api('GET', '/api/plans/drafts')).body as { id: number }[]).map((d) => d.id);

/** The published plan with t02's dermatology in the month given, saved as a draft by hand (as the cohort's editor saves it). */
async function handDraft(note: string, month: { from: string; to: string }): Promise<number> {
  const placements = (await published()).plan.placements.map(({ locked: _l, ...p }) => (p.trainee === 't02' && p.specialty === 'hud' ? { ...p, ...month } : p));
  const res = await api('POST', '/api/plans/drafts', { plan: { format: 'randplan.plan/1', placements }, note });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('the studierektor’s drafts in Chromium (real API, fixture region)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    buildWebIfStale();
    browser = await launch();
    t = await startTestApp(DIALECTS[0]!, { webRoot: join(ROOT, 'web/dist') });
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    sr = await t.login('studierektor@demo');
    expect((await api('POST', '/api/import/scenario', region)).status).toBe(200);
    await plansRepo.create(t.app.db, { status: 'published', note: 'Startplan / First plan', plan: plan(clean), report: validate(region, plan(clean)), createdBy: 'studierektor@demo' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the new dates in the tooltip after a keyboard move, lists the draft, deletes one, compares and publishes another', async () => {
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    await logIn(page, base, 'studierektor@demo');
    await page.getByRole('link', { name: 'Kohort', exact: true }).click();
    await page.getByRole('button', { name: 'Flytta placeringar' }).click();

    // The tooltip of the focused bar says its dates; a month later after the arrow key, as the bar's name does.
    const hud = page.locator('.timeline .bar.editable[aria-label="Hud, Jonas Lundgren, 2030-05-01 – 2030-05-31"]');
    await hud.focus();
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.innerText()).toContain('2030-05-01 – 2030-05-31');
    await page.keyboard.press('ArrowRight');
    await page.locator('.timeline .bar[aria-label="Hud, Jonas Lundgren, 2030-06-01 – 2030-06-30"]').waitFor();
    await expect.poll(() => tip.innerText()).toContain('2030-06-01 – 2030-06-30');
    expect(await tip.innerText()).not.toContain('2030-05-01');
    // And back again: the tooltip follows once more.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tip.innerText()).toContain('2030-05-01 – 2030-05-31');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('edited-count').innerText()).toBe('1 ändrad placering');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText(/^Sparat som utkast/).waitFor();
    const saved = await draftIds();
    expect(saved).toHaveLength(1);
    await page.getByRole('button', { name: 'Sluta flytta' }).click();

    // Another draft, made meanwhile: both are listed under Versioner, newest first.
    const other = await handDraft('Hud senare för Sara', { from: '2030-06-01', to: '2030-06-30' });
    await page.getByRole('link', { name: 'Versioner' }).click();
    const list = page.getByTestId('drafts');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
    const mine = list.locator(`tr[data-draft="${saved[0]}"]`);
    const theirs = list.locator(`tr[data-draft="${other}"]`);
    expect(await mine.innerText()).toContain('Handgjort');
    expect(await mine.innerText()).toContain('Flytta placeringar');
    expect(await mine.innerText()).toContain('studierektor@demo');
    expect(await theirs.innerText()).toContain('Hud senare för Sara');
    expect(await list.locator('tbody tr').first().getAttribute('data-draft')).toBe(String(other));
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'drafts-listed');
    mkdirSync('/work/helpers/shots/drafts', { recursive: true });
    await page.screenshot({ path: '/work/helpers/shots/drafts/drafts-list.png', fullPage: true });

    // Deleting asks first; cancelled, nothing is deleted; confirmed, the draft is gone.
    await mine.getByRole('button', { name: /^Ta bort utkastet från/ }).click();
    let dialog = page.getByRole('dialog', { name: /^Ta bort utkastet från .*\?$/ });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('det går inte att ångra');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await draftIds()).toEqual([other, saved[0]]);
    await mine.getByRole('button', { name: /^Ta bort utkastet från/ }).click();
    dialog = page.getByRole('dialog', { name: /^Ta bort utkastet från .*\?$/ });
    await dialog.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await page.getByText('Utkastet är borttaget.').waitFor();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    expect(await draftIds()).toEqual([other]);

    // Compared with the published plan: one placement moved.
    await theirs.getByRole('button', { name: /^Jämför utkastet från/ }).click();
    await page.getByRole('heading', { name: 'Jämför två planer' }).waitFor();
    await expect.poll(() => page.getByTestId('compare-counts').innerText()).toBe('Flyttade: 1 · Ny: 0 · Borttagen: 0');

    // Published through the check dialog: it says what moves, and that nothing breaks.
    const before = await published();
    await theirs.getByRole('button', { name: /^Publicera utkastet från/ }).click();
    dialog = page.getByRole('dialog', { name: 'Publicera planen?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('ack-changes').innerText()).toBe('Flyttade: 1 · Ny: 0 · Borttagen: 0');
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'drafts-publish-dialog');
    await dialog.getByRole('button', { name: 'Publicera' }).click();
    await page.getByText(`Publicerad som version ${before.number + 1}.`).waitFor();
    await page.getByText('Inga opublicerade utkast.').waitFor();
    expect((await published()).id).toBe(other);
    await page.close();
  });

  it('takes a hand-made draft up again under the cohort’s Flytta placeringar', async () => {
    // Sara's dermatology back in May, against the published plan that has it in June.
    const id = await handDraft('Att fortsätta med', { from: '2030-05-01', to: '2030-05-31' });
    const page = await openPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    await logIn(page, base, 'studierektor@demo');
    await page.getByRole('link', { name: 'Versioner' }).click();
    await page.getByTestId('drafts').locator(`tr[data-draft="${id}"]`).getByRole('button', { name: /^Fortsätt redigera/ }).click();
    await expect.poll(() => page.getByTestId('edited-count').innerText()).toBe('1 ändrad placering');
    await page.locator('.timeline .bar.editable[aria-label="Hud, Sara Berg, 2030-05-01 – 2030-05-31"]').waitFor();
    // Saved already: publishing publishes this draft, no new one.
    expect(await page.getByRole('button', { name: 'Publicera utkastet' }).count()).toBe(1);
    await page.close();
  });
});
