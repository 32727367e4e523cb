/**
 * rotation-length (hard): each side rotation lasts within its recommended range in full-time months.
 *
 * A rotation is all rotation parts of one trainee in one specialty (parts share trainee and specialty,
 * formats.md); its length is the sum of the parts' full-time months, so part-time and leave count as
 * they should. The range is the trainee's requirement for that specialty, else the profile's
 * recommended length. `toleranceMonths` absorbs day-grained ends (3 months at 80 % cannot end exactly
 * on 3.0). amount = full-time months short of the minimum or over the maximum.
 */
import { Type } from '@sinclair/typebox';
import { Specialty } from '../domain/schemas.ts';
import type { MonthRange } from '../domain/profiles.ts';
import type { PlacementRef } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { monthWord, months, period, specialty, who } from './text.ts';

export const MonthRangeSchema = Type.Tuple([Type.Number({ minimum: 0, maximum: 60 }), Type.Number({ minimum: 0, maximum: 60 })]);

export function rangeText(r: MonthRange, lang: 'sv' | 'en'): string {
  return r[0] === r[1] ? monthWord(r[0], lang) : `${months(r[0], lang)}–${monthWord(r[1], lang)}`;
}

/** A trainee's rotation parts grouped by specialty, in order of first start. */
export function rotationsBySpecialty(parts: PlacementRef[]): Map<Specialty, PlacementRef[]> {
  const out = new Map<Specialty, PlacementRef[]>();
  for (const p of parts) {
    if (!p.specialty) continue;
    const list = out.get(p.specialty);
    if (list) list.push(p);
    else out.set(p.specialty, [p]);
  }
  return out;
}

const meta = { id: 'rotation-length', severity: 'hard' } as const;

/**
 * True when `length` full-time months keep the range within the tolerance. The planners ask this of a
 * rotation's parts: formats.md's month arithmetic jumps at the end of a short month (27 days of
 * February are 0.89 months, 28 a whole one), so not every length can be hit to the day.
 */
export function keepsLength(range: MonthRange, length: number, toleranceMonths: number): boolean {
  return range[0] - length <= toleranceMonths && length - range[1] <= toleranceMonths;
}

export const rotationLength = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Randningens längd', en: 'Rotation length' },
  statement: {
    sv: 'Varje randning varar inom sin specialitets rekommenderade längd, räknat i heltidsmånader.',
    en: "Each side rotation lasts within its specialty's recommended length, counted in full-time months.",
  },
  params: Type.Object({
    lengths: Type.Record(Specialty, MonthRangeSchema),
    toleranceMonths: Type.Number({ minimum: 0, maximum: 1 }),
  }),
  check(ctx, params) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { facts } = tp;
      for (const [spec, parts] of rotationsBySpecialty(tp.rotations)) {
        const range = facts.requirements.find((r) => r.specialty === spec)?.months ?? params.lengths[spec];
        const length = parts.reduce((sum, p) => sum + facts.calendar.fteMonths(p.from, p.to), 0);
        if (keepsLength(range, length, params.toleranceMonths)) continue;
        const short = range[0] - length;
        const over = length - range[1];
        const first = parts[0]!;
        const last = parts[parts.length - 1]!;
        const clinics = new Set(parts.map((p) => p.clinic));
        const name = who(facts, facts.id);
        const when = period(first.from, last.to);
        const tooShort = short > params.toleranceMonths;
        out.push(
          violation(meta, {
            trainees: [facts.id],
            clinic: clinics.size === 1 ? (first.clinic ?? null) : null,
            from: first.from,
            to: last.to,
            amount: tooShort ? short : over,
            sv: `${name}: ${specialty(spec, 'sv')} ${when} är ${monthWord(length, 'sv')} på heltid men ska vara ${rangeText(range, 'sv')} (${monthWord(tooShort ? short : over, 'sv')} för ${tooShort ? 'kort' : 'lång'}).`,
            en: `${name}: ${specialty(spec, 'en')} ${when} is ${monthWord(length, 'en')} full-time but should be ${rangeText(range, 'en')} (${monthWord(tooShort ? short : over, 'en')} too ${tooShort ? 'short' : 'long'}).`,
          }),
        );
      }
    }
    return out;
  },
});
