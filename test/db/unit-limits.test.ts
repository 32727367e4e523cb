/** A unit's away limit over the calendar in the database: the periods round-trip in order, are replaced on write, go with the unit, and change the region's stamp. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataStamp, unitsRepo, type OpenedDatabase } from '../../db/index.ts';
import type { Unit } from '../../solver/domain/schemas.ts';
import { DIALECTS, type TestDatabase } from '../helpers/db.ts';

const SUMMER: Unit = {
  id: 'vc-a',
  name: 'VC A',
  maxAway: 1,
  maxAwayChanges: [
    { from: '2028-06-01', to: '2028-08-31', maxAway: 2 },
    { from: '2028-01-01', to: '2028-01-31', maxAway: 0 },
  ],
};

describe.each(DIALECTS)('unit limit changes on $name', (dialect) => {
  let t: TestDatabase;
  let db: OpenedDatabase['db'];
  beforeAll(async () => {
    t = await dialect.create();
    db = t.opened.db;
  });
  afterAll(async () => t?.drop());

  it('reads a unit back with its periods in the order written; a unit without any has none', async () => {
    const created = await unitsRepo.insert(db, SUMMER);
    expect(created).toEqual({ ...SUMMER, version: 1 });
    await unitsRepo.insert(db, { id: 'vc-b', name: 'VC B', maxAway: 2 });
    expect(await unitsRepo.list(db)).toEqual([
      { ...SUMMER, version: 1 },
      { id: 'vc-b', name: 'VC B', maxAway: 2, version: 1 },
    ]);
  });

  it('an update replaces the periods; a stale version writes nothing', async () => {
    const one = [{ from: '2029-06-01', to: '2029-08-31', maxAway: 3 }];
    const r = await unitsRepo.update(db, { ...SUMMER, maxAwayChanges: one }, 1);
    expect(r).toEqual({ ok: true, row: { ...SUMMER, maxAwayChanges: one, version: 2 } });
    const stale = await unitsRepo.update(db, { ...SUMMER, maxAwayChanges: [] }, 1);
    expect(stale.ok).toBe(false);
    expect((await unitsRepo.get(db, 'vc-a'))!.maxAwayChanges).toEqual(one);
    const none = await unitsRepo.update(db, { id: 'vc-a', name: 'VC A', maxAway: 1 }, 2);
    expect(none).toEqual({ ok: true, row: { id: 'vc-a', name: 'VC A', maxAway: 1, version: 3 } });
  });

  it('an upsert writes the periods it is given', async () => {
    const row = await unitsRepo.upsert(db, SUMMER);
    expect(row).toEqual({ ...SUMMER, version: 4 });
  });

  it('the region stamp changes with the periods', async () => {
    const before = await dataStamp(db);
    await unitsRepo.update(db, { ...SUMMER, maxAwayChanges: [...SUMMER.maxAwayChanges!, { from: '2030-01-01', to: '2030-01-31', maxAway: 0 }] }, 4);
    expect(await dataStamp(db)).not.toBe(before);
  });

  it('removing the unit removes its periods', async () => {
    const removed = await unitsRepo.remove(db, 'vc-a', 5);
    expect(removed.ok && removed.row.maxAwayChanges).toHaveLength(3);
    const left = await db.selectFrom('unit_away_changes').selectAll().execute();
    expect(left).toEqual([]);
  });
});
