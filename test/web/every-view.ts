/**
 * Every view of every role, in Chromium against the real API on a private PGlite with the demo
 * region (one demo user per role): the views come from web/src/lib/roles.ts, so a view someone adds
 * is visited too. Shared by the accessibility test and the words test.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RoleId } from '../../web/src/lib/api.ts';
import { viewsFor, type ViewId } from '../../web/src/lib/roles.ts';
import type { Placement } from '../../solver/domain/schemas.ts';
import { plansRepo } from '../../db/index.ts';
import { plainPlan } from '../../api/services/plans.ts';
import { loadScenario } from '../../api/services/scenario.ts';
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

/**
 * A proposal of st@demo's trainee that breaks rules, submitted: an extra rotation on top of someone
 * else's at a one-place clinic (a capacity violation naming both, overlaps, lengths), so that the
 * review and My plan show violation messages.
 */
export async function submitBrokenProposal(t: TestApp): Promise<void> {
  const scenario = await loadScenario(t.app.db);
  const published = plainPlan((await plansRepo.published(t.app.db))!.plan);
  const st = await t.login('st@demo');
  const trainee = (await t.call(st, { method: 'GET', url: '/api/auth/me' })).json().user.trainees[0] as string;
  const single = new Set(scenario.clinics.filter((c) => c.capacity === 1).map((c) => c.id));
  const theirs = published.placements.find((p) => p.trainee !== trainee && p.kind === 'rotation' && p.clinic && single.has(p.clinic) && p.from > TEST_TODAY)!;
  const own = published.placements.filter((p) => p.trainee === trainee).map(({ trainee: _t, ...p }): Placement => p);
  const extra: Placement = { kind: 'rotation', specialty: theirs.specialty!, clinic: theirs.clinic!, from: theirs.from, to: theirs.to };
  const proposal = (await t.call(st, { method: 'POST', url: '/api/proposals', payload: { trainee, placements: [...own, extra] } })).json();
  const submitted = await t.call(st, { method: 'POST', url: `/api/proposals/${proposal.id}/submit`, payload: { version: proposal.version } });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
}

/** A draft saved by hand (the published plan as it is), so that Versions lists one. */
async function saveDraft(t: TestApp): Promise<void> {
  const sr = await t.login('studierektor@demo');
  const published = plainPlan((await plansRepo.published(t.app.db))!.plan);
  const saved = await t.call(sr, { method: 'POST', url: '/api/plans/drafts', payload: { plan: published, note: 'Sparat för hand' } });
  if (saved.statusCode !== 201) throw new Error(`draft: ${saved.statusCode} ${saved.body}`);
}

/** The real app on a private PGlite with the demo region, and a browser; with `broken`, the demo also holds a proposal that breaks rules and a draft. */
export async function startSite(opts: { broken?: boolean } = {}): Promise<Site> {
  buildWebIfStale();
  const browser = await launch();
  const t = await startTestApp(DIALECTS[0]!, { webRoot: join(ROOT, 'web/dist') });
  const port = await freePort();
  await t.app.listen({ port, host: '127.0.0.1' });
  if (opts.broken) {
    await submitBrokenProposal(t);
    await saveDraft(t);
  }
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
 * What to open inside a view besides its first screen, so that its details are checked too: each
 * proposal under review, a heat-map cell's "who is there", the trainee form, a draft compared with the
 * published plan. Each opens what it opens and calls
 * `seen` once it is on screen.
 */
const DETAILS: Partial<Record<ViewId, (page: Page, seen: () => Promise<void>) => Promise<void>>> = {
  review: async (page, seen) => {
    const proposals = page.locator('main table.data button.linkish');
    for (let i = 0; i < (await proposals.count()); i++) {
      await proposals.nth(i).click();
      await seen();
    }
  },
  // The trainee form, with its locked placements and a wish row the form refuses (nothing is saved).
  trainees: async (page, seen) => {
    await page.locator('main table.data button', { hasText: 'Ändra' }).first().click();
    const wishes = page.getByRole('group', { name: 'Önskemål' });
    await wishes.getByRole('button', { name: '+ Lägg till rad' }).click();
    await wishes.getByLabel('Vikt (1–10)').fill('11');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('field-errors').waitFor();
    await seen();
  },
  versions: async (page, seen) => {
    const compare = page.getByTestId('drafts').getByRole('button', { name: /^Jämför/ }).first();
    if (!(await compare.count())) return;
    await compare.click();
    await page.getByRole('heading', { name: 'Jämför två planer' }).waitFor();
    await seen();
  },
  load: async (page, seen) => {
    const busy = page.locator('table.heat td button:not(.lvl-none):not(.lvl-closed)').first();
    if (!(await busy.count())) return;
    await busy.click();
    await seen();
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
      await DETAILS[view]?.(page, async () => {
        await settled(page, () => open);
        await visit(page, { role, view, state: 'details' });
      });
    }
    await page.close();
  }
}
