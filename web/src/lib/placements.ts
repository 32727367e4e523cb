/**
 * What a placement is called, which violations belong to it, whether it is locked, where the return
 * weeks are, and how a trainee's placements differ between two plans. Pure; shared by all views.
 */
import type { Placement, PlanPlacement, Trainee, Violation } from '../../../solver/domain/schemas.ts';
import { placementName } from '../../../solver/domain/specialties.ts';
import { parseDay, type Day } from '../../../solver/time/dates.ts';

export type Lang = 'sv' | 'en';

export { placementName };

/** "2028-09-01 – 2028-11-30", or the one date of a one-day placement (timeline.ts's periodText on ISO dates). */
export function placementPeriod(p: Pick<Placement, 'from' | 'to'>): string {
  return p.from === p.to ? p.from : `${p.from} – ${p.to}`;
}

/** The accessible name of a bar: "Psykiatri, Anna Andersson, 2028-09-01 – 2028-11-30". */
export function barLabel(p: Placement, traineeName: string, lang: Lang): string {
  return `${placementName(p, lang)}, ${traineeName}, ${placementPeriod(p)}`;
}

/** A line of a list of changes: "Psykiatri (Psykiatriska kliniken) 2028-09-01 – 2028-11-30". */
export function describePlacement(p: Placement, clinicName: (id: string) => string, lang: Lang): string {
  return `${placementName(p, lang)}${p.clinic ? ` (${clinicName(p.clinic)})` : ''} ${p.from} – ${p.to}`;
}

export function samePlacement(a: Placement, b: Placement): boolean {
  return (
    a.kind === b.kind &&
    a.from === b.from &&
    a.to === b.to &&
    (a.specialty ?? null) === (b.specialty ?? null) &&
    (a.course ?? null) === (b.course ?? null) &&
    (a.milestone ?? null) === (b.milestone ?? null) &&
    (a.clinic ?? null) === (b.clinic ?? null)
  );
}

/**
 * A placement is locked when the stored plan flags it (`locked: true`, e.g. after approval) or the
 * trainee's record lists it (agreed with the clinic, or done).
 */
export function isLocked(p: Placement & { locked?: boolean }, trainee: Pick<Trainee, 'locked'> | undefined): boolean {
  return p.locked === true || (trainee?.locked ?? []).some((l) => samePlacement(l, p));
}

/** The placement fields of the plan format only (stored plans add `locked`). */
export function plainPlacement<T extends Placement & { locked?: boolean }>(p: T): Omit<T, 'locked'> {
  const { locked: _l, ...rest } = p;
  return rest;
}

function overlaps(aFrom: string, aTo: string, bFrom: string | null, bTo: string | null): boolean {
  if (bFrom === null || bTo === null) return false;
  return aFrom <= bTo && bFrom <= aTo; // ISO dates compare as strings
}

/**
 * The violations that concern this placement: the trainee is named and the dates overlap; for a
 * clinic rule the clinic must match too. Violations without dates belong to the trainee's row.
 */
export function violationsFor(p: PlanPlacement, violations: readonly Violation[]): Violation[] {
  return violations.filter(
    (v) =>
      v.trainees.includes(p.trainee) &&
      overlaps(p.from, p.to, v.from, v.to) &&
      (v.clinic === null || v.clinic === p.clinic),
  );
}

/** Violations of a trainee that no single placement carries (missing rotations, total time, …). */
export function rowViolations(traineeId: string, placements: readonly PlanPlacement[], violations: readonly Violation[]): Violation[] {
  return violations.filter(
    (v) => v.trainees.includes(traineeId) && !placements.some((p) => p.trainee === traineeId && violationsFor(p, [v]).length > 0),
  );
}

/**
 * Return weeks: the gaps between consecutive parts of one rotation (same trainee and specialty)
 * that are shorter than `maxGapDays` — longer gaps are separate rotations, not a return.
 */
export function returnGaps(placements: readonly PlanPlacement[], maxGapDays = 62): { trainee: string; from: Day; to: Day }[] {
  const parts = placements
    .filter((p) => p.kind === 'rotation')
    .map((p) => ({ trainee: p.trainee, specialty: p.specialty, from: parseDay(p.from), to: parseDay(p.to) }))
    .sort((a, b) => (a.trainee < b.trainee ? -1 : a.trainee > b.trainee ? 1 : a.from - b.from));
  const gaps: { trainee: string; from: Day; to: Day }[] = [];
  for (let i = 1; i < parts.length; i++) {
    const a = parts[i - 1]!;
    const b = parts[i]!;
    if (a.trainee !== b.trainee || a.specialty !== b.specialty) continue;
    const gap = b.from - a.to - 1;
    if (gap > 0 && gap <= maxGapDays) gaps.push({ trainee: a.trainee, from: a.to + 1, to: b.from - 1 });
  }
  return gaps;
}

export interface PlacementDiff {
  /** The same rotation, course … (kind, specialty, clinic, course, milestone) at other dates. */
  moved: { before: Placement; after: Placement }[];
  added: Placement[];
  removed: Placement[];
  unchanged: Placement[];
}

const sameWhat = (a: Placement, b: Placement) =>
  a.kind === b.kind &&
  (a.specialty ?? null) === (b.specialty ?? null) &&
  (a.clinic ?? null) === (b.clinic ?? null) &&
  (a.course ?? null) === (b.course ?? null) &&
  (a.milestone ?? null) === (b.milestone ?? null);

/** How a trainee's placements changed between two versions (a proposal against the published plan). */
export function diffPlacements(before: readonly Placement[], after: readonly Placement[]): PlacementDiff {
  const used = new Set<number>();
  const unchanged: Placement[] = [];
  const added: Placement[] = [];
  for (const a of after) {
    const i = before.findIndex((b, j) => !used.has(j) && samePlacement(a, b));
    if (i >= 0) {
      used.add(i);
      unchanged.push(a);
    } else added.push(a);
  }
  const removed = before.filter((_, j) => !used.has(j));
  // A removed and an added placement of the same what, in date order, are one placement moved.
  const moved: PlacementDiff['moved'] = [];
  for (const b of [...removed]) {
    const i = added.findIndex((a) => sameWhat(a, b));
    if (i < 0) continue;
    moved.push({ before: b, after: added.splice(i, 1)[0]! });
    removed.splice(removed.indexOf(b), 1);
  }
  return { moved, added, removed, unchanged };
}

/** Strips the trainee field (and the stored `locked` flag) and orders by date: the shape a proposal stores. */
export function ownPlacements(placements: readonly (PlanPlacement & { locked?: boolean })[], traineeId: string): Placement[] {
  return placements
    .filter((p) => p.trainee === traineeId)
    .map(({ trainee: _t, locked: _l, ...rest }) => rest)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
