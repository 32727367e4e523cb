/**
 * When two placements are the same one: the same kind, the same what (specialty, clinic, course,
 * milestone) and the same dates. Locked placements, kept placements, moved-placement reports and the
 * API's lock flags all ask this one question.
 */
import type { Placement, Scenario } from './schemas.ts';

/** A placement's identifying fields, with its dates as ISO strings or day numbers. */
export type Identity<D = string> = Pick<Placement, 'kind' | 'specialty' | 'clinic' | 'course' | 'milestone'> & { from: D; to: D };

// The start first: of one trainee's placements, it tells two apart soonest.
const FIELDS = ['from', 'kind', 'specialty', 'clinic', 'course', 'milestone', 'to'] as const;

/** True for the same placement (the trainee is the caller's business). */
export function samePlacement<D>(a: Identity<D>, b: Identity<D>): boolean {
  for (const f of FIELDS) if ((a[f] ?? null) !== (b[f] ?? null)) return false;
  return true;
}

/** A key that two placements share exactly when they are the same placement of the same trainee. */
export function placementKey(p: Identity & { trainee?: string }): string {
  // Spelled out, not mapped over the fields: a solve of one trainee keys every placement of the region.
  return `${p.trainee ?? ''}|${p.kind}|${p.specialty ?? ''}|${p.clinic ?? ''}|${p.course ?? ''}|${p.milestone ?? ''}|${p.from}|${p.to}`;
}

/** The keys of every trainee's own locked placements (of the trainees in `only`, when given). */
export function lockedKeys(scenario: Scenario, only?: ReadonlySet<string>): Set<string> {
  const trainees = only ? scenario.trainees.filter((t) => only.has(t.id)) : scenario.trainees;
  return new Set(trainees.flatMap((t) => (t.locked ?? []).map((p) => placementKey({ ...p, trainee: t.id }))));
}
