/**
 * total-side-time (advice): total side-rotation time lies within [min, max] full-time months.
 *
 * The total is the full-time months of all rotation parts except BT rotations (integrated BT is not
 * ST side service). The comparison allows rotation-length's `toleranceMonths`, for the same reason
 * (day-grained ends). amount = months under the minimum or over the maximum.
 */
import { Type } from '@sinclair/typebox';
import type { TraineePlan } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, months, who } from './text.ts';

const meta = { id: 'total-side-time', severity: 'advice' } as const;

/** Side-rotation time in full-time months (BT rotations excluded): the report's `sideMonths`. */
export function sideMonths(tp: TraineePlan): number {
  const { facts } = tp;
  let sum = 0;
  for (const p of tp.rotations) {
    if (p.specialty && facts.btSpecialties.has(p.specialty)) continue;
    sum += facts.calendar.fteMonths(p.from, p.to);
  }
  return sum;
}

export const totalSideTime = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Total sidotjänstgöring', en: 'Total side rotation time' },
  statement: (p) => ({
    sv: `Den sammanlagda sidotjänstgöringen är ${months(p.min, 'sv')}–${months(p.max, 'sv')} heltidsmånader.`,
    en: `Total side-rotation time is ${months(p.min, 'en')}–${months(p.max, 'en')} full-time months.`,
  }),
  params: Type.Object({ min: Type.Number({ minimum: 0, maximum: 66 }), max: Type.Number({ minimum: 0, maximum: 66 }) }),
  check(ctx, params) {
    const out = [];
    const tol = ctx.params['rotation-length'].toleranceMonths;
    for (const tp of ctx.trainees) {
      const total = sideMonths(tp);
      const short = params.min - total;
      const over = total - params.max;
      if (short <= tol && over <= tol) continue;
      const low = short > tol;
      const name = who(tp.facts, tp.facts.id);
      const range = `${months(params.min, 'sv')}–${monthWord(params.max, 'sv')}`;
      const rangeEn = `${months(params.min, 'en')}–${monthWord(params.max, 'en')}`;
      out.push(
        violation(meta, {
          trainees: [tp.facts.id],
          amount: low ? short : over,
          sv: `${name}: sidotjänstgöringen är ${monthWord(total, 'sv')} på heltid, rekommenderat ${range} (${monthWord(low ? short : over, 'sv')} ${low ? 'för lite' : 'för mycket'}).`,
          en: `${name}: side rotations total ${monthWord(total, 'en')} full-time, recommended ${rangeEn} (${monthWord(low ? short : over, 'en')} too ${low ? 'little' : 'much'}).`,
        }),
      );
    }
    return out;
  },
});
