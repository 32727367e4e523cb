/**
 * initial-vc (hard): ST starts with a continuous period at the VC; no side rotation starts before
 * `months` full-time months have passed (leave and part-time lengthen that period in calendar time).
 *
 * BT rotations of integrated BT (2021:8, `bt` in the trainee's requirements) are exempt. One violation
 * per offending rotation part; amount = full-time months the part starts too early.
 * The planners start a rotation no earlier than `firstRotationDay`.
 */
import { Type } from '@sinclair/typebox';
import type { Requirement } from '../domain/requirements.ts';
import type { TraineeFacts } from '../plan/context.ts';
import { formatDay, type Day } from '../time/dates.ts';
import { defineRule, violation } from './rule.ts';
import { clinicName, monthWord, period, specialty, who } from './text.ts';

const meta = { id: 'initial-vc', severity: 'hard' } as const;

/** The first day a rotation may start: after the initial VC period, or from the start for a BT rotation. */
export function firstRotationDay(facts: TraineeFacts, req: Pick<Requirement, 'bt'>): Day {
  return req.bt ? facts.start : facts.initialVcEnd + 1;
}

export const initialVc = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Inledande tid på vårdcentralen', en: 'Initial time at the VC' },
  statement: (p) => ({
    sv: `ST börjar med en sammanhängande period på vårdcentralen utan randning: ${monthWord(p.months, 'sv')} på heltid.`,
    en: `ST starts with a continuous period at the home VC without side rotations: ${monthWord(p.months, 'en')} full-time.`,
  }),
  params: Type.Object({ months: Type.Number({ minimum: 0, maximum: 36 }) }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      for (const p of tp.rotations) {
        if (p.from > facts.initialVcEnd) continue;
        if (p.specialty && facts.btSpecialties.has(p.specialty)) continue;
        const early = facts.calendar.fteMonths(Math.max(p.from, facts.start), facts.initialVcEnd);
        const name = who(facts, facts.id);
        const vcEnd = formatDay(facts.initialVcEnd);
        out.push(
          violation(meta, {
            trainees: [facts.id],
            clinic: p.clinic ?? null,
            from: p.from,
            to: p.to,
            amount: early,
            sv: `${name}: ${specialty(p.specialty, 'sv')} på ${clinicName(ctx, p.clinic)} ${period(p.from, p.to)} börjar ${monthWord(early, 'sv')} för tidigt; ST ska börja med ${monthWord(params.months, 'sv')} på vårdcentralen (till ${vcEnd}).`,
            en: `${name}: ${specialty(p.specialty, 'en')} at ${clinicName(ctx, p.clinic)} ${period(p.from, p.to)} starts ${monthWord(early, 'en')} too early; ST starts with ${monthWord(params.months, 'en')} at the VC (until ${vcEnd}).`,
          }),
        );
      }
    }
    return out;
  },
});
