/**
 * planning-day (advice): a rotation that starts within `agreedMonths` of the planning day must be
 * agreed with the clinic now; until it is locked (agreed), it is reported. The planners keep the
 * current plan's placements that start before the planning day or inside this window exactly (they
 * are history, or agreed — unless the studierektor releases an agreed one, solve/history.ts), and
 * begin nothing new before the planning day. amount = days from the
 * planning day to the rotation's start.
 */
import { Type } from '@sinclair/typebox';
import { placementKey } from '../domain/identity.ts';
import type { Violation } from '../domain/schemas.ts';
import { addMonths, formatDay, type Day } from '../time/dates.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, period, specialty, who } from './text.ts';

const meta = { id: 'planning-day', severity: 'advice' } as const;

/** The first day after the agreed window: placements of the current plan starting before it stay. */
export function agreedUntil(planFrom: Day, agreedMonths: number): Day {
  return addMonths(planFrom, agreedMonths);
}

export const planningDay = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Överenskommet med kliniken i tid', en: 'Agreed with the clinic in time' },
  statement: {
    sv: 'En randning som börjar inom de överenskomna månaderna efter planeringsdagen ska vara överenskommen med kliniken (låst).',
    en: 'A rotation that starts within the agreed months after the planning day must be agreed with the clinic (locked).',
  },
  params: Type.Object({ agreedMonths: Type.Number({ minimum: 0, maximum: 24 }) }),
  check(ctx, params) {
    const out: Violation[] = [];
    if (ctx.planFrom === null) return out;
    const until = agreedUntil(ctx.planFrom, params.agreedMonths);
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      const starting = tp.rotations.filter((p) => p.from >= ctx.planFrom! && p.from < until);
      if (starting.length === 0) continue;
      const locked = new Set((facts.trainee.locked ?? []).map((l) => placementKey({ ...l, trainee: facts.id })));
      for (const p of starting) {
        if (locked.has(placementKey({ ...p, from: formatDay(p.from), to: formatDay(p.to) }))) continue;
        const name = who(facts, facts.id);
        out.push(
          violation(meta, {
            trainees: [facts.id],
            clinic: p.clinic ?? null,
            from: p.from,
            to: p.to,
            amount: p.from - ctx.planFrom,
            sv: `${name}: ${specialty(p.specialty, 'sv')} ${period(p.from, p.to)} börjar inom ${monthWord(params.agreedMonths, 'sv')} från planeringsdagen; kom överens med kliniken och lås placeringen.`,
            en: `${name}: ${specialty(p.specialty, 'en')} ${period(p.from, p.to)} starts within ${monthWord(params.agreedMonths, 'en')} of the planning day; agree it with the clinic and lock it.`,
          }),
        );
      }
    }
    return out;
  },
});
