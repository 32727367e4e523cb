/**
 * Editing the region's catalogue: the region itself, clinics, units and trainees. Every write runs in
 * one transaction that also re-reads the whole scenario through the format reader (so a change can
 * never leave the region invalid: unknown unit, bad dates …) and appends to the audit log.
 * Stale versions get 409 with the row as it is now.
 */
import type { Kysely } from 'kysely';
import {
  clinicsRepo,
  plansRepo,
  regionRepo,
  traineesRepo,
  unitsRepo,
  type ClinicRecord,
  type Database,
  type Db,
  type RegionData,
  type RegionRecord,
  type TraineeRecord,
  type UnitRecord,
  type WriteResult,
} from '../../db/index.ts';
import type { Clinic, Trainee, Unit } from '../../solver/domain/schemas.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { Actor } from './access.ts';
import { audit } from './audit.ts';
import { readScenario } from '../../solver/io/read.ts';
import { loadScenario } from './scenario.ts';

interface Repo<T extends { id: string }, R> {
  get(db: Db, id: string): Promise<R | null>;
  insert(db: Db, row: T): Promise<R>;
  update(db: Db, row: T, version: number): Promise<WriteResult<R>>;
  remove(db: Db, id: string, version: number): Promise<WriteResult<R>>;
}

function written<R>(result: WriteResult<R>, what: string): R {
  if (result.ok) return result.row;
  if (result.current === null) throw notFound(what);
  throw conflict(result.current);
}

type ListKey = 'clinics' | 'units' | 'trainees';

/**
 * Reads the region's scenario with the change applied (`row` replacing or adding the row with `id`,
 * or removing it when null) through the format reader, before anything is written.
 */
async function assertChangeValid(db: Db, list: ListKey, id: string, row: { id: string } | null): Promise<void> {
  const scenario = await loadScenario(db);
  const rows = (scenario[list] as { id: string }[]).filter((x) => x.id !== id);
  if (row) {
    const at = (scenario[list] as { id: string }[]).findIndex((x) => x.id === id);
    rows.splice(at < 0 ? rows.length : at, 0, row);
  }
  const read = readScenario({ ...scenario, [list]: rows });
  if (!read.ok) throw badRequest('Ändringen ger ett ogiltigt scenario; inget ändrades / The change makes the scenario invalid; nothing changed', read.errors);
}

function makeCrud<T extends { id: string }, R extends { version: number }>(
  entity: string,
  list: ListKey,
  label: string,
  repo: Repo<T, R>,
  beforeRemove?: (db: Db, id: string) => Promise<void>,
) {
  return {
    async create(db: Kysely<Database>, actor: Actor, row: T): Promise<R> {
      return db.transaction().execute(async (trx) => {
        const existing = await repo.get(trx, row.id);
        if (existing) throw conflict(existing, `${label} ${row.id} finns redan / already exists`);
        await assertChangeValid(trx, list, row.id, row);
        const created = await repo.insert(trx, row);
        await audit(trx, actor, 'create', entity, row.id, null, created);
        return created;
      });
    },
    async update(db: Kysely<Database>, actor: Actor, id: string, body: Omit<T, 'id'> & { id?: string; version: number }): Promise<R> {
      if (body.id !== undefined && body.id !== id) throw badRequest('id kan inte ändras / id cannot change', [`id: must be "${id}"`]);
      const { version, ...rest } = body;
      return db.transaction().execute(async (trx) => {
        const before = await repo.get(trx, id);
        if (!before) throw notFound(`${label} ${id}`);
        if (before.version !== version) throw conflict(before);
        await assertChangeValid(trx, list, id, { ...rest, id });
        const row = written(await repo.update(trx, { ...rest, id } as unknown as T, version), `${label} ${id}`);
        await audit(trx, actor, 'update', entity, id, before, row);
        return row;
      });
    },
    async remove(db: Kysely<Database>, actor: Actor, id: string, version: number): Promise<R> {
      return db.transaction().execute(async (trx) => {
        const before = await repo.get(trx, id);
        if (!before) throw notFound(`${label} ${id}`);
        if (before.version !== version) throw conflict(before);
        if (beforeRemove) await beforeRemove(trx, id);
        await assertChangeValid(trx, list, id, null);
        const row = written(await repo.remove(trx, id, version), `${label} ${id}`);
        await audit(trx, actor, 'delete', entity, id, row, null);
        return row;
      });
    },
  };
}

export const clinics = makeCrud<Clinic, ClinicRecord>('clinic', 'clinics', 'Kliniken', clinicsRepo, async (db, id) => {
  const published = await plansRepo.published(db);
  if (published?.plan.placements.some((p) => p.clinic === id))
    throw badRequest('Kliniken används i den publicerade planen / The clinic is used by the published plan', [`id: ${id} is in use`]);
});

export const units = makeCrud<Unit, UnitRecord>('unit', 'units', 'Enheten', unitsRepo, async (db, id) => {
  const n = await traineesRepo.countInUnit(db, id);
  if (n > 0) throw badRequest(`Enheten har ${n} ST-läkare / The unit has ${n} trainees`, [`id: ${id} has trainees`]);
});

export const trainees = makeCrud<Trainee, TraineeRecord>('trainee', 'trainees', 'ST-läkaren', traineesRepo);

export async function updateRegion(db: Kysely<Database>, actor: Actor, data: RegionData, version: number): Promise<RegionRecord> {
  return db.transaction().execute(async (trx) => {
    const before = await regionRepo.get(trx);
    if (!before) throw notFound('Regionen');
    if (before.version !== version) throw conflict(before);
    const scenario = await loadScenario(trx);
    const { planFrom: _was, ...rest } = scenario;
    const read = readScenario({ ...rest, name: data.name, profile: data.profile, rules: data.rules, horizon: data.horizon, ...(data.planFrom ? { planFrom: data.planFrom } : {}) });
    if (!read.ok) throw badRequest('Ändringen ger ett ogiltigt scenario; inget ändrades / The change makes the scenario invalid; nothing changed', read.errors);
    const row = written(await regionRepo.update(trx, data, version), 'Regionen');
    await audit(trx, actor, 'update', 'region', null, before, row);
    return row;
  });
}
