/**
 * latest-end (hard): when a trainee has a `latestEnd`, all of the plan lies before it — no rotation,
 * own BVC or SÄBO ends after it. amount = calendar months past it.
 */
import { Type } from '@sinclair/typebox';
import { formatDay } from '../time/dates.ts';
import { calendarMonths } from '../time/months.ts';
import { plannedEndOf } from './extension.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, who } from './text.ts';

const meta = { id: 'latest-end', severity: 'hard' } as const;

export const latestEnd = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Senaste slutdatum', en: 'Latest end' },
  statement: {
    sv: 'Har ST-läkaren ett senaste slutdatum ligger hela planen före det.',
    en: 'When the trainee has a latest end date, all of the plan lies before it.',
  },
  params: Type.Object({}),
  check(ctx) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      if (facts.latestEnd === null) continue;
      const planned = plannedEndOf(tp);
      if (planned <= facts.latestEnd) continue;
      const over = calendarMonths(facts.latestEnd + 1, planned);
      const name = who(facts, facts.id);
      out.push(
        violation(meta, {
          trainees: [facts.id],
          from: facts.latestEnd + 1,
          to: planned,
          amount: over,
          sv: `${name} ska vara klar senast ${formatDay(facts.latestEnd)}, men planen slutar ${formatDay(planned)}: ${monthWord(over, 'sv')} för sent.`,
          en: `${name} must be done by ${formatDay(facts.latestEnd)}, but the plan ends ${formatDay(planned)}: ${monthWord(over, 'en')} too late.`,
        }),
      );
    }
    return out;
  },
});
