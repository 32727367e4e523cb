/**
 * unit-away-limit (hard): at no time more of a unit's trainees away on rotation than the unit's
 * limit (the enhetschef's "not everyone away at once"): `maxAway`, or a `maxAwayChanges` entry's inside
 * its period (the smallest where two overlap, as a clinic's capacity is read).
 *
 * Away = on a rotation part; own BVC, SÄBO, courses and milestones are not away (formats.md).
 * Maximal runs of days over the limit are one violation each; amount = the largest number of
 * trainees over the limit in the run. Runs before the planning day are history and reported as advice.
 */
import { Type } from '@sinclair/typebox';
import { awaySteps } from '../domain/capacity.ts';
import { defineRule, violation } from './rule.ts';
import { overloadRunsAround } from './sweep.ts';
import { counted, HISTORY_TEXT, names, period, unitName } from './text.ts';

const meta = { id: 'unit-away-limit', severity: 'hard' } as const;
/** Before the planning day an overload is history: reported, as advice. */
const HISTORY = { ...meta, severity: 'advice' } as const;

export const unitAwayLimit = defineRule({
  ...meta,
  scope: 'cohort',
  name: { sv: 'Enhetens gräns för borta samtidigt', en: 'Unit’s limit on trainees away' },
  statement: {
    sv: 'Aldrig fler av en vårdcentrals ST-läkare borta samtidigt än enhetens gräns.',
    en: "Never more of a unit's trainees away at once than the unit's limit.",
  },
  params: Type.Object({}),
  check(ctx) {
    const out = [];
    for (const [unitId, parts] of ctx.unitRotations) {
      const unit = ctx.units.get(unitId);
      if (!unit) continue;
      const loads = parts.map((p) => ({ from: p.from, to: p.to, who: p.trainee }));
      for (const run of overloadRunsAround(loads, unit.maxAway, awaySteps(unit), ctx.planFrom)) {
        const name = unitName(ctx, unitId);
        const when = period(run.from, run.to);
        const upTo = run.lowCount < run.peakCount;
        const limit = run.peakCapacity;
        out.push(
          violation(run.past ? HISTORY : meta, {
            trainees: run.who,
            unit: unitId,
            from: run.from,
            to: run.to,
            amount: run.over,
            sv: `${run.past ? HISTORY_TEXT.sv : ''}${name} tillåter ${limit} borta samtidigt men ${upTo ? 'upp till ' : ''}${run.peakCount} ST-läkare randar ${when} (${names(ctx, run.who)}); ${run.over} för många.`,
            en: `${run.past ? HISTORY_TEXT.en : ''}${name} allows ${limit} away at once but ${upTo ? 'up to ' : ''}${counted(run.peakCount, 'trainee is', 'trainees are')} on rotation ${when} (${names(ctx, run.who)}); ${run.over} too many.`,
          }),
        );
      }
    }
    return out;
  },
});
