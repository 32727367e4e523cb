/**
 * Every view renders in Chromium over a generated demo region, with the HTTP API answered in the
 * page by a small in-test double (page.route) — so the components are checked even where the real
 * server is not running. The end-to-end run against the real server is app.browser.test.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { generateDemo } from '../../solver/demo/generate.ts';
import { frozenPlacements } from '../../solver/solve/history.ts';
import { createValidator } from '../../solver/validate.ts';
import type { Placement, Plan } from '../../solver/domain/schemas.ts';
import type { AgreedPlacements, ErrorBody, JobCreated, Ok, PlanDetail, PlanDiff, Proposal, PublishCheck, SolveJob, User } from '../../api/schemas/index.ts';
import { addMonths, formatDay, parseDay } from '../../solver/time/dates.ts';
import { buildWebIfStale, freePort, launch, openPage, ROOT, SCREENSHOTS } from './browser.ts';

const DEMO_TODAY = '2027-01-15';
const { scenario, plan } = generateDemo({ size: 40, seed: 3, today: DEMO_TODAY });
const validator = createValidator(scenario);
const report = validator.validate(plan);
// The latest starter has nothing locked, so their plan is fully editable.
const st = [...scenario.trainees].sort((a, b) => (a.start < b.start ? 1 : -1))[0]!;
const other = scenario.trainees.find((t) => t.id !== st.id && plan.placements.some((p) => p.trainee === t.id))!;
const own = (id: string): Placement[] => plan.placements.filter((p) => p.trainee === id).map(({ trainee: _t, ...p }) => p);
// The proposal under review moves the other trainee's first rotation a month later.
const firstRotation = own(other.id).findIndex((p) => p.kind === 'rotation');
const shift = (iso: string) => formatDay(addMonths(parseDay(iso), 1));
const moved: Placement[] = own(other.id).map((p, i) => (i === firstRotation ? { ...p, from: shift(p.from), to: shift(p.to) } : p));
const withMoved = { ...plan, placements: [...plan.placements.filter((p) => p.trainee !== other.id), ...moved.map((p) => ({ trainee: other.id, ...p }))] };
// Whether approving that proposal must ask first (it breaks a hard rule of the trainee's).
const proposalBreaks = validator.validate(withMoved).violations.some((v) => v.severity === 'hard' && v.trainees.includes(other.id));

const users = {
  studierektor: { id: 1, email: 'studierektor@demo', name: 'Sara Studierektor', role: 'studierektor', units: [], trainees: [] },
  enhetschef: { id: 2, email: 'enhetschef@demo', name: 'Erik Enhetschef', role: 'enhetschef', units: [st.unit], trainees: [] },
  st: { id: 3, email: 'st@demo', name: st.name, role: 'st-lakare', units: [], trainees: [st.id] },
  handledare: { id: 4, email: 'handledare@demo', name: 'Hanna Handledare', role: 'handledare', units: [], trainees: [st.id, other.id] },
} as const satisfies Record<string, User>;

/** The API double: enough of the contract for every view to render and act (answers typed by api/schemas). */
function apiDouble(user: (typeof users)[keyof typeof users]) {
  let jobPolls = 0;
  let cancelled = false;
  const proposal: Proposal = { id: 7, trainee: other.id, status: 'submitted', placements: moved, comment: null, version: 2, createdAt: '2027-01-09T08:30:00Z', updatedAt: '2027-01-10T10:00:00Z' };
  const published: PlanDetail = {
    id: 1,
    version: 1,
    status: 'published',
    createdAt: '2027-01-01T10:00:00Z',
    createdBy: 'studierektor@demo',
    publishedAt: '2027-01-01T10:00:00Z',
    note: '',
    number: 1,
    publishedBy: 'studierektor@demo',
    reason: null,
    plan,
    report,
  };
  const job = (over: Partial<SolveJob>): SolveJob => ({
    id: 5,
    status: 'queued',
    progress: null,
    result: null,
    error: null,
    createdAt: '2027-01-15T10:00:00Z',
    startedAt: null,
    finishedAt: null,
    ...over,
  });
  return async (route: Route) => {
    const url = new URL(route.request().url());
    const path = url.pathname;
    const method = route.request().method();
    const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    const withProposal = (): Plan => ({
      ...plan,
      placements: [...plan.placements.filter((p) => p.trainee !== other.id), ...moved.map((p) => ({ trainee: other.id, ...p }))],
    });
    if (path === '/api/auth/me') return json({ user });
    if (path === '/api/auth/logout') return json({ ok: true } satisfies Ok);
    if (path === '/api/scenario') return json(scenario);
    if (path === '/api/plans/published') return json(published);
    if (path === '/api/proposals' && method === 'GET') return json(user.role === 'studierektor' ? [proposal] : []);
    if (path === '/api/proposals' && method === 'POST') {
      const body = route.request().postDataJSON() as { trainee: string; placements: Placement[] };
      return json({ id: 9, status: 'draft', comment: null, version: 1, createdAt: '2027-01-15T10:00:00Z', updatedAt: '2027-01-15T10:00:00Z', ...body } satisfies Proposal);
    }
    if (/^\/api\/proposals\/\d+\/validate$/.test(path)) return json(validator.validate(withProposal()));
    if (/^\/api\/proposals\/\d+\/submit$/.test(path)) return json({ id: 9, trainee: st.id, status: 'submitted', placements: own(st.id), comment: null, version: 2, createdAt: '', updatedAt: '' } satisfies Proposal);
    if (/^\/api\/proposals\/\d+\/approve$/.test(path)) return json({ ...proposal, status: 'approved', version: 3 } satisfies Proposal);
    if (/^\/api\/proposals\/\d+\/return$/.test(path)) {
      const body = route.request().postDataJSON() as { comment?: string };
      if (!body.comment) return json({ error: 'validation', message: 'comment: saknas' } satisfies ErrorBody, 400);
      return json({ ...proposal, status: 'returned', comment: body.comment } satisfies Proposal);
    }
    if (path === '/api/solve-jobs/5' && method === 'DELETE') {
      cancelled = true;
      return json(job({ status: 'cancelled' }));
    }
    if (path === '/api/clinics') return json(scenario.clinics.map((c) => ({ ...c, version: 1 })));
    if (path === '/api/units') return json(scenario.units.map((u) => ({ ...u, version: 1 })));
    if (path === '/api/trainees') return json(scenario.trainees.map((t) => ({ ...t, version: 1 })));
    if (path === '/api/import/trainees') return json({ error: 'validation', message: 'Importen innehåller fel', details: ['rad 2, start: inte ett datum'] } satisfies ErrorBody, 400);
    if (path === '/api/solve-jobs' && method === 'POST') return json({ id: 5 } satisfies JobCreated, 202);
    if (path === '/api/solve-jobs' && method === 'GET') return json([]);
    if (path === '/api/solve-jobs/agreed') {
      const frozen = frozenPlacements(scenario, plan, DEMO_TODAY);
      const name = (id: string) => scenario.trainees.find((t) => t.id === id)!.name;
      return json({ planFrom: frozen.planFrom, until: frozen.until, placements: frozen.agreed.map((p) => ({ ...p, name: name(p.trainee) })) } satisfies AgreedPlacements);
    }
    if (path === '/api/solve-jobs/5') {
      jobPolls++;
      const done = jobPolls > 2;
      if (cancelled) return json(job({ status: 'cancelled' }));
      return json(
        job({
          status: done ? 'done' : 'running',
          progress: { seconds: jobPolls * 0.7, phase: done ? 'done' : 'mip', incumbent: 1234, bound: 1200, gap: 0.028 },
          result: done ? { planId: 2, report: { ...report, solve: { status: 'feasible', objective: 1234, bound: 1200, gap: 0.028, seconds: 2.1 } }, moved: [] } : null,
          startedAt: '2027-01-15T10:00:01Z',
          finishedAt: done ? '2027-01-15T10:00:03Z' : null,
        }),
      );
    }
    if (path === '/api/plans/diff') {
      const before = plan.placements.find((p) => p.trainee === other.id && p.kind === 'rotation')!;
      return json({ moved: [{ trainee: other.id, before, after: { trainee: other.id, ...moved[firstRotation]! } }], added: [], removed: [] } satisfies PlanDiff);
    }
    // The solve's draft (plan 2) wipes the other trainee, as issue 14's first trap; restoring plan 1 breaks nothing.
    const lost = own(other.id);
    const check = (candidate: number): PublishCheck =>
      candidate === 2
        ? {
            candidate,
            current: 1,
            currentNumber: 1,
            hard: [{ rule: 'required-rotations', severity: 'hard', trainees: [other.id], clinic: null, unit: null, from: null, to: null, amount: 1, message: { sv: `${other.name} saknar psykiatri.`, en: `${other.name} lacks psychiatry.` } }],
            movedLocks: [{ trainee: other.id, before: { trainee: other.id, ...lost[firstRotation]! }, after: null }],
            moved: 0,
            added: 0,
            removed: lost.length,
            trainees: [{ trainee: other.id, hardBefore: 0, hardAfter: 1, moved: 0, added: 0, removed: lost.length, lockedMoved: 1, placementsBefore: lost.length, placementsAfter: 0 }],
            needsAcknowledgement: true,
          }
        : { candidate, current: 2, currentNumber: 2, hard: [], movedLocks: [], moved: 0, added: lost.length, removed: 0, trainees: [], needsAcknowledgement: false };
    const checkPath = /^\/api\/plans\/(\d+)\/check$/.exec(path);
    if (checkPath) return json(check(Number(checkPath[1])));
    if (path === '/api/plans/2/publish') {
      const body = route.request().postDataJSON() as { acknowledge?: { hard: number; movedLocks: number; reason: string } };
      if (body.acknowledge?.hard !== 1 || body.acknowledge.movedLocks !== 1 || !body.acknowledge.reason)
        return json({ error: 'acknowledgement-required', message: 'bekräfta', current: check(2) } satisfies ErrorBody, 409);
      return json({ ...published, id: 2, number: 2, reason: body.acknowledge.reason } satisfies PlanDetail);
    }
    if (path === '/api/plans/1/rollback') return json({ ...published, id: 3, number: 3 } satisfies PlanDetail);
    return json({ error: 'not-found', message: `double has no ${method} ${path}` } satisfies ErrorBody, 404);
  };
}

let browser: Browser;
let server: PreviewServer;
let base = '';

async function open(role: keyof typeof users, hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await openPage(browser, { viewport: { width: 1440, height: 900 } }, DEMO_TODAY);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/api/**', apiDouble(users[role]));
  await page.goto(`${base}/${hash}`);
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
  return { page, errors };
}

describe('every view renders over demo data (API double in the page)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    buildWebIfStale();
    browser = await launch();
    const port = await freePort();
    server = await preview({ configFile: join(ROOT, 'web/vite.config.ts'), preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
    base = `http://127.0.0.1:${port}`;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.httpServer.close(() => r()) : r()));
  });

  it('cohort: grouped rows, named bars, filters and zoom', async () => {
    const { page, errors } = await open('studierektor', '#/cohort');
    await page.getByRole('heading', { name: /^Kohort/ }).waitFor();
    const t = scenario.trainees[0]!;
    const first = plan.placements.find((p) => p.trainee === other.id && p.kind === 'rotation')!;
    await page.getByLabel('Sök namn').fill(other.name);
    await expect.poll(() => page.locator('.timeline .tl-row[data-trainee]').count()).toBeGreaterThan(0);
    const names = await page.locator('.timeline .bar').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names.some((n) => n?.includes(`, ${other.name}, ${first.from} – ${first.to}`))).toBe(true);
    await page.getByLabel('Sök namn').fill('');
    await page.getByLabel('Zoom').selectOption('months');
    await page.getByLabel('Enhet').selectOption(t.unit);
    await shot(page, 'double-cohort');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('clinic load: a cell lists who is there', async () => {
    const { page, errors } = await open('studierektor', '#/load');
    await page.getByRole('heading', { name: 'Belastning per klinik och månad' }).waitFor();
    const busy = page.locator('table.heat td button:not(.lvl-none):not(.lvl-closed)').first();
    await busy.click();
    await expect.poll(() => page.locator('aside li').count()).toBeGreaterThan(0);
    await shot(page, 'double-load');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unit view: away per month against the limit, who is away', async () => {
    const { page, errors } = await open('enhetschef', '#/unit');
    await page.getByRole('heading', { name: /^Borta från enheten/ }).waitFor();
    const cols = page.locator('.unit-col');
    expect(await cols.count()).toBeGreaterThan(12);
    await shot(page, 'double-unit');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('my plan: a dragged bar breaks a rule live, undo repairs it, the proposal is submitted', async () => {
    const { page, errors } = await open('st', '#/my-plan');
    await page.getByTestId('end-of-st').filter({ hasNotText: '–' }).waitFor();
    const count = async () => {
      const m = /^(\d+)/.exec((await page.getByTestId('hard-count').innerText()).trim());
      return m ? Number(m[1]) : 0;
    };
    const before = await count();
    const bar = page.locator('.timeline .bar.editable.kind-rotation').first();
    const box = (await bar.boundingBox())!;
    let x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    let during = before;
    for (let i = 0; i < 40 && during <= before; i++) {
      x -= 37;
      await page.mouse.move(x, y, { steps: 2 });
      during = await count();
    }
    expect(during).toBeGreaterThan(before);
    await shot(page, 'double-my-plan-conflict');
    await page.mouse.up();
    await page.getByRole('button', { name: /Ångra/ }).click();
    await expect.poll(count).toBe(before);
    await page.getByRole('button', { name: 'Skicka för godkännande' }).click();
    // A plan that breaks a hard rule is submitted only after a question.
    if (before > 0) await page.getByRole('dialog', { name: 'Skicka trots regelbrott?' }).getByRole('button', { name: 'Skicka ändå' }).click();
    await page.getByTestId('proposal-status').filter({ hasText: 'Inskickad' }).waitFor();
    await shot(page, 'double-my-plan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('review: violations, diff and the effect on clinics and units', async () => {
    const { page, errors } = await open('studierektor', '#/review');
    await page.getByRole('button', { name: other.name }).click();
    await page.getByRole('heading', { name: 'Jämfört med publicerad plan' }).waitFor();
    await expect.poll(() => page.locator('.diff-add').count()).toBeGreaterThan(0);
    // Submitted 10:00 UTC on 10 January: 11:00 in Sweden.
    expect(await page.getByTestId('proposal-time').innerText()).toBe('Inskickad 2027-01-10 11:00');
    await shot(page, 'double-review');
    await page.getByRole('button', { name: 'Godkänn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Godkänn trots regelbrott?' });
    const done = page.getByText('Godkänt och publicerat. Version 1.');
    await dialog.or(done).waitFor();
    expect(await dialog.isVisible()).toBe(proposalBreaks);
    if (proposalBreaks) {
      await dialog.getByLabel('Motivering').fill('Överenskommet');
      await dialog.getByRole('button', { name: 'Godkänn ändå' }).click();
    }
    await done.waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('review: return with a comment', async () => {
    const { page, errors } = await open('studierektor', '#/review');
    await page.getByRole('button', { name: other.name }).click();
    await page.getByRole('button', { name: 'Skicka tillbaka' }).waitFor();
    expect(await page.getByRole('button', { name: 'Skicka tillbaka' }).isDisabled()).toBe(true);
    await page.getByLabel('Kommentar').fill('Flytta psykiatrin till hösten.');
    await page.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await page.getByText('Skickat tillbaka.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('solve: a running job can be cancelled', async () => {
    const { page, errors } = await open('studierektor', '#/solve');
    await page.getByRole('button', { name: 'Starta optimering' }).click();
    await page.getByRole('button', { name: 'Avbryt' }).and(page.locator(':enabled')).click();
    await page.getByTestId('job-status').filter({ hasText: 'Avbruten' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('solve: progress, the result as a diff; publishing a result that wipes a trainee shows it and asks; undo', async () => {
    const { page, errors } = await open('studierektor', '#/solve');
    await page.getByRole('button', { name: 'Starta optimering' }).click();
    await page.getByTestId('job-status').filter({ hasText: 'Klar' }).waitFor();
    await expect.poll(() => page.getByTestId('moves').locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Publicera' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publicera planen?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('ack-hard').innerText()).toBe('Planen bryter regler: 1 regelbrott');
    expect(await dialog.getByTestId('ack-locks').innerText()).toMatch(/^Låsta placeringar flyttas eller tas bort: 1 placering\n/);
    const lost = own(other.id).length;
    expect(await dialog.locator('tbody tr').first().innerText()).toMatch(new RegExp(`^${other.name}\\s+0 → 1\\s+${lost} → 0\\s+0$`));
    await shot(page, 'double-solve-publish-dialog');
    const anyway = dialog.getByRole('button', { name: 'Publicera ändå' });
    expect(await anyway.isDisabled()).toBe(true);
    await dialog.getByLabel('Motivering').fill('Hon slutar i regionen');
    await anyway.click();
    await page.getByText('Publicerad som version 2.').waitFor();
    // Undo restores the version the publish replaced, after a confirmation.
    await page.getByRole('button', { name: /Ångra/ }).click();
    const restore = page.getByRole('dialog', { name: 'Återställ version' });
    await restore.getByText('Planen bryter inga regler och flyttar inga låsta placeringar.').waitFor();
    await restore.getByRole('button', { name: 'Återställ' }).click();
    await page.getByText('Återställd. Den nya gällande versionen är 3.').waitFor();
    await shot(page, 'double-solve');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('data: tables, import row errors, the printable plan', async () => {
    const { page, errors } = await open('studierektor', '#/data');
    await page.locator('table.data tbody tr').first().waitFor();
    await shot(page, 'double-data');
    await page.getByRole('tab', { name: 'Importera' }).click();
    await page.getByLabel('ST-läkare (CSV/XLSX)').setInputFiles({ name: 't.csv', mimeType: 'text/csv', buffer: Buffer.from('id\nx') });
    await page.getByText('rad 2, start: inte ett datum').waitFor();
    await page.goto(`${base}/#/print/${encodeURIComponent(st.id)}`);
    await page.getByRole('heading', { name: /Individuell utbildningsplan/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'double-print');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a handledare sees the supervisees only and no editing views', async () => {
    const { page, errors } = await open('handledare', '#/solve');
    // A view the role may not open falls back to its home view.
    await page.getByRole('heading', { name: /^Kohort/ }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual(['Kohort', 'Individuell plan']);
    expect(await page.locator('.timeline .bar.editable').count()).toBe(0);
    // The English switch changes the interface words and the bars' names.
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('heading', { name: /^Cohort/ }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual(['Cohort', 'Individual plan']);
    await page.getByRole('button', { name: 'Språk: svenska' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
