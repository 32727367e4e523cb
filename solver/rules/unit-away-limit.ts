/**
 * unit-away-limit (hard): at no time more of a unit's trainees away on rotation than the unit's
 * `maxAway` (the enhetschef's "not everyone away at once").
 *
 * Away = on a rotation part; own BVC, SÄBO, courses and milestones are not away (formats.md).
 * Maximal runs of days over the limit are one violation each; amount = the largest number of
 * trainees over the limit in the run.
 */
import { Type } from '@sinclair/typebox';
import { defineRule, violation } from './rule.ts';
import { overloadRuns } from './sweep.ts';
import { list, period, unitName } from './text.ts';

const meta = { id: 'unit-away-limit', severity: 'hard' } as const;

export const unitAwayLimit = defineRule({
  ...meta,
  scope: 'cohort',
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
      const runs = overloadRuns(
        parts.map((p) => ({ from: p.from, to: p.to, who: p.trainee })),
        unit.maxAway,
        [],
      );
      for (const run of runs) {
        const name = unitName(ctx, unitId);
        const when = period(run.from, run.to);
        const upTo = run.lowCount < run.peakCount;
        out.push(
          violation(meta, {
            trainees: run.who,
            unit: unitId,
            from: run.from,
            to: run.to,
            amount: run.over,
            sv: `${name} tillåter ${unit.maxAway} borta samtidigt men ${upTo ? 'upp till ' : ''}${run.peakCount} ST-läkare randar ${when} (${list(run.who)}); ${run.over} för många.`,
            en: `${name} allows ${unit.maxAway} away at once but ${upTo ? 'up to ' : ''}${run.peakCount} trainees are on rotation ${when} (${list(run.who)}); ${run.over} too many.`,
          }),
        );
      }
    }
    return out;
  },
});
