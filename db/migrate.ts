/** Brings a database to the latest schema. The migrations are listed here, in order, by name. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001_initial.ts';
import * as jobHeartbeat from './migrations/0002_job_heartbeat.ts';
import * as sessionLastSeen from './migrations/0003_session_last_seen.ts';
import * as planningDay from './migrations/0004_planning_day.ts';
import * as planVersions from './migrations/0005_plan_versions.ts';
import * as solveRelease from './migrations/0006_solve_release.ts';
import * as unitAwayChanges from './migrations/0007_unit_away_changes.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_job_heartbeat': jobHeartbeat,
  '0003_session_last_seen': sessionLastSeen,
  '0004_planning_day': planningDay,
  '0005_plan_versions': planVersions,
  '0006_solve_release': solveRelease,
  '0007_unit_away_changes': unitAwayChanges,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
