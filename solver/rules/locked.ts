/**
 * locked (hard): every placement the scenario lists as locked for a trainee (agreed with the clinic,
 * or already done) appears in the plan exactly as given — same kind, specialty, clinic, course,
 * milestone and dates. One violation per locked placement that was moved or removed; amount 1.
 */
import { Type } from '@sinclair/typebox';
import { samePlacement } from '../domain/identity.ts';
import type { PlacementRef } from '../plan/context.ts';
import { parseDay } from '../time/dates.ts';
import { placementName } from '../domain/specialties.ts';
import { defineRule, violation } from './rule.ts';
import { period, who } from './text.ts';

const meta = { id: 'locked', severity: 'hard' } as const;

export const locked = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Låsta placeringar', en: 'Locked placements' },
  statement: {
    sv: 'Låsta placeringar (överenskomna eller redan gjorda) ligger kvar i planen precis som de är.',
    en: 'Locked placements (agreed or already done) stay in the plan exactly as they are.',
  },
  params: Type.Object({}),
  check(ctx) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      for (const l of facts.trainee.locked ?? []) {
        const from = parseDay(l.from);
        const to = parseDay(l.to);
        if (tp.placements.some((p) => samePlacement({ ...l, from, to }, p))) continue;
        const ref: PlacementRef = { index: -1, trainee: facts.id, kind: l.kind, specialty: l.specialty, clinic: l.clinic, course: l.course, milestone: l.milestone, from, to };
        const name = who(facts, facts.id);
        out.push(
          violation(meta, {
            trainees: [facts.id],
            clinic: l.clinic ?? null,
            from,
            to,
            amount: 1,
            sv: `${name}: den låsta placeringen ${placementName(ref, 'sv')} ${period(from, to)} har flyttats eller tagits bort.`,
            en: `${name}: the locked placement ${placementName(ref, 'en')} ${period(from, to)} was moved or removed.`,
          }),
        );
      }
    }
    return out;
  },
});
