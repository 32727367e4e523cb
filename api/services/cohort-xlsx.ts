/**
 * The cohort plan as a spreadsheet: one row per trainee, one column per calendar month, each month's
 * cell filled with the colour and name of what the trainee does most of that month.
 */
import ExcelJS from 'exceljs';
import type { PlanPlacement, Specialty, Trainee, Unit } from '../../solver/domain/schemas.ts';
import { placementName } from '../../solver/domain/specialties.ts';
import { addMonths, daysInMonth, civilFromDay, formatDay, parseDay, startOfMonth, type Day } from '../../solver/time/dates.ts';

/** ARGB fills per specialty (light enough for black text). */
export const SPECIALTY_COLOURS: Record<Specialty, string> = {
  internmedicin: 'FFF4B183',
  psykiatri: 'FFB4A7D6',
  pediatrik: 'FFA9D18E',
  gynekologi: 'FFF4A6C6',
  onh: 'FF9DC3E6',
  ogon: 'FFFFE699',
  hud: 'FFF8CBAD',
  kirurgi: 'FFC9C9C9',
  ortopedi: 'FFBDD7EE',
  akutgeriatrik: 'FFC5E0B4',
  infektion: 'FFFFD966',
  akutsjukvard: 'FFFF9B9B',
};
const BVC_COLOUR = 'FFDDEBF7';
const SABO_COLOUR = 'FFE2EFDA';

function monthLabel(d: number): string {
  return formatDay(d).slice(0, 7);
}

export async function cohortWorkbook(trainees: Trainee[], units: Unit[], placements: PlanPlacement[], today: Day): Promise<Buffer> {
  const spans = placements.filter((p) => p.kind === 'rotation' || p.kind === 'bvc' || p.kind === 'sabo');
  const starts = [...trainees.map((t) => parseDay(t.start)), ...spans.map((p) => parseDay(p.from))];
  const ends = spans.map((p) => parseDay(p.to));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Randplan';
  const ws = wb.addWorksheet('Kohortplan');
  const first = starts.length ? startOfMonth(Math.min(...starts)) : startOfMonth(today);
  const last = ends.length ? Math.max(...ends) : addMonths(first, 12);
  const months: number[] = [];
  for (let d = first; d <= last; d = addMonths(d, 1)) months.push(d);
  ws.columns = [
    { header: 'ST-läkare', key: 'name', width: 26 },
    { header: 'Id', key: 'id', width: 10 },
    { header: 'Enhet', key: 'unit', width: 24 },
    ...months.map((m) => ({ header: monthLabel(m), key: monthLabel(m), width: 12 })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const byTrainee = new Map<string, PlanPlacement[]>();
  for (const p of spans) byTrainee.set(p.trainee, [...(byTrainee.get(p.trainee) ?? []), p]);
  for (const t of trainees) {
    const row = ws.addRow({ name: t.name, id: t.id, unit: unitName.get(t.unit) ?? t.unit });
    const mine = byTrainee.get(t.id) ?? [];
    months.forEach((m, i) => {
      const { year, month } = civilFromDay(m);
      const monthEnd = m + daysInMonth(year, month) - 1;
      // The placement covering most days of this month wins the cell.
      let best: PlanPlacement | undefined;
      let bestDays = 0;
      for (const p of mine) {
        const days = Math.min(parseDay(p.to), monthEnd) - Math.max(parseDay(p.from), m) + 1;
        if (days > bestDays) {
          best = p;
          bestDays = days;
        }
      }
      if (!best) return;
      const cell = row.getCell(4 + i);
      const colour = best.kind === 'rotation' && best.specialty ? SPECIALTY_COLOURS[best.specialty] : best.kind === 'bvc' ? BVC_COLOUR : SABO_COLOUR;
      cell.value = placementName(best, 'sv');
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
