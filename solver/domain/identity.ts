/**
 * When two placements are the same one: the same kind, the same what (specialty, clinic, course,
 * milestone) and the same dates. Locked placements, kept placements, moved-placement reports and the
 * API's lock flags all ask this one question.
 */
import type { Placement, Scenario } from './schemas.ts';

/** A placement's identifying fields, with its dates as ISO strings or day numbers. */
export type Identity<D = string> = Pick<Placement, 'kind' | 'specialty' | 'clinic' | 'course' | 'milestone'> & { from: D; to: D };

const FIELDS = ['kind', 'specialty', 'clinic', 'course', 'milestone', 'from', 'to'] as const;

/** True for the same placement (the trainee is the caller's business). */
export function samePlacement<D>(a: Identity<D>, b: Identity<D>): boolean {
  return FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

/** A key that two placements share exactly when they are the same placement of the same trainee. */
export function placementKey(p: Identity & { trainee?: string }): string {
  return [p.trainee ?? '', ...FIELDS.map((f) => p[f] ?? '')].join('|');
}

/** The keys of every trainee's own locked placements. */
export function lockedKeys(scenario: Scenario): Set<string> {
  return new Set(scenario.trainees.flatMap((t) => (t.locked ?? []).map((p) => placementKey({ ...p, trainee: t.id }))));
}
