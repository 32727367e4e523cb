import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, traineesRepo, unitsRepo, type OpenedDatabase } from '../../db/index.ts';
import type { Trainee } from '../../solver/domain/schemas.ts';
import { DIALECTS, pgliteFromTemplate, type TestDatabase } from '../helpers/db.ts';

const FULL_TRAINEE: Trainee = {
  id: 't01',
  name: 'Anna Andersson',
  unit: 'vc-a',
  start: '2027-02-01',
  regulation: '2021:8',
  employment: [
    { from: '2027-02-01', rate: 1 },
    { from: '2029-01-01', rate: 0.8 },
  ],
  leave: [{ from: '2028-03-01', to: '2028-08-31', kind: 'parental' }],
  creditMonths: 2.5,
  rotations: [{ specialty: 'psykiatri', months: [2, 3], bt: true }],
  locked: [{ kind: 'rotation', specialty: 'pediatrik', clinic: 'barn', from: '2028-09-01', to: '2028-11-30' }],
  wishes: [{ specialty: 'psykiatri', from: '2029-01-01', to: '2029-06-30', weight: 1 }],
  plannedEnd: '2033-01-31',
  btDone: false,
};

describe.each(DIALECTS)('database on $name', (dialect) => {
  let t: TestDatabase;
  let db: OpenedDatabase['db'];
  beforeAll(async () => {
    t = await dialect.create();
    db = t.opened.db;
    expect(t.opened.kind).toBe(dialect.name);
  });
  afterAll(async () => t?.drop());

  it('reads a trainee back exactly as written, optional fields and all', async () => {
    await unitsRepo.insert(db, { id: 'vc-a', name: 'VC A', maxAway: 1 });
    await traineesRepo.insert(db, FULL_TRAINEE);
    await traineesRepo.insert(db, { id: 't02', name: 'Bo', unit: 'vc-a', start: '2027-03-01', regulation: '2015:8' });
    const { version, ...back } = (await traineesRepo.get(db, 't01'))!;
    expect(version).toBe(1);
    expect(back).toEqual(FULL_TRAINEE);
    const { version: _v, ...bare } = (await traineesRepo.get(db, 't02'))!;
    expect(bare).toEqual({ id: 't02', name: 'Bo', unit: 'vc-a', start: '2027-03-01', regulation: '2015:8' });
  });

  it('refuses a write with a stale version and hands back the current row', async () => {
    const first = await unitsRepo.update(db, { id: 'vc-a', name: 'VC A2', maxAway: 2 }, 1);
    expect(first.ok).toBe(true);
    const stale = await unitsRepo.update(db, { id: 'vc-a', name: 'VC lost', maxAway: 3 }, 1);
    expect(stale).toEqual({ ok: false, current: { id: 'vc-a', name: 'VC A2', maxAway: 2, version: 2 } });
  });

  it('keeps a transaction private: an outside query neither sees its rows nor is rolled back with it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const started = new Promise<void>((r) => (inside = r));
    const tx = db
      .transaction()
      .execute(async (trx) => {
        await unitsRepo.insert(trx, { id: 'vc-tx', name: 'In transaction', maxAway: 1 });
        inside();
        await held;
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await started;
    // Outside the transaction, while it is open: must not see (or join) it.
    const outside = (async () => {
      await unitsRepo.insert(db, { id: 'vc-out', name: 'Outside', maxAway: 1 });
      return (await unitsRepo.list(db)).map((u) => u.id);
    })();
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect(await tx).toBe('roll back');
    const seen = await outside;
    expect(seen).toContain('vc-out');
    expect(seen).not.toContain('vc-tx');
    // The outside insert survived the rollback; the transaction's did not.
    const after = (await unitsRepo.list(db)).map((u) => u.id);
    expect(after).toContain('vc-out');
    expect(after).not.toContain('vc-tx');
  });

  it('claims each queued solve job once, even when asked concurrently', async () => {
    const { solveJobsRepo } = await import('../../db/index.ts');
    for (let i = 0; i < 3; i++) await solveJobsRepo.create(db, { timeLimitSeconds: 1, createdBy: null });
    const claims = await Promise.all([1, 2, 3, 4, 5].map((i) => solveJobsRepo.claim(db, `w${i}`)));
    const ids = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('runs migrations idempotently', async () => {
    const { migrateToLatest } = await import('../../db/index.ts');
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(db)).rows[0]!.n;
    const before = await count();
    await migrateToLatest(db);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await count()).toBe(before);
  });
});

describe('PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'randplan-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the data across a close and reopen', async () => {
    const first = await openDatabase({ pglite: await pgliteFromTemplate(dir) });
    await unitsRepo.insert(first.db, { id: 'vc-keep', name: 'Kept', maxAway: 1 });
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    expect((await unitsRepo.get(again.db, 'vc-keep'))?.name).toBe('Kept');
    await again.close();
  });
});
