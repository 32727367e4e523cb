/** The database layer's public face: open a database, and the repositories that hold all the SQL. */
export { openDatabase, type OpenedDatabase, type OpenDatabaseOptions, type DatabaseKind } from './open.ts';
export { migrateToLatest } from './migrate.ts';
export { SerialisingPGliteDialect } from './pglite-dialect.ts';
export type { Database } from './schema.ts';
export type { Db, Versioned, WriteResult } from './repositories/common.ts';
export { regionRepo, dataStamp, type RegionData, type RegionRecord } from './repositories/region.ts';
export { unitsRepo, type UnitRecord } from './repositories/units.ts';
export { clinicsRepo, type ClinicRecord } from './repositories/clinics.ts';
export { traineesRepo, type TraineeRecord } from './repositories/trainees.ts';
export { plansRepo, type PlanRecord, type PlanSummary, type PlanStatus, type StoredPlacement, type StoredPlan, type NewPlan } from './repositories/plans.ts';
export { proposalsRepo, type ProposalRecord, type ProposalStatus } from './repositories/proposals.ts';
export { usersRepo, sessionsRepo, ROLES, type Role, type UserRecord, type NewUser } from './repositories/users.ts';
export { solveJobsRepo, type JobRecord, type JobStatus, type JobProgress, type RunSummary } from './repositories/solve-jobs.ts';
export { auditRepo, type AuditEntry } from './repositories/audit.ts';
