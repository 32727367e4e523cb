/**
 * Editing everything without a spreadsheet (issue 14), in Chromium against the real API and web
 * build on a private PGlite: the studierektor moves a trainee's placement on the cohort timeline,
 * sees the broken rule at once, undoes it, and publishes a valid move as a new version; edits a
 * clinic's summer closure and sees which placements it would put over capacity before saving; and
 * deletes a trainee after a confirmation and undoes it (the placements come back), adds one (a bad
 * field is named at the field), edits and undoes; gives a trainee a wish in the form (bad rows named
 * at their fields, by the form and by the API), undoes it, and sees it after a reload next to the
 * trainee's locked placements.
 * The region is the rule tests' fixture (two trainees with the same clean plan): no real date.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { plansRepo, solveJobsRepo } from '../../db/index.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cleanPlacements, plan, scenario, trainee } from '../rules/fixtures.ts';
import { buildWebIfStale, freePort, launch, logIn, openPage, ROOT, SCREENSHOTS, expectNoIds } from './browser.ts';

/** Trainee ids in play: none may show in the visible text. */
const TRAINEE_IDS = ['t01', 't02', 't003'];

const region = scenario([trainee('t01', { name: 'Jonas Lundgren' }), trainee('t02', { name: 'Sara Berg' })]);
const clean = [...cleanPlacements('t01'), ...cleanPlacements('t02')];

let t: TestApp;
let sr: string;
let browser: Browser;
let base = '';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function api(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const res = await t.call(sr, { method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, body: res.statusCode === 204 ? null : res.json() };
}

const published = async () => (await api('GET', '/api/plans/published')).body as { id: number; number: number; plan: { placements: PlanPlacement[] } };

async function studierektor(view: string): Promise<Page> {
  const page = await openPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
  await logIn(page, base, 'studierektor@demo');
  await page.getByRole('link', { name: view, exact: true }).click();
  return page;
}

describe('editing the region in Chromium (real API, fixture region)', { timeout: 120_000 }, () => {
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

  it('moves a placement on the cohort timeline, sees the broken rule live, undoes, and publishes a valid move', async () => {
    const page = await studierektor('Kohort');
    await page.getByRole('button', { name: 'Flytta placeringar' }).click();
    const psych = page.locator('.timeline .bar.editable[aria-label="Psykiatri, Jonas Lundgren, 2028-09-01 – 2028-11-30"]');
    await psych.waitFor();
    // A month later it runs on into paediatrics: six months away from the VC in one stretch.
    await psych.focus();
    await page.keyboard.press('ArrowRight');
    const live = page.getByTestId('cohort-live');
    await live.getByText('Kontroll medan du drar · Jonas Lundgren').waitFor();
    await expect.poll(async () => (await live.innerText()).includes('Regelbrott')).toBe(true);
    expect(await page.locator('.timeline .bar.v-hard[aria-label^="Psykiatri, Jonas Lundgren, 2028-10-01"]').count()).toBe(1);
    expect(await page.getByTestId('edited-count').innerText()).toBe('1 ändrad placering');
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-cohort-live-violation');
    // Another view and back: the moves are still there, unsaved.
    await page.getByRole('link', { name: 'Versioner' }).click();
    await page.getByRole('heading', { name: 'Publicerade versioner' }).waitFor();
    await page.getByRole('link', { name: 'Kohort' }).click();
    expect(await page.getByTestId('edited-count').innerText()).toBe('1 ändrad placering');
    expect(await page.getByText('Du har flyttade placeringar som inte är sparade.').count()).toBe(1);

    // Ctrl+Z takes it back: no broken rule, nothing changed.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('edited-count').innerText()).toBe('0 ändrade placeringar');
    await expect.poll(async () => (await live.innerText()).includes('Regelbrott')).toBe(false);
    expect(await psych.count()).toBe(1);

    // Dragging with the mouse works too; the rule breaks while the button is still held.
    const box = (await psych.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) await page.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2, { steps: 2 });
    await expect.poll(async () => (await live.innerText()).includes('Regelbrott')).toBe(true);
    await page.mouse.up();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('edited-count').innerText()).toBe('0 ändrade placeringar');

    // Moved and moved back by the keys: nothing changed (and nothing broken).
    await psych.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('edited-count').innerText()).toBe('1 ändrad placering');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('edited-count').innerText()).toBe('0 ändrade placeringar');
    await expect.poll(async () => (await live.innerText()).includes('Regelbrott')).toBe(false);

    // A move that keeps every rule: dermatology a month later. Published as a new version.
    const before = await published();
    await page.locator('.timeline .bar.editable[aria-label="Hud, Jonas Lundgren, 2030-05-01 – 2030-05-31"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('edited-count').innerText()).toBe('1 ändrad placering');
    expect(await live.innerText()).not.toContain('Regelbrott');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText(/^Sparat som utkast/).waitFor();
    await page.getByRole('button', { name: 'Publicera utkastet' }).click();
    // The check says what publishing moves, and that it breaks nothing.
    const dialog = page.getByRole('dialog', { name: 'Publicera planen?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('ack-changes').innerText()).toBe('Flyttade: 1 · Ny: 0 · Borttagen: 0');
    expect(await dialog.innerText()).toContain('Planen bryter inga regler och flyttar inga låsta placeringar.');
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-cohort-publish-dialog');
    await dialog.getByRole('button', { name: 'Publicera' }).click();
    await page.getByText(`Publicerad som version ${before.number + 1}.`).waitFor();
    const after = await published();
    expect(after.plan.placements).toContainEqual({ trainee: 't01', kind: 'rotation', specialty: 'hud', clinic: 'hud-vxo', from: '2030-06-01', to: '2030-06-30' });
    expect(after.plan.placements).toHaveLength(before.plan.placements.length);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-cohort-published');
    await page.close();
  });

  it('edits a summer closure with a preview of the placements it would put over capacity, saves and undoes', async () => {
    const page = await studierektor('Kapacitet');
    await page.getByLabel(/^Klinik/).selectOption('psyk-vxo');
    const preview = page.getByTestId('capacity-preview');
    await preview.getByText('Inget ändrat ännu.').waitFor();
    expect(await page.getByTestId('preview-after').innerText()).toBe('0 placeringar');

    // Both trainees are at psychiatry 2028-09-01 – 2028-11-30: one place in October puts them over.
    await page.getByRole('button', { name: '+ Lägg till period' }).click();
    await page.getByLabel('Från', { exact: true }).fill('2028-10-01');
    await page.getByLabel('Till', { exact: true }).fill('2028-10-31');
    await page.getByLabel('Platser').nth(1).fill('1');
    await expect.poll(() => page.getByTestId('preview-after').innerText()).toBe('2 placeringar');
    const added = await page.getByTestId('preview-added').innerText();
    expect(added).toContain('Jonas Lundgren');
    expect(added).toContain('Sara Berg');
    expect(await preview.innerText()).toContain('2028-10-01 – 2028-10-31: 1 plats, 1 för många');
    // Month by month: two at once in October, against two places now and one with the change.
    expect(await page.getByTestId('preview-load').getByRole('row', { name: /okt 2028/ }).innerText()).toMatch(/okt 2028\s+2\/2\s+2\/1/);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-capacity-preview');
    // Nothing is saved by the preview.
    expect((await api('GET', '/api/clinics')).body.find((c: { id: string }) => c.id === 'psyk-vxo').capacityChanges).toBeUndefined();

    // A period that ends before it begins is refused and named at its field.
    await page.getByLabel('Till', { exact: true }).fill('2028-09-30');
    await page.getByRole('button', { name: 'Spara' }).click();
    const to = page.getByLabel('Till', { exact: true });
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await to.getAttribute('aria-describedby')}"]`).innerText()).toBe('ligger före från-datumet');
    expect(await page.getByTestId('field-errors').innerText()).toContain('Period 1 · till: ligger före från-datumet');

    // The summer closure: no places at all in July.
    await page.getByLabel('Från', { exact: true }).fill('2028-07-01');
    await page.getByLabel('Till', { exact: true }).fill('2028-07-31');
    await page.getByLabel('Platser').nth(1).fill('0');
    await expect.poll(() => page.getByTestId('preview-after').innerText()).toBe('0 placeringar');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('capacity-message').filter({ hasText: 'Ändrad: Psykiatri Växjö' }).waitFor();
    const saved = (await api('GET', '/api/clinics')).body.find((c: { id: string }) => c.id === 'psyk-vxo');
    expect(saved.capacityChanges).toEqual([{ from: '2028-07-01', to: '2028-07-31', capacity: 0 }]);

    await page.getByTestId('undo').click();
    await page.getByTestId('capacity-message').filter({ hasText: 'Ångrat' }).waitFor();
    const restored = (await api('GET', '/api/clinics')).body.find((c: { id: string }) => c.id === 'psyk-vxo');
    expect(restored.capacityChanges).toBeUndefined();
    expect(await page.getByText('Inga perioder: samma kapacitet hela tiden.').count()).toBe(1);
    await page.close();
  });

  it('edits a unit’s limit on trainees away with a preview, shows it in the unit view, saves and undoes', async () => {
    const page = await studierektor('Kapacitet');
    await page.getByRole('button', { name: 'Vårdcentraler' }).click();
    await page.getByLabel(/^Enhet/).selectOption('vc-a');
    const preview = page.getByTestId('capacity-preview');
    await preview.getByText('Inget ändrat ännu.').waitFor();
    expect(await page.getByText('Inga perioder: samma gräns hela tiden.').count()).toBe(1);

    // Both trainees of vc-a (two away at once) are at psychiatry 2028-09-01 – 2028-11-30: a limit of one in October puts them over.
    await page.getByRole('button', { name: '+ Lägg till period' }).click();
    await page.getByLabel('Från', { exact: true }).fill('2028-10-01');
    await page.getByLabel('Till', { exact: true }).fill('2028-10-31');
    await page.getByLabel('Max borta samtidigt', { exact: true }).nth(1).fill('1');
    await expect.poll(() => page.getByTestId('preview-after').innerText()).toBe('2 placeringar');
    expect(await preview.innerText()).toContain('2028-10-01 – 2028-10-31: 1 borta samtidigt, 1 för många');
    expect(await page.getByTestId('preview-load').getByRole('row', { name: /okt 2028/ }).innerText()).toMatch(/okt 2028\s+2\/2\s+2\/1/);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-unit-limit-preview');
    expect((await api('GET', '/api/units')).body.find((u: { id: string }) => u.id === 'vc-a').maxAwayChanges).toBeUndefined();

    // A period that ends before it begins is refused and named at its field.
    await page.getByLabel('Till', { exact: true }).fill('2028-09-30');
    await page.getByRole('button', { name: 'Spara' }).click();
    const to = page.getByLabel('Till', { exact: true });
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await to.getAttribute('aria-describedby')}"]`).innerText()).toBe('ligger före från-datumet');

    // More cover one summer: three away at once in June–August.
    await page.getByLabel('Från', { exact: true }).fill('2028-06-01');
    await page.getByLabel('Till', { exact: true }).fill('2028-08-31');
    await page.getByLabel('Max borta samtidigt', { exact: true }).nth(1).fill('3');
    await expect.poll(() => page.getByTestId('preview-after').innerText()).toBe('0 placeringar');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('capacity-message').filter({ hasText: 'Ändrad: Vårdcentralen A' }).waitFor();
    const saved = (await api('GET', '/api/units')).body.find((u: { id: string }) => u.id === 'vc-a');
    expect(saved.maxAwayChanges).toEqual([{ from: '2028-06-01', to: '2028-08-31', maxAway: 3 }]);

    // The unit view says the limit that applies, and when another does.
    const unitPage = await studierektor('Enhet');
    await unitPage.getByLabel(/^Enhet/).selectOption('vc-a');
    await expect.poll(() => unitPage.getByTestId('limit-text').innerText()).toBe('Högst 2 borta samtidigt; 3 under 2028-06-01 – 2028-08-31');
    await unitPage.getByLabel(/^År/).selectOption('2028');
    await shot(unitPage, 'unit-view-limit');
    await unitPage.close();

    await page.getByTestId('undo').click();
    await page.getByTestId('capacity-message').filter({ hasText: 'Ångrat' }).waitFor();
    expect((await api('GET', '/api/units')).body.find((u: { id: string }) => u.id === 'vc-a').maxAwayChanges).toBeUndefined();
    expect(await page.getByText('Inga perioder: samma gräns hela tiden.').count()).toBe(1);
    await page.close();
  });

  it('applies a unit’s capacity advice from a solve as a limit change, after a confirmation, and solves again', async () => {
    const pub = await published();
    const message = {
      sv: 'En plats till borta samtidigt på Vårdcentralen B 2028-01-01 – 2028-12-31 kortar förlängningarna med 2 månader (1 ST-läkare).',
      en: 'One more place away at once at Vårdcentralen B 2028-01-01 – 2028-12-31 shortens the extensions by 2 months (1 trainee).',
    };
    const advice = { clinic: null, unit: 'vc-b', from: '2028-01-01', to: '2028-12-31', places: 1, savesMonths: 2, trainees: ['t01'], message };
    // A finished run whose report carries the advice (written as one step, so no worker takes it as queued).
    const checked = validate(region, plan(pub.plan.placements));
    const trainees = checked.trainees.map((x) => (x.id === 't01' ? { ...x, plannedEnd: '2032-04-01', extensionMonths: 2 } : x));
    const report = { ...checked, trainees, capacityAdvice: [advice] };
    report.solve = { status: 'feasible', objective: 1, bound: 1, gap: 0, seconds: 1, planFrom: '2027-03-15', kept: 0 };
    const job = await t.app.db.transaction().execute(async (trx) => {
      const created = await solveJobsRepo.create(trx, { timeLimitSeconds: 5, createdBy: 'studierektor@demo' });
      await solveJobsRepo.finish(trx, created.id, { status: 'done', resultPlanId: pub.id, report, moved: [] });
      return created;
    });
    const runsBefore = (await api('GET', '/api/solve-jobs')).body.length as number;

    const page = await studierektor('Optimera');
    const list = page.getByTestId('capacity-advice');
    await list.getByText(message.sv).waitFor();
    await shot(page, 'solve-unit-advice');
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await list.getByRole('button', { name: 'Lägg till platsen och optimera igen' }).click();
    await expect.poll(async () => (await api('GET', '/api/units')).body.find((u: { id: string }) => u.id === 'vc-b').maxAwayChanges).toEqual([
      { from: '2028-01-01', to: '2028-12-31', maxAway: 2 },
    ]);
    expect(asked).toContain('Lägga till en plats till borta samtidigt på Vårdcentralen B 2028-01-01 – 2028-12-31');
    await expect.poll(async () => (await api('GET', '/api/solve-jobs')).body.length).toBe(runsBefore + 1);
    expect(job.id).toBeGreaterThan(0);
    await page.close();
  });

  it('deletes a trainee after a confirmation and undoes it; adds one (a bad field named at the field), edits and undoes', async () => {
    const page = await studierektor('ST-läkare');
    const list = page.getByTestId('trainee-list');
    await list.getByText('Jonas Lundgren').waitFor();

    // Delete Sara, who has placements: the dialog says what goes; cancel keeps her.
    const before = await published();
    await page.getByRole('button', { name: 'Ta bort: Sara Berg' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort: Sara Berg?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`${cleanPlacements('t02').length} placeringar i den publicerade planen tas bort`);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-trainee-delete-dialog');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await api('GET', '/api/trainees/t02')).status).toBe(200);

    await page.getByRole('button', { name: 'Ta bort: Sara Berg' }).click();
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Borttagen: Sara Berg' }).waitFor();
    expect(await list.getByText('Sara Berg').count()).toBe(0);
    expect((await api('GET', '/api/trainees/t02')).status).toBe(404);
    expect((await published()).plan.placements.some((p) => p.trainee === 't02')).toBe(false);

    // Undo: Sara is back, and so are her placements (the version before the deletion, restored).
    await page.getByTestId('undo').click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Ångrat – Borttagen: Sara Berg' }).waitFor();
    await list.getByText('Sara Berg').waitFor();
    expect((await api('GET', '/api/trainees/t02')).status).toBe(200);
    await expect.poll(async () => (await published()).plan.placements.filter((p) => p.trainee === 't02').length).toBe(cleanPlacements('t02').length);
    expect((await published()).number).toBeGreaterThan(before.number);

    // A latest end before the start: the API refuses it and the form says so at that field.
    await page.getByRole('button', { name: '+ Ny ST-läkare' }).click();
    const form = page.locator('form.trainee-form');
    await form.getByLabel('Namn').fill('Klara Holm');
    await form.getByLabel('Start', { exact: true }).fill('2027-09-01');
    await form.getByLabel('Senaste slut på ST').fill('2027-06-30');
    await form.getByRole('group', { name: 'Sysselsättning' }).getByRole('button', { name: '+ Lägg till rad' }).click();
    await form.getByLabel('Procent').fill('80');
    await form.getByRole('button', { name: 'Spara' }).click();
    const latestEnd = form.getByLabel('Senaste slut på ST');
    await expect.poll(() => latestEnd.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await latestEnd.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText()).toBe('måste ligga efter startdatumet');
    expect(await page.getByTestId('field-errors').innerText()).toContain('Senaste slut på ST: måste ligga efter startdatumet');
    expect((await api('GET', '/api/trainees')).body).toHaveLength(2); // nothing written
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-trainee-field-error');

    await latestEnd.fill('2034-06-30');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Tillagd: Klara Holm' }).waitFor();
    await list.getByText('Klara Holm').waitFor();
    const created = (await api('GET', '/api/trainees')).body.find((x: { name: string }) => x.name === 'Klara Holm');
    expect(created).toMatchObject({ unit: 'vc-a', start: '2027-09-01', regulation: '2015:8', latestEnd: '2034-06-30', employment: [{ from: '2027-09-01', rate: 0.8 }] });
    expect(created.rotations).toBeUndefined(); // the profile's list

    // Edit: a new name and an own list of required rotations; then undo brings the old row back.
    await page.getByRole('button', { name: 'Ändra: Klara Holm' }).click();
    await form.getByLabel('Namn').fill('Klara Holm-Berg');
    await form.getByLabel('Egen lista (annars profilens)').check();
    await form.getByRole('button', { name: 'Ta bort rad: Hud' }).click();
    await form.getByRole('button', { name: 'Spara' }).click();
    await list.getByText('Klara Holm-Berg').waitFor();
    const edited = (await api('GET', `/api/trainees/${created.id}`)).body;
    expect(edited.name).toBe('Klara Holm-Berg');
    expect(edited.rotations.map((r: { specialty: string }) => r.specialty)).toEqual(['internmedicin', 'psykiatri', 'pediatrik', 'gynekologi', 'onh', 'ogon']);
    await page.getByTestId('undo').click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Ångrat' }).waitFor();
    const undone = (await api('GET', `/api/trainees/${created.id}`)).body;
    expect(undone.name).toBe('Klara Holm');
    expect(undone.rotations).toBeUndefined();

    // Now Klara has no plan, so the version before a deletion breaks rules: undoing one asks first, with a reason.
    await page.getByRole('button', { name: 'Ta bort: Sara Berg' }).click();
    await dialog.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Borttagen: Sara Berg' }).waitFor();
    await page.getByTestId('undo').click();
    const restore = page.getByRole('dialog', { name: 'Återställ version' });
    await restore.waitFor();
    expect(await restore.getByTestId('ack-hard').innerText()).toMatch(/^Planen bryter regler: \d+ regelbrott$/);
    await restore.getByLabel('Motivering').fill('Borttagen av misstag');
    await restore.getByRole('button', { name: 'Återställ' }).click();
    await expect.poll(async () => (await published()).plan.placements.filter((p) => p.trainee === 't02').length).toBe(cleanPlacements('t02').length);

    // The list filters by name, and says so when nothing matches.
    await page.getByLabel('Sök namn').fill('klara');
    await expect.poll(() => list.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Sök namn').fill('ingen sådan');
    await page.getByText('Ingen träff på sökningen.').waitFor();
    await page.getByLabel('Sök namn').fill('');
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-trainees');
    await page.close();
  });

  it('adds a wish in the trainee form (bad rows named at their fields), undoes it, and shows it after a reload with the locked placements', async () => {
    // Jonas has a course done before the planning day and a paediatrics place agreed after it.
    const jonas = (await api('GET', '/api/trainees/t01')).body;
    const locked = [
      { kind: 'course', course: 'allmanmedicinskt-arbetssatt', from: '2027-03-01', to: '2027-03-03' },
      { kind: 'rotation', specialty: 'pediatrik', clinic: 'barn-vxo', from: '2029-01-01', to: '2029-03-31' },
    ];
    expect((await api('PUT', '/api/trainees/t01', { ...jonas, locked })).status).toBe(200);
    const wishesOf = async () => (await api('GET', '/api/trainees/t01')).body.wishes;

    const page = await studierektor('ST-läkare');
    const form = page.locator('form.trainee-form');
    const wishes = form.getByRole('group', { name: 'Önskemål' });
    const rows = wishes.getByTestId('wish-row');
    const openJonas = async () => {
      await page.getByRole('button', { name: 'Ändra: Jonas Lundgren' }).click();
      await wishes.waitFor();
    };
    await openJonas();
    await wishes.getByText('Inga önskemål.').waitFor();

    // The locked placements are listed, read only, with the way to release them.
    const lockedList = form.getByTestId('locked-placements');
    const lockedRows = lockedList.locator('tbody tr');
    await expect.poll(() => lockedRows.count()).toBe(2);
    expect(await lockedRows.nth(0).innerText()).toMatch(/Kurs\s+Allmänmedicinskt arbetssätt.*\s+–\s+2027-03-01 – 2027-03-03\s+Historik/s);
    expect(await lockedRows.nth(1).innerText()).toMatch(/Randning\s+Pediatrik\s+\S.*\s+2029-01-01 – 2029-03-31\s+Överenskommen/s);
    expect(await lockedList.getByRole('link', { name: 'Till Låsningar' }).getAttribute('href')).toBe('#/locks');
    expect(await lockedList.locator('input, select, button').count()).toBe(0);

    // A window the wrong way round and a weight off the scale: the form names both at the row.
    await wishes.getByRole('button', { name: '+ Lägg till rad' }).click();
    const first = rows.nth(0);
    await first.getByLabel('Specialitet').selectOption({ label: 'Psykiatri' });
    await first.getByLabel('Från').fill('2029-06-30');
    await first.getByLabel('Till').fill('2029-01-01');
    await first.getByLabel('Vikt (1–10)').fill('11');
    await form.getByRole('button', { name: 'Spara' }).click();
    const errorOf = async (field: ReturnType<Page['locator']>) => {
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      return page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).innerText();
    };
    expect(await errorOf(first.getByLabel('Till'))).toBe('ligger före från-datumet');
    expect(await errorOf(first.getByLabel('Vikt (1–10)'))).toBe('ange 1–10');
    expect(await page.getByTestId('field-errors').innerText()).toContain('Önskemål 1 · vikt: ange 1–10');
    expect(await wishesOf()).toBeUndefined();
    await form.screenshot({ path: join(SCREENSHOTS, 'editing-trainee-wish-errors.png') });

    // Fixed; a second row without an end: the API refuses it, and its word stands at that row.
    await first.getByLabel('Från').fill('2029-01-01');
    await first.getByLabel('Till').fill('2029-06-30');
    await first.getByLabel('Vikt (1–10)').fill('4');
    await wishes.getByRole('button', { name: '+ Lägg till rad' }).click();
    const second = rows.nth(1);
    await second.getByLabel('Specialitet').selectOption({ label: 'Pediatrik' });
    await second.getByLabel('Från').fill('2028-01-01');
    await form.getByRole('button', { name: 'Spara' }).click();
    expect(await errorOf(second.getByLabel('Till'))).toBe('inte ett datum (ÅÅÅÅ-MM-DD)');
    expect(await first.getByLabel('Till').getAttribute('aria-invalid')).toBeNull();
    expect(await wishesOf()).toBeUndefined();

    // Without it the wish is saved with the trainee; undo takes it away again.
    await wishes.getByRole('button', { name: 'Ta bort rad: Önskemål 2, Pediatrik' }).click();
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Ändrad: Jonas Lundgren' }).waitFor();
    const wish = { specialty: 'psykiatri', from: '2029-01-01', to: '2029-06-30', weight: 4 };
    expect(await wishesOf()).toEqual([wish]);
    await page.getByTestId('undo').click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Ångrat – Ändrad: Jonas Lundgren' }).waitFor();
    expect(await wishesOf()).toBeUndefined();
    expect((await api('GET', '/api/trainees/t01')).body.locked).toEqual(locked);
    await openJonas();
    await wishes.getByText('Inga önskemål.').waitFor();

    // Saved again, it is there after a reload.
    await wishes.getByRole('button', { name: '+ Lägg till rad' }).click();
    await first.getByLabel('Specialitet').selectOption({ label: 'Psykiatri' });
    await first.getByLabel('Från').fill('2029-01-01');
    await first.getByLabel('Till').fill('2029-06-30');
    await first.getByLabel('Vikt (1–10)').fill('4');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByTestId('trainee-message').filter({ hasText: 'Ändrad: Jonas Lundgren' }).waitFor();
    await page.reload();
    await openJonas();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await first.getByLabel('Specialitet').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('Psykiatri');
    expect([await first.getByLabel('Från').inputValue(), await first.getByLabel('Till').inputValue(), await first.getByLabel('Vikt (1–10)').inputValue()]).toEqual(['2029-01-01', '2029-06-30', '4']);
    await expect.poll(() => lockedRows.count()).toBe(2);
    expect(await wishesOf()).toEqual([wish]);
    await expectNoIds(page, TRAINEE_IDS);
    await shot(page, 'editing-trainee-wishes');
    await form.screenshot({ path: join(SCREENSHOTS, 'editing-trainee-wishes-form.png') });
    await page.close();
  });
});
