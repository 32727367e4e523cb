/** Writes an audit entry for a change, inside the change's own transaction. */
import { auditRepo, type Db } from '../../db/index.ts';
import { actorName, type Actor } from './access.ts';

export async function audit(
  db: Db,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await auditRepo.append(db, {
    user: actorName(actor),
    action,
    entity,
    entityId: entityId === null ? null : String(entityId),
    before: before ?? null,
    after: after ?? null,
  });
}
