/**
 * The Swedish UI speaks Swedish to people (issue 14): no rule id or trainee id, no decimal point, no
 * English in the visible text of any view of any role; My plan works on a 375 px phone.
 * Chromium against the real server with the demo region.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RULES } from '../../solver/rules/index.ts';
import { loadScenario } from '../../api/services/scenario.ts';
import { logIn, openPage, SCREENSHOTS } from './browser.ts';
import { TEST_TODAY } from '../helpers/app.ts';
import { eachView, startSite, type Site } from './every-view.ts';

let site: Site;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of the English UI that have no place in the Swedish one. */
const ENGLISH = ['Zoom out', 'Zoom in', 'trainees', 'rule broken', 'rules broken', 'placement', 'Clinic', 'Unit', 'months'];

/** What in `text` is an internal id, a number in English format or an English word: each with its context. */
function foreign(text: string, ids: string[]): string[] {
  const around = (m: RegExpMatchArray) => `«${m[0]}» in …${text.slice(Math.max(0, m.index! - 50), m.index! + m[0].length + 20).replace(/\s+/g, ' ')}…`;
  const id = new RegExp(`(?<![\\w-])(${ids.map(escape).join('|')})(?![\\w-])`, 'g');
  const decimalPoint = /(?<![\d.])\d+\.\d+(?![\d.])/g;
  const english = new RegExp(`\\b(${ENGLISH.map(escape).join('|')})\\b`, 'g');
  return [...text.matchAll(id), ...text.matchAll(decimalPoint), ...text.matchAll(english)].map(around);
}

describe('words of the Swedish UI', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    site = await startSite();
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
    await eachView(site, async (page: Page, { role, view, state }) => {
      const text = await page.locator('body').innerText();
      for (const f of foreign(text, view === 'data' ? ids : [...ids, ...places])) found.push(`${role} · ${view} (${state}): ${f}`);
      await page.screenshot({ path: join(SCREENSHOTS, `words-${role}-${view}-${state}.png`) });
    });
    if (found.length) console.log(found.join('\n'));
    expect(found).toEqual([]);
  });

  it('My plan fits a 375 px phone: no sideways scroll, every button within reach', async () => {
    const page = await openPage(site.browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }, TEST_TODAY);
    await logIn(page, site.base, 'st@demo');
    await page.getByTestId('end-of-st').filter({ hasNotText: '–' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'words-my-plan-375.png'), fullPage: true });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // Each toolbar button lies inside the screen's width (the timeline scrolls inside its own box).
    const outside = await page.locator('main button:visible').evaluateAll((els) =>
      els.filter((e) => !e.closest('.timeline')).flatMap((e) => {
        const r = e.getBoundingClientRect();
        return r.left < 0 || r.right > document.documentElement.clientWidth ? [e.textContent?.trim() ?? ''] : [];
      }),
    );
    expect(outside).toEqual([]);
    await expect.poll(() => page.getByRole('button', { name: 'Skicka för godkännande' }).isVisible()).toBe(true);
    await page.close();
  });
});
