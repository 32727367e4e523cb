/**
 * Reading trainee and clinic lists from CSV or XLSX into rows of strings keyed by column. The first
 * row holds the column names (Swedish or English; see COLUMNS in imports.ts). Row numbers in errors
 * are the spreadsheet's: the header is row 1.
 */
import ExcelJS from 'exceljs';
import { badRequest } from '../errors.ts';

export interface Table {
  header: string[];
  /** Each data row with its spreadsheet row number. */
  rows: { row: number; cells: string[] }[];
}

/** RFC 4180 CSV with `,` or `;` (what Swedish Excel writes), quotes doubled inside quoted fields. */
export function parseCsv(text: string): Table {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw badRequest('Ogiltig CSV / Invalid CSV', ['filen: ett citattecken avslutas aldrig / unterminated quote']);
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return toTable(records);
}

function toTable(records: string[][]): Table {
  const [header, ...rest] = records;
  if (!header) throw badRequest('Tom fil / Empty file', ['rad 1: rubrikrad saknas / header row missing']);
  return {
    header: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })).filter((r) => r.cells.some((c) => c !== '')),
  };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    return '';
  }
  return String(v);
}

/** The first worksheet of an XLSX file. */
export async function parseXlsx(data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badRequest('Filen är ingen läsbar XLSX / Not a readable XLSX file', ['filen: inte en XLSX-fil']);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('Arbetsboken har inget blad / The workbook has no sheet', ['filen: inget kalkylblad']);
  const records: string[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records[n - 1] = cells;
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return toTable(records);
}
