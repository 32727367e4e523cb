/**
 * structure (hard): the plan is well-formed for the scenario. Each finding is one violation:
 * - a placement names a trainee the scenario does not have (amount 1);
 * - a placement ends before it starts (amount = days reversed);
 * - a placement lacks its kind's field: a rotation needs `specialty` and `clinic`, a course `course`,
 *   a milestone `milestone` (amount 1);
 * - a rotation at a clinic the scenario does not have, or at a clinic of another specialty (amount 1);
 * - a placement before the trainee's start (amount = days outside); one after the end of ST extends
 *   ST (the `extension` rule), and only a `latestEnd` limits it (`latest-end`);
 * - two placements of one trainee overlap where the trainee cannot be in both places: a rotation
 *   with another rotation, own BVC or SÄBO (amount = days overlapping). Courses and milestones are
 *   short events that may fall inside anything; own BVC and SÄBO run from the VC side by side
 *   (part-of-the-week placements), so they may overlap each other.
 * The readers reject most of these at the boundary; the validator still checks them because plans
 * are also built in code (solver, web drag) without passing through a reader.
 */
import { Type } from '@sinclair/typebox';
import type { PlacementRef, TraineePlan } from '../plan/context.ts';
import { formatDay } from '../time/dates.ts';
import { placementName } from '../domain/specialties.ts';
import { defineRule, violation } from './rule.ts';
import type { Violation } from '../domain/schemas.ts';
import type { RuleContext } from '../plan/context.ts';
import { clinicName, dayWord, period, specialty, who } from './text.ts';

const meta = { id: 'structure', severity: 'hard' } as const;

function placementFindings(ctx: RuleContext, tp: TraineePlan, p: PlacementRef, out: Violation[]): void {
  const { facts } = tp;
  if (p.to < p.from) {
    add(out, tp, p, p.from - p.to, `${placementName(p, 'sv')} slutar ${formatDay(p.to)}, före sin start ${formatDay(p.from)}.`, `${placementName(p, 'en')} ends ${formatDay(p.to)}, before its start ${formatDay(p.from)}.`);
    return;
  }
  if (p.kind === 'rotation') {
    if (!p.specialty || !p.clinic) {
      add(out, tp, p, 1, `randningen ${period(p.from, p.to)} saknar ${!p.specialty ? 'specialitet' : 'klinik'}.`, `the rotation ${period(p.from, p.to)} has no ${!p.specialty ? 'specialty' : 'clinic'}.`);
    } else {
      const clinic = ctx.clinics.get(p.clinic);
      if (!clinic) add(out, tp, p, 1, `${label(p, 'sv')} är på en okänd klinik "${p.clinic}".`, `${label(p, 'en')} is at an unknown clinic "${p.clinic}".`);
      else if (clinic.specialty !== p.specialty)
        add(
          out,
          tp,
          p,
          1,
          `${label(p, 'sv')} ligger på ${clinic.name}, som är en klinik för ${specialty(clinic.specialty, 'sv')}.`,
          `${label(p, 'en')} is placed at ${clinic.name}, a clinic for ${specialty(clinic.specialty, 'en')}.`,
        );
    }
  } else if (p.kind === 'course' && !p.course) {
    add(out, tp, p, 1, `kursen ${period(p.from, p.to)} saknar kursnamn.`, `the course ${period(p.from, p.to)} names no course.`);
  } else if (p.kind === 'milestone' && !p.milestone) {
    add(out, tp, p, 1, `milstolpen ${period(p.from, p.to)} saknar namn.`, `the milestone ${period(p.from, p.to)} has no name.`);
  }
  if (p.from < facts.start) {
    const days = Math.min(p.to, facts.start - 1) - p.from + 1;
    add(out, tp, p, days, `${label(p, 'sv')} börjar före ST-start ${formatDay(facts.start)} (${dayWord(days, 'sv')}).`, `${label(p, 'en')} starts before ST begins ${formatDay(facts.start)} (${dayWord(days, 'en')}).`);
  }

}

function add(out: Violation[], tp: TraineePlan, p: PlacementRef, amount: number, sv: string, en: string): void {
  const name = who(tp.facts, tp.facts.id);
  out.push(violation(meta, { trainees: [tp.facts.id], clinic: p.clinic ?? null, from: p.from, to: p.to, amount, sv: `${name}: ${sv}`, en: `${name}: ${en}` }));
}

function label(p: PlacementRef, lang: 'sv' | 'en'): string {
  return `${placementName(p, lang)} ${period(p.from, p.to)}`;
}

function where(ctx: RuleContext, p: PlacementRef, lang: 'sv' | 'en'): string {
  return p.kind === 'rotation' ? `${placementName(p, lang)} (${clinicName(ctx, p.clinic)}) ${period(p.from, p.to)}` : label(p, lang);
}

/** Whether two placements of one trainee may not share a day. */
function exclusive(a: PlacementRef, b: PlacementRef): boolean {
  return isPlace(a) && isPlace(b) && (a.kind === 'rotation' || b.kind === 'rotation');
}

/** Placements that occupy the trainee's working days (courses and milestones do not). */
function isPlace(p: PlacementRef): boolean {
  return p.kind === 'rotation' || p.kind === 'bvc' || p.kind === 'sabo';
}

function overlapFindings(ctx: RuleContext, tp: TraineePlan, out: Violation[]): void {
  const list = tp.placements.filter((p) => p.to >= p.from && isPlace(p));
  const name = who(tp.facts, tp.facts.id);
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j]!;
      if (b.from > a.to) break;
      if (!exclusive(a, b)) continue;
      const from = b.from;
      const to = Math.min(a.to, b.to);
      const days = to - from + 1;
      out.push(
        violation(meta, {
          trainees: [tp.facts.id],
          clinic: a.clinic ?? b.clinic ?? null,
          from,
          to,
          amount: days,
          sv: `${name}: ${where(ctx, a, 'sv')} och ${where(ctx, b, 'sv')} överlappar ${dayWord(days, 'sv')} (${period(from, to)}).`,
          en: `${name}: ${where(ctx, a, 'en')} and ${where(ctx, b, 'en')} overlap by ${dayWord(days, 'en')} (${period(from, to)}).`,
        }),
      );
    }
  }
}

export const structure = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Planens struktur (överlapp, datum)', en: 'Plan structure (overlaps, dates)' },
  statement: {
    sv: 'Planen hänger ihop: kända ST-läkare och kliniker, rätt specialitet på kliniken, allt inom ST-tiden och ingen som är på två ställen samtidigt.',
    en: 'The plan is well-formed: known trainees and clinics, the right specialty at each clinic, everything within ST, nobody in two places at once.',
  },
  params: Type.Object({}),
  check(ctx) {
    const out: Violation[] = [];
    for (const p of ctx.strangers) {
      out.push(
        violation(meta, {
          trainees: [p.trainee],
          clinic: p.clinic ?? null,
          from: p.from,
          to: p.to,
          amount: 1,
          sv: `placements[${p.index}]: ST-läkaren "${p.trainee}" finns inte i scenariot.`,
          en: `placements[${p.index}]: trainee "${p.trainee}" is not in the scenario.`,
        }),
      );
    }
    for (const tp of ctx.trainees) {
      for (const p of tp.placements) placementFindings(ctx, tp, p, out);
      overlapFindings(ctx, tp, out);
    }
    return out;
  },
});
