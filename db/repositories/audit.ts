/** The audit log: who changed what, when, from what to what. Append-only. */
import type { Selectable } from 'kysely';
import type { AuditTable } from '../schema.ts';
import { iso, jsonOrNull, parsed, type Db } from './common.ts';

export interface AuditEntry {
  at: string;
  user: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export const auditRepo = {
  async append(db: Db, e: Omit<AuditEntry, 'at'>): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        user_email: e.user,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        before: jsonOrNull(e.before),
        after: jsonOrNull(e.after),
      })
      .execute();
  },

  /** The newest entry with one of `actions` (imports and their undoing), with its row id. */
  async latest(db: Db, actions: string[]): Promise<(AuditEntry & { id: number }) | null> {
    const r = await db.selectFrom('audit_log').selectAll().where('action', 'in', actions).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? { id: r.id, ...entryOf(r) } : null;
  },

  async list(db: Db, opts: { limit: number; entity?: string }): Promise<AuditEntry[]> {
    let q = db.selectFrom('audit_log').selectAll();
    if (opts.entity) q = q.where('entity', '=', opts.entity);
    const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
    return rows.map(entryOf);
  },
};

function entryOf(r: Selectable<AuditTable>): AuditEntry {
  return {
    at: iso(r.at)!,
    user: r.user_email,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : parsed(r.before),
    after: r.after === null ? null : parsed(r.after),
  };
}
