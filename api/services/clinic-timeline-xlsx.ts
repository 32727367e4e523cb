/**
 * Who comes when, as a workbook to send to a receiving clinic's schemaläggare (or to a unit's
 * enhetschef): the rotations in date order with exact dates (web/src/lib/arrivals.ts lists them, as the
 * "Per klinik" view does), and a month sheet with how many are there against the places.
 */
import ExcelJS from 'exceljs';
import type { StoredPlacement } from '../../db/index.ts';
import type { Clinic, Trainee, Unit } from '../../solver/domain/schemas.ts';
import { SPECIALTY_NAMES } from '../../solver/domain/specialties.ts';
import { formatDay, parseDay, type Day } from '../../solver/time/dates.ts';
import { arrivals, type ArrivalStatus } from '../../web/src/lib/arrivals.ts';
import { clinicLoad, monthBounds, monthRange, unitAway } from '../../web/src/lib/load.ts';
import { awayLimitText } from '../../web/src/lib/i18n.ts';
import { SPECIALTY_COLOURS } from '../../web/src/lib/palette.ts';
import { excelDate, paint } from './cohort-xlsx.ts';

const STATUS_SV: Record<ArrivalStatus, string> = { done: 'Genomförd', underway: 'Pågår', agreed: 'Överenskommen', planned: 'Planerad' };

export interface TimelineData {
  /** The clinic or unit the workbook is for. */
  of: { clinic: Clinic } | { unit: Unit };
  trainees: Trainee[];
  units: Unit[];
  clinics: Clinic[];
  placements: StoredPlacement[];
  planFrom: string;
  version: number | null;
  today: Day;
}

export async function timelineWorkbook(d: TimelineData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Randplan';
  const isClinic = 'clinic' in d.of;
  const title = 'clinic' in d.of ? d.of.clinic.name : d.of.unit.name;
  const rows = arrivals(d.placements, d.trainees, { ...('clinic' in d.of ? { clinic: d.of.clinic.id } : { unit: d.of.unit.id }), planFrom: d.planFrom });
  const name = new Map(d.trainees.map((t) => [t.id, t.name]));
  const unitName = new Map(d.units.map((u) => [u.id, u.name]));
  const clinicName = new Map(d.clinics.map((c) => [c.id, c.name]));

  const ws = wb.addWorksheet('Vem kommer när');
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([
    `Planeringsdag ${d.planFrom}${d.version !== null ? ` · planversion ${d.version}` : ' · utkast'} · skapad ${formatDay(d.today)}` +
      ('clinic' in d.of ? ` · ${d.of.clinic.capacity} platser` : ` · ${awayLimitText(d.of.unit, 'sv')}`),
  ]);
  ws.addRow([]);
  const head = ws.addRow(['ST-läkare', isClinic ? 'Hemenhet' : 'Klinik', 'Specialitet', 'Från', 'Till', 'Månader', 'Status']);
  head.font = { bold: true };
  ws.columns = [{ width: 26 }, { width: 30 }, { width: 16 }, { width: 12 }, { width: 12 }, { width: 9 }, { width: 15 }];
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  for (const a of rows) {
    const row = ws.addRow([
      name.get(a.trainee) ?? a.trainee,
      isClinic ? (unitName.get(a.unit) ?? a.unit) : (clinicName.get(a.clinic) ?? a.clinic),
      a.specialty ? SPECIALTY_NAMES[a.specialty].sv : '',
      excelDate(a.from),
      excelDate(a.to),
      Math.round(a.months * 10) / 10,
      STATUS_SV[a.status],
    ]);
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.getCell(5).numFmt = 'yyyy-mm-dd';
    row.getCell(6).numFmt = '0.0';
    if (a.specialty) paint(row.getCell(3), SPECIALTY_COLOURS[a.specialty]);
  }
  if (rows.length === 0) ws.addRow(['Ingen ST-läkare är planerad hit.']);

  // How many at once, month by month, against the clinic's places or the unit's limit.
  if (rows.length > 0) {
    const months = monthRange(parseDay(rows[0]!.from), Math.max(...rows.map((a) => parseDay(a.to))));
    const grid =
      'clinic' in d.of ? clinicLoad([d.of.clinic], d.placements, months)[0]! : unitAway([d.of.unit], d.trainees, d.placements, months)[0]!;
    const ms = wb.addWorksheet('Per månad');
    ms.columns = [{ header: 'Månad', width: 10 }, { header: 'Samtidigt', width: 11 }, { header: isClinic ? 'Platser' : 'Högst borta', width: 12 }, { header: 'ST-läkare', width: 60 }];
    ms.getRow(1).font = { bold: true };
    for (const c of grid.cells) {
      const row = ms.addRow([monthBounds(c.month).from.slice(0, 7), c.used, c.limit, c.who.map((id) => name.get(id) ?? id).join(', ')]);
      if (c.excess > 0) paint(row.getCell(2), { bg: '#c62828', fg: '#ffffff' });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
