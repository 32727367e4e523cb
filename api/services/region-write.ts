/**
 * A write that reads the region's data and writes on top of it: a catalogue change (the whole must
 * stay a valid scenario), an import, an approval or a publish (each builds the next published plan on
 * the current one). Under PostgreSQL's READ COMMITTED two such transactions would each read the state
 * before the other's change and both commit, losing one. So each starts by locking the region's row:
 * they take turns, and every statement after the lock sees what the one before committed. Reads take
 * no lock. (PGlite runs one transaction at a time anyway.)
 */
import type { Kysely, Transaction } from 'kysely';
import { regionRepo, type Database } from '../../db/index.ts';

export function regionWrite<T>(db: Kysely<Database>, write: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await regionRepo.lock(trx);
    return write(trx);
  });
}
