/** Primary-care units (vårdcentraler) and how many of their trainees may be away at once. */
import type { Unit } from '../../solver/domain/schemas.ts';
import type { Db, Versioned, WriteResult } from './common.ts';

export type UnitRecord = Versioned<Unit>;

type Row = { id: string; name: string; max_away: number; version: number };
const COLUMNS = ['id', 'name', 'max_away', 'version'] as const;

function toRecord(r: Row): UnitRecord {
  return { id: r.id, name: r.name, maxAway: r.max_away, version: r.version };
}

export const unitsRepo = {
  async list(db: Db): Promise<UnitRecord[]> {
    return (await db.selectFrom('units').select(COLUMNS).orderBy('id').execute()).map(toRecord);
  },

  async get(db: Db, id: string): Promise<UnitRecord | null> {
    const row = await db.selectFrom('units').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  },

  async insert(db: Db, unit: Unit): Promise<UnitRecord> {
    const row = await db
      .insertInto('units')
      .values({ id: unit.id, name: unit.name, max_away: unit.maxAway })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },

  /** Inserts or overwrites by id (imports); an overwrite bumps the version. */
  async upsert(db: Db, unit: Unit): Promise<UnitRecord> {
    const row = await db
      .insertInto('units')
      .values({ id: unit.id, name: unit.name, max_away: unit.maxAway })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: unit.name,
          max_away: unit.maxAway,
          version: eb('units.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },

  async update(db: Db, unit: Unit, version: number): Promise<WriteResult<UnitRecord>> {
    const row = await db
      .updateTable('units')
      .set((eb) => ({ name: unit.name, max_away: unit.maxAway, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', unit.id)
      .where('version', '=', version)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (row) return { ok: true, row: toRecord(row) };
    return { ok: false, current: await unitsRepo.get(db, unit.id) };
  },

  async remove(db: Db, id: string, version: number): Promise<WriteResult<UnitRecord>> {
    const row = await db.deleteFrom('units').where('id', '=', id).where('version', '=', version).returning(COLUMNS).executeTakeFirst();
    if (row) return { ok: true, row: toRecord(row) };
    return { ok: false, current: await unitsRepo.get(db, id) };
  },

  async removeAll(db: Db): Promise<void> {
    await db.deleteFrom('units').execute();
  },
};
