/**
 * Who may read and change what. The routes name the roles that may call them at all; these helpers
 * decide per row: an enhetschef reads the trainees of their units, a handledare their supervisees,
 * an ST-läkare themself; the studierektor everything in the region.
 */
import type { UserRecord } from '../../db/index.ts';
import { forbidden } from '../errors.ts';

export type Actor = UserRecord;

export function canReadTrainee(actor: Actor, trainee: { id: string; unit: string }): boolean {
  switch (actor.role) {
    case 'studierektor':
      return true;
    case 'enhetschef':
      return actor.units.includes(trainee.unit);
    case 'st-lakare':
    case 'handledare':
      return actor.trainees.includes(trainee.id);
  }
}

/** May this actor write this trainee's proposal? Their own (ST-läkare) or anyone's (studierektor). */
export function canEditProposalOf(actor: Actor, traineeId: string): boolean {
  return actor.role === 'studierektor' || (actor.role === 'st-lakare' && actor.trainees.includes(traineeId));
}

export function assertCanReadTrainee(actor: Actor, trainee: { id: string; unit: string }): void {
  if (!canReadTrainee(actor, trainee)) throw forbidden('Du får inte se denna ST-läkare / You may not see this trainee');
}

/** The ids among `trainees` this actor may read. */
export function readableIds(actor: Actor, trainees: { id: string; unit: string }[]): Set<string> {
  return new Set(trainees.filter((t) => canReadTrainee(actor, t)).map((t) => t.id));
}

export function actorName(actor: Actor | null): string | null {
  return actor ? actor.email : null;
}
