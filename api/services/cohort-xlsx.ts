/**
 * The cohort plan as a spreadsheet, in the app's colours (web/src/lib/palette.ts) and with the app's
 * month grids (web/src/lib/load.ts: pure modules that import only the solver):
 * - Kohortplan: one row per trainee, one column per calendar month, each cell the colour and name of
 *   what the trainee does most of that month (own BVC and SÄBO together when they overlap), months
 *   of extension (after the end of ST) framed in red;
 * - Placeringar: every placement with its exact dates, clinic and whether it is history, agreed or planned;
 * - Klinikbelastning: clinic × month, trainees at most on one day against the capacity;
 * - ST-läkare: end of ST, planned end and extension per trainee (the report's figures).
 */
import ExcelJS from 'exceljs';
import type { StoredPlacement } from '../../db/index.ts';
import type { Clinic, PlanPlacement, Report, Trainee, Unit } from '../../solver/domain/schemas.ts';
import { KIND_NAMES, placementName } from '../../solver/domain/specialties.ts';
import { calendarMonths } from '../../solver/time/months.ts';
import { addMonths, civilFromDay, daysInMonth, formatDay, parseDay, startOfMonth, type Day } from '../../solver/time/dates.ts';
import { clinicLoad, monthBounds, monthRange } from '../../web/src/lib/load.ts';
import { loadLevel, swatchFor, type Swatch } from '../../web/src/lib/palette.ts';

/** `#1f5f99` → `FF1F5F99`, the ARGB exceljs writes. */
export const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** Fills a cell with a swatch: its background and its text colour (the pair keeps WCAG AA contrast). */
export function paint(cell: ExcelJS.Cell, swatch: Swatch): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(swatch.bg) } };
  cell.font = { ...(cell.font ?? {}), color: { argb: argb(swatch.fg) } };
}

/** The heat map's level colours (styles.css `.lvl-*`); "closed" is drawn striped there, grey here. */
const LOAD_SWATCHES: Record<ReturnType<typeof loadLevel>, Swatch> = {
  none: { bg: '#f7f8fa', fg: '#5c6370' },
  low: { bg: '#d7e8f5', fg: '#123d5c' },
  mid: { bg: '#9dc5e6', fg: '#0e2f48' },
  high: { bg: '#4f8fc4', fg: '#000000' },
  full: { bg: '#1b5e8c', fg: '#ffffff' },
  over: { bg: '#c62828', fg: '#ffffff' },
  closed: { bg: '#eceef2', fg: '#5c6370' },
};

const DATE_FORMAT = 'yyyy-mm-dd';

/** A date cell's value: the day at UTC midnight, which Excel, LibreOffice and openpyxl read as that date. */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Whether a placement is history (before the planning day), agreed (locked, after it) or planned. */
export function placementStatus(p: StoredPlacement, planFrom: string): 'Historik' | 'Överenskommen' | 'Planerad' {
  if (p.from < planFrom) return 'Historik';
  return p.locked ? 'Överenskommen' : 'Planerad';
}

export interface CohortData {
  trainees: Trainee[];
  units: Unit[];
  clinics: Clinic[];
  placements: StoredPlacement[];
  report: Report;
  /** The planning day (ISO): what begins before it is history. */
  planFrom: string;
  /** Whether the reader sees the whole region, so that a clinic's load counts everyone (else no load sheet). */
  wholeRegion: boolean;
  /** The plan's version number (null for a draft). */
  version: number | null;
  today: Day;
}

const isSpan = (p: PlanPlacement) => p.kind === 'rotation' || p.kind === 'bvc' || p.kind === 'sabo';

export async function cohortWorkbook(d: CohortData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Randplan';
  const spans = d.placements.filter(isSpan);
  const starts = [...d.trainees.map((t) => parseDay(t.start)), ...spans.map((p) => parseDay(p.from))];
  const ends = spans.map((p) => parseDay(p.to));
  const first = starts.length ? startOfMonth(Math.min(...starts)) : startOfMonth(d.today);
  const last = ends.length ? Math.max(...ends) : addMonths(first, 12);
  const unitName = new Map(d.units.map((u) => [u.id, u.name]));
  cohortSheet(wb, d, spans, first, last, unitName);
  placementsSheet(wb, d, unitName);
  if (d.wholeRegion) loadSheet(wb, d, first, last);
  extensionSheet(wb, d, unitName);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function header(ws: ExcelJS.Worksheet, frozen: number): void {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: frozen, ySplit: 1 }];
}

function cohortSheet(wb: ExcelJS.Workbook, d: CohortData, spans: StoredPlacement[], first: Day, last: Day, unitName: Map<string, string>): void {
  const ws = wb.addWorksheet('Kohortplan');
  const months: number[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  ws.columns = [
    { header: 'ST-läkare', key: 'name', width: 26 },
    { header: 'Id', key: 'id', width: 10 },
    { header: 'Enhet', key: 'unit', width: 24 },
    ...months.map((m) => ({ header: formatDay(m).slice(0, 7), key: formatDay(m).slice(0, 7), width: 12 })),
  ];
  header(ws, 3);
  const byTrainee = new Map<string, StoredPlacement[]>();
  for (const p of spans) byTrainee.set(p.trainee, [...(byTrainee.get(p.trainee) ?? []), p]);
  const endOf = new Map(d.report.trainees.map((s) => [s.id, parseDay(s.end)]));
  for (const t of d.trainees) {
    const row = ws.addRow({ name: t.name, id: t.id, unit: unitName.get(t.unit) ?? t.unit });
    const mine = byTrainee.get(t.id) ?? [];
    const end = endOf.get(t.id);
    months.forEach((m, i) => {
      // A month wholly after the end of ST is extension: a red frame, as the timeline marks it.
      if (end !== undefined && m > end && mine.some((p) => parseDay(p.to) >= m)) {
        const red = { style: 'medium' as const, color: { argb: 'FFC62828' } };
        row.getCell(4 + i).border = { top: red, bottom: red, left: red, right: red };
      }
      const { year, month } = civilFromDay(m);
      const monthEnd = m + daysInMonth(year, month) - 1;
      const days = (p: PlanPlacement) => Math.min(parseDay(p.to), monthEnd) - Math.max(parseDay(p.from), m) + 1;
      const present = mine.filter((p) => days(p) > 0).sort((a, b) => days(b) - days(a));
      const best = present[0];
      if (!best) return;
      const cell = row.getCell(4 + i);
      // Own BVC and SÄBO run side by side from the VC: a month with both names both.
      const atVc = best.kind === 'rotation' ? [] : present.filter((p) => p.kind !== 'rotation');
      cell.value = atVc.length > 1 ? [...new Set(atVc.map((p) => placementName(p, 'sv')))].join(' + ') : placementName(best, 'sv');
      paint(cell, swatchFor(best));
    });
  }
}

function placementsSheet(wb: ExcelJS.Workbook, d: CohortData, unitName: Map<string, string>): void {
  const ws = wb.addWorksheet('Placeringar');
  ws.columns = [
    { header: 'ST-läkare', key: 'name', width: 26 },
    { header: 'Id', key: 'id', width: 10 },
    { header: 'Enhet', key: 'unit', width: 24 },
    { header: 'Typ', key: 'kind', width: 12 },
    { header: 'Vad', key: 'what', width: 26 },
    { header: 'Klinik', key: 'clinic', width: 30 },
    { header: 'Från', key: 'from', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: 'Till', key: 'to', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: 'Månader', key: 'months', width: 9, style: { numFmt: '0.0' } },
    { header: 'Status', key: 'status', width: 14 },
  ];
  header(ws, 1);
  const clinicName = new Map(d.clinics.map((c) => [c.id, c.name]));
  const byId = new Map(d.trainees.map((t) => [t.id, t]));
  const sorted = d.placements.filter((p) => byId.has(p.trainee)).sort((a, b) => a.trainee.localeCompare(b.trainee) || a.from.localeCompare(b.from));
  for (const p of sorted) {
    const t = byId.get(p.trainee)!;
    const row = ws.addRow({
      name: t.name,
      id: t.id,
      unit: unitName.get(t.unit) ?? t.unit,
      kind: KIND_NAMES[p.kind].sv,
      what: placementName(p, 'sv'),
      clinic: p.clinic ? (clinicName.get(p.clinic) ?? p.clinic) : '',
      from: excelDate(p.from),
      to: excelDate(p.to),
      months: isSpan(p) ? Math.round(calendarMonths(parseDay(p.from), parseDay(p.to)) * 10) / 10 : null,
      status: placementStatus(p, d.planFrom),
    });
    paint(row.getCell('what'), swatchFor(p));
  }
  ws.autoFilter = { from: 'A1', to: 'J1' };
}

function loadSheet(wb: ExcelJS.Workbook, d: CohortData, first: Day, last: Day): void {
  const ws = wb.addWorksheet('Klinikbelastning');
  const months = monthRange(first, last);
  ws.columns = [
    { header: 'Klinik', key: 'clinic', width: 32 },
    { header: 'Specialitet', key: 'specialty', width: 16 },
    ...months.map((m) => ({ header: monthBounds(m).from.slice(0, 7), key: `m${m}`, width: 9 })),
  ];
  header(ws, 2);
  for (const { item, cells } of clinicLoad(d.clinics, d.placements, months)) {
    const row = ws.addRow({ clinic: item.name, specialty: placementName({ kind: 'rotation', specialty: item.specialty }, 'sv') });
    cells.forEach((c, i) => {
      const cell = row.getCell(3 + i);
      // "used/capacity", as the heat map shows it; an empty open month stays blank.
      if (c.used > 0 || c.limit === 0) cell.value = `${c.used}/${c.limit}`;
      paint(cell, LOAD_SWATCHES[loadLevel(c.used, c.limit, c.excess)]);
    });
  }
  ws.addRow([]);
  ws.addRow(['Antal ST-läkare som mest samma dag / lägsta kapaciteten den dagen; rött = fler än platserna.']);
}

function extensionSheet(wb: ExcelJS.Workbook, d: CohortData, unitName: Map<string, string>): void {
  const ws = wb.addWorksheet('ST-läkare');
  ws.columns = [
    { header: 'ST-läkare', key: 'name', width: 26 },
    { header: 'Id', key: 'id', width: 10 },
    { header: 'Enhet', key: 'unit', width: 24 },
    { header: 'Start', key: 'start', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: 'Regelverk', key: 'regulation', width: 16 },
    { header: 'Slut ST', key: 'end', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: 'Planerat slut', key: 'plannedEnd', width: 14, style: { numFmt: DATE_FORMAT } },
    { header: 'Förlängning (mån)', key: 'extensionMonths', width: 18, style: { numFmt: '0.0' } },
    { header: 'Sidotjänstgöring (mån)', key: 'sideMonths', width: 22, style: { numFmt: '0.0' } },
  ];
  header(ws, 1);
  const summary = new Map(d.report.trainees.map((s) => [s.id, s]));
  for (const t of d.trainees) {
    const s = summary.get(t.id);
    const row = ws.addRow({
      name: t.name,
      id: t.id,
      unit: unitName.get(t.unit) ?? t.unit,
      start: excelDate(t.start),
      regulation: t.regulation === '2015:8' ? 'SOSFS 2015:8' : 'HSLF-FS 2021:8',
      end: s ? excelDate(s.end) : null,
      plannedEnd: s ? excelDate(s.plannedEnd) : null,
      extensionMonths: s?.extensionMonths ?? null,
      sideMonths: s?.sideMonths ?? null,
    });
    if (s && s.extensionMonths > 0) paint(row.getCell('extensionMonths'), { bg: '#fde7e9', fg: '#8a1c1c' });
  }
  ws.addRow([]);
  ws.addRow([`Planeringsdag ${d.planFrom}${d.version !== null ? ` · planversion ${d.version}` : ' · utkast'} · skapad ${formatDay(d.today)}`]);
}
