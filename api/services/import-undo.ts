/**
 * Undoing the last import of a list, for a file imported by mistake. The audit entry of each import
 * keeps what the undo needs (imports.ts, history-import.ts): trainees or clinics it added are removed,
 * rows it overwrote get their earlier values back; a placements sheet's plan version is followed by a
 * new version with the placements of the one before, and the trainees' locked lists are restored.
 * One step only, and only while nothing the import wrote has changed since (409 names what did):
 * the undo never throws away someone's later work. A scenario import replaces everything and is
 * not undone (its audit entry ends the chain).
 */
import type { Kysely } from 'kysely';
import { auditRepo, clinicsRepo, plansRepo, traineesRepo, type Database, type Db } from '../../db/index.ts';
import type { Clinic, Placement, Trainee } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Actor } from './access.ts';
import { audit } from './audit.ts';
import type { LastImport } from '../schemas/region.ts';
import type { HistoryUndo } from './history-import.ts';
import type { ListUndo } from './imports.ts';
import { plainPlan, publishWithout } from './plans.ts';
import { regionWrite } from './region-write.ts';
import { assertScenarioValid } from './scenario.ts';

const UNDOABLE = ['trainees', 'clinics', 'placements'] as const;
type Undoable = (typeof UNDOABLE)[number];


interface AfterList {
  ids: string[];
  versions: Record<string, number>;
}
interface AfterPlacements {
  plan: number;
  placements: number;
  trainees: string[];
}

/** The import an undo would take back, or null (none, already undone, or a scenario import since). */
async function lastEntry(db: Db) {
  const e = await auditRepo.latest(db, ['import', 'undo-import']);
  if (!e || e.action !== 'import' || !(UNDOABLE as readonly string[]).includes(e.entity)) return null;
  return { ...e, entity: e.entity as Undoable };
}

export async function lastImport(db: Db): Promise<LastImport | null> {
  const e = await lastEntry(db);
  if (!e) return null;
  const count = e.entity === 'placements' ? (e.after as AfterPlacements).placements : (e.after as AfterList).ids.length;
  return { entity: e.entity, at: e.at, user: e.user, count };
}

const nothing = () => badRequest('Ingen import att ångra / No import to undo', ['import: ingen import av ST-läkare, kliniker eller placeringar sedan den senaste ångringen']);
const changedSince = (what: string) => conflict(null, `${what} har ändrats sedan importen; ångra för hand / ${what} changed since the import; undo by hand`);

async function assertUnchanged(rows: { id: string; version: number }[], versions: Record<string, number>, label: string) {
  const now = new Map(rows.map((r) => [r.id, r.version]));
  for (const [id, v] of Object.entries(versions)) if (now.get(id) !== v) throw changedSince(`${label} ${id}`);
}

export async function undoLastImport(db: Kysely<Database>, actor: Actor): Promise<LastImport> {
  return regionWrite(db, async (trx) => {
    const e = await lastEntry(trx);
    if (!e) throw nothing();
    const summary = (await lastImport(trx))!;
    if (e.entity === 'trainees') {
      const after = e.after as AfterList;
      const before = e.before as ListUndo<Trainee>;
      await assertUnchanged(await traineesRepo.list(trx, { ids: after.ids }), after.versions, 'ST-läkaren');
      for (const id of before.created) {
        // A new trainee a solve has placed since takes their placements out of the plan, as deleting one does.
        await publishWithout(trx, actor, id);
        const row = await traineesRepo.get(trx, id);
        if (row) await traineesRepo.remove(trx, id, row.version);
      }
      if (before.updated.length) await traineesRepo.upsertMany(trx, before.updated);
    } else if (e.entity === 'clinics') {
      const after = e.after as AfterList;
      const before = e.before as ListUndo<Clinic>;
      await assertUnchanged((await clinicsRepo.list(trx)).filter((c) => after.ids.includes(c.id)), after.versions, 'Kliniken');
      const published = await plansRepo.published(trx);
      for (const id of before.created) {
        if (published?.plan.placements.some((p) => p.clinic === id)) throw changedSince(`Kliniken ${id} (används i planen)`);
        const row = await clinicsRepo.get(trx, id);
        if (row) await clinicsRepo.remove(trx, id, row.version);
      }
      for (const c of before.updated) await clinicsRepo.upsert(trx, c);
    } else {
      await undoPlacements(trx, actor, e.before as HistoryUndo, e.after as AfterPlacements);
    }
    await assertScenarioValid(trx);
    await audit(trx, actor, 'undo-import', e.entity, null, e.after, { undid: e.id });
    return summary;
  });
}

async function undoPlacements(trx: Db, actor: Actor, before: HistoryUndo, after: AfterPlacements): Promise<void> {
  const published = await plansRepo.published(trx);
  if (published?.id !== after.plan) throw changedSince('Den publicerade planen');
  const trainees = await traineesRepo.list(trx, { ids: Object.keys(before.locked) });
  for (const t of trainees) {
    const { version, ...rest } = t;
    const locked: Placement[] = before.locked[t.id] ?? [];
    const r = await traineesRepo.update(trx, { ...rest, locked }, version);
    if (!r.ok) throw changedSince(`ST-läkaren ${t.id}`);
  }
  const earlier = before.plan === null ? null : await plansRepo.get(trx, before.plan);
  const plan = earlier?.plan ?? { ...published.plan, placements: [] };
  const scenario = await assertScenarioValid(trx);
  const created = await plansRepo.create(trx, {
    status: 'published',
    note: `Import av historik ångrad / History import undone`,
    plan,
    report: validate(scenario, plainPlan(plan)),
    createdBy: actor.email,
  });
  await audit(trx, actor, 'publish', 'plan', created.id, { id: published.id, number: published.number }, { id: created.id, number: created.number, undoneImport: true });
}
