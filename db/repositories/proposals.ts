/** A trainee's proposed placements and where they stand: draft → submitted → approved | returned. */
import type { Placement } from '../../solver/domain/schemas.ts';
import { iso, json, parsed, type Db, type WriteResult } from './common.ts';

export type ProposalStatus = 'draft' | 'submitted' | 'approved' | 'returned' | 'superseded';

export interface ProposalRecord {
  id: number;
  trainee: string;
  status: ProposalStatus;
  placements: Placement[];
  comment: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = ['id', 'trainee_id', 'status', 'placements', 'comment', 'created_by', 'version', 'created_at', 'updated_at'] as const;

type Row = {
  id: number;
  trainee_id: string;
  status: string;
  placements: unknown;
  comment: string | null;
  created_by: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
};

function toRecord(r: Row): ProposalRecord {
  return {
    id: r.id,
    trainee: r.trainee_id,
    status: r.status as ProposalStatus,
    placements: parsed<Placement[]>(r.placements),
    comment: r.comment,
    createdBy: r.created_by,
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

export const proposalsRepo = {
  async list(db: Db, filter?: { trainees?: string[]; status?: ProposalStatus }): Promise<ProposalRecord[]> {
    let q = db.selectFrom('proposals').select(COLUMNS);
    if (filter?.trainees) {
      if (filter.trainees.length === 0) return [];
      q = q.where('trainee_id', 'in', filter.trainees);
    }
    if (filter?.status) q = q.where('status', '=', filter.status);
    return (await q.orderBy('id').execute()).map(toRecord);
  },

  async get(db: Db, id: number): Promise<ProposalRecord | null> {
    const row = await db.selectFrom('proposals').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  },

  async insert(db: Db, p: { trainee: string; placements: Placement[]; status?: ProposalStatus; createdBy: string | null }): Promise<ProposalRecord> {
    const row = await db
      .insertInto('proposals')
      .values({ trainee_id: p.trainee, status: p.status ?? 'draft', placements: json(p.placements), created_by: p.createdBy })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  },

  /** A versioned change of placements, status and/or comment. */
  async update(
    db: Db,
    id: number,
    version: number,
    change: { placements?: Placement[]; status?: ProposalStatus; comment?: string | null },
  ): Promise<WriteResult<ProposalRecord>> {
    const row = await db
      .updateTable('proposals')
      .set((eb) => ({
        ...(change.placements ? { placements: json(change.placements) } : {}),
        ...(change.status ? { status: change.status } : {}),
        ...(change.comment !== undefined ? { comment: change.comment } : {}),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (row) return { ok: true, row: toRecord(row) };
    return { ok: false, current: await proposalsRepo.get(db, id) };
  },

  /** Closes the trainee's other open proposals (draft, submitted, returned); returns them as they were before. */
  async supersedeOthers(db: Db, trainee: string, keep: number): Promise<ProposalRecord[]> {
    const open = await db
      .selectFrom('proposals')
      .select(COLUMNS)
      .where('trainee_id', '=', trainee)
      .where('id', '<>', keep)
      .where('status', 'in', ['draft', 'submitted', 'returned'])
      .orderBy('id')
      .execute();
    if (open.length === 0) return [];
    await db
      .updateTable('proposals')
      .set((eb) => ({ status: 'superseded', version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', 'in', open.map((r) => r.id))
      .execute();
    return open.map(toRecord);
  },

  async removeAll(db: Db): Promise<void> {
    await db.deleteFrom('proposals').execute();
  },
};
