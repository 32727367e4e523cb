/** Primary-care units (vårdcentraler) and how many of their trainees may be away at once, over time (a base limit plus dated changes). */
import type { Unit } from '../../solver/domain/schemas.ts';
import type { Db, Versioned, WriteResult } from './common.ts';

export type UnitRecord = Versioned<Unit>;

type Row = { id: string; name: string; max_away: number; version: number };
type ChangeRow = { unit_id: string; from_date: string; to_date: string; max_away: number };
const COLUMNS = ['id', 'name', 'max_away', 'version'] as const;

function toRecord(r: Row, changes: ChangeRow[]): UnitRecord {
  const unit: UnitRecord = { id: r.id, name: r.name, maxAway: r.max_away, version: r.version };
  const mine = changes.filter((c) => c.unit_id === r.id);
  if (mine.length > 0) unit.maxAwayChanges = mine.map((c) => ({ from: c.from_date, to: c.to_date, maxAway: c.max_away }));
  return unit;
}

async function changesOf(db: Db, ids?: string[]): Promise<ChangeRow[]> {
  let q = db.selectFrom('unit_away_changes').select(['unit_id', 'from_date', 'to_date', 'max_away']);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('unit_id', 'in', ids);
  }
  return q.orderBy('unit_id').orderBy('ordinal').execute();
}

async function writeChanges(db: Db, unit: Unit): Promise<void> {
  await db.deleteFrom('unit_away_changes').where('unit_id', '=', unit.id).execute();
  const changes = unit.maxAwayChanges ?? [];
  if (changes.length === 0) return;
  await db
    .insertInto('unit_away_changes')
    .values(changes.map((c, i) => ({ unit_id: unit.id, ordinal: i, from_date: c.from, to_date: c.to, max_away: c.maxAway })))
    .execute();
}

export const unitsRepo = {
  async list(db: Db): Promise<UnitRecord[]> {
    const rows = await db.selectFrom('units').select(COLUMNS).orderBy('id').execute();
    const changes = await changesOf(db);
    return rows.map((r) => toRecord(r, changes));
  },

  async get(db: Db, id: string): Promise<UnitRecord | null> {
    const row = await db.selectFrom('units').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row, await changesOf(db, [id])) : null;
  },

  async insert(db: Db, unit: Unit): Promise<UnitRecord> {
    const row = await db
      .insertInto('units')
      .values({ id: unit.id, name: unit.name, max_away: unit.maxAway })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await writeChanges(db, unit);
    return toRecord(row, await changesOf(db, [unit.id]));
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
    await writeChanges(db, unit);
    return toRecord(row, await changesOf(db, [unit.id]));
  },

  async update(db: Db, unit: Unit, version: number): Promise<WriteResult<UnitRecord>> {
    const row = await db
      .updateTable('units')
      .set((eb) => ({ name: unit.name, max_away: unit.maxAway, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', unit.id)
      .where('version', '=', version)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row) return { ok: false, current: await unitsRepo.get(db, unit.id) };
    await writeChanges(db, unit);
    return { ok: true, row: toRecord(row, await changesOf(db, [unit.id])) };
  },

  async remove(db: Db, id: string, version: number): Promise<WriteResult<UnitRecord>> {
    const before = await unitsRepo.get(db, id);
    const row = await db.deleteFrom('units').where('id', '=', id).where('version', '=', version).returning(COLUMNS).executeTakeFirst();
    if (row && before) return { ok: true, row: before };
    return { ok: false, current: before };
  },

  async removeAll(db: Db): Promise<void> {
    await db.deleteFrom('units').execute();
  },
};
