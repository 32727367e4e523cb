/**
 * The HTTP API as the web sees it. Every request and response type comes from the API's own TypeBox
 * schemas (api/schemas, which take the domain documents from solver/domain/schemas.ts); these are
 * type-only imports, so no TypeBox code enters the bundle. Nothing here redeclares a shape by hand.
 */
import type {
  Acknowledgement,
  AgreedPlacements,
  ClinicRow,
  Completed,
  DraftListing,
  ErrorBody,
  Impact,
  ImportCounts,
  JobCreated,
  LastImportBody,
  UndoneImport,
  LocksReleased,
  Occupancy,
  Ok,
  Placement,
  Plan,
  PlanCompare,
  PlanDetail,
  PlanDiff,
  PlanSummary,
  Proposal,
  PublishBody,
  PublishCheck,
  Report,
  SolveJob,
  SolveRun,
  TraineeRow,
  UnitRow,
  UserResponse,
} from '../../../api/schemas/index.ts';
import type { PlanPlacement, Scenario, Trainee } from '../../../solver/domain/schemas.ts';

export type {
  Acknowledgement,
  AgreedPlacements,
  ClinicRow,
  DraftListing,
  ErrorBody,
  Impact,
  JobStatus,
  PlanCompare,
  PlanDetail,
  PlanDiff,
  PlanSummary,
  Proposal,
  Occupancy,
  ProposalStatus,
  PublishCheck,
  RoleId,
  SolveJob,
  SolveProgress,
  SolveRun,
  TraineeRow,
  UnitRow,
  User,
} from '../../../api/schemas/index.ts';

/** Plan versions, proposals and solve jobs have integer ids on the server (catalogue rows have string ids). */
export type PlanId = PlanSummary['id'];
export type ProposalId = Proposal['id'];
export type SolveJobId = SolveJob['id'];

/** An HTTP error with the API's body; `details` carries the row/field errors of an import. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message || body.error || `HTTP ${status}`);
  }
}

async function request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    if (contentType) {
      headers['content-type'] = contentType;
      payload = body as BodyInit;
    } else {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { error: 'bad-response', message: text.slice(0, 200) };
    }
  }
  if (!res.ok) {
    const err = (data ?? {}) as Partial<ErrorBody>;
    throw new ApiError(res.status, { error: err.error ?? String(res.status), message: err.message ?? res.statusText, ...err });
  }
  return data as T;
}

const seg = (id: string | number) => encodeURIComponent(String(id));

export const api = {
  me: () => request<UserResponse>('GET', '/api/auth/me'),
  login: (email: string, password: string) => request<UserResponse>('POST', '/api/auth/login', { email, password }),
  logout: () => request<Ok>('POST', '/api/auth/logout', {}),
  scenario: () => request<Scenario>('GET', '/api/scenario'),
  published: () => request<PlanDetail>('GET', '/api/plans/published'),
  plans: () => request<PlanSummary[]>('GET', '/api/plans'),
  plan: (id: PlanId) => request<PlanDetail>('GET', `/api/plans/${seg(id)}`),
  publishCheck: (id: PlanId) => request<PublishCheck>('GET', `/api/plans/${seg(id)}/check`),
  publish: (id: PlanId, body: PublishBody = {}) => request<PlanDetail>('POST', `/api/plans/${seg(id)}/publish`, body),
  rollback: (id: PlanId, body: PublishBody = {}) => request<PlanDetail>('POST', `/api/plans/${seg(id)}/rollback`, body),
  releaseLocks: (trainee: string, reason: string, placement?: Placement) =>
    request<LocksReleased>('POST', '/api/locks/release', { trainee, reason, ...(placement ? { placement } : {}) }),
  diff: (from: PlanId, to: PlanId) => request<PlanDiff>('GET', `/api/plans/diff?from=${seg(from)}&to=${seg(to)}`),
  compare: (from: PlanId, to: PlanId) => request<PlanCompare>('GET', `/api/plans/compare?from=${seg(from)}&to=${seg(to)}`),
  validate: (plan: Plan) => request<Report>('POST', '/api/validate', { plan }),
  occupancy: () => request<Occupancy>('GET', '/api/occupancy'),

  proposals: () => request<Proposal[]>('GET', '/api/proposals'),
  createProposal: (trainee: string, placements: Placement[]) =>
    request<Proposal>('POST', '/api/proposals', { trainee, placements }),
  saveProposal: (id: ProposalId, placements: Placement[], version: number) =>
    request<Proposal>('PUT', `/api/proposals/${seg(id)}`, { placements, version }),
  validateProposal: (id: ProposalId) => request<Report>('POST', `/api/proposals/${seg(id)}/validate`, {}),
  completeProposal: (id: ProposalId) => request<Completed>('POST', `/api/proposals/${seg(id)}/complete`, {}),
  submitProposal: (id: ProposalId, version?: number) => request<Proposal>('POST', `/api/proposals/${seg(id)}/submit`, { version }),
  approveProposal: (id: ProposalId, version?: number, acknowledge?: Acknowledgement) =>
    request<Proposal>('POST', `/api/proposals/${seg(id)}/approve`, { version, ...(acknowledge ? { acknowledge } : {}) }),
  returnProposal: (id: ProposalId, comment: string, version?: number) =>
    request<Proposal>('POST', `/api/proposals/${seg(id)}/return`, { comment, version }),
  impact: (id: ProposalId) => request<Impact>('GET', `/api/proposals/${seg(id)}/impact`),

  /** Starts a solve; `release` are agreed placements (from `agreed`) it may move. */
  startSolve: (timeLimitSeconds: number, release: PlanPlacement[] = []) =>
    request<JobCreated>('POST', '/api/solve-jobs', release.length > 0 ? { timeLimitSeconds, release } : { timeLimitSeconds }),
  agreed: () => request<AgreedPlacements>('GET', '/api/solve-jobs/agreed'),
  solveJob: (id: SolveJobId) => request<SolveJob>('GET', `/api/solve-jobs/${seg(id)}`),
  solveRuns: () => request<SolveRun[]>('GET', '/api/solve-jobs'),
  cancelSolve: (id: SolveJobId) => request<SolveJob>('DELETE', `/api/solve-jobs/${seg(id)}`),

  clinics: () => request<ClinicRow[]>('GET', '/api/clinics'),
  saveClinic: (c: ClinicRow) => request<ClinicRow>('PUT', `/api/clinics/${seg(c.id)}`, c),
  units: () => request<UnitRow[]>('GET', '/api/units'),
  saveUnit: (u: UnitRow) => request<UnitRow>('PUT', `/api/units/${seg(u.id)}`, u),
  trainees: () => request<TraineeRow[]>('GET', '/api/trainees'),
  createTrainee: (t: Trainee) => request<TraineeRow>('POST', '/api/trainees', t),
  saveTrainee: (t: Trainee, version: number) => request<TraineeRow>('PUT', `/api/trainees/${seg(t.id)}`, { ...t, version }),
  deleteTrainee: (id: string, version: number) => request<TraineeRow>('DELETE', `/api/trainees/${seg(id)}`, { version }),
  saveDraft: (plan: Plan, note?: string) => request<PlanSummary>('POST', '/api/plans/drafts', { plan, ...(note ? { note } : {}) }),
  drafts: () => request<DraftListing[]>('GET', '/api/plans/drafts'),
  deleteDraft: (id: PlanId) => request<PlanSummary>('DELETE', `/api/plans/drafts/${seg(id)}`),

  importScenario: (json: unknown) => request<ImportCounts>('POST', '/api/import/scenario', json),
  /** A list (CSV or XLSX); `regulation` answers, or asks (`ask`), how to read an empty regulation after 2021-07-01. */
  importList: (what: 'trainees' | 'clinics' | 'placements', body: Blob | string, contentType: string, regulation?: '2015:8' | '2021:8' | 'ask') =>
    request<ImportCounts>('POST', `/api/import/${what}${regulation ? `?regulation=${seg(regulation)}` : ''}`, body, contentType),
  lastImport: () => request<LastImportBody>('GET', '/api/import/last'),
  undoImport: () => request<UndoneImport>('POST', '/api/import/undo', {}),
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
