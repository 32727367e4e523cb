/**
 * What publishing a plan would do to the published one: the hard rules it breaks, the locked
 * (agreed or done) placements it does not keep, and per trainee what moves, appears and disappears.
 * A plan that breaks a hard rule or moves a lock is published only with an acknowledgement that
 * names the same counts the person was shown.
 */
import type { StoredPlacement } from '../../db/index.ts';
import type { Report } from '../../solver/domain/schemas.ts';
import { movedPlacements } from '../../solver/solve/index.ts';
import { HttpError } from '../errors.ts';
import type { Acknowledgement, MovedLock, PublishCheck, TraineeChange } from '../schemas/versions.ts';
import { bare, plainPlan } from './plans.ts';
import { placementKey } from '../../solver/domain/identity.ts';

export interface PlanState {
  placements: StoredPlacement[];
  report: Report;
}

function hardByTrainee(report: Report): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of report.violations) {
    if (v.severity !== 'hard') continue;
    for (const t of v.trainees) out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

function countBy(placements: readonly { trainee: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of placements) out.set(p.trainee, (out.get(p.trainee) ?? 0) + 1);
  return out;
}

/** The change from `before` (the published plan, or none) to `after` (the candidate). */
export function checkChange(before: PlanState | null, after: PlanState): Omit<PublishCheck, 'candidate' | 'current' | 'currentNumber'> {
  const from = plainPlan({ format: 'randplan.plan/1', placements: before?.placements ?? [] });
  const to = plainPlan({ format: 'randplan.plan/1', placements: after.placements });
  const changes = movedPlacements(from, to);
  const locked = new Set((before?.placements ?? []).filter((p) => p.locked).map((p) => placementKey(bare(p))));
  const movedLocks: MovedLock[] = changes
    .filter((m) => m.before && locked.has(placementKey(m.before)))
    .map((m) => ({ trainee: m.trainee, before: m.before!, after: m.after }));

  const hardBefore = before ? hardByTrainee(before.report) : new Map<string, number>();
  const hardAfter = hardByTrainee(after.report);
  const countBefore = countBy(from.placements);
  const countAfter = countBy(to.placements);
  const per = new Map<string, TraineeChange>();
  const entry = (trainee: string): TraineeChange => {
    let e = per.get(trainee);
    if (!e) {
      e = {
        trainee,
        hardBefore: hardBefore.get(trainee) ?? 0,
        hardAfter: hardAfter.get(trainee) ?? 0,
        moved: 0,
        added: 0,
        removed: 0,
        lockedMoved: 0,
        placementsBefore: countBefore.get(trainee) ?? 0,
        placementsAfter: countAfter.get(trainee) ?? 0,
      };
      per.set(trainee, e);
    }
    return e;
  };
  for (const m of changes) {
    const e = entry(m.trainee);
    if (m.before && m.after) e.moved++;
    else if (m.after) e.added++;
    else e.removed++;
  }
  for (const m of movedLocks) entry(m.trainee).lockedMoved++;
  for (const t of new Set([...hardBefore.keys(), ...hardAfter.keys()])) if ((hardBefore.get(t) ?? 0) !== (hardAfter.get(t) ?? 0)) entry(t);
  const trainees = [...per.values()].sort(
    (a, b) =>
      b.hardAfter - b.hardBefore - (a.hardAfter - a.hardBefore) ||
      b.removed - a.removed ||
      b.lockedMoved - a.lockedMoved ||
      b.moved - a.moved ||
      (a.trainee < b.trainee ? -1 : 1),
  );
  const hard = after.report.violations.filter((v) => v.severity === 'hard');
  return {
    hard,
    movedLocks,
    moved: changes.filter((m) => m.before && m.after).length,
    added: changes.filter((m) => !m.before).length,
    removed: changes.filter((m) => !m.after).length,
    trainees,
    needsAcknowledgement: hard.length > 0 || movedLocks.length > 0,
  };
}

/** 409 unless the change needs no acknowledgement or `ack` names exactly what the check found. */
export function assertAcknowledged(check: { hard: unknown[]; movedLocks: unknown[]; needsAcknowledgement: boolean }, ack: Acknowledgement | undefined, shown: unknown = check): void {
  if (!check.needsAcknowledgement) return;
  const details = [
    ...(check.hard.length ? [`hard: ${check.hard.length}`] : []),
    ...(check.movedLocks.length ? [`movedLocks: ${check.movedLocks.length}`] : []),
  ];
  if (!ack)
    throw new HttpError(
      409,
      'acknowledgement-required',
      'Planen bryter regler eller flyttar låsta placeringar; bekräfta med en motivering / The plan breaks rules or moves locked placements; acknowledge with a reason',
      details,
      shown,
    );
  if (ack.hard !== check.hard.length || ack.movedLocks !== check.movedLocks.length)
    throw new HttpError(
      409,
      'acknowledgement-stale',
      'Planen har ändrats sedan du bekräftade; granska igen / The plan changed since you acknowledged it; review it again',
      details,
      shown,
    );
}
