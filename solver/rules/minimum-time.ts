/**
 * minimum-time (hard): the planned end of ST comes no earlier than the minimum time — 60 full-time
 * months under 2015:8, 66 including BT under 2021:8 — counted from the start, net of leave and
 * part-time, less credited time (`creditMonths`).
 *
 * The plan's end is the trainee's `plannedEnd` (the end agreed in the IUP). Without one, the end is
 * the computed end of ST itself, which meets the minimum by construction, so nothing is reported.
 * amount = full-time months short at the planned end.
 */
import { Type } from '@sinclair/typebox';
import { formatDay } from '../time/dates.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, months, who } from './text.ts';

const meta = { id: 'minimum-time', severity: 'hard' } as const;

export const minimumTime = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Minsta tid i ST', en: 'Minimum training time' },
  statement: (p) => ({
    sv: `ST slutar tidigast när minsta tiden har gått: ${months(p.months['2015:8'], 'sv')} heltidsmånader (2015:8) eller ${months(p.months['2021:8'], 'sv')} inklusive BT (2021:8), netto efter ledighet och med tillgodoräknad tid.`,
    en: `ST ends no earlier than the minimum time: ${months(p.months['2015:8'], 'en')} full-time months (2015:8) or ${months(p.months['2021:8'], 'en')} including BT (2021:8), net of leave, plus credited time.`,
  }),
  params: Type.Object({
    months: Type.Object({ '2015:8': Type.Number({ minimum: 0, maximum: 120 }), '2021:8': Type.Number({ minimum: 0, maximum: 120 }) }),
  }),
  check(ctx) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      if (facts.plannedEnd === null || facts.plannedEnd >= facts.end) continue;
      const done = facts.creditMonths + facts.calendar.fteMonths(facts.start, facts.plannedEnd);
      const short = facts.minimumMonths - done;
      const name = who(facts, facts.id);
      out.push(
        violation(meta, {
          trainees: [facts.id],
          from: facts.start,
          to: facts.plannedEnd,
          amount: short,
          sv: `${name}: planerat slut ${formatDay(facts.plannedEnd)} ger ${monthWord(done, 'sv')} på heltid men minst ${monthWord(facts.minimumMonths, 'sv')} krävs (${facts.trainee.regulation}); ${monthWord(short, 'sv')} saknas, tidigast slut ${formatDay(facts.end)}.`,
          en: `${name}: the planned end ${formatDay(facts.plannedEnd)} gives ${monthWord(done, 'en')} full-time but at least ${monthWord(facts.minimumMonths, 'en')} are required (${facts.trainee.regulation}); ${monthWord(short, 'en')} short, earliest end ${formatDay(facts.end)}.`,
        }),
      );
    }
    return out;
  },
});
