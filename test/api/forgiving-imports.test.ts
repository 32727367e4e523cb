/**
 * Imports that forgive: units by name, the regulation from the start date (or a question), templates
 * to fill in, and undoing the last import.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(DIALECTS)('forgiving imports on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let unit: { id: string; name: string };
  const get = async (url: string) => (await t.call(sr, { method: 'GET', url })).json();
  const csv = (what: string, payload: string, query = '') =>
    t.call(sr, { method: 'POST', url: `/api/import/${what}${query}`, headers: { 'content-type': 'text/csv' }, payload });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    unit = (await get('/api/units'))[0];
  });
  afterAll(async () => t?.close());

  it('reads the unit by name and the regulation from the start date and Swedish AT', async () => {
    const file = [
      'id;namn;enhet;start;svensk AT',
      `f1;Före Reformen;${unit.name.toUpperCase()};2021-06-30;`,
      `f2;Med Svensk AT;${unit.name};2022-01-10;ja`,
      `f3;Utan Svensk AT;${unit.id};2022-01-10;nej`,
    ].join('\n');
    const res = await csv('trainees', file);
    expect(res.statusCode).toBe(200);
    const regulations = Object.fromEntries(((await get('/api/trainees')) as { id: string; regulation: string; unit: string }[]).filter((x) => x.id.startsWith('f')).map((x) => [x.id, [x.unit, x.regulation]]));
    expect(regulations).toEqual({ f1: [unit.id, '2015:8'], f2: [unit.id, '2015:8'], f3: [unit.id, '2021:8'] });
    const bad = await csv('trainees', `id;namn;enhet;start;svensk AT\nf4;X Y;Ingen Sådan;2022-01-10;kanske\n`);
    expect(bad.json().details).toEqual(['rad 2, enhet: okänd enhet "Ingen Sådan" (skriv enhetens id eller namn)', 'rad 2, svensk at: "kanske" är inte ja eller nej']);
  });

  it('asks which regulation when a start from 2021-07-01 says nothing of AT, and takes the answer', async () => {
    const file = `id;namn;enhet;start\nq1;Fråga Först;${unit.id};2023-02-01\nq2;Ingen Fråga;${unit.id};2020-02-01\n`;
    const asked = await csv('trainees', file, '?regulation=ask');
    expect(asked.statusCode).toBe(400);
    expect(asked.json()).toMatchObject({ error: 'regulation-question', details: ['rad 2, regelverk: Fråga Först började 2023-02-01'] });
    expect((await t.call(sr, { method: 'GET', url: '/api/trainees/q1' })).statusCode).toBe(404);
    expect((await csv('trainees', file, '?regulation=2015:8')).statusCode).toBe(200);
    expect((await get('/api/trainees/q1')).regulation).toBe('2015:8');
    expect((await get('/api/trainees/q2')).regulation).toBe('2015:8');
    // A trainee the region knows keeps their regulation when the column is empty.
    expect((await csv('trainees', file, '?regulation=ask')).statusCode).toBe(200);
    expect((await get('/api/trainees/q1')).regulation).toBe('2015:8');
    expect((await csv('trainees', file, '?regulation=2016:1')).statusCode).toBe(400);
  });

  it('gives a template per import kind that imports as it is, once filled in', async () => {
    for (const what of ['trainees', 'clinics', 'placements']) {
      const res = await t.call(sr, { method: 'GET', url: `/api/import/templates/${what}.csv` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`randplan-mall-${what}.csv`);
      expect(res.body.startsWith('\ufeff')).toBe(true);
    }
    expect((await t.call(sr, { method: 'GET', url: '/api/import/templates/placements.csv' })).body).toBe('\ufeffst-läkare;typ;specialitet;klinik;från;till;kurs;milstolpe\r\n');
    const res = await t.call(sr, { method: 'GET', url: '/api/import/templates/clinics.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Lista', 'Hjälp']);
    const ws = wb.getWorksheet('Lista')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'id', 'namn', 'specialitet', 'kapacitet']);
    ws.addRow(['mall-1', 'Mallkliniken', 'hud', 1]);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await t.call(sr, { method: 'POST', url: '/api/import/clinics', headers: { 'content-type': XLSX }, payload: filled });
    expect(ok.json()).toEqual({ counts: { clinics: 1 } });
    expect((await t.call(sr, { method: 'GET', url: '/api/import/templates/units.csv' })).statusCode).toBe(404);
    const ec = await t.login('enhetschef@demo');
    expect((await t.call(ec, { method: 'GET', url: '/api/import/templates/trainees.csv' })).statusCode).toBe(403);
  });

  it('undoes the last trainee import: new trainees go, updated ones get their values back', async () => {
    const before = await get('/api/trainees/f3');
    const res = await csv('trainees', `id;namn;enhet;start;regelverk\nu1;Ny Ångrad;${unit.id};2026-01-05;2021:8\nf3;Nytt Namn;${unit.id};2022-01-10;2015:8\n`);
    expect(res.statusCode).toBe(200);
    expect((await get('/api/import/last')).last).toMatchObject({ entity: 'trainees', count: 2, user: 'studierektor@demo' });
    const undone = await t.call(sr, { method: 'POST', url: '/api/import/undo' });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().undone).toMatchObject({ entity: 'trainees', count: 2 });
    expect((await t.call(sr, { method: 'GET', url: '/api/trainees/u1' })).statusCode).toBe(404);
    const after = await get('/api/trainees/f3');
    expect({ ...after, version: 0 }).toEqual({ ...before, version: 0 });
    // One step only.
    expect((await get('/api/import/last')).last).toBeNull();
    expect((await t.call(sr, { method: 'POST', url: '/api/import/undo' })).statusCode).toBe(400);
  });

  it('refuses to undo an import whose rows changed since, naming the row', async () => {
    await csv('trainees', `id;namn;enhet;start;regelverk\nu2;Ändrad Sedan;${unit.id};2026-01-05;2021:8\n`);
    const row = await get('/api/trainees/u2');
    const { id: _id, ...rest } = row;
    expect((await t.call(sr, { method: 'PUT', url: '/api/trainees/u2', payload: { ...rest, name: 'Ändrad För Hand' } })).statusCode).toBe(200);
    const res = await t.call(sr, { method: 'POST', url: '/api/import/undo' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/^ST-läkaren u2 har ändrats sedan importen/);
    expect((await get('/api/trainees/u2')).name).toBe('Ändrad För Hand');
  });

  it('undoes a placements sheet: a new version with the earlier placements, the locked lists as they were', async () => {
    const published = await get('/api/plans/published');
    const trainees: { id: string; start: string; locked?: unknown[] }[] = await get('/api/trainees');
    const who = trainees.find((x) => x.start < '2025-01-01')!;
    const clinic = ((await get('/api/clinics')) as { id: string; specialty: string }[]).find((c) => c.specialty === 'hud')!;
    const res = await csv('placements', `st-läkare;klinik;från;till\n${who.id};${clinic.id};2026-02-02;2026-02-27\n`);
    expect(res.statusCode).toBe(200);
    const imported = await get('/api/plans/published');
    expect(imported.number).toBe(published.number + 1);
    expect((await t.call(sr, { method: 'POST', url: '/api/import/undo' })).statusCode).toBe(200);
    const restored = await get('/api/plans/published');
    expect(restored.number).toBe(published.number + 2);
    expect(restored.plan.placements).toEqual(published.plan.placements);
    expect((await get(`/api/trainees/${who.id}`)).locked ?? []).toEqual(who.locked ?? []);
  });
});
