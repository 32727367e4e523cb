/**
 * The cohort workbook opened with exceljs: its sheets, the app's colours, exact dates, the clinic load
 * and the extension per trainee; own BVC and SÄBO side by side.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortWorkbook } from '../../api/services/cohort-xlsx.ts';
import type { Report, Trainee } from '../../solver/domain/schemas.ts';
import { parseDay } from '../../solver/time/dates.ts';
import { clinicLoad, monthRange } from '../../web/src/lib/load.ts';
import { SPECIALTY_COLOURS, KIND_COLOURS } from '../../web/src/lib/palette.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../helpers/app.ts';

async function open(buffer: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

const iso = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern).fgColor?.argb;
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

describe('the cohort workbook, from data', () => {
  const trainee: Trainee = { id: 't1', name: 'Anna Andersson', unit: 'vc-a', start: '2027-01-01', regulation: '2015:8' };
  const report: Report = {
    format: 'randplan.report/1',
    valid: true,
    violations: [],
    trainees: [{ id: 't1', end: '2027-06-30', plannedEnd: '2027-09-30', extensionMonths: 3, sideMonths: 18, coveredGoals: [], missingGoals: [] }],
    capacityAdvice: [],
  } as unknown as Report;

  it('names own BVC and SÄBO together in a month they share, and colours cells as the app does', async () => {
    const wb = await open(
      await cohortWorkbook({
        trainees: [trainee],
        units: [{ id: 'vc-a', name: 'VC A', maxAway: 1 }],
        clinics: [{ id: 'psyk', name: 'Psykiatrin', specialty: 'psykiatri', capacity: 1 }],
        placements: [
          { trainee: 't1', kind: 'rotation', specialty: 'psykiatri', clinic: 'psyk', from: '2027-01-01', to: '2027-03-31', locked: true },
          { trainee: 't1', kind: 'bvc', from: '2027-04-01', to: '2027-07-31' },
          { trainee: 't1', kind: 'sabo', from: '2027-06-01', to: '2027-09-30' },
        ],
        report,
        wholeRegion: true,
        planFrom: '2027-03-15',
        version: 4,
        today: parseDay('2027-03-15'),
      }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kohortplan', 'Placeringar', 'Klinikbelastning', 'ST-läkare']);
    const grid = wb.getWorksheet('Kohortplan')!;
    const header = (grid.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const col = (month: string) => header.indexOf(month);
    const row = grid.getRow(2);
    expect(row.getCell(col('2027-02')).value).toBe('Psykiatri');
    expect(fillOf(row.getCell(col('2027-02')))).toBe(argb(SPECIALTY_COLOURS.psykiatri.bg));
    expect((row.getCell(col('2027-02')).font?.color as { argb: string }).argb).toBe(argb(SPECIALTY_COLOURS.psykiatri.fg));
    expect(row.getCell(col('2027-05')).value).toBe('Egen BVC');
    expect(row.getCell(col('2027-06')).value).toBe('Egen BVC + SÄBO');
    expect(row.getCell(col('2027-07')).value).toBe('Egen BVC + SÄBO');
    expect(row.getCell(col('2027-08')).value).toBe('SÄBO');
    expect(fillOf(row.getCell(col('2027-08')))).toBe(argb(KIND_COLOURS.sabo.bg));
    // Past the end of ST (2027-06-30 here), SÄBO runs on: those months are framed as extension.
    expect(row.getCell(col('2027-06')).border?.top).toBeUndefined();
    expect(row.getCell(col('2027-07')).border?.top?.color?.argb).toBe('FFC62828');
    expect(row.getCell(col('2027-09')).border?.top?.color?.argb).toBe('FFC62828');

    const placements = wb.getWorksheet('Placeringar')!;
    expect(placements.getRow(2).values).toEqual([
      undefined, 'Anna Andersson', 't1', 'VC A', 'Randning', 'Psykiatri', 'Psykiatrin', new Date('2027-01-01T00:00:00Z'), new Date('2027-03-31T00:00:00Z'), 3, 'Historik',
    ]);
    expect(placements.getRow(3).getCell(10).value).toBe('Planerad');

    const load = wb.getWorksheet('Klinikbelastning')!;
    const loadHeader = (load.getRow(1).values as ExcelJS.CellValue[]).map(String);
    expect(load.getRow(2).getCell(loadHeader.indexOf('2027-02')).value).toBe('1/1');

    const st = wb.getWorksheet('ST-läkare')!;
    const stHeader = (st.getRow(1).values as ExcelJS.CellValue[]).map(String);
    expect(iso(st.getRow(2).getCell(stHeader.indexOf('Planerat slut')).value)).toBe('2027-09-30');
    expect(st.getRow(2).getCell(stHeader.indexOf('Förlängning (mån)')).value).toBe(3);
    expect(String(st.getRow(4).getCell(1).value)).toContain('planversion 4');
  });
});

describe.each(DIALECTS)('the cohort workbook from the API on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
  });
  afterAll(async () => t?.close());

  it('lists every placement with its exact dates, the clinic load and the report’s extension', async () => {
    const published = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
    const clinics = (await t.call(sr, { method: 'GET', url: '/api/clinics' })).json();
    const res = await t.call(sr, { method: 'GET', url: '/api/export/plan.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = await open(res.rawPayload);

    const rows: string[][] = [];
    wb.getWorksheet('Placeringar')!.eachRow((r, n) => {
      if (n > 1) rows.push([String(r.getCell(2).value), iso(r.getCell(7).value), iso(r.getCell(8).value), String(r.getCell(10).value)]);
    });
    const placements = published.plan.placements as { trainee: string; from: string; to: string; locked?: boolean }[];
    expect(rows.length).toBe(placements.length);
    const key = (x: string[]) => x.slice(0, 3).join('|');
    expect(rows.map(key).sort()).toEqual(placements.map((p) => [p.trainee, p.from, p.to].join('|')).sort());
    for (const r of rows) if (r[1]! < TEST_TODAY) expect(r[3]).toBe('Historik');
    expect(rows.some((r) => r[3] === 'Planerad')).toBe(true);

    // The load sheet's cells are the heat map's figures.
    const load = wb.getWorksheet('Klinikbelastning')!;
    const header = (load.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const months = header.slice(3).map((m) => parseDay(`${m}-01`));
    const grid = clinicLoad(clinics, placements as never, monthRange(months[0]!, months[months.length - 1]!));
    let busy = 0;
    grid.forEach(({ item, cells }, i) => {
      const row = load.getRow(2 + i);
      expect(row.getCell(1).value).toBe(item.name);
      cells.forEach((c, j) => {
        if (c.used > 0) {
          busy++;
          expect(row.getCell(3 + j).value).toBe(`${c.used}/${c.limit}`);
        }
      });
    });
    expect(busy).toBeGreaterThan(10);

    const st = wb.getWorksheet('ST-läkare')!;
    const summaries = new Map((published.report.trainees as { id: string; plannedEnd: string; extensionMonths: number }[]).map((s) => [s.id, s]));
    let checked = 0;
    st.eachRow((r, n) => {
      const s = summaries.get(String(r.getCell(2).value));
      if (n === 1 || !s) return;
      expect(iso(r.getCell(7).value)).toBe(s.plannedEnd);
      expect(r.getCell(8).value).toBe(s.extensionMonths);
      checked++;
    });
    expect(checked).toBe(summaries.size);
  });

  it('lists who comes when to one clinic, and who of one unit is away where, with exact dates', async () => {
    const published = (await t.call(sr, { method: 'GET', url: '/api/plans/published' })).json();
    const placements = published.plan.placements as { trainee: string; kind: string; clinic?: string; from: string; to: string }[];
    const clinics: { id: string; name: string }[] = (await t.call(sr, { method: 'GET', url: '/api/clinics' })).json();
    const trainees: { id: string; name: string; unit: string }[] = (await t.call(sr, { method: 'GET', url: '/api/trainees' })).json();
    const busiest = clinics
      .map((c) => ({ c, n: placements.filter((p) => p.clinic === c.id).length }))
      .sort((a, b) => b.n - a.n)[0]!;
    const res = await t.call(sr, { method: 'GET', url: `/api/export/clinics/${busiest.c.id}/timeline.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`randplan-${busiest.c.id}.xlsx`);
    const wb = await open(res.rawPayload);
    const ws = wb.getWorksheet('Vem kommer när')!;
    expect(ws.getRow(1).getCell(1).value).toBe(busiest.c.name);
    const listed: string[] = [];
    ws.eachRow((r, n) => {
      if (n > 4) listed.push(`${r.getCell(1).value}|${iso(r.getCell(4).value)}|${iso(r.getCell(5).value)}`);
    });
    const name = new Map(trainees.map((x) => [x.id, x.name]));
    const expected = placements
      .filter((p) => p.kind === 'rotation' && p.clinic === busiest.c.id)
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.trainee.localeCompare(b.trainee))
      .map((p) => `${name.get(p.trainee)}|${p.from}|${p.to}`);
    expect(listed).toEqual(expected);
    expect(wb.getWorksheet('Per månad')!.rowCount).toBeGreaterThan(1);

    const unit = trainees[0]!.unit;
    const unitRes = await t.call(sr, { method: 'GET', url: `/api/export/units/${unit}/timeline.xlsx` });
    const unitWs = (await open(unitRes.rawPayload)).getWorksheet('Vem kommer när')!;
    const members = new Set(trainees.filter((x) => x.unit === unit).map((x) => x.name));
    let rows = 0;
    unitWs.eachRow((r, n) => {
      if (n <= 4) return;
      rows++;
      expect(members.has(String(r.getCell(1).value))).toBe(true);
    });
    expect(rows).toBe(placements.filter((p) => p.kind === 'rotation' && trainees.find((x) => x.id === p.trainee)?.unit === unit).length);

    // The enhetschef gets their own unit, not another's, and no clinic's list.
    const ec = await t.login('enhetschef@demo');
    const me = (await t.call(ec, { method: 'GET', url: '/api/auth/me' })).json();
    const own = me.units?.[0] ?? me.user?.units?.[0];
    expect((await t.call(ec, { method: 'GET', url: `/api/export/units/${own}/timeline.xlsx` })).statusCode).toBe(200);
    const other = trainees.find((x) => x.unit !== own)!.unit;
    expect((await t.call(ec, { method: 'GET', url: `/api/export/units/${other}/timeline.xlsx` })).statusCode).toBe(403);
    expect((await t.call(ec, { method: 'GET', url: `/api/export/clinics/${busiest.c.id}/timeline.xlsx` })).statusCode).toBe(403);
    expect((await t.call(sr, { method: 'GET', url: '/api/export/clinics/ingen-klinik/timeline.xlsx' })).statusCode).toBe(404);
  });

  it('gives a handledare their trainees without the region’s clinic load', async () => {
    const hl = await t.login('handledare@demo');
    const wb = await open((await t.call(hl, { method: 'GET', url: '/api/export/plan.xlsx' })).rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kohortplan', 'Placeringar', 'ST-läkare']);
  });
});
