/** Receiving clinics and their capacity over time (a base capacity plus dated changes). */
import type { Clinic, Specialty } from '../../solver/domain/schemas.ts';
import type { Db, Versioned, WriteResult } from './common.ts';

export type ClinicRecord = Versioned<Clinic>;

type Row = { id: string; name: string; specialty: string; capacity: number; version: number };
type ChangeRow = { clinic_id: string; from_date: string; to_date: string; capacity: number };
const COLUMNS = ['id', 'name', 'specialty', 'capacity', 'version'] as const;

function toRecord(r: Row, changes: ChangeRow[]): ClinicRecord {
  const clinic: ClinicRecord = { id: r.id, name: r.name, specialty: r.specialty as Specialty, capacity: r.capacity, version: r.version };
  const mine = changes.filter((c) => c.clinic_id === r.id);
  if (mine.length > 0) clinic.capacityChanges = mine.map((c) => ({ from: c.from_date, to: c.to_date, capacity: c.capacity }));
  return clinic;
}

async function changesOf(db: Db, ids?: string[]): Promise<ChangeRow[]> {
  let q = db.selectFrom('clinic_capacity_changes').select(['clinic_id', 'from_date', 'to_date', 'capacity']);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('clinic_id', 'in', ids);
  }
  return q.orderBy('clinic_id').orderBy('ordinal').execute();
}

async function writeChanges(db: Db, clinic: Clinic): Promise<void> {
  await db.deleteFrom('clinic_capacity_changes').where('clinic_id', '=', clinic.id).execute();
  const changes = clinic.capacityChanges ?? [];
  if (changes.length === 0) return;
  await db
    .insertInto('clinic_capacity_changes')
    .values(changes.map((c, i) => ({ clinic_id: clinic.id, ordinal: i, from_date: c.from, to_date: c.to, capacity: c.capacity })))
    .execute();
}

export const clinicsRepo = {
  async list(db: Db): Promise<ClinicRecord[]> {
    const rows = await db.selectFrom('clinics').select(COLUMNS).orderBy('id').execute();
    const changes = await changesOf(db);
    return rows.map((r) => toRecord(r, changes));
  },

  async get(db: Db, id: string): Promise<ClinicRecord | null> {
    const row = await db.selectFrom('clinics').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row, await changesOf(db, [id])) : null;
  },

  async insert(db: Db, clinic: Clinic): Promise<ClinicRecord> {
    const row = await db
      .insertInto('clinics')
      .values({ id: clinic.id, name: clinic.name, specialty: clinic.specialty, capacity: clinic.capacity })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await writeChanges(db, clinic);
    return toRecord(row, await changesOf(db, [clinic.id]));
  },

  async upsert(db: Db, clinic: Clinic): Promise<ClinicRecord> {
    const values = { name: clinic.name, specialty: clinic.specialty, capacity: clinic.capacity };
    const row = await db
      .insertInto('clinics')
      .values({ id: clinic.id, ...values })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({ ...values, version: eb('clinics.version', '+', 1), updated_at: new Date() })),
      )
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await writeChanges(db, clinic);
    return toRecord(row, await changesOf(db, [clinic.id]));
  },

  async update(db: Db, clinic: Clinic, version: number): Promise<WriteResult<ClinicRecord>> {
    const row = await db
      .updateTable('clinics')
      .set((eb) => ({
        name: clinic.name,
        specialty: clinic.specialty,
        capacity: clinic.capacity,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', clinic.id)
      .where('version', '=', version)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row) return { ok: false, current: await clinicsRepo.get(db, clinic.id) };
    await writeChanges(db, clinic);
    return { ok: true, row: toRecord(row, await changesOf(db, [clinic.id])) };
  },

  async remove(db: Db, id: string, version: number): Promise<WriteResult<ClinicRecord>> {
    const before = await clinicsRepo.get(db, id);
    const row = await db.deleteFrom('clinics').where('id', '=', id).where('version', '=', version).returning(COLUMNS).executeTakeFirst();
    if (row && before) return { ok: true, row: before };
    return { ok: false, current: before };
  },

  async removeAll(db: Db): Promise<void> {
    await db.deleteFrom('clinics').execute();
  },
};
