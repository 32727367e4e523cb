import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { foldLine } from '../../api/services/ics.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lista');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(DIALECTS)('imports and exports on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let unit: string;
  const count = async (what: string) => (await t.call(sr, { method: 'GET', url: `/api/${what}` })).json().length as number;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    unit = (await t.call(sr, { method: 'GET', url: '/api/units' })).json()[0].id;
  });
  afterAll(async () => t?.close());

  it('imports a trainee CSV, and refuses a bad one with row/field errors in Swedish, writing nothing', async () => {
    const before = await count('trainees');
    const bad = `id;namn;enhet;start;regelverk;sysselsättningsgrad\nn1;Ny Person;${unit};2028-01-01;2015:8;100\nn2;Fel Datum;${unit};2028-13-01;2015:8;80\nn3;;okänd;2028-01-01;1999;abc\n`;
    const res = await t.call(sr, { method: 'POST', url: '/api/import/trainees', headers: { 'content-type': 'text/csv' }, payload: bad });
    expect(res.statusCode).toBe(400);
    const details: string[] = res.json().details;
    expect(details).toContain('rad 3, start: inte ett datum ("2028-13-01", skriv ÅÅÅÅ-MM-DD)');
    expect(details.some((d) => d.startsWith('rad 4, namn: saknas'))).toBe(true);
    expect(details.some((d) => d.startsWith('rad 4, enhet: okänd enhet'))).toBe(true);
    expect(details.some((d) => d.startsWith('rad 4, regelverk'))).toBe(true);
    expect(details.some((d) => d.startsWith('rad 4, sysselsättningsgrad'))).toBe(true);
    expect(await count('trainees')).toBe(before);

    const good = `id,name,unit,start,regulation,rate\nn1,Ny Person,${unit},2028-01-01,2015:8,100\nn2,"Andersson, Per",${unit},2028-02-01,2021:8,80\n`;
    const ok = await t.call(sr, { method: 'POST', url: '/api/import/trainees', headers: { 'content-type': 'text/csv' }, payload: good });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ counts: { trainees: 2 } });
    const n2 = (await t.call(sr, { method: 'GET', url: '/api/trainees/n2' })).json();
    expect(n2).toMatchObject({ name: 'Andersson, Per', regulation: '2021:8', employment: [{ from: '2028-02-01', rate: 0.8 }] });
  });

  it('imports a clinic XLSX, and refuses a bad one writing nothing', async () => {
    const before = await count('clinics');
    const bad = await xlsxOf([
      ['id', 'namn', 'specialitet', 'kapacitet'],
      ['k1', 'Hudkliniken X', 'hud', 2],
      ['k2', 'Tandkliniken', 'tandvard', 1],
      ['k3', 'Ögon', 'ogon', -1],
    ]);
    const res = await t.call(sr, { method: 'POST', url: '/api/import/clinics', headers: { 'content-type': XLSX }, payload: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.some((d: string) => d.startsWith('rad 3, specialitet: okänd specialitet "tandvard"'))).toBe(true);
    expect(res.json().details.some((d: string) => d.startsWith('rad 4, kapacitet'))).toBe(true);
    expect(await count('clinics')).toBe(before);
    const good = await xlsxOf([
      ['id', 'namn', 'specialitet', 'kapacitet'],
      ['k1', 'Hudkliniken X', 'hud', 2],
    ]);
    const ok = await t.call(sr, { method: 'POST', url: '/api/import/clinics', headers: { 'content-type': XLSX }, payload: good });
    expect(ok.json()).toEqual({ counts: { clinics: 1 } });
    expect(await count('clinics')).toBe(before + 1);
    const garbage = await t.call(sr, { method: 'POST', url: '/api/import/clinics', headers: { 'content-type': XLSX }, payload: Buffer.from('not a zip') });
    expect(garbage.statusCode).toBe(400);
  });

  it('exports a trainee’s plan as iCalendar that ical.js reads back', async () => {
    const pub = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
    const trainee = pub.plan.placements.find((p: { kind: string }) => p.kind === 'rotation').trainee;
    const res = await t.call(sr, { method: 'GET', url: `/api/export/trainees/${trainee}/plan.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/calendar/);
    const text = res.body;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    const comp = new ICAL.Component(ICAL.parse(text));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const mine = pub.plan.placements.filter((p: { trainee: string }) => p.trainee === trainee);
    expect(events.length).toBe(mine.length);
    const first = mine[0];
    const ev = events[0]!;
    expect(ev.startDate.isDate).toBe(true);
    expect(ev.startDate.toString()).toBe(first.from);
    // DTEND is exclusive: the day after the last day.
    const end = new Date(`${first.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    expect(ev.endDate.toString()).toBe(end.toISOString().slice(0, 10));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'Å'.repeat(100)}`;
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('exports the cohort as XLSX: a row per trainee, a column per month, coloured cells', async () => {
    const res = await t.call(sr, { method: 'GET', url: '/api/export/plan.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const trainees = await count('trainees');
    expect(ws.rowCount).toBe(trainees + 1);
    expect(String(ws.getRow(1).getCell(4).value)).toMatch(/^\d{4}-\d{2}$/);
    let coloured = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell, c) => {
        if (c > 3 && cell.value) {
          coloured++;
          expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
        }
      });
    });
    expect(coloured).toBeGreaterThan(10);
  });

  it('exports the plan JSON in the plan format', async () => {
    const res = await t.call(sr, { method: 'GET', url: '/api/export/plan.json' });
    expect(res.json().format).toBe('randplan.plan/1');
    expect(res.json().placements[0].locked).toBeUndefined();
  });

  it('replaces the region with an imported scenario, all or nothing', async () => {
    const scenario = (await t.call(sr, { method: 'GET', url: '/api/scenario' })).json();
    const broken = { ...scenario, trainees: [{ ...scenario.trainees[0], unit: 'ingen' }, ...scenario.trainees.slice(1)] };
    const bad = await t.call(sr, { method: 'POST', url: '/api/import/scenario', payload: broken });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.join('\n')).toMatch(/trainees\[0\]\.unit/);
    expect((await t.call(sr, { method: 'GET', url: '/api/plans/published' })).statusCode).toBe(200);
    const small = { ...scenario, name: 'Liten region', trainees: scenario.trainees.slice(0, 5) };
    const ok = await t.call(sr, { method: 'POST', url: '/api/import/scenario', payload: small });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().counts.trainees).toBe(5);
    expect((await t.call(sr, { method: 'GET', url: '/api/region' })).json().name).toBe('Liten region');
    expect(await count('trainees')).toBe(5);
  });
});
