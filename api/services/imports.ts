/**
 * Imports, all or nothing: a whole scenario (JSON) replaces the region's data; a trainee or clinic
 * list (CSV/XLSX) adds or updates rows by id. Every row is checked first, each problem named by row
 * and column in Swedish; then everything is written in one transaction that also re-reads the whole
 * scenario, so a file either lands completely or changes nothing. The placements sheet (history and
 * agreements) is read in history-import.ts with the helpers here; each list import's audit entry keeps
 * what undoing it needs (import-undo.ts).
 */
import type { Kysely } from 'kysely';
import {
  clinicsRepo,
  plansRepo,
  proposalsRepo,
  regionRepo,
  traineesRepo,
  unitsRepo,
  type Database,
} from '../../db/index.ts';
import { MAX_PLACES, REGULATIONS, SPECIALTIES, type Clinic, type Trainee } from '../../solver/domain/schemas.ts';
import { isIsoDate } from '../../solver/time/dates.ts';
import { DATE_YEARS, inDateYears, readScenario } from '../../solver/io/read.ts';
import { badRequest, HttpError } from '../errors.ts';
import type { Actor } from './access.ts';
import { audit } from './audit.ts';
import { regionWrite } from './region-write.ts';
import { assertScenarioValid } from './scenario.ts';
import type { Table } from './tabular.ts';

export async function importScenario(db: Kysely<Database>, actor: Actor, json: unknown): Promise<{ units: number; clinics: number; trainees: number }> {
  const read = readScenario(json);
  if (!read.ok) throw badRequest('Scenariot kan inte läsas; inget ändrades / The scenario cannot be read; nothing changed', read.errors);
  const s = read.value;
  return regionWrite(db, async (trx) => {
    const before = await regionRepo.get(trx);
    // The old plans and proposals name the old trainees and clinics: they go with the data they described.
    await proposalsRepo.removeAll(trx);
    await plansRepo.removeAll(trx);
    await traineesRepo.removeAll(trx);
    await clinicsRepo.removeAll(trx);
    await unitsRepo.removeAll(trx);
    await regionRepo.put(trx, { name: s.name, profile: s.profile ?? 'kronoberg', rules: s.rules ?? {}, horizon: s.horizon });
    for (const u of s.units) await unitsRepo.insert(trx, u);
    for (const c of s.clinics) await clinicsRepo.insert(trx, c);
    for (const t of s.trainees) await traineesRepo.insert(trx, t);
    await assertScenarioValid(trx);
    const counts = { units: s.units.length, clinics: s.clinics.length, trainees: s.trainees.length };
    await audit(trx, actor, 'import', 'scenario', null, before, { name: s.name, ...counts });
    return counts;
  });
}

/** The lists a CSV or XLSX file can bring: trainees, clinics, and the placements sheet (history-import.ts). */
export const LIST_KINDS = ['trainees', 'clinics', 'placements'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** Finds a row by id or, failing that, by a name (any case) that only one row has. */
export function byIdOrName<T extends { id: string; name: string }>(list: T[], text: string): T | 'many' | null {
  const exact = list.find((x) => x.id === text);
  if (exact) return exact;
  const named = list.filter((x) => x.name.trim().toLowerCase() === text.trim().toLowerCase());
  return named.length === 1 ? named[0]! : named.length > 1 ? 'many' : null;
}

export interface Column {
  /** Accepted header names, lower case; the first is the one used in messages. */
  names: string[];
  required: boolean;
}

export const TRAINEE_COLUMNS = {
  id: { names: ['id'], required: true },
  name: { names: ['namn', 'name'], required: true },
  unit: { names: ['enhet', 'unit', 'vårdcentral'], required: true },
  start: { names: ['start', 'startdatum'], required: true },
  regulation: { names: ['regelverk', 'regulation', 'föreskrift'], required: false },
  rate: { names: ['sysselsättningsgrad', 'rate', 'tjänstgöringsgrad'], required: false },
  credit: { names: ['tillgodoräknande', 'creditmonths', 'credit'], required: false },
  swedishAt: { names: ['svensk at', 'swedish at', 'at'], required: false },
} satisfies Record<string, Column>;

export const CLINIC_COLUMNS = {
  id: { names: ['id'], required: true },
  name: { names: ['namn', 'name'], required: true },
  specialty: { names: ['specialitet', 'specialty'], required: true },
  capacity: { names: ['kapacitet', 'capacity', 'platser'], required: true },
} satisfies Record<string, Column>;

export function locate<K extends string>(table: Table, columns: Record<K, Column>, errors: string[]): Record<K, number> {
  const header = table.header.map((h) => h.toLowerCase());
  const at = {} as Record<K, number>;
  for (const [key, col] of Object.entries(columns) as [K, Column][]) {
    const i = header.findIndex((h) => col.names.includes(h));
    at[key] = i;
    if (i < 0 && col.required) errors.push(`rad 1: kolumnen "${col.names[0]}" saknas`);
  }
  return at;
}

/**
 * A row with an id: its cells and errors (cellsOf), and its id, which must be present and unique in
 * the file (`seen` remembers the row each id stood on).
 */
function readRow<K extends string>(
  columns: Record<'id' | K, Column>,
  at: Record<'id' | K, number>,
  line: Table['rows'][number],
  errors: string[],
  seen: Map<string, number>,
) {
  const { get, err } = cellsOf(columns, at, line, errors);
  const { row } = line;
  const id = get('id');
  if (!id) err('id', 'saknas');
  else if (seen.has(id)) err('id', `"${id}" finns redan på rad ${seen.get(id)}`);
  else seen.set(id, row);
  return { get, err, id };
}

/** One data row's cells by column key, and a way to name a problem by row and column ("rad 4, start: …"). */
export function cellsOf<K extends string>(columns: Record<K, Column>, at: Record<K, number>, { row, cells }: Table['rows'][number], errors: string[]) {
  const get = (k: K) => (at[k] >= 0 ? (cells[at[k]] ?? '') : '');
  const err = (k: K, what: string) => errors.push(`rad ${row}, ${columns[k].names[0]}: ${what}`);
  return { get, err };
}

function numberOf(s: string): number | null {
  const n = Number(s.replace(',', '.').replace('%', ''));
  return s.trim() === '' || !Number.isFinite(n) ? null : n;
}

/** The day HSLF-FS 2021:8 came into force: a trainee who started before it follows SOSFS 2015:8. */
export const REGULATION_2021_FROM = '2021-07-01';

/**
 * How to read an empty regulation for a start on or after 2021-07-01, where it depends on Swedish AT
 * (domain.md "Regulations"): a choice for the whole file, or `ask`, which refuses the file with the
 * rows in question (code `regulation-question`) so that the web can ask and send it again.
 */
export type RegulationAnswer = Trainee['regulation'] | 'ask';

const YES = ['ja', 'j', 'yes', 'y', 'x', '1', 'true'];
const NO = ['nej', 'n', 'no', '0', 'false'];

/**
 * A trainee list: rows by id, the unit by id or name; an empty regulation is the trainee's own when the
 * region knows them, else read from the start date and the "svensk AT" column, else `answer`.
 * Returns the count and what the import needs to be undone (import-undo.ts).
 */
export async function importTrainees(
  db: Kysely<Database>,
  actor: Actor,
  table: Table,
  answer: RegulationAnswer = '2021:8',
): Promise<{ trainees: number }> {
  const errors: string[] = [];
  const at = locate(table, TRAINEE_COLUMNS, errors);
  if (errors.length) throw badRequest('Filen kan inte läsas; inget ändrades / The file cannot be read; nothing changed', errors);
  return regionWrite(db, async (trx) => {
    const units = await unitsRepo.list(trx);
    const known = new Map((await traineesRepo.list(trx)).map((t) => [t.id, t]));
    const seen = new Map<string, number>();
    const list: Trainee[] = [];
    const questions: string[] = [];
    for (const line of table.rows) {
      const { get, err, id } = readRow(TRAINEE_COLUMNS, at, line, errors, seen);
      const name = get('name');
      if (!name) err('name', 'saknas');
      const unitText = get('unit');
      const unit = unitText ? byIdOrName(units, unitText) : null;
      if (!unitText) err('unit', 'saknas');
      else if (unit === 'many') err('unit', `flera enheter heter "${unitText}"; skriv id`);
      else if (!unit) err('unit', `okänd enhet "${unitText}" (skriv enhetens id eller namn)`);
      const start = get('start');
      if (!isIsoDate(start)) err('start', start ? `inte ett datum ("${start}", skriv ÅÅÅÅ-MM-DD)` : 'saknas');
      else if (!inDateYears(start)) err('start', `"${start}" ligger utanför åren ${DATE_YEARS.from}–${DATE_YEARS.to}`);
      const atText = get('swedishAt').toLowerCase();
      if (atText && !YES.includes(atText) && !NO.includes(atText)) err('swedishAt', `"${get('swedishAt')}" är inte ja eller nej`);
      let regulation = get('regulation');
      if (!regulation) {
        if (known.has(id)) regulation = known.get(id)!.regulation;
        else if (start < REGULATION_2021_FROM) regulation = '2015:8';
        else if (atText) regulation = YES.includes(atText) ? '2015:8' : '2021:8';
        else if (answer === 'ask') questions.push(`rad ${line.row}, regelverk: ${name || id} började ${start}`);
        else regulation = answer;
      }
      if (regulation && !(REGULATIONS as readonly string[]).includes(regulation)) err('regulation', `"${regulation}" är inte 2015:8 eller 2021:8`);
      const rateText = get('rate');
      let rate = rateText ? numberOf(rateText) : 1;
      if (rate !== null && rate > 1) rate = rate / 100;
      if (rate === null || rate <= 0 || rate > 1) err('rate', `"${rateText}" är inte en grad mellan 0 och 100 %`);
      const creditText = get('credit');
      const credit = creditText ? numberOf(creditText) : 0;
      if (credit === null || credit < 0 || credit > 66) err('credit', `"${creditText}" är inte ett antal månader 0–66`);
      const t: Trainee = { id, name, unit: unit && unit !== 'many' ? unit.id : unitText, start, regulation: (regulation || '2021:8') as Trainee['regulation'] };
      if (rate !== null && rate !== 1 && isIsoDate(start)) t.employment = [{ from: start, rate }];
      if (credit) t.creditMonths = credit;
      list.push(t);
    }
    if (errors.length) throw badRequest('Filen innehåller fel; inget ändrades / The file has errors; nothing changed', errors);
    if (questions.length)
      throw new HttpError(400, 'regulation-question', 'Vilket regelverk? Inget ändrades / Which regulation? Nothing changed', questions);
    // A list carries the basics only: keep what the region already knows about a trainee (leave, rotations …).
    const merged = list.map((t) => {
      const existing = known.get(t.id);
      return existing ? { ...stripVersion(existing), ...t, ...(t.employment || !existing.employment ? {} : { employment: existing.employment }) } : t;
    });
    await traineesRepo.upsertMany(trx, merged);
    await assertScenarioValid(trx);
    const ids = list.map((t) => t.id);
    const updated = ids.filter((id) => known.has(id));
    const before: ListUndo<Trainee> = { created: ids.filter((id) => !known.has(id)), updated: updated.map((id) => stripVersion(known.get(id)!)) };
    await audit(trx, actor, 'import', 'trainees', null, before, { ids, versions: await versionsOf(traineesRepo.list(trx, { ids })) });
    return { trainees: list.length };
  });
}

/** What undoing a trainee or clinic list needs: the ids it added, and the rows it overwrote as they were. */
export interface ListUndo<T> {
  created: string[];
  updated: T[];
}

/** Each row's version right after the import: the undo goes ahead only if none changed since. */
export async function versionsOf(rows: Promise<{ id: string; version: number }[]>): Promise<Record<string, number>> {
  return Object.fromEntries((await rows).map((r) => [r.id, r.version]));
}

function stripVersion<T extends { version: number }>(r: T): Omit<T, 'version'> {
  const { version: _v, ...rest } = r;
  return rest;
}

export async function importClinics(db: Kysely<Database>, actor: Actor, table: Table): Promise<{ clinics: number }> {
  const errors: string[] = [];
  const at = locate(table, CLINIC_COLUMNS, errors);
  if (errors.length) throw badRequest('Filen kan inte läsas; inget ändrades / The file cannot be read; nothing changed', errors);
  const seen = new Map<string, number>();
  const list: Clinic[] = [];
  for (const line of table.rows) {
    const { get, err, id } = readRow(CLINIC_COLUMNS, at, line, errors, seen);
    const name = get('name');
    if (!name) err('name', 'saknas');
    const specialty = get('specialty').toLowerCase();
    if (!(SPECIALTIES as readonly string[]).includes(specialty)) err('specialty', `okänd specialitet "${get('specialty')}" (${SPECIALTIES.join(', ')})`);
    const capacity = numberOf(get('capacity'));
    if (capacity === null || !Number.isInteger(capacity) || capacity < 0 || capacity > MAX_PLACES)
      err('capacity', `"${get('capacity')}" är inte ett heltal 0–${MAX_PLACES}`);
    list.push({ id, name, specialty: specialty as Clinic['specialty'], capacity: capacity ?? 0 });
  }
  if (errors.length) throw badRequest('Filen innehåller fel; inget ändrades / The file has errors; nothing changed', errors);
  return regionWrite(db, async (trx) => {
    const before: ListUndo<Clinic> = { created: [], updated: [] };
    for (const c of list) {
      const existing = await clinicsRepo.get(trx, c.id);
      if (existing) before.updated.push(stripVersion(existing));
      else before.created.push(c.id);
      await clinicsRepo.upsert(trx, existing?.capacityChanges ? { ...c, capacityChanges: existing.capacityChanges } : c);
    }
    await assertScenarioValid(trx);
    const ids = list.map((c) => c.id);
    const versions = await versionsOf(clinicsRepo.list(trx).then((all) => all.filter((c) => ids.includes(c.id))));
    await audit(trx, actor, 'import', 'clinics', null, before, { ids, versions });
    return { clinics: list.length };
  });
}
