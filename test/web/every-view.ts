/**
 * Every view of every role, in Chromium against the real API on a private PGlite with the demo
 * region (one demo user per role): the views come from web/src/lib/roles.ts, so a view someone adds
 * is visited too. Shared by the accessibility test and the words test.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RoleId } from '../../web/src/lib/api.ts';
import { viewsFor, type ViewId } from '../../web/src/lib/roles.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../helpers/app.ts';
import { buildWebIfStale, freePort, launch, logIn, openPage, ROOT } from './browser.ts';

export const DEMO_LOGINS: Record<RoleId, string> = {
  studierektor: 'studierektor@demo',
  enhetschef: 'enhetschef@demo',
  'st-lakare': 'st@demo',
  handledare: 'handledare@demo',
};

export interface Site {
  t: TestApp;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  buildWebIfStale();
  const browser = await launch();
  const t = await startTestApp(DIALECTS[0]!, { webRoot: join(ROOT, 'web/dist') });
  const port = await freePort();
  await t.app.listen({ port, host: '127.0.0.1' });
  return {
    t,
    browser,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Waits until no request of the page has been open for a moment (the view has what it asked for). */
async function settled(page: Page, inFlight: () => number): Promise<void> {
  let quietSince = Date.now();
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince > 300) break;
    await page.waitForTimeout(50);
  }
  await page.locator('main h1').first().waitFor();
  await page.locator('main').getByText('Laddar …', { exact: true }).waitFor({ state: 'detached' });
}

/**
 * What to open inside a view besides its first screen, so that its details are checked too: a
 * proposal under review, a heat-map cell's "who is there".
 */
const DETAILS: Partial<Record<ViewId, (page: Page) => Promise<void>>> = {
  review: async (page) => {
    const first = page.locator('main table.data button.linkish').first();
    if (await first.count()) await first.click();
  },
  load: async (page) => {
    const busy = page.locator('table.heat td button:not(.lvl-none):not(.lvl-closed)').first();
    if (await busy.count()) await busy.click();
  },
};

/** Logs each role's demo user in and calls `visit` on every view of theirs, once it has settled (and once more with its details open). */
export async function eachView(
  site: Site,
  visit: (page: Page, where: { role: RoleId; view: ViewId; state: 'first' | 'details' }) => Promise<void>,
  viewport = { width: 1440, height: 900 },
): Promise<void> {
  for (const role of Object.keys(DEMO_LOGINS) as RoleId[]) {
    const page = await openPage(site.browser, { viewport }, TEST_TODAY);
    let open = 0;
    page.on('request', () => open++);
    page.on('requestfinished', () => open--);
    page.on('requestfailed', () => open--);
    await logIn(page, site.base, DEMO_LOGINS[role]);
    for (const view of viewsFor(role)) {
      await page.goto(`${site.base}/#/${view}`);
      await settled(page, () => open);
      await visit(page, { role, view, state: 'first' });
      const details = DETAILS[view];
      if (details) {
        await details(page);
        await settled(page, () => open);
        await visit(page, { role, view, state: 'details' });
      }
    }
    await page.close();
  }
}
