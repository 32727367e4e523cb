/**
 * Reading trainee and clinic lists from CSV or XLSX into rows of strings keyed by column. The first
 * row holds the column names (Swedish or English; see COLUMNS in imports.ts). Row numbers in errors
 * are the spreadsheet's: the header is row 1. Pure functions: api/services/uploads.ts runs them in a
 * worker thread, so that a hostile file stalls no request but its own.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { badRequest } from '../errors.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Table {
  header: string[];
  /** Each data row with its spreadsheet row number. */
  rows: { row: number; cells: string[] }[];
}

/** Far more than a region's trainees or clinics; a sheet beyond this is a mistake, refused before it costs memory. */
export const MAX_ROWS = 10_000;
export const MAX_COLUMNS = 50;

const SAVE_AS_UTF8 = 'spara filen i Excel som "CSV UTF-8 (kommaavgränsad)" / save it from Excel as "CSV UTF-8 (Comma delimited)"';

/**
 * The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), the
 * charset the request names, or else Windows-1252 (what Swedish Excel's plain "CSV" saves). Bytes that
 * are none of these are refused with how to save the file.
 */
export function decodeCsv(bytes: Buffer, charset?: string): string {
  const boms: [number[], string][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [bom, encoding] of boms) if (bom.every((b, i) => bytes[i] === b)) return decode(bytes.subarray(bom.length), encoding);
  if (charset) return decode(bytes, charset);
  try {
    return decode(bytes, 'utf-8');
  } catch {
    return decode(bytes, 'windows-1252');
  }
}

function decode(bytes: Buffer, encoding: string): string {
  let text: string;
  if (/^utf-?8$/i.test(encoding)) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw badRequest('Filen är inte UTF-8 / The file is not UTF-8', [`filen: inte UTF-8 / not UTF-8; ${SAVE_AS_UTF8}`]);
    }
  } else if (iconv.encodingExists(encoding)) {
    // iconv-lite, not TextDecoder: Node's TextDecoder reads windows-1252 as Latin-1 (0x96 "–" becomes a control character).
    text = iconv.decode(bytes, encoding);
  } else {
    throw badRequest('Okänd teckenkodning / Unknown character set', [`content-type: charset=${encoding} is unknown; ${SAVE_AS_UTF8}`]);
  }
  // Control characters other than tab and line ends (NUL among them), or bytes the encoding has no character for, mean no text file.
  const bad = text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/);
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    throw badRequest('Filen är ingen textfil / The file is not text', [`rad ${line}: innehåller styrtecken / contains control characters; ${SAVE_AS_UTF8}`]);
  }
  return text;
}

/** RFC 4180 CSV with `,` or `;` (what Swedish Excel writes) — whichever the header row has more of. */
export function parseCsv(text: string): Table {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, to_line: MAX_ROWS + 2 });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw badRequest('Ogiltig CSV / Invalid CSV', [`${line ? `rad ${line}` : 'filen'}: ${(e as Error).message}`]);
  }
  return toTable(records);
}

function toTable(records: string[][]): Table {
  const [header, ...rest] = records;
  if (!header) throw badRequest('Tom fil / Empty file', ['rad 1: rubrikrad saknas / header row missing']);
  if (rest.length > MAX_ROWS) throw badRequest('Filen är för stor / The file is too large', [`filen: mer än ${MAX_ROWS} rader / more than ${MAX_ROWS} rows`]);
  if (header.length > MAX_COLUMNS) throw badRequest('Filen är för bred / The file is too wide', [`rad 1: mer än ${MAX_COLUMNS} kolumner / more than ${MAX_COLUMNS} columns`]);
  const nul = records.findIndex((r) => r.some((c) => c.includes('\u0000')));
  if (nul >= 0) throw badRequest('Ogiltigt tecken / Invalid character', [`rad ${nul + 1}: innehåller ett NUL-tecken / contains a NUL character`]);
  return {
    header: header.map((h) => h.trim()),
    rows: rest
      .map((cells, i) => ({ row: i + 2, cells: cells.slice(0, header.length).map((c) => c.trim()) }))
      .filter((r) => r.cells.some((c) => c !== '')),
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

/**
 * The first worksheet of an XLSX file: the columns the header row names (a stray cell far to the right
 * of the data is not read), at most MAX_ROWS rows below it.
 */
export async function parseXlsx(data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw badRequest('Filen är ingen läsbar XLSX / Not a readable XLSX file', ['filen: inte en XLSX-fil']);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('Arbetsboken har inget blad / The workbook has no sheet', ['filen: inget kalkylblad']);
  let width = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (cellText(cell.value).trim() !== '') width = Math.max(width, col);
  });
  if (width > MAX_COLUMNS)
    throw badRequest('Filen är för bred / The file is too wide', [`rad 1: rubrik i kolumn ${width}; högst ${MAX_COLUMNS} kolumner / at most ${MAX_COLUMNS} columns`]);
  const records: string[][] = [];
  let tooLong: number | null = null;
  ws.eachRow((row, n) => {
    if (n > MAX_ROWS + 1) {
      tooLong ??= n;
      return;
    }
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    records[n - 1] = cells;
  });
  if (tooLong !== null) throw badRequest('Filen är för stor / The file is too large', [`rad ${tooLong}: högst ${MAX_ROWS} rader / at most ${MAX_ROWS} rows`]);
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return toTable(records);
}


/** An uploaded list as a table, by its content type: XLSX, or CSV in the charset it names or is found in. */
export async function readTable(body: Buffer, contentType: string): Promise<Table> {
  if (contentType.startsWith(XLSX_TYPE)) return parseXlsx(body);
  const charset = /;\s*charset="?([^";\s]+)"?/i.exec(contentType)?.[1];
  return parseCsv(decodeCsv(body, charset));
}
