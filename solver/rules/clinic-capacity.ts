/**
 * clinic-capacity (hard): at no time more trainees at a receiving clinic than its capacity.
 *
 * Capacity is the clinic's `capacity`, or a `capacityChanges` entry's inside its period (the smallest
 * where two overlap). Maximal runs of over-booked days are one violation each: from, to,
 * amount = the largest number of trainees over capacity in the run, trainees = everyone placed
 * there during the run. A trainee with two overlapping parts at one clinic counts once. Runs before
 * the planning day are history and reported as advice.
 */
import { Type } from '@sinclair/typebox';
import { capacitySteps } from '../domain/capacity.ts';
import { defineRule, violation } from './rule.ts';
import { overloadRunsAround } from './sweep.ts';
import { clinicName, counted, HISTORY_TEXT, names, period } from './text.ts';

const meta = { id: 'clinic-capacity', severity: 'hard' } as const;
/** Before the planning day an overload is history: reported, as advice. */
const HISTORY = { ...meta, severity: 'advice' } as const;

export const clinicCapacity = defineRule({
  ...meta,
  scope: 'cohort',
  name: { sv: 'Klinikens platser', en: 'Clinic capacity' },
  statement: {
    sv: 'En klinik har aldrig fler ST-läkare på plats än sin kapacitet, som kan variera över året.',
    en: 'A receiving clinic never has more trainees at once than its capacity, which may vary over the year.',
  },
  params: Type.Object({}),
  check(ctx) {
    const out = [];
    for (const [clinicId, parts] of ctx.clinicRotations) {
      const clinic = ctx.clinics.get(clinicId);
      if (!clinic) continue; // an unknown clinic is a structural error, reported by `structure`
      const changes = capacitySteps(clinic);
      const loads = parts.map((p) => ({ from: p.from, to: p.to, who: p.trainee }));
      for (const run of overloadRunsAround(loads, clinic.capacity, changes, ctx.planFrom)) {
        const name = clinicName(ctx, clinicId);
        const when = period(run.from, run.to);
        const places = run.peakCapacity;
        const upTo = run.lowCount < run.peakCount;
        out.push(
          violation(run.past ? HISTORY : meta, {
            trainees: run.who,
            clinic: clinicId,
            from: run.from,
            to: run.to,
            amount: run.over,
            sv: `${run.past ? HISTORY_TEXT.sv : ''}${name} har ${counted(places, 'plats', 'platser')} ${when} men ${upTo ? 'upp till ' : ''}${counted(run.peakCount, 'ST-läkare är placerad', 'ST-läkare är placerade')} där (${names(ctx, run.who)}); ${run.over} för många.`,
            en: `${run.past ? HISTORY_TEXT.en : ''}${name} has ${counted(places, 'place', 'places')} ${when} but ${upTo ? 'up to ' : ''}${counted(run.peakCount, 'trainee is', 'trainees are')} placed there (${names(ctx, run.who)}); ${run.over} too many.`,
          }),
        );
      }
    }
    return out;
  },
});
