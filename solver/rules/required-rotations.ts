/**
 * required-rotations (hard): every rotation the trainee needs is in the plan, and BT rotations
 * (integrated BT, 2021:8) are done within `btWithinMonths` full-time months of the start.
 *
 * The list comes from `requirementsFor` (the trainee's own `rotations`, else the profile's list for
 * their regulation). A missing rotation: amount = the minimum full-time months missing. A BT rotation
 * ending after the BT deadline: amount = full-time months past the deadline.
 * The planners end a rotation by `rotationDeadline`.
 */
import { Type } from '@sinclair/typebox';
import type { Requirement } from '../domain/requirements.ts';
import { RequiredRotation } from '../domain/schemas.ts';
import type { TraineeFacts } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { rangeText, rotationsBySpecialty } from './rotation-length.ts';
import { monthWord, period, specialty, who } from './text.ts';
import { formatDay, type Day } from '../time/dates.ts';

const meta = { id: 'required-rotations', severity: 'hard' } as const;

/** The last day this rule lets a rotation end on: the BT deadline for a BT rotation, else none. */
export function rotationDeadline(facts: TraineeFacts, req: Pick<Requirement, 'bt'>): Day {
  return req.bt ? facts.btDeadline : Number.POSITIVE_INFINITY;
}

export const requiredRotations = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Obligatoriska randningar', en: 'Required rotations' },
  statement: (p) => ({
    sv: `ST-läkarens obligatoriska randningar finns alla med i planen; BT-randningar görs inom ${monthWord(p.btWithinMonths, 'sv')} på heltid från start.`,
    en: `The trainee's required rotations are all in the plan; BT rotations are done within ${monthWord(p.btWithinMonths, 'en')} full-time from the start.`,
  }),
  params: Type.Object({
    byRegulation: Type.Object({ '2015:8': Type.Array(RequiredRotation), '2021:8': Type.Array(RequiredRotation) }),
    btWithinMonths: Type.Number({ minimum: 0, maximum: 66 }),
  }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      const name = who(facts, facts.id);
      const placed = rotationsBySpecialty(tp.rotations);
      for (const req of facts.requirements) {
        const parts = placed.get(req.specialty);
        if (!parts) {
          out.push(
            violation(meta, {
              trainees: [facts.id],
              amount: req.months[0],
              sv: `${name}: obligatorisk randning i ${specialty(req.specialty, 'sv')} (${rangeText(req.months, 'sv')}) saknas i planen.`,
              en: `${name}: the required ${specialty(req.specialty, 'en')} rotation (${rangeText(req.months, 'en')}) is missing from the plan.`,
            }),
          );
          continue;
        }
        const last = parts[parts.length - 1]!;
        if (req.bt && last.to > facts.btDeadline) {
          const late = facts.calendar.fteMonths(facts.btDeadline + 1, last.to);
          const deadline = formatDay(facts.btDeadline);
          out.push(
            violation(meta, {
              trainees: [facts.id],
              clinic: last.clinic ?? null,
              from: parts[0]!.from,
              to: last.to,
              amount: late,
              sv: `${name}: BT-randningen i ${specialty(req.specialty, 'sv')} ${period(parts[0]!.from, last.to)} slutar ${monthWord(late, 'sv')} efter BT-gränsen ${deadline} (${monthWord(params.btWithinMonths, 'sv')} från start).`,
              en: `${name}: the BT rotation in ${specialty(req.specialty, 'en')} ${period(parts[0]!.from, last.to)} ends ${monthWord(late, 'en')} after the BT limit ${deadline} (${monthWord(params.btWithinMonths, 'en')} from the start).`,
            }),
          );
        }
      }
    }
    return out;
  },
});
