/** ST-läkare: start, regulation, employment, leave, credit, required rotations, locked placements, wishes. */
import type { Trainee } from '../../solver/domain/schemas.ts';
import { jsonOrNull, parsed, type Db, type Versioned, type WriteResult } from './common.ts';

export type TraineeRecord = Versioned<Trainee>;

const COLUMNS = [
  'id',
  'name',
  'unit_id',
  'start_date',
  'regulation',
  'employment',
  'leave',
  'credit_months',
  'rotations',
  'locked',
  'wishes',
  'planned_end',
  'bt_done',
  'latest_end',
  'version',
] as const;

type Row = {
  id: string;
  name: string;
  unit_id: string;
  start_date: string;
  regulation: string;
  employment: unknown;
  leave: unknown;
  credit_months: number | null;
  rotations: unknown;
  locked: unknown;
  wishes: unknown;
  planned_end: string | null;
  bt_done: boolean | null;
  latest_end: string | null;
  version: number;
};

function toRecord(r: Row): TraineeRecord {
  const t: TraineeRecord = {
    id: r.id,
    name: r.name,
    unit: r.unit_id,
    start: r.start_date,
    regulation: r.regulation as Trainee['regulation'],
    version: r.version,
  };
  // Absent optional fields stay absent, so a trainee reads back exactly as it was written.
  if (r.employment !== null) t.employment = parsed(r.employment);
  if (r.leave !== null) t.leave = parsed(r.leave);
  if (r.credit_months !== null) t.creditMonths = Number(r.credit_months);
  if (r.rotations !== null) t.rotations = parsed(r.rotations);
  if (r.locked !== null) t.locked = parsed(r.locked);
  if (r.wishes !== null) t.wishes = parsed(r.wishes);
  if (r.planned_end !== null) t.plannedEnd = r.planned_end;
  if (r.bt_done !== null) t.btDone = r.bt_done;
  if (r.latest_end !== null) t.latestEnd = r.latest_end;
  return t;
}

function values(t: Trainee) {
  return {
    name: t.name,
    unit_id: t.unit,
    start_date: t.start,
    regulation: t.regulation,
    employment: jsonOrNull(t.employment),
    leave: jsonOrNull(t.leave),
    credit_months: t.creditMonths ?? null,
    rotations: jsonOrNull(t.rotations),
    locked: jsonOrNull(t.locked),
    wishes: jsonOrNull(t.wishes),
    planned_end: t.plannedEnd ?? null,
    bt_done: t.btDone ?? null,
    latest_end: t.latestEnd ?? null,
  };
}

export const traineesRepo = {
  async list(db: Db, filter?: { ids?: string[]; units?: string[] }): Promise<TraineeRecord[]> {
    let q = db.selectFrom('trainees').select(COLUMNS);
    if (filter?.ids) {
      if (filter.ids.length === 0) return [];
      q = q.where('id', 'in', filter.ids);
    }
    if (filter?.units) {
      if (filter.units.length === 0) return [];
      q = q.where('unit_id', 'in', filter.units);
    }
    return (await q.orderBy('start_date').orderBy('id').execute()).map(toRecord);
  },

  async get(db: Db, id: string): Promise<TraineeRecord | null> {
    const row = await db.selectFrom('trainees').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  },

  async insert(db: Db, t: Trainee): Promise<TraineeRecord> {
    return toRecord(await db.insertInto('trainees').values({ id: t.id, ...values(t) }).returning(COLUMNS).executeTakeFirstOrThrow());
  },

  async upsert(db: Db, t: Trainee): Promise<TraineeRecord> {
    const v = values(t);
    const row = await db
      .insertInto('trainees')
      .values({ id: t.id, ...v })
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ ...v, version: eb('trainees.version', '+', 1), updated_at: new Date() })))
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },

  async update(db: Db, t: Trainee, version: number): Promise<WriteResult<TraineeRecord>> {
    const row = await db
      .updateTable('trainees')
      .set((eb) => ({ ...values(t), version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', t.id)
      .where('version', '=', version)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (row) return { ok: true, row: toRecord(row) };
    return { ok: false, current: await traineesRepo.get(db, t.id) };
  },

  async remove(db: Db, id: string, version: number): Promise<WriteResult<TraineeRecord>> {
    const row = await db.deleteFrom('trainees').where('id', '=', id).where('version', '=', version).returning(COLUMNS).executeTakeFirst();
    if (row) return { ok: true, row: toRecord(row) };
    return { ok: false, current: await traineesRepo.get(db, id) };
  },

  async countInUnit(db: Db, unit: string): Promise<number> {
    const r = await db.selectFrom('trainees').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', unit).executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async removeAll(db: Db): Promise<void> {
    await db.deleteFrom('trainees').execute();
  },
};
