/**
 * The placements sheet (history and agreements): refused whole with row/column errors, or written as
 * locked placements in the trainees' lists and a new published version of the plan.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../helpers/app.ts';
import { plansRepo } from '../../db/index.ts';
import { bare, plainPlan } from '../../api/services/plans.ts';
import { loadScenario } from '../../api/services/scenario.ts';
import { withPlanLocks } from '../../api/services/solve-runner.ts';
import { placementKey } from '../../solver/domain/identity.ts';
import { solve } from '../../solver/solve/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Placeringar');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface P {
  trainee: string;
  kind: string;
  specialty?: string;
  clinic?: string;
  from: string;
  to: string;
  locked?: boolean;
}

describe.each(DIALECTS)('the placements sheet on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let trainee: { id: string; name: string; start: string };
  let psyk: { id: string; name: string };
  let ogon: { id: string; name: string };
  const published = async () => (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
  const upload = (payload: string | Buffer, type: string) => t.call(sr, { method: 'POST', url: '/api/import/placements', headers: { 'content-type': type }, payload });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    const trainees: { id: string; name: string; start: string }[] = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json();
    // Started well before the planning day (TEST_TODAY): a psychiatry rotation in 2026 is their history.
    trainee = trainees.find((x) => x.start < '2025-01-01')!;
    const clinics: { id: string; name: string; specialty: string }[] = (await t.call(sr, { method: 'GET', url: '/api/clinics' })).json();
    psyk = clinics.find((c) => c.specialty === 'psykiatri')!;
    ogon = clinics.find((c) => c.specialty === 'ogon')!;
  });
  afterAll(async () => t?.close());

  it('refuses a sheet with errors, naming row and column, and changes nothing', async () => {
    const before = await published();
    const traineeVersion = (await t.call(sr, { method: 'GET', url: `/api/trainees/${trainee.id}` })).json().version;
    const csv = [
      'st-läkare;typ;specialitet;klinik;från;till',
      `${trainee.id};randning;psykiatri;${psyk.id};2026-01-01;2026-03-31`,
      `Ingen Alls;randning;psykiatri;${psyk.id};2026-01-01;2026-03-31`,
      `${trainee.id};randning;hud;${psyk.id};2026-05-01;2026-05-31`,
      `${trainee.id};semester;;;2026-06-01;2026-06-30`,
      `${trainee.id};randning;ögon;${ogon.name};2026-09-31;2026-08-01`,
      `${trainee.id};randning;;${psyk.id};2026-02-01;2026-02-28`,
      `${trainee.id};kurs;;;2026-05-04;2026-05-08`,
    ].join('\n');
    const res = await upload(csv, 'text/csv');
    expect(res.statusCode).toBe(400);
    const details: string[] = res.json().details;
    expect(details).toContain('rad 3, st-läkare: okänd ST-läkare "Ingen Alls"');
    expect(details.some((d) => d.startsWith(`rad 4, specialitet: Hud stämmer inte med ${psyk.name}`))).toBe(true);
    expect(details).toContain('rad 5, typ: "semester" är inte randning, egen BVC, SÄBO, kurs eller milstolpe');
    expect(details).toContain('rad 6, från: inte ett datum ("2026-09-31", skriv ÅÅÅÅ-MM-DD)');
    expect(details.some((d) => d.startsWith('rad 7, från:') && d.includes('(rad 2)'))).toBe(true);
    expect(details).toContain('rad 8, kurs: saknas för en kurs');
    expect((await published()).id).toBe(before.id);
    expect((await t.call(sr, { method: 'GET', url: `/api/trainees/${trainee.id}` })).json().version).toBe(traineeVersion);
  });

  it('writes history and agreements as locked placements in a new published version (XLSX, names for ids)', async () => {
    const before = await published();
    const lockedBefore = (await t.call(sr, { method: 'GET', url: `/api/trainees/${trainee.id}` })).json().locked ?? [];
    // One rotation before the planning day (history), one after it (agreed); the trainee and clinics by name.
    const history = { kind: 'rotation', specialty: 'psykiatri', clinic: psyk.id, from: '2026-01-01', to: '2026-03-31' };
    const agreed = { kind: 'rotation', specialty: 'ogon', clinic: ogon.id, from: '2027-05-03', to: '2027-05-30' };
    const course = { kind: 'course', course: 'lek', from: '2026-05-04', to: '2026-05-08' };
    const sheet = await xlsxOf([
      ['ST-läkare', 'Typ', 'Specialitet', 'Klinik', 'Från', 'Till', 'Kurs'],
      [trainee.name, 'Randning', 'Psykiatri', psyk.name, new Date('2026-01-01T00:00:00Z'), new Date('2026-03-31T00:00:00Z')],
      [trainee.id, '', '', ogon.name, agreed.from, agreed.to],
      [trainee.id, 'Kurs', '', '', course.from, course.to, 'LEK (ledarskap, etik, kvalitet)'],
    ]);
    const res = await upload(sheet, XLSX);
    expect(res.statusCode).toBe(200);
    expect(TEST_TODAY > history.to && TEST_TODAY < agreed.from).toBe(true);
    expect(res.json().counts).toMatchObject({ placements: 3, history: 2, agreed: 1 });

    const after = await published();
    expect(after.id).not.toBe(before.id);
    expect(after.number).toBe(before.number + 1);
    const mine = (after.plan.placements as P[]).filter((p) => p.trainee === trainee.id);
    for (const p of [history, agreed, course]) expect(mine).toContainEqual({ trainee: trainee.id, ...p, locked: true });
    // One LEK course: the sheet's, whatever the plan had before.
    expect(mine.filter((p) => p.kind === 'course' && (p as { course?: string }).course === 'lek')).toHaveLength(1);
    // What the sheet contradicts is gone: no other psychiatry or eye rotation, no rotation overlapping the imported ones.
    const rotations = mine.filter((p) => p.kind === 'rotation');
    expect(rotations.filter((p) => p.specialty === 'psykiatri')).toHaveLength(1);
    expect(rotations.filter((p) => p.specialty === 'ogon')).toHaveLength(1);
    for (const p of [history, agreed])
      expect(rotations.filter((q) => q.from <= p.to && p.from <= q.to)).toHaveLength(1);
    // Other trainees' placements are as they were.
    const others = (list: P[]) => list.filter((p) => p.trainee !== trainee.id);
    expect(others(after.plan.placements)).toEqual(others(before.plan.placements));
    // The trainee's own list of locked placements holds both (the scenario's history).
    const lockedAfter: P[] = (await t.call(sr, { method: 'GET', url: `/api/trainees/${trainee.id}` })).json().locked;
    for (const p of [history, agreed, course]) expect(lockedAfter).toContainEqual(p);
    expect(lockedAfter.length).toBeLessThanOrEqual(lockedBefore.length + 3);
    // The report agrees: nothing locked is missing from the plan.
    expect(after.report.violations.filter((v: { rule: string; trainees: string[] }) => v.rule === 'locked' && v.trainees.includes(trainee.id))).toEqual([]);
    const versions = (await t.call(sr, { method: 'GET', url: '/api/plans' })).json();
    expect(versions.find((v: { id: number }) => v.id === after.id).note).toMatch(/^Historik importerad \(3 placeringar\)/);
  });

  it('keeps what the sheet brought through a solve, as the solve jobs run it', async () => {
    const published = (await plansRepo.published(t.app.db))!;
    const scenario = withPlanLocks(await loadScenario(t.app.db), published.plan.placements);
    const imported = published.plan.placements.filter((p) => p.trainee === trainee.id && p.locked && (p.specialty === 'psykiatri' || p.specialty === 'ogon'));
    expect(imported).toHaveLength(2);
    const solved = await solve(scenario, { currentPlan: plainPlan(published.plan), workLimit: 300, threads: 1, today: TEST_TODAY });
    const keys = new Set(solved.plan.placements.map((p) => placementKey(p)));
    for (const p of imported) expect(keys.has(placementKey(bare(p)))).toBe(true);
  });

  it('refuses an unreadable or empty sheet', async () => {
    expect((await upload('st-läkare;från\n', 'text/csv')).json().details).toContain('rad 1: kolumnen "till" saknas');
    expect((await upload('st-läkare;från;till\n', 'text/csv')).statusCode).toBe(400);
  });
});
