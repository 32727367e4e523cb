/**
 * Which views a role sees. Mirrors what the API allows each role (the server enforces it; the web
 * only hides what would be forbidden, so nobody meets a 403 by clicking around).
 */
import type { RoleId } from './api.ts';
import type { WordKey } from './i18n.ts';

export type ViewId = 'cohort' | 'load' | 'unit' | 'my-plan' | 'review' | 'solve' | 'versions' | 'locks' | 'data' | 'print' | 'trainees' | 'capacity' | 'clinic-timeline';

export const VIEW_LABELS: Record<ViewId, WordKey> = {
  cohort: 'navCohort',
  load: 'navLoad',
  unit: 'navUnit',
  'my-plan': 'navMyPlan',
  review: 'navReview',
  solve: 'navSolve',
  versions: 'navVersions',
  locks: 'navLocks',
  data: 'navData',
  print: 'navPrint',
  trainees: 'navTrainees',
  capacity: 'navCapacity',
  'clinic-timeline': 'navClinicTimeline',
};

const VIEWS_BY_ROLE: Record<RoleId, ViewId[]> = {
  studierektor: ['cohort', 'load', 'clinic-timeline', 'unit', 'review', 'solve', 'versions', 'locks', 'trainees', 'capacity', 'data', 'print'],
  enhetschef: ['unit', 'cohort', 'print'],
  'st-lakare': ['my-plan', 'print'],
  handledare: ['cohort', 'print'],
};

export function viewsFor(role: RoleId): ViewId[] {
  return VIEWS_BY_ROLE[role];
}

export function homeView(role: RoleId): ViewId {
  return VIEWS_BY_ROLE[role][0]!;
}

export function canOpen(role: RoleId, view: ViewId): boolean {
  return VIEWS_BY_ROLE[role].includes(view);
}

/** `#/review` → 'review'; `#/print/t07` → 'print' with the argument 't07'. Unknown paths give null. */
export function parseRoute(hash: string): { view: ViewId | 'bench' | null; arg: string | null } {
  // A query after the path (`#/bench?n=800`) is the view's business, not the route's.
  const [first, ...rest] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  const arg = rest.length > 0 ? decodeURIComponent(rest.join('/')) : null;
  const all: (ViewId | 'bench')[] = ['cohort', 'load', 'unit', 'my-plan', 'review', 'solve', 'versions', 'locks', 'data', 'print', 'trainees', 'capacity', 'clinic-timeline', 'bench'];
  const view = all.find((v) => v === first) ?? null;
  return { view, arg };
}
