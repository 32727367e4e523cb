/** The region: its name, rule profile, rule overrides and planning horizon (one row). */
import type { ProfileId, RuleOverrides } from '../../solver/domain/schemas.ts';
import { sql } from 'kysely';
import { json, parsed, type Db, type Versioned, type WriteResult } from './common.ts';

export interface RegionData {
  name: string;
  profile: ProfileId;
  rules: RuleOverrides;
  horizon: { from: string; to: string };
  /** The planning day the studierektor chose; absent: today. */
  planFrom?: string;
}

export type RegionRecord = Versioned<RegionData>;

type Row = { name: string; profile: string; rules: unknown; horizon_from: string; horizon_to: string; plan_from: string | null; version: number };

function toRecord(r: Row): RegionRecord {
  return {
    name: r.name,
    profile: r.profile as ProfileId,
    rules: parsed<RuleOverrides>(r.rules),
    horizon: { from: r.horizon_from, to: r.horizon_to },
    ...(r.plan_from !== null ? { planFrom: r.plan_from } : {}),
    version: r.version,
  };
}

const COLUMNS = ['name', 'profile', 'rules', 'horizon_from', 'horizon_to', 'plan_from', 'version'] as const;

export const regionRepo = {
  /**
   * Locks the region's row until the transaction ends: the one lock that writes which read the
   * region's data and write on top of it take, so that they take turns (see api/services/region-write.ts).
   */
  async lock(db: Db): Promise<void> {
    await db.selectFrom('region').select('id').where('id', '=', 1).forUpdate().execute();
  },

  async get(db: Db): Promise<RegionRecord | null> {
    const row = await db.selectFrom('region').select(COLUMNS).where('id', '=', 1).executeTakeFirst();
    return row ? toRecord(row) : null;
  },

  /** Creates the region or replaces it whole (imports); bumps the version. */
  async put(db: Db, data: RegionData): Promise<RegionRecord> {
    const values = {
      name: data.name,
      profile: data.profile,
      rules: json(data.rules),
      horizon_from: data.horizon.from,
      horizon_to: data.horizon.to,
      plan_from: data.planFrom ?? null,
    };
    const row = await db
      .insertInto('region')
      .values({ id: 1, ...values })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({ ...values, version: eb('region.version', '+', 1), updated_at: new Date() })),
      )
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },

  async update(db: Db, data: RegionData, version: number): Promise<WriteResult<RegionRecord>> {
    const row = await db
      .updateTable('region')
      .set((eb) => ({
        name: data.name,
        profile: data.profile,
        rules: json(data.rules),
        horizon_from: data.horizon.from,
        horizon_to: data.horizon.to,
        plan_from: data.planFrom ?? null,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', 1)
      .where('version', '=', version)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (row) return { ok: true, row: toRecord(row) };
    return { ok: false, current: await regionRepo.get(db) };
  },
};

/**
 * A fingerprint of the region's data (region, units, clinics, trainees): it changes with every write,
 * so a report computed for a plan can be cached until the data it was computed on changes.
 */
export async function dataStamp(db: Db): Promise<string> {
  const part = (table: 'units' | 'clinics' | 'trainees') =>
    sql<string>`(select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') from ${sql.table(table)})`;
  const r = await sql<{ stamp: string }>`select coalesce((select version || ':' || updated_at::text from region where id = 1), '') || '|' || ${part('units')} || '|' || ${part('clinics')} || '|' || ${part('trainees')} || '|' || (select count(*) from clinic_capacity_changes) || '|' || (select count(*) from unit_away_changes) as stamp`.execute(db);
  return r.rows[0]?.stamp ?? '';
}
