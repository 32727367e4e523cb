/**
 * The placements sheet: a region's history (rotations, own BVC, SÄBO, courses and milestones done or
 * under way) and its agreements (placements agreed with the clinics), one row per placement — trainee,
 * kind, specialty, clinic, from, to (and the course or milestone, for those).
 *
 * How it enters the plan: every imported placement is a fact, not a plan choice. It becomes locked
 * twice over, as the formats say history is: in the trainee's `locked` list (the scenario) and, flagged
 * locked, in a new published version of the plan ("Historik importerad"), so that the timeline shows it
 * at once and every solve keeps it. Whatever of the trainee's current placements the sheet contradicts
 * is replaced: the same rotation specialty (own BVC, SÄBO, course, milestone) at another time, and any rotation that
 * overlaps an imported one. A placement before the planning day is history, one on or after it an
 * agreement; the counts say how many of each. All or nothing, like the other lists; an earlier version
 * stays in the version list, and the last import can be undone (import-undo.ts).
 */
import type { Kysely } from 'kysely';
import { plansRepo, regionRepo, traineesRepo, type Database, type StoredPlacement, type TraineeRecord } from '../../db/index.ts';
import { placementKey } from '../../solver/domain/identity.ts';
import { COURSES, MILESTONES, SPECIALTIES, type Clinic, type Placement, type Text } from '../../solver/domain/schemas.ts';
import { COURSE_NAMES, MILESTONE_NAMES, SPECIALTY_NAMES } from '../../solver/domain/specialties.ts';
import { DATE_YEARS, inDateYears } from '../../solver/io/read.ts';
import { isIsoDate } from '../../solver/time/dates.ts';
import { validate } from '../../solver/validate.ts';
import { badRequest } from '../errors.ts';
import type { Actor } from './access.ts';
import { audit } from './audit.ts';
import { byIdOrName, cellsOf, locate, type Column } from './imports.ts';
import { plainPlan } from './plans.ts';
import { regionWrite } from './region-write.ts';
import { assertScenarioValid, loadScenario } from './scenario.ts';
import type { Table } from './tabular.ts';

export const PLACEMENT_COLUMNS = {
  trainee: { names: ['st-läkare', 'trainee', 'namn', 'id'], required: true },
  kind: { names: ['typ', 'kind'], required: false },
  specialty: { names: ['specialitet', 'specialty'], required: false },
  clinic: { names: ['klinik', 'clinic'], required: false },
  from: { names: ['från', 'from', 'fr.o.m.'], required: true },
  to: { names: ['till', 'to', 't.o.m.'], required: true },
  course: { names: ['kurs', 'course'], required: false },
  milestone: { names: ['milstolpe', 'milestone'], required: false },
} satisfies Record<string, Column>;

const KINDS: Record<string, Placement['kind']> = {
  kurs: 'course',
  course: 'course',
  milstolpe: 'milestone',
  milestone: 'milestone',
  rotation: 'rotation',
  randning: 'rotation',
  sidotjänstgöring: 'rotation',
  bvc: 'bvc',
  'egen bvc': 'bvc',
  sabo: 'sabo',
  säbo: 'sabo',
};

export interface HistoryCounts {
  placements: number;
  history: number;
  agreed: number;
  replaced: number;
}

/** What undoing the import needs (kept in its audit entry): the plan version before it and each trainee's locked list before. */
export interface HistoryUndo {
  plan: number | null;
  locked: Record<string, Placement[]>;
}

const lower = (s: string) => s.trim().toLowerCase();

/** An id of `ids` named by itself or by its Swedish or English name, any case. */
function named<T extends string>(ids: readonly T[], names: Record<T, Text>, text: string): T | null {
  const t = lower(text);
  return ids.find((id) => id === t || lower(names[id].sv) === t || lower(names[id].en) === t) ?? null;
}

const overlaps = (a: Placement, b: Placement) => a.from <= b.to && b.from <= a.to;

/**
 * Whether the sheet's placement `p` contradicts the trainee's placement `q`: the same thing at another
 * time (rotation specialty, own BVC, SÄBO, course, milestone), or two rotations at once.
 */
export function contradicts(p: Placement, q: Placement): boolean {
  if (p.kind !== q.kind) return false;
  const sameThing = p.specialty === q.specialty && p.course === q.course && p.milestone === q.milestone;
  return sameThing || (p.kind === 'rotation' && overlaps(p, q));
}

type Cells = ReturnType<typeof cellsOf<keyof typeof PLACEMENT_COLUMNS>>;

/** A row's placement by its kind: a rotation's clinic and specialty (each from the other), a course, a milestone. */
function placementOf(kind: Placement['kind'], from: string, to: string, get: Cells['get'], err: Cells['err'], clinics: Clinic[]): Placement {
  if (kind === 'rotation') {
    const clinicText = get('clinic');
    const clinic = clinicText ? byIdOrName(clinics, clinicText) : null;
    const specialtyText = get('specialty');
    const specialty = specialtyText ? named(SPECIALTIES, SPECIALTY_NAMES, specialtyText) : null;
    if (specialtyText && !specialty) err('specialty', `okänd specialitet "${specialtyText}"`);
    if (!clinicText) err('clinic', 'saknas för en randning');
    else if (clinic === 'many') err('clinic', `flera kliniker heter "${clinicText}"; skriv id`);
    else if (!clinic) err('clinic', `okänd klinik "${clinicText}"`);
    else if (specialty && clinic.specialty !== specialty)
      err('specialty', `${SPECIALTY_NAMES[specialty].sv} stämmer inte med ${clinic.name} (${SPECIALTY_NAMES[clinic.specialty].sv})`);
    else return { kind, specialty: clinic.specialty, clinic: clinic.id, from, to };
  } else if (kind === 'course') {
    const course = named(COURSES, COURSE_NAMES, get('course'));
    if (course) return { kind, course, from, to };
    err('course', get('course') ? `okänd kurs "${get('course')}"` : 'saknas för en kurs');
  } else if (kind === 'milestone') {
    const milestone = named(MILESTONES, MILESTONE_NAMES, get('milestone'));
    if (milestone) return { kind, milestone, from, to };
    err('milestone', get('milestone') ? `okänd milstolpe "${get('milestone')}"` : 'saknas för en milstolpe');
  }
  return { kind, from, to };
}

/** Reads the sheet's rows into placements by trainee id; every problem named by row and column. */
function readSheet(table: Table, trainees: TraineeRecord[], clinics: Clinic[]): Map<string, { row: number; placement: Placement }[]> {
  const errors: string[] = [];
  const at = locate(table, PLACEMENT_COLUMNS, errors);
  if (errors.length) throw badRequest('Filen kan inte läsas; inget ändrades / The file cannot be read; nothing changed', errors);
  const out = new Map<string, { row: number; placement: Placement }[]>();
  const seen = new Map<string, number>();
  for (const line of table.rows) {
    const { get, err } = cellsOf(PLACEMENT_COLUMNS, at, line, errors);
    const who = get('trainee');
    const trainee = who ? byIdOrName(trainees, who) : null;
    if (!who) err('trainee', 'saknas');
    else if (trainee === 'many') err('trainee', `flera ST-läkare heter "${who}"; skriv id`);
    else if (!trainee) err('trainee', `okänd ST-läkare "${who}"`);
    const kindText = lower(get('kind'));
    const kind = kindText ? KINDS[kindText] : 'rotation';
    if (!kind) err('kind', `"${get('kind')}" är inte randning, egen BVC, SÄBO, kurs eller milstolpe`);
    const from = get('from');
    const to = get('to');
    for (const [k, d] of [['from', from], ['to', to]] as const) {
      if (!isIsoDate(d)) err(k, d ? `inte ett datum ("${d}", skriv ÅÅÅÅ-MM-DD)` : 'saknas');
      else if (!inDateYears(d)) err(k, `"${d}" ligger utanför åren ${DATE_YEARS.from}–${DATE_YEARS.to}`);
    }
    if (isIsoDate(from) && isIsoDate(to) && to < from) err('to', `${to} ligger före från-datumet ${from}`);
    const placement = kind ? placementOf(kind, from, to, get, err, clinics) : { kind: 'rotation' as const, from, to };
    if (!trainee || trainee === 'many' || !kind) continue;
    const key = placementKey({ ...placement, trainee: trainee.id });
    const mine = out.get(trainee.id) ?? [];
    const twin = seen.get(key);
    const clash = mine.find((m) => placement.kind === 'rotation' && m.placement.kind === 'rotation' && overlaps(m.placement, placement));
    if (twin !== undefined) err('trainee', `samma placering som rad ${twin}`);
    else if (clash) err('from', `${trainee.name} är redan på randning ${clash.placement.from} – ${clash.placement.to} (rad ${clash.row})`);
    seen.set(key, line.row);
    out.set(trainee.id, [...mine, { row: line.row, placement }]);
  }
  if (errors.length) throw badRequest('Filen innehåller fel; inget ändrades / The file has errors; nothing changed', errors);
  if (out.size === 0) throw badRequest('Filen har inga placeringar; inget ändrades / The file has no placements; nothing changed', ['rad 2: inga rader']);
  return out;
}

export async function importPlacements(db: Kysely<Database>, actor: Actor, table: Table, today: string): Promise<HistoryCounts> {
  return regionWrite(db, async (trx) => {
    const trainees = await traineesRepo.list(trx);
    const scenario = await loadScenario(trx);
    const sheet = readSheet(table, trainees, scenario.clinics);
    const planFrom = (await regionRepo.get(trx))?.planFrom ?? today;
    const published = await plansRepo.published(trx);
    let placements: StoredPlacement[] = published?.plan.placements ?? [];
    const counts: HistoryCounts = { placements: 0, history: 0, agreed: 0, replaced: 0 };
    const undo: HistoryUndo = { plan: published?.id ?? null, locked: {} };
    for (const t of trainees) {
      const imported = (sheet.get(t.id) ?? []).map((x) => x.placement);
      if (imported.length === 0) continue;
      const keys = new Set(imported.map((p) => placementKey({ ...p, trainee: t.id })));
      // A placement the sheet repeats exactly is not replaced, only locked.
      const replaced = (q: Placement) => !keys.has(placementKey({ ...q, trainee: t.id })) && imported.some((p) => contradicts(p, q));
      counts.replaced += placements.filter((q) => q.trainee === t.id && replaced(q)).length;
      placements = placements.filter((q) => q.trainee !== t.id || (!replaced(q) && !keys.has(placementKey(q))));
      placements.push(...imported.map((p) => ({ trainee: t.id, ...p, locked: true })));
      counts.placements += imported.length;
      for (const p of imported) counts[p.from < planFrom ? 'history' : 'agreed']++;
      undo.locked[t.id] = t.locked ?? [];
      const locked = [...(t.locked ?? []).filter((q) => !replaced(q) && !keys.has(placementKey({ ...q, trainee: t.id }))), ...imported];
      const { version: _v, ...trainee } = t;
      await traineesRepo.upsertMany(trx, [{ ...trainee, locked }]);
    }
    const after = await assertScenarioValid(trx);
    const plan = { ...(published?.plan ?? { format: 'randplan.plan/1' as const, scenario: after.name }), placements };
    const created = await plansRepo.create(trx, {
      status: 'published',
      note: `Historik importerad (${counts.placements} placeringar) / History imported (${counts.placements} placements)`,
      plan,
      report: validate(after, plainPlan(plan)),
      createdBy: actor.email,
    });
    await audit(trx, actor, 'import', 'placements', created.id, undo, { plan: created.id, number: created.number, trainees: Object.keys(undo.locked), ...counts });
    return counts;
  });
}
