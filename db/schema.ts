/**
 * The tables as kysely sees them. Only db/repositories use these row types; everything above the
 * repositories speaks the domain types of solver/domain/schemas.ts.
 * jsonb columns are written as JSON text (node-postgres would turn a JS array into a PostgreSQL array).
 */
import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
type Timestamp = ColumnType<Date | string, Date | string | undefined, Date | string>;

export interface RegionTable {
  id: Generated<number>;
  name: string;
  profile: string;
  rules: Json<Record<string, Record<string, unknown>>>;
  horizon_from: string;
  horizon_to: string;
  plan_from: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface UnitTable {
  id: string;
  name: string;
  max_away: number;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ClinicTable {
  id: string;
  name: string;
  specialty: string;
  capacity: number;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CapacityChangeTable {
  clinic_id: string;
  ordinal: number;
  from_date: string;
  to_date: string;
  capacity: number;
}

export interface UnitAwayChangeTable {
  unit_id: string;
  ordinal: number;
  from_date: string;
  to_date: string;
  max_away: number;
}

export interface TraineeTable {
  id: string;
  name: string;
  unit_id: string;
  start_date: string;
  regulation: string;
  employment: NullableJson<unknown[]>;
  leave: NullableJson<unknown[]>;
  credit_months: number | null;
  rotations: NullableJson<unknown[]>;
  locked: NullableJson<unknown[]>;
  wishes: NullableJson<unknown[]>;
  planned_end: string | null;
  bt_done: boolean | null;
  latest_end: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  units: Json<string[]>;
  trainees: Json<string[]>;
  password_hash: string;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Date | string;
  last_seen_at: Timestamp;
}

export interface PlanTable {
  id: Generated<number>;
  status: string;
  note: Generated<string>;
  scenario_name: string | null;
  report: NullableJson<unknown>;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Date | string | null;
  version: Generated<number>;
  /** The version number among published plans; null for a draft. */
  number: number | null;
  published_by: string | null;
  reason: string | null;
}

export interface PlacementTable {
  id: Generated<number>;
  plan_id: number;
  ordinal: number;
  trainee_id: string;
  kind: string;
  specialty: string | null;
  clinic_id: string | null;
  course: string | null;
  milestone: string | null;
  from_date: string;
  to_date: string;
  locked: Generated<boolean>;
}

export interface ProposalTable {
  id: Generated<number>;
  trainee_id: string;
  status: string;
  placements: Json<unknown[]>;
  comment: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SolveJobTable {
  id: Generated<number>;
  status: string;
  time_limit_seconds: number | null;
  created_by: string | null;
  created_at: Timestamp;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  claimed_by: string | null;
  heartbeat_at: Date | string | null;
  cancel_requested: Generated<boolean>;
  progress: NullableJson<unknown>;
  result_plan_id: number | null;
  report: NullableJson<unknown>;
  moved: NullableJson<unknown>;
  error: string | null;
  release: NullableJson<unknown>;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  user_email: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: NullableJson<unknown>;
  after: NullableJson<unknown>;
}

export interface Database {
  region: RegionTable;
  units: UnitTable;
  clinics: ClinicTable;
  clinic_capacity_changes: CapacityChangeTable;
  unit_away_changes: UnitAwayChangeTable;
  trainees: TraineeTable;
  users: UserTable;
  sessions: SessionTable;
  plans: PlanTable;
  placements: PlacementTable;
  proposals: ProposalTable;
  solve_jobs: SolveJobTable;
  audit_log: AuditTable;
}
