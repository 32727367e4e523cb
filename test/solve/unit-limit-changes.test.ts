/**
 * A unit's away limit over the calendar (maxAwayChanges): the solver's model and greedy read the extra
 * away place inside its period, and only there. Two trainees of vc-b (one away at a time), three months
 * before their end of ST (2032-01-02), each with two months of rotation left: one after the other
 * someone is extended; with two away at once from October to December, nobody is.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, Unit } from '../../solver/domain/schemas.ts';
import { greedyPlan } from '../../solver/greedy.ts';
import { solve } from '../../solver/solve/index.ts';
import { buildModel } from '../../solver/solve/model.ts';
import { parseDay } from '../../solver/time/dates.ts';
import { validate } from '../../solver/validate.ts';
import { limitBreaches } from '../demo/limits.ts';
import { clinic, expectValid, rotations, scenario, trainee } from './fixtures.ts';

const START = '2027-01-03';
const WORK = 3000;
// Own BVC and SÄBO are done: only the rotations below are left to plan.
const done = [
  { kind: 'bvc' as const, from: '2029-01-01', to: '2029-04-30' },
  { kind: 'sabo' as const, from: '2030-01-01', to: '2030-04-30' },
];
const AUTUMN = { from: '2031-10-01', to: '2031-12-31', maxAway: 2 };

function pair(changes?: Unit['maxAwayChanges']): Scenario {
  const people = [
    trainee('a', { start: START, unit: 'vc-b', rotations: [{ specialty: 'ogon', months: 2 }], locked: done }),
    trainee('b', { start: START, unit: 'vc-b', rotations: [{ specialty: 'hud', months: 2 }], locked: done }),
  ];
  return scenario(people, [clinic('ogon-a', 'ogon', 1), clinic('hud-a', 'hud', 1)], {
    planFrom: '2031-10-01',
    units: [
      { id: 'vc-a', name: 'Vårdcentral A', maxAway: 4 },
      { id: 'vc-b', name: 'Vårdcentral B', maxAway: 1, ...(changes ? { maxAwayChanges: changes } : {}) },
    ],
    rules: { 'max-away': { months: 2, returnWeeks: 5 } },
  });
}

const total = (s: Scenario, plan: Parameters<typeof validate>[1]) => validate(s, plan).trainees.reduce((sum, t) => sum + t.extensionMonths, 0);
const overlap = (s: Scenario, plan: Parameters<typeof validate>[1]) => {
  const [x] = rotations(plan, 'a');
  const [y] = rotations(plan, 'b');
  return x!.from <= y!.to && y!.from <= x!.to;
};

describe('a unit limit that changes over the calendar', () => {
  it('the model limits the unit by the change inside its period and checks the days it begins and ends', () => {
    const m = buildModel(pair([AUTUMN]));
    const unit = m.resources.find((r) => r.kind === 'unit' && r.id === 'vc-b')!;
    const at = (d: string) => unit.limit[parseDay(d) - m.slot0];
    expect([at('2031-09-30'), at('2031-10-01'), at('2031-12-31'), at('2032-01-01')]).toEqual([1, 2, 2, 1]);
    expect(unit.capAt(parseDay('2031-11-15'))).toBe(2);
    const r = m.resources.indexOf(unit);
    for (const d of ['2031-10-01', '2032-01-01']) expect(m.checked[r * m.nSlots + parseDay(d) - m.slot0]).toBe(1);
  });

  it('the fixture is tight: one away at a time, someone is extended', async () => {
    const s = pair();
    const r = await solve(s, { workLimit: WORK, advise: false });
    expectValid(s, r.plan);
    expect(total(s, r.plan)).toBeGreaterThan(0.5);
  });

  it('the solver sends both away at once inside the period, and nobody is extended', async () => {
    const s = pair([AUTUMN]);
    const r = await solve(s, { workLimit: WORK, advise: false });
    expectValid(s, r.plan);
    expect(r.report.trainees.map((t) => [t.id, t.extensionMonths])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect(overlap(s, r.plan)).toBe(true);
  });

  it('greedy uses the extra away place too, and never breaks the limit outside the period', () => {
    const tight = pair();
    expect(total(tight, greedyPlan(tight))).toBeGreaterThan(0.5);
    const s = pair([AUTUMN]);
    const plan = greedyPlan(s);
    expect(limitBreaches(s, plan)).toEqual([]);
    expect(validate(s, plan).violations.filter((v) => v.rule === 'unit-away-limit')).toEqual([]);
    expect(total(s, plan)).toBe(0);
    expect(overlap(s, plan)).toBe(true);
  });
});
