/**
 * An empty list to fill in, per import kind, as CSV (semicolons and a BOM, as Swedish Excel opens it)
 * or XLSX (a second sheet says what each column takes). The header row is the columns' Swedish names,
 * the ones the imports read first (imports.ts, history-import.ts), so a filled-in template imports as it is.
 */
import ExcelJS from 'exceljs';
import type { Column, ListKind } from './imports.ts';
import { CLINIC_COLUMNS, TRAINEE_COLUMNS } from './imports.ts';
import { PLACEMENT_COLUMNS } from './history-import.ts';

const COLUMNS: Record<ListKind, Record<string, Column>> = { trainees: TRAINEE_COLUMNS, clinics: CLINIC_COLUMNS, placements: PLACEMENT_COLUMNS };

/** What each column takes, in the words of the help sheet. */
const HELP: Record<ListKind, Record<string, string>> = {
  trainees: {
    id: 'Unikt id, t.ex. t041 (en rad med ett id som finns uppdaterar ST-läkaren)',
    name: 'För- och efternamn',
    unit: 'Enhetens id eller namn',
    start: 'Startdatum för ST, ÅÅÅÅ-MM-DD',
    regulation: '2015:8 eller 2021:8; tomt: 2015:8 vid start före 2021-07-01, annars enligt kolumnen svensk AT (eller så frågar Randplan)',
    rate: 'Sysselsättningsgrad i procent, t.ex. 100 eller 80 (tomt: 100)',
    credit: 'Tillgodoräknade månader (heltid), tomt: 0',
    swedishAt: 'ja eller nej: har ST-läkaren gjort svensk AT? (avgör regelverket vid start från 2021-07-01)',
  },
  clinics: {
    id: 'Unikt id, t.ex. psyk-vxo',
    name: 'Klinikens namn',
    specialty: 'internmedicin, psykiatri, pediatrik, gynekologi, onh, ogon, hud, kirurgi, ortopedi, akutgeriatrik, infektion, akutsjukvard',
    capacity: 'Antal ST-läkare samtidigt (heltal)',
  },
  placements: {
    trainee: 'ST-läkarens id eller namn',
    kind: 'randning, egen BVC, SÄBO, kurs eller milstolpe (tomt: randning)',
    specialty: 'Specialitet (tomt: klinikens)',
    clinic: 'Klinikens id eller namn (krävs för en randning)',
    from: 'Första dagen, ÅÅÅÅ-MM-DD',
    to: 'Sista dagen, ÅÅÅÅ-MM-DD. Före planeringsdagen: historik; senare: överenskommen med kliniken',
    course: 'För en kurs: kursens id eller namn, t.ex. LEK (ledarskap, etik, kvalitet) eller lek',
    milestone: 'För en milstolpe: Mitt-i-ST, Kvalitetsarbete eller Vetenskapligt arbete',
  },
};

const headerOf = (what: ListKind) => Object.values(COLUMNS[what]).map((c) => c.names[0]!);

export function templateCsv(what: ListKind): Buffer {
  return Buffer.from(`\ufeff${headerOf(what).join(';')}\r\n`, 'utf8');
}

export async function templateXlsx(what: ListKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Randplan';
  const ws = wb.addWorksheet('Lista');
  ws.addRow(headerOf(what)).font = { bold: true };
  ws.columns = headerOf(what).map(() => ({ width: 18 }));
  const help = wb.addWorksheet('Hjälp');
  help.addRow(['Kolumn', 'Också', 'Vad']).font = { bold: true };
  help.columns = [{ width: 18 }, { width: 28 }, { width: 90 }];
  for (const [key, col] of Object.entries(COLUMNS[what])) help.addRow([col.names[0], col.names.slice(1).join(', '), `${HELP[what][key] ?? ''}${col.required ? ' (krävs)' : ''}`]);
  help.addRow([]);
  help.addRow(['', '', 'Randplan läser det första bladet. Allt eller inget: en fil med fel ändrar ingenting, och felen anges med rad och kolumn.']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
