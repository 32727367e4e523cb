/**
 * delmal-coverage (advice): the rotations, courses, own BVC, SÄBO, VC time and written work in the plan
 * together cover every delmål of the trainee's målbeskrivning (2015:8 or 2021:8; BT goals are not
 * checked, see solver/domain/delmal.ts). One violation per trainee listing the missing codes;
 * amount = number of delmål missing.
 */
import { Type } from '@sinclair/typebox';
import { coveredGoals, goalSourcesOf, missingGoals } from '../domain/delmal.ts';
import type { TraineePlan } from '../plan/context.ts';
import { defineRule, violation } from './rule.ts';
import { counted, goalList, who } from './text.ts';

const meta = { id: 'delmal-coverage', severity: 'advice' } as const;

export interface Coverage {
  covered: string[];
  missing: string[];
}

// The rule and the report's trainee summary both ask for the same plan's coverage.
const memo = new WeakMap<TraineePlan, Coverage>();

/** The trainee's covered and missing delmål, as the report lists them. */
export function goalCoverage(tp: TraineePlan): Coverage {
  const hit = memo.get(tp);
  if (hit) return hit;
  const regulation = tp.facts.trainee.regulation;
  const covered = coveredGoals(regulation, goalSourcesOf(tp.placements));
  const result = { covered, missing: missingGoals(regulation, covered) };
  memo.set(tp, result);
  return result;
}

export const delmalCoverage = defineRule({
  ...meta,
  scope: 'trainee',
  name: { sv: 'Delmål som täcks', en: 'Sub-goal coverage' },
  statement: {
    sv: 'Planens randningar, kurser och övriga moment täcker tillsammans alla delmål i målbeskrivningen.',
    en: 'The rotations, courses and other parts of the plan together cover every sub-goal (delmål) of the curriculum.',
  },
  params: Type.Object({}),
  check(ctx) {
    const out = [];
    for (const tp of ctx.trainees) {
      const { missing } = goalCoverage(tp);
      if (missing.length === 0) continue;
      const name = who(tp.facts, tp.facts.id);
      out.push(
        violation(meta, {
          trainees: [tp.facts.id],
          amount: missing.length,
          sv: `${name}: ${missing.length} delmål täcks inte av planen: ${goalList(missing, 'sv')}.`,
          en: `${name}: ${counted(missing.length, 'sub-goal (delmål) is', 'sub-goals (delmål) are')} not covered by the plan: ${goalList(missing, 'en')}.`,
        }),
      );
    }
    return out;
  },
});
