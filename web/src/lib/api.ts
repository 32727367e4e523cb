/**
 * The HTTP API as the web sees it (the contract in the task brief). The domain documents come from
 * solver/domain/schemas.ts; the envelope types below mirror the contract's response shapes.
 */
import type { Clinic, Placement, Plan, Report, Scenario, Trainee, Unit } from '../../../solver/domain/schemas.ts';

export type Role = 'studierektor' | 'enhetschef' | 'st-lakare' | 'handledare';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  units: string[];
  trainees: string[];
}

/** Row ids are integers on the server; the web only passes them back. */
export type RowId = string | number;

export interface PlanRow {
  id: RowId;
  version: number;
  status: 'draft' | 'published';
  createdAt: string;
  createdBy: string | null;
  note: string | null;
}

export interface PlanDoc {
  id: RowId;
  version: number;
  status: 'draft' | 'published';
  plan: Plan;
  report: Report;
}

export type ProposalStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface Proposal {
  id: RowId;
  trainee: string;
  status: ProposalStatus;
  placements: Placement[];
  comment: string | null;
  version: number;
  updatedAt: string;
}

export interface PlanDiff {
  moved: { trainee: string; before: Placement | null; after: Placement | null }[];
  added: Placement[];
  removed: Placement[];
}

export interface SolveProgress {
  seconds: number;
  phase: string;
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

export interface SolveJob {
  id: RowId;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: SolveProgress | null;
  result: { planId: RowId | null; report: Report; moved: unknown[] } | null;
  error: string | null;
}

export type Versioned<T> = T & { version: number };

export interface ApiErrorBody {
  error: string;
  message: string;
  details?: string[];
  current?: unknown;
}

/** An HTTP error with the API's body; `details` carries the row/field errors of an import. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
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
    const err = (data ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(res.status, { error: err.error ?? String(res.status), message: err.message ?? res.statusText, ...err });
  }
  return data as T;
}

export const api = {
  me: () => request<{ user: User }>('GET', '/api/auth/me'),
  login: (email: string, password: string) => request<{ user: User }>('POST', '/api/auth/login', { email, password }),
  logout: () => request<unknown>('POST', '/api/auth/logout', {}),
  scenario: () => request<Scenario>('GET', '/api/scenario'),
  published: () => request<PlanDoc>('GET', '/api/plans/published'),
  plans: () => request<PlanRow[]>('GET', '/api/plans'),
  plan: (id: RowId) => request<PlanDoc>('GET', `/api/plans/${encodeURIComponent(String(id))}`),
  publish: (id: RowId) => request<unknown>('POST', `/api/plans/${encodeURIComponent(String(id))}/publish`, {}),
  diff: (from: RowId, to: RowId) =>
    request<PlanDiff>('GET', `/api/plans/diff?from=${encodeURIComponent(String(from))}&to=${encodeURIComponent(String(to))}`),
  validate: (plan: Plan) => request<Report>('POST', '/api/validate', { plan }),

  proposals: () => request<Proposal[]>('GET', '/api/proposals'),
  createProposal: (trainee: string, placements: Placement[]) =>
    request<Proposal>('POST', '/api/proposals', { trainee, placements }),
  saveProposal: (id: RowId, placements: Placement[], version: number) =>
    request<Proposal>('PUT', `/api/proposals/${encodeURIComponent(String(id))}`, { placements, version }),
  validateProposal: (id: RowId) => request<Report>('POST', `/api/proposals/${encodeURIComponent(String(id))}/validate`, {}),
  completeProposal: (id: RowId) =>
    request<{ placements: Placement[]; report: Report }>('POST', `/api/proposals/${encodeURIComponent(String(id))}/complete`, {}),
  submitProposal: (id: RowId, version?: number) =>
    request<Proposal>('POST', `/api/proposals/${encodeURIComponent(String(id))}/submit`, { version }),
  approveProposal: (id: RowId, version?: number) =>
    request<unknown>('POST', `/api/proposals/${encodeURIComponent(String(id))}/approve`, { version }),
  returnProposal: (id: RowId, comment: string, version?: number) =>
    request<unknown>('POST', `/api/proposals/${encodeURIComponent(String(id))}/return`, { comment, version }),
  impact: (id: RowId) => request<{ clinicLoad: unknown[]; unitAway: unknown[] }>('GET', `/api/proposals/${encodeURIComponent(String(id))}/impact`),

  startSolve: (timeLimitSeconds: number) => request<{ id: string }>('POST', '/api/solve-jobs', { timeLimitSeconds }),
  solveJob: (id: RowId) => request<SolveJob>('GET', `/api/solve-jobs/${encodeURIComponent(String(id))}`),
  cancelSolve: (id: RowId) => request<unknown>('DELETE', `/api/solve-jobs/${encodeURIComponent(String(id))}`),

  clinics: () => request<Versioned<Clinic>[]>('GET', '/api/clinics'),
  saveClinic: (c: Versioned<Clinic>) => request<Versioned<Clinic>>('PUT', `/api/clinics/${encodeURIComponent(c.id)}`, c),
  units: () => request<Versioned<Unit>[]>('GET', '/api/units'),
  saveUnit: (u: Versioned<Unit>) => request<Versioned<Unit>>('PUT', `/api/units/${encodeURIComponent(u.id)}`, u),
  trainees: () => request<Versioned<Trainee>[]>('GET', '/api/trainees'),

  importScenario: (json: unknown) => request<{ counts: Record<string, number> }>('POST', '/api/import/scenario', json),
  importList: (what: 'trainees' | 'clinics', body: Blob | string, contentType: string) =>
    request<{ counts: Record<string, number> }>('POST', `/api/import/${what}`, body, contentType),
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
