/**
 * Who comes when: the rotations at one receiving clinic (for its schemaläggare), or the rotations of
 * one unit's trainees (who of the unit is away, where), in date order, each with its status on the
 * planning day. Pure (imports only the solver): the "Per klinik" view and the API's XLSX export
 * (api/services/clinic-timeline-xlsx.ts) list the same rows.
 */
import type { PlanPlacement, Trainee } from '../../../solver/domain/schemas.ts';
import { samePlacement } from '../../../solver/domain/identity.ts';
import { calendarMonths } from '../../../solver/time/months.ts';
import { parseDay } from '../../../solver/time/dates.ts';

export type ArrivalStatus = 'done' | 'underway' | 'agreed' | 'planned';

export interface Arrival {
  trainee: string;
  /** The trainee's home unit. */
  unit: string;
  clinic: string;
  specialty: PlanPlacement['specialty'];
  from: string;
  to: string;
  /** Calendar months, fractional. */
  months: number;
  status: ArrivalStatus;
}

/** The status of a placement on the planning day: before it done or under way, after it agreed (locked) or planned. */
export function statusOn(p: { from: string; to: string }, locked: boolean, planFrom: string): ArrivalStatus {
  if (p.to < planFrom) return 'done';
  if (p.from < planFrom) return 'underway';
  return locked ? 'agreed' : 'planned';
}

export interface ArrivalQuery {
  clinic?: string;
  unit?: string;
  planFrom: string;
  /** Only rotations that end on or after this day (ISO); all when absent. */
  since?: string;
}

/**
 * The rotations at `clinic`, or of `unit`'s trainees, sorted by start. `isLocked` tells a placement
 * agreed with the clinic (the stored plan's flag, or the trainee's locked list).
 */
export function arrivals(
  placements: readonly (PlanPlacement & { locked?: boolean })[],
  trainees: readonly Pick<Trainee, 'id' | 'unit' | 'locked'>[],
  q: ArrivalQuery,
): Arrival[] {
  const byId = new Map(trainees.map((t) => [t.id, t]));
  const lockedInList = (p: PlanPlacement) => (byId.get(p.trainee)?.locked ?? []).some((l) => samePlacement(l, p));
  return placements
    .filter((p) => p.kind === 'rotation' && p.clinic && byId.has(p.trainee))
    .filter((p) => (q.clinic === undefined || p.clinic === q.clinic) && (q.unit === undefined || byId.get(p.trainee)!.unit === q.unit))
    .filter((p) => q.since === undefined || p.to >= q.since)
    .map((p) => ({
      trainee: p.trainee,
      unit: byId.get(p.trainee)!.unit,
      clinic: p.clinic!,
      specialty: p.specialty,
      from: p.from,
      to: p.to,
      months: calendarMonths(parseDay(p.from), parseDay(p.to)),
      status: statusOn(p, p.locked === true || lockedInList(p), q.planFrom),
    }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.trainee.localeCompare(b.trainee));
}
