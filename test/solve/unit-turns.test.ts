/**
 * Unit-mates taking turns (issue 12): in a unit that lets one trainee away at a time, the only plan
 * without extension puts one trainee's short rotation inside another's return weeks. Re-planning one
 * trainee at a time never finds it; the solver must.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../solver/domain/schemas.ts';
import { solve } from '../../solver/solve/index.ts';
import { pinHistory } from '../../solver/solve/history.ts';
import { buildModel } from '../../solver/solve/model.ts';
import { freeRows } from '../../solver/solve/repair.ts';
import { completeByUnits, planUnit, tightUnits } from '../../solver/solve/unit.ts';
import { clinic, expectValid, rotations, scenario, trainee } from './fixtures.ts';

const START = '2027-01-03';
// Own BVC and SÄBO are done: only the rotations below are left to plan.
const done = [
  { kind: 'bvc' as const, from: '2029-01-01', to: '2029-04-30' },
  { kind: 'sabo' as const, from: '2030-01-01', to: '2030-04-30' },
];

/**
 * Three trainees of vc-b (one away at a time), ST ending 2032-01-02, planned from 2031-06-16: 6.5 months
 * left. A's four months of internmedicin go out in two stretches of two months with five return weeks
 * between (max-away 2 months); B needs one month of ögon and C one month of hud. One after the other
 * they need 7.2 months of the unit's time; with B's ögon inside A's return weeks, 6.2.
 */
function turns(returnWeeks = 5): Scenario {
  const people = [
    trainee('a', { start: START, unit: 'vc-b', rotations: [{ specialty: 'internmedicin', months: 4 }], locked: done }),
    trainee('b', { start: START, unit: 'vc-b', rotations: [{ specialty: 'ogon', months: 1 }], locked: done }),
    trainee('c', { start: START, unit: 'vc-b', rotations: [{ specialty: 'hud', months: 1 }], locked: done }),
  ];
  return scenario(people, [clinic('med-a', 'internmedicin', 1), clinic('ogon-a', 'ogon', 1), clinic('hud-a', 'hud', 1)], {
    planFrom: '2031-06-16',
    rules: { 'max-away': { months: 2, returnWeeks } },
  });
}

describe('unit-mates take turns', () => {
  it('puts one trainee’s rotation inside another’s return weeks, and nobody is extended', async () => {
    const s = turns();
    const r = await solve(s, { workLimit: 3000 });
    expectValid(s, r.plan);
    expect(r.report.trainees.map((t) => [t.id, t.extensionMonths])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 0],
    ]);
    // A's internmedicin in two stretches, and B's ögon or C's hud between them.
    const [first, second] = rotations(r.plan, 'a');
    const between = [...rotations(r.plan, 'b'), ...rotations(r.plan, 'c')].filter((p) => first!.to < p.from && p.to < second!.from);
    expect(between).toHaveLength(1);
  });

  it('the unit subproblem alone finds the turns: nobody ends after the end of ST', async () => {
    const m = buildModel(pinHistory(turns(), undefined).scenario);
    const group = m.trainees.map((t) => t.index);
    const r = await planUnit(m, { trainees: group, free: freeRows(m), start: null, reach: Infinity, limits: { nodeLimit: 1000 } });
    expect(r.optimal).toBe(true);
    const ends = r.columns!.map((c) => Math.max(...c.choices.flatMap((ch) => ch.option.parts.map((p) => p.to))));
    ends.forEach((end, k) => expect(end).toBeLessThanOrEqual(m.trainees[group[k]!]!.facts.end));
    const [a, ...others] = r.columns!;
    const [first, second] = a!.choices[0]!.option.parts;
    const inside = others.flatMap((c) => c.choices).filter((ch) => ch.option.parts[0]!.from > first!.to && ch.option.parts.at(-1)!.to < second!.from);
    expect(inside).toHaveLength(1);
  });

  it('trainees no repair could place are placed by planning their unit together, before anyone is left out', async () => {
    const m = buildModel(pinHistory(turns(), undefined).scenario);
    const all = m.trainees.map((t) => t.index);
    const r = await completeByUnits(m, { columns: all.map(() => null), cost: 0, unplaced: all }, tightUnits(m), { until: () => false, limits: () => ({ nodeLimit: 1000 }), room: () => Infinity });
    expect(r.unplaced).toEqual([]);
    r.columns.forEach((c, i) => expect(Math.max(...c!.choices.flatMap((ch) => ch.option.parts.map((p) => p.to)))).toBeLessThanOrEqual(m.trainees[i]!.facts.end));
  });

  it('the fixture is tight: with return weeks too short for a month of ögon, someone is extended', async () => {
    const s = turns(3);
    const r = await solve(s, { workLimit: 3000 });
    expectValid(s, r.plan);
    expect(r.report.trainees.reduce((sum, t) => sum + t.extensionMonths, 0)).toBeGreaterThan(0.3);
  });
});
