/**
 * The Swedish UI speaks Swedish to people (issue 14): no rule id or trainee id, no decimal point, no
 * English in the visible text of any view of any role — with a proposal that breaks rules under
 * review and in My plan, so that violation messages are on screen; My plan works on a 375 px
 * phone; and the details: the week zoom's month and year, an empty filter result, the Klinik
 * filter's highlight, a tooltip without repeated dates, the selection after a date edit, the
 * question before unsaved edits are left. Chromium against the real server with the demo region.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RULES } from '../../solver/rules/index.ts';
import { loadScenario } from '../../api/services/scenario.ts';
import { plansRepo } from '../../db/index.ts';
import { plainPlan } from '../../api/services/plans.ts';
import { TEST_TODAY } from '../helpers/app.ts';
import { logIn, openPage, SCREENSHOTS } from './browser.ts';
import { eachView, startSite, type Site } from './every-view.ts';

let site: Site;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of the English UI, and a red badge that counts nothing, which have no place in the Swedish UI. */
const ENGLISH = ['Zoom out', 'Zoom in', 'trainees', 'rule broken', 'rules broken', 'placement', 'Clinic', 'Unit', 'months'];
const EMPTY_ALARM = /Bryter regler: 0\b/g;

/** What in `text` is an internal id, a number in English format, an English word or a false alarm: each with its context. */
function foreign(text: string, ids: string[]): string[] {
  const around = (m: RegExpMatchArray) => `«${m[0]}» in …${text.slice(Math.max(0, m.index! - 50), m.index! + m[0].length + 20).replace(/\s+/g, ' ')}…`;
  // The others' made-up ids in My plan's live check ("annan-3") are ids too.
  const id = new RegExp(`(?<![\\w-])(${[...ids.map(escape), 'annan-\\d+'].join('|')})(?![\\w-])`, 'g');
  const decimalPoint = /(?<![\d.])\d+\.\d+(?![\d.])/g;
  const english = new RegExp(`\\b(${ENGLISH.map(escape).join('|')})\\b`, 'g');
  return [...text.matchAll(id), ...text.matchAll(decimalPoint), ...text.matchAll(english), ...text.matchAll(EMPTY_ALARM)].map(around);
}

describe('words of the Swedish UI', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    site = await startSite({ broken: true });
  }, 240_000);

  afterAll(async () => {
    await site?.close();
  });

  it('no view of any role shows a rule id, a trainee id, a decimal point or English', async () => {
    const scenario = await loadScenario(site.t.app.db);
    const ids = [...RULES.map((r) => r.id), ...scenario.trainees.map((t) => t.id)];
    // The Data view's tables show clinic and unit ids on purpose: they are the keys the import files use.
    const places = [...scenario.units.map((u) => u.id), ...scenario.clinics.map((c) => c.id)];
    const found: string[] = [];
    let messages = 0;
    await eachView(site, async (page: Page, { role, view, state }) => {
      const text = await page.locator('body').innerText();
      messages += await page.locator('.vlist li').count();
      for (const f of foreign(text, view === 'data' ? ids : [...ids, ...places])) found.push(`${role} · ${view} (${state}): ${f}`);
      await page.screenshot({ path: join(SCREENSHOTS, `words-${role}-${view}-${state}.png`) });
    });
    if (found.length) console.log(found.join('\n'));
    expect(found).toEqual([]);
    // The broken proposal put violation messages on screen (review, My plan): they were read too.
    expect(messages).toBeGreaterThan(0);
  });

  it('My plan fits a 375 px phone: no sideways scroll, every button within reach', async () => {
    const page = await openPage(site.browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }, TEST_TODAY);
    await logIn(page, site.base, 'st@demo');
    await page.getByTestId('end-of-st').filter({ hasNotText: '–' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'words-my-plan-375.png'), fullPage: true });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(clientWidth).toBe(375);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // Each button outside the timeline (which scrolls inside its own box) lies within the screen's width.
    const outside = await page.locator('main button:visible').evaluateAll((els) =>
      els.filter((e) => !e.closest('.timeline')).flatMap((e) => {
        const r = e.getBoundingClientRect();
        return r.left < 0 || r.right > document.documentElement.clientWidth ? [e.textContent?.trim() ?? ''] : [];
      }),
    );
    expect(outside).toEqual([]);
    expect(await page.getByRole('button', { name: 'Skicka för godkännande' }).isVisible()).toBe(true);
    await page.close();
  });

  it('My plan: delmål with titles and what covers them; a date edit keeps the selection; unsaved edits ask before leaving', async () => {
    const page = await openPage(site.browser, { viewport: { width: 1440, height: 900 } }, TEST_TODAY);
    await logIn(page, site.base, 'st@demo');
    await page.getByTestId('end-of-st').filter({ hasNotText: '–' }).waitFor();
    const goals = page.getByTestId('goals').locator('li');
    expect(await goals.count()).toBeGreaterThan(20);
    expect(await goals.filter({ hasText: /^c7\s+Gynekologi och mödrahälsovård/ }).innerText()).toMatch(/– Gynekologi|saknas; täcks av Gynekologi/);
    // The broken proposal is submitted: a new draft makes it editable.
    await page.getByRole('button', { name: 'Nytt utkast' }).click();
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Sparat.').waitFor();
    // The first editable rotation, moved a year later by its dates (the end first), is still the one
    // selected although the list is sorted anew by start date.
    const bar = page.locator('.timeline .bar.editable.kind-rotation').first();
    const label = (await bar.getAttribute('aria-label'))!;
    const index = await bar.getAttribute('data-index');
    await bar.click();
    const yearLater = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
    const setDate = async (name: string, value: string) => {
      const input = page.locator('aside').getByLabel(name, { exact: true });
      await input.fill(value);
      await input.dispatchEvent('change');
    };
    const to = await page.locator('aside').getByLabel('Till', { exact: true }).inputValue();
    const from = await page.locator('aside').getByLabel('Från', { exact: true }).inputValue();
    await setDate('Till', yearLater(to));
    await setDate('Från', yearLater(from));
    // "<what>, <who>, <from> – <to>": the same rotation, now a year later, at another place in the list.
    const [what, who] = label.split(', ');
    const selected = page.locator('.timeline .bar.selected');
    await expect.poll(() => selected.getAttribute('aria-label')).toBe(`${what}, ${who}, ${yearLater(from)} – ${yearLater(to)}`);
    expect(await selected.getAttribute('data-index')).not.toBe(index);
    // Leaving for another view asks first; staying keeps the edit.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Individuell plan' }).click();
    expect(asked[0]).toMatch(/^Du har ändringar som inte är sparade/);
    expect(page.url()).toMatch(/#\/my-plan$/);
    // So does logging out; staying keeps the user logged in.
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: 'Logga ut' }).click();
    expect(asked[1]).toMatch(/^Du har ändringar som inte är sparade/);
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await shot(page, 'words-my-plan-details');
    // Closing or reloading the page asks too (beforeunload).
    const prevented = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(prevented).toBe(true);
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.locator('main .notice').filter({ hasText: 'Sparat.' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Individuell plan' }).click();
    await page.getByRole('heading', { name: /Individuell utbildningsplan/ }).waitFor();
    await page.close();
  });

  it('the cohort: the week zoom says month and year, the Klinik filter highlights, an empty result says so, the tooltip says each date once', async () => {
    const page = await openPage(site.browser, { viewport: { width: 1440, height: 900 } }, TEST_TODAY);
    await logIn(page, site.base, 'studierektor@demo');
    await page.getByRole('heading', { name: /^Kohort/ }).waitFor();
    await page.getByLabel('Zoom').selectOption('weeks');
    const majors = await page.locator('.tl-ticks .tick.major').allInnerTexts();
    expect(majors.length).toBeGreaterThan(0);
    for (const m of majors) expect(m).toMatch(/^v\d+ [a-zåäö]{3} \d{4}$/);
    await page.getByLabel('Zoom').selectOption('years');

    // A clinic someone rotates to in the published plan.
    const scenario = await loadScenario(site.t.app.db);
    const used = plainPlan((await plansRepo.published(site.t.app.db))!.plan).placements.find((p) => p.kind === 'rotation' && p.clinic)!.clinic!;
    const clinicName = scenario.clinics.find((c) => c.id === used)!.name;
    await page.getByLabel('Klinik').selectOption(used);
    await page.locator('.timeline .bar.match').first().waitFor();
    const matched = await page.locator('.timeline .bar.match').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(matched.length).toBeGreaterThan(0);
    await page.locator('.timeline .bar.match').first().hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toContain(clinicName);
    const dates = (await tip.innerText()).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates).size).toBe(dates.length);
    await shot(page, 'words-cohort-clinic-filter');
    await page.getByLabel('Klinik').selectOption({ index: 0 });

    await page.getByLabel('Sök namn').fill('ingen-heter-så');
    const empty = page.getByRole('status').filter({ hasText: 'Ingen ST-läkare matchar filtren.' });
    await empty.waitFor();
    // In sight, although the timeline is scrolled to this year.
    const box = (await empty.boundingBox())!;
    const frame = (await page.locator('.timeline').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frame.x);
    expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    await shot(page, 'words-cohort-empty');
    await page.close();
  });
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
