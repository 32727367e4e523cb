/**
 * availability (hard): nothing is placed during leave (parental leave, sick leave, other employment).
 *
 * Every placement kind counts, courses and milestones too. One violation per placement that meets
 * leave; amount = days of the placement that are leave. Part-time and leave also stretch lengths,
 * but that is the full-time-month arithmetic of the other rules, not this one.
 */
import { Type } from '@sinclair/typebox';
import { placementName } from '../domain/specialties.ts';
import type { PlacementRef } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { dayWord, period, who } from './text.ts';

const meta = { id: 'availability', severity: 'hard' } as const;

export const availability = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Ledighet och sysselsättning', en: 'Leave and employment' },
  statement: {
    sv: 'Inget placeras under ledighet (föräldraledighet, sjukskrivning, annan tjänstgöring).',
    en: 'Nothing is placed during leave (parental leave, sick leave, other employment).',
  },
  params: Type.Object({}),
  check(ctx) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      if (facts.leave.length === 0) continue;
      for (const p of tp.placements) {
        let days = 0;
        let first = 0;
        let last = 0;
        for (const l of facts.leave) {
          const from = Math.max(l.from, p.from);
          const to = Math.min(l.to, p.to);
          if (from > to) continue;
          if (days === 0) first = from;
          last = to;
          days += to - from + 1;
        }
        if (days === 0) continue;
        const name = who(facts, facts.id);
        out.push(
          violation(meta, {
            trainees: [facts.id],
            clinic: p.clinic ?? null,
            from: p.from,
            to: p.to,
            amount: days,
            sv: `${name}: ${placementName(p, 'sv')} ${period(p.from, p.to)} ligger ${dayWord(days, 'sv')} under ledighet (${period(first, last)}).`,
            en: `${name}: ${placementName(p, 'en')} ${period(p.from, p.to)} lies ${dayWord(days, 'en')} in leave (${period(first, last)}).`,
          }),
        );
      }
    }
    return out;
  },
});
