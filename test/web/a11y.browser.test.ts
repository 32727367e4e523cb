/**
 * WCAG 2.1 AA, as Swedish public services must meet it (issue 14): axe-core's rules of the levels A
 * and AA of WCAG 2.0 and 2.1 run on every view of every role (and on each view's opened details) in
 * Chromium against the real server with the demo region and a proposal that breaks rules, and any
 * violation fails the test, printed with the elements it concerns.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { eachView, startSite, type Site } from './every-view.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page: Page): Promise<AxeResults['violations']> {
  // Evaluated over the debugging protocol: the app's CSP (script-src 'self') stays as users get it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: typeof import('axe-core') };
    const results = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations;
  }, TAGS);
}

let site: Site;

describe('accessibility (WCAG 2.1 AA) of every view of every role', { timeout: 600_000 }, () => {
  beforeAll(async () => {
    // With a proposal that breaks rules: violation lists and marked bars are on screen too.
    site = await startSite({ broken: true });
  }, 240_000);

  afterAll(async () => {
    await site?.close();
  });

  it('axe-core finds no violation', async () => {
    const found: string[] = [];
    let visited = 0;
    await eachView(site, async (page, { role, view, state }) => {
      visited++;
      for (const v of await axe(page)) {
        const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`);
        found.push(`${role} · ${view} (${state}): ${v.id} – ${v.help} (${v.nodes.length})\n${nodes.join('\n')}`);
      }
    });
    if (found.length) console.log(found.join('\n'));
    expect(visited).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
});
