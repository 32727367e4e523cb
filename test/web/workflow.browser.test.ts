/**
 * The studierektor's workflow without traps (issue 14), in Chromium against the real API and web
 * build on a private PGlite: approving over a broken rule asks for a reason (kept in the audit log),
 * locks are released one or all at a time, versions are listed, compared and restored with a
 * confirmation that shows what the restore breaks and moves; the trainee sees the published plan
 * and the comment of a returned proposal, their drag is checked live against the others' clinic
 * places (anonymously), and a new submission says what it replaced.
 * The region is the rule tests' fixture (two trainees, a plan that keeps every rule): no real date.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { plansRepo, solveJobsRepo, usersRepo } from '../../db/index.ts';
import { movedPlacements } from '../../solver/solve/index.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { hashPassword } from '../../api/services/users.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cleanPlacements, plan, scenario, trainee } from '../rules/fixtures.ts';
import { buildWebIfStale, freePort, launch, logIn, ROOT, SCREENSHOTS, expectNoIds } from './browser.ts';

/** Trainee ids in play: none may show in the visible text. */
const TRAINEE_IDS = ['t01', 't02', 'annan-\\d+'];

const region = scenario([trainee('t01', { name: 'Jonas Lundgren' }), trainee('t02', { name: 'Sara Berg' })]);
const clean = [...cleanPlacements('t01'), ...cleanPlacements('t02')];
const own = (id: string) => clean.filter((p) => p.trainee === id).map(({ trainee: _t, ...p }) => p);
// Sara's psychiatry on top of her internal medicine: a proposal that breaks a hard rule.
const broken = own('t02').map((p) => (p.kind === 'rotation' && p.specialty === 'psykiatri' ? { ...p, from: '2028-06-01', to: '2028-08-31' } : p));

let t: TestApp;
let sr: string;
let browser: Browser;
let base = '';

const login = (page: Page, email: string) => logIn(page, base, email);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function api(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await t.call(sr, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('the studierektor’s workflow in Chromium (real API, fixture region)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    buildWebIfStale();
    browser = await launch();
    t = await startTestApp(DIALECTS[0]!, { webRoot: join(ROOT, 'web/dist') });
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
    sr = await t.login('studierektor@demo');
    await api('POST', '/api/import/scenario', region);
    // v1: the clean plan, Jonas's first two rotations agreed with the clinics (locked).
    const locked = new Set(clean.filter((p) => p.trainee === 't01' && p.kind === 'rotation').slice(0, 2));
    const placements = clean.map((p) => (locked.has(p) ? { ...p, locked: true } : p));
    await plansRepo.create(t.app.db, { status: 'published', note: 'Startplan / First plan', plan: plan(placements), report: validate(region, plan(clean)), createdBy: 'studierektor@demo' });
    await usersRepo.insert(t.app.db, { email: 'jonas@test', name: 'Jonas Lundgren', role: 'st-lakare', trainees: ['t01'], passwordHash: await hashPassword('demo') });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('approving a proposal that breaks a rule asks for a reason, kept in the audit log', async () => {
    const p = await api('POST', '/api/proposals', { trainee: 't02', placements: broken });
    await api('POST', `/api/proposals/${p.id}/submit`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, 'studierektor@demo');
    await page.getByText('Publicerad v1').waitFor();
    await page.getByRole('link', { name: 'Granska' }).click();
    await page.getByRole('button', { name: 'Sara Berg' }).click();
    // Date and time of the submission, in Swedish time.
    expect(await page.getByTestId('proposal-time').first().innerText()).toMatch(/^Inskickad \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.locator('.badge.bad').filter({ hasText: 'regelbrott' }).waitFor();
    await page.getByRole('button', { name: 'Godkänn', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Godkänn trots regelbrott?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('ack-hard').innerText()).toMatch(/^Planen bryter regler: \d+ regelbrott$/);
    const confirm = dialog.getByRole('button', { name: 'Godkänn ändå' });
    expect(await confirm.isDisabled()).toBe(true); // no reason yet
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'workflow-approve-dialog');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await api('GET', `/api/proposals/${p.id}`)).status).toBe('submitted');

    await page.getByRole('button', { name: 'Godkänn', exact: true }).click();
    await dialog.getByLabel('Motivering').fill('Överlappet är överenskommet med kliniken');
    await confirm.click();
    await page.getByText('Godkänt och publicerat. Version 2.').waitFor();
    const approval = (await api('GET', '/api/audit?entity=proposal')).find((a: { action: string }) => a.action === 'approve');
    expect(approval.after.acknowledged.reason).toBe('Överlappet är överenskommet med kliniken');
    await page.close();
  });

  it('a lock is released one placement at a time, or all of a trainee’s', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, 'studierektor@demo');
    await page.getByRole('link', { name: 'Låsningar' }).click();
    const jonas = page.locator('section[data-trainee="t01"]');
    await jonas.waitFor();
    expect(await jonas.getByRole('button', { name: /^Lås upp: / }).count()).toBe(2);
    await jonas.getByRole('button', { name: /^Lås upp: / }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Lås upp: Jonas Lundgren' });
    await dialog.getByLabel('Motivering').fill('Kliniken har flyttat perioden');
    await shot(page, 'workflow-unlock-dialog');
    await dialog.getByRole('button', { name: 'Lås upp', exact: true }).click();
    await page.getByText('Upplåst. Ny version 3 (1 placering).').waitFor();
    await expect.poll(() => jonas.getByRole('button', { name: /^Lås upp: / }).count()).toBe(1);

    // Sara's approved placements are all locked: release them at once.
    const sara = page.locator('section[data-trainee="t02"]');
    await sara.getByRole('button', { name: /^Lås upp alla/ }).click();
    await page.getByRole('dialog').getByLabel('Motivering').fill('Planeras om');
    await page.getByRole('dialog').getByRole('button', { name: 'Lås upp alla' }).click();
    await page.getByText(/^Upplåst\. Ny version 4 \(\d+ placeringar\)\.$/).waitFor();
    await expect.poll(() => sara.count()).toBe(0);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'workflow-locks');
    const published = await api('GET', '/api/plans/published');
    expect(published.plan.placements.filter((p: PlanPlacement & { locked?: boolean }) => p.locked).map((p: PlanPlacement) => p.trainee)).toEqual(['t01']);
    await page.close();
  });

  it('versions: who, when, why; the diff of two; restoring one shows what it breaks and moves first', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, 'studierektor@demo');
    await page.getByRole('link', { name: 'Versioner' }).click();
    const rows = page.getByTestId('versions').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.first().innerText()).toMatch(/^4\s*Gällande\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+studierektor@demo\s+Planeras om/);
    expect(await rows.nth(2).innerText()).toContain('Överlappet är överenskommet med kliniken');
    // 3 → 4 only released locks: the same placements.
    await page.getByText('Versionerna är lika.').waitFor();
    await page.getByLabel('Från version').selectOption({ label: (await page.getByLabel('Från version').locator('option').nth(3).innerText()).trim() });
    await page.getByTestId('diff-counts').filter({ hasText: 'Flyttade: 1 · Ny: 0 · Borttagen: 0' }).waitFor();
    await shot(page, 'workflow-versions');

    // Restoring v1 (the clean plan) breaks nothing: still a confirmation, showing who changes how.
    await page.getByRole('button', { name: 'Återställ version 1' }).click();
    const first = page.getByRole('dialog', { name: 'Återställ version 1?' });
    await first.getByText('Planen bryter inga regler och flyttar inga låsta placeringar.').waitFor();
    expect(await first.getByTestId('ack-changes').innerText()).toBe('Flyttade: 1 · Ny: 0 · Borttagen: 0');
    expect(await first.locator('tbody tr').first().innerText()).toMatch(new RegExp(`^Sara Berg\\s+[1-9]\\d* → 0\\s+${own('t02').length} → ${own('t02').length}\\s+1$`));
    await first.getByRole('button', { name: 'Återställ version 1' }).click();
    await page.getByText('Återställd. Den nya gällande versionen är 5.').waitFor();

    // Restoring v2 puts Sara's broken plan back: the dialog says what breaks before anything happens.
    await page.getByRole('button', { name: 'Återställ version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Återställ version 2?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('ack-hard').innerText()).toMatch(/^Planen bryter regler: \d+ regelbrott$/);
    expect(await dialog.locator('tbody tr').first().innerText()).toMatch(/^Sara Berg\s+0 → [1-9]/);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'workflow-restore-dialog');
    const restore = dialog.getByRole('button', { name: 'Återställ version 2' });
    expect(await restore.isDisabled()).toBe(true);
    await dialog.getByLabel('Motivering').fill('Tillbaka till det godkända');
    await restore.click();
    await page.getByText('Återställd. Den nya gällande versionen är 6.').waitFor();
    await expect.poll(() => rows.count()).toBe(6);
    const current = await api('GET', '/api/plans/published');
    expect(current).toMatchObject({ number: 6, reason: 'Tillbaka till det godkända' });
    await page.close();
  });

  it('the trainee sees the published plan and the returned proposal’s comment; a new submission says what it replaced', async () => {
    const returned = await api('POST', '/api/proposals', { trainee: 't01', placements: own('t01').slice(0, 3) });
    await api('POST', `/api/proposals/${returned.id}/submit`);
    await api('POST', `/api/proposals/${returned.id}/return`, { comment: 'Internmedicinen krockar med semestern' });
    // Internal medicine down to one place: Jonas and Sara are there at the same time.
    const med = (await api('GET', '/api/clinics')).find((c: { id: string }) => c.id === 'med-vxo');
    const put = await t.call(sr, { method: 'PUT', url: '/api/clinics/med-vxo', payload: { ...med, capacity: 1 } });
    expect(put.statusCode).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, 'jonas@test');
    const notice = page.getByTestId('returned-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^Ditt förslag skickades tillbaka \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}\): ”Internmedicinen krockar med semestern” Här visas din publicerade plan\./);
    // The published plan (all of Jonas's placements), not the returned three.
    await expect.poll(() => page.locator('.timeline .bar').count()).toBe(own('t01').length);
    // Checked live against the others' published rotations (anonymous), not only after saving.
    const live = page.getByTestId('live-violations');
    await live.getByText('Regelbrott · Klinikens platser').first().waitFor();
    expect(await live.innerText()).toContain('Annan ST-läkare 1');
    expect(await live.innerText()).not.toMatch(/Sara|t02/);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'workflow-my-plan-returned');
    await page.getByRole('button', { name: 'Fortsätt på det återskickade förslaget' }).click();
    await expect.poll(() => page.locator('.timeline .bar').count()).toBe(3);
    await page.getByRole('button', { name: /Ångra/ }).click();
    await expect.poll(() => page.locator('.timeline .bar').count()).toBe(own('t01').length);
    // Submitting over a broken rule (the clinic's one place) asks first.
    await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
    const ask = page.getByRole('dialog', { name: 'Skicka trots regelbrott?' });
    await ask.getByTestId('ack-hard').waitFor();
    await shot(page, 'workflow-my-plan-submit-dialog');
    await ask.getByRole('button', { name: 'Avbryt' }).click();
    expect(await page.getByTestId('proposal-status').innerText()).toBe('Återskickad');
    await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await ask.getByRole('button', { name: 'Skicka ändå' }).click();
    await page.getByTestId('proposal-status').filter({ hasText: 'Inskickad' }).waitFor();
    // The returned proposal is edited and sent again: nothing else to replace.
    expect(await page.getByText('Ersätter ditt tidigare förslag').count()).toBe(0);

    // A new draft from the submitted one replaces it on submission, and says so.
    await page.getByRole('button', { name: 'Nytt utkast' }).click();
    await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await ask.getByRole('button', { name: 'Skicka ändå' }).click();
    await page.getByText(/^Ersätter ditt tidigare förslag från \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/).waitFor();
    await shot(page, 'workflow-my-plan-replaced');
    const mine = (await api('GET', '/api/proposals')).filter((p: { trainee: string }) => p.trainee === 't01');
    expect(mine.map((p: { status: string }) => p.status).sort()).toEqual(['submitted', 'superseded']);
    await page.close();
  });

  it('a solve run is kept; publishing its result that wipes a trainee shows what it breaks and moves, and asks', async () => {
    // The run of issue 14's first trap: a result in which Jonas, who has a full plan (one lock), has nothing.
    const current = await api('GET', '/api/plans/published');
    const placements = current.plan.placements.filter((p: PlanPlacement) => p.trainee !== 't01').map(({ locked: _l, ...p }: PlanPlacement & { locked?: boolean }) => p);
    const wiped = await plansRepo.create(t.app.db, { status: 'draft', note: 'Lösning', plan: plan(placements), report: validate(region, plan(placements)), createdBy: 'studierektor@demo' });
    const report = { ...validate(region, plan(placements)), solve: { status: 'timeout' as const, objective: 40, bound: 30, gap: 0.25, seconds: 60 } };
    const job = await solveJobsRepo.create(t.app.db, { timeLimitSeconds: 60, createdBy: 'studierektor@demo' });
    await solveJobsRepo.finish(t.app.db, job.id, { status: 'done', resultPlanId: wiped.id, report, moved: movedPlacements(plan(current.plan.placements), plan(placements)) });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, 'studierektor@demo');
    await page.getByRole('link', { name: 'Optimera' }).click();
    await page.getByRole('button', { name: `Öppna körning ${job.id}` }).click();
    await page.getByTestId('job-status').filter({ hasText: 'Klar' }).waitFor();
    expect(await page.getByTestId('move-counts').innerText()).toBe(`Flyttade: 0 · Ny: 0 · Borttagen: ${own('t01').length}`);
    await page.getByRole('button', { name: 'Publicera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publicera planen?' });
    await dialog.getByTestId('ack-locks').waitFor();
    expect(await dialog.getByTestId('ack-locks').innerText()).toMatch(/^Låsta placeringar flyttas eller tas bort: 2 placeringar\nJonas Lundgren: Internmedicin/); // the two v1 had, back since restoring
    expect(await dialog.locator('tbody tr').first().innerText()).toMatch(new RegExp(`^Jonas Lundgren\\s+\\d+ → [1-9]\\d*\\s+${own('t01').length} → 0\\s+0$`));
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'workflow-solve-publish-dialog');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect((await api('GET', '/api/plans/published')).id).toBe(current.id);

    // A reload keeps the run; its result is published only with the reason.
    await page.reload();
    await page.getByRole('button', { name: `Öppna körning ${job.id}` }).click();
    await page.getByRole('button', { name: 'Publicera' }).click();
    await dialog.getByLabel('Motivering').fill('Jonas har flyttat från regionen');
    await dialog.getByRole('button', { name: 'Publicera ändå' }).click();
    await page.getByText(/^Publicerad som version \d+\.$/).waitFor();
    const runRow = page.getByTestId('runs').locator('tbody tr').filter({ hasText: String(job.id) }).first();
    await expect.poll(() => runRow.innerText()).toMatch(/Version \d+/);
    await shot(page, 'workflow-solve-runs');
    await page.close();
  });
});
