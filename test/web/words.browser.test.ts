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
import { SCREENSHOTS } from './browser.ts';
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
    const ids = [...RULES.map((r) => r.id), ...scenario.trainees.map((t) => t.id), ...scenario.units.map((u) => u.id), ...scenario.clinics.map((c) => c.id)];
    const found: string[] = [];
    await eachView(site, async (page: Page, { role, view, state }) => {
      const text = await page.locator('body').innerText();
      for (const f of foreign(text, ids)) found.push(`${role} · ${view} (${state}): ${f}`);
      await page.screenshot({ path: join(SCREENSHOTS, `words-${role}-${view}-${state}.png`) });
    });
    if (found.length) console.log(found.join('\n'));
    expect(found).toEqual([]);
  });
});
