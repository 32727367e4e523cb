/** Uploaded lists as Swedish offices save them, and as an attacker might: encodings, stray cells, sizes. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCsv, MAX_ROWS } from '../../api/services/tabular.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('CSV encodings', () => {
  const text = 'id;namn\nw1;Åsa Öberg – ”Ärlig”\n';
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and Windows-1252', () => {
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    // Windows-1252: Å=C5, Ö=D6, –=96, ”=94, Ä=C4.
    const cp1252 = Buffer.from([...Buffer.from('id;namn\nw1;', 'latin1'), 0xc5, ...Buffer.from('sa ', 'latin1'), 0xd6, ...Buffer.from('berg ', 'latin1'), 0x96, 0x20, 0x94, 0xc4, ...Buffer.from('rlig', 'latin1'), 0x94, 0x0a]);
    expect(decodeCsv(cp1252)).toBe(text);
    expect(decodeCsv(cp1252, 'windows-1252')).toBe(text);
  });

  const refusal = (read: () => unknown): string => {
    try {
      read();
    } catch (e) {
      return (e as { details: string[] }).details.join('\n');
    }
    throw new Error('not refused');
  };

  it('refuses bytes that are no text, and a charset the file is not in, saying how to save it', () => {
    expect(refusal(() => decodeCsv(Buffer.from([0x69, 0x64, 0x81, 0x00, 0x02])))).toMatch(/^rad 1: innehåller styrtecken.*CSV UTF-8/);
    expect(refusal(() => decodeCsv(Buffer.from([0xc5, 0x0a]), 'utf-8'))).toMatch(/^filen: inte UTF-8.*CSV UTF-8/);
    expect(refusal(() => decodeCsv(Buffer.from('id\n'), 'klingon'))).toMatch(/^content-type: charset=klingon is unknown/);
  });
});

describe.each(DIALECTS)('list uploads on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let unit: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    unit = (await t.call(sr, { method: 'GET', url: '/api/units' })).json()[0].id;
  });
  afterAll(async () => t?.close());

  const upload = (what: string, type: string, payload: Buffer) => t.call(sr, { method: 'POST', url: `/api/import/${what}`, headers: { 'content-type': type }, payload });

  it('imports "Åsa Öberg" from a Windows-1252 CSV, with and without charset, and from UTF-8 with BOM', async () => {
    const cp1252 = Buffer.from(`id;namn;enhet;start\nw1;Åsa Öberg;${unit};2030-01-07\n`, 'latin1');
    for (const [type, body] of [
      ['text/csv', cp1252],
      ['text/csv; charset=windows-1252', cp1252],
      ['text/csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`id;namn;enhet;start\nw1;Åsa Öberg;${unit};2030-01-07\n`, 'utf8')])],
    ] as const) {
      const res = await upload('trainees', type, body);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(200);
      expect((await t.call(sr, { method: 'GET', url: '/api/trainees/w1' })).json().name).toBe('Åsa Öberg');
    }
  });

  it('reads only the named columns of an XLSX: a stray cell far right in a data row costs nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lista');
    ws.addRow(['id', 'namn', 'specialitet', 'kapacitet']);
    ws.addRow(['x1', 'Hudkliniken X1', 'hud', 2]);
    ws.getCell('XFD2').value = 'bortglömd';
    ws.getCell('A600').value = 'x2';
    ws.getCell('B600').value = 'Hudkliniken X2';
    ws.getCell('C600').value = 'hud';
    ws.getCell('D600').value = 1;
    const res = await upload('clinics', XLSX, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ counts: { clinics: 2 } });
  });

  it('refuses an XLSX whose header reaches column XFD, and one with rows beyond the cap, with the reason', async () => {
    const wide = new ExcelJS.Workbook();
    const w = wide.addWorksheet('Lista');
    w.addRow(['id', 'namn', 'specialitet', 'kapacitet']);
    w.getCell('XFD1').value = 'x';
    w.getCell('A600').value = 'y';
    const tooWide = await upload('clinics', XLSX, Buffer.from(await wide.xlsx.writeBuffer()));
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().details).toEqual(['rad 1: rubrik i kolumn 16384; högst 50 kolumner / at most 50 columns']);

    const long = new ExcelJS.Workbook();
    const l = long.addWorksheet('Lista');
    l.addRow(['id', 'namn', 'specialitet', 'kapacitet']);
    l.getCell(`A${MAX_ROWS + 5}`).value = 'z';
    const tooLong = await upload('clinics', XLSX, Buffer.from(await long.xlsx.writeBuffer()));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().details).toEqual([`rad ${MAX_ROWS + 5}: högst ${MAX_ROWS} rader / at most ${MAX_ROWS} rows`]);
  });
});
