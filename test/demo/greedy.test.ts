import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../solver/demo/generate.ts';
import { greedyPlace, greedyPlan } from '../../solver/greedy.ts';
import type { Scenario } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { limitBreaches } from './limits.ts';

const TODAY = '2026-11-22';
const NEVER_BROKEN = new Set(['clinic-capacity', 'unit-away-limit', 'availability', 'locked', 'structure', 'initial-vc', 'max-away']);

describe('greedyPlan on generated regions', () => {
  const cases: [string, Scenario][] = [
    ['kronoberg 20 seed 1', generateScenario({ size: 20, seed: 1, today: TODAY })],
    ['kronoberg 120 seed 2', generateScenario({ size: 120, seed: 2, today: TODAY })],
    ['norrbotten 60 seed 3', generateScenario({ size: 60, seed: 3, today: TODAY, profile: 'norrbotten' })],
  ];

  it.each(cases)('%s: keeps capacity, unit limits, leave and locked placements', (_name, scenario) => {
    const plan = greedyPlan(scenario);
    expect(limitBreaches(scenario, plan)).toEqual([]);
    const report = validate(scenario, plan);
    const broken = report.violations.filter((v) => v.severity === 'hard' && NEVER_BROKEN.has(v.rule));
    expect(broken.map((v) => v.message.en)).toEqual([]);
  });

  it.each(cases)('%s: places everything, extending ST where places run short, but for BT rotations past their window', (_name, scenario) => {
    const { plan, unplaced } = greedyPlace(scenario);
    // A BT rotation must lie within two years of the start: no extension absorbs a missed window.
    const facts = new Map(scenario.trainees.map((t) => [t.id, t]));
    expect(unplaced.filter((u) => !(u.kind === 'rotation' && facts.get(u.trainee)?.regulation === '2021:8' && scenario.profile === 'norrbotten'))).toEqual([]);
    const hard = validate(scenario, plan).violations.filter((v) => v.severity === 'hard');
    expect(hard.filter((v) => v.rule !== 'required-rotations').map((v) => v.message.en)).toEqual([]);
    expect(new Set(hard.flatMap((v) => v.trainees))).toEqual(new Set(unplaced.map((u) => u.trainee)));
  });

  it('extends ST rather than leave required work out: the report says who and by how much', () => {
    const scenario = cases[1]![1];
    const report = validate(scenario, greedyPlan(scenario));
    const extended = report.trainees.filter((t) => t.extensionMonths > 0);
    expect(extended.length).toBeGreaterThan(0);
    for (const t of extended) expect(t.plannedEnd > t.end).toBe(true);
    expect(report.violations.filter((v) => v.rule === 'extension').map((v) => v.trainees[0]).sort()).toEqual(extended.map((t) => t.id).sort());
  });

  it('is deterministic', () => {
    const scenario = generateScenario({ size: 30, seed: 9, today: TODAY });
    expect(greedyPlan(scenario)).toEqual(greedyPlan(scenario));
  });

  it('splits a rotation longer than the away limit at part-time into parts with a return week', () => {
    const scenario: Scenario = {
      format: 'randplan.scenario/1',
      name: 'Deltid',
      horizon: { from: '2027-01-01', to: '2034-12-31' },
      clinics: [
        { id: 'barn', name: 'Barnkliniken', specialty: 'pediatrik', capacity: 1 },
      ],
      units: [{ id: 'vc', name: 'VC', maxAway: 1 }],
      trainees: [
        {
          id: 't1',
          name: 'Anna Andersson',
          unit: 'vc',
          start: '2027-02-01',
          regulation: '2015:8',
          employment: [{ from: '2027-02-01', rate: 0.75 }],
          rotations: [{ specialty: 'pediatrik', months: 3 }],
        },
      ],
    };
    const plan = greedyPlan(scenario);
    const parts = plan.placements.filter((p) => p.kind === 'rotation');
    expect(parts.length).toBe(2); // 3 full-time months at 75 % = 4 calendar months > the 3-month limit
    expect(validate(scenario, plan).violations.filter((v) => v.severity === 'hard')).toEqual([]);
  });

  it('leaves out what cannot be placed instead of breaking capacity', () => {
    const scenario: Scenario = {
      format: 'randplan.scenario/1',
      name: 'Full',
      horizon: { from: '2027-01-01', to: '2034-12-31' },
      clinics: [{ id: 'psyk', name: 'Psykiatrin', specialty: 'psykiatri', capacity: 0 }],
      units: [{ id: 'vc', name: 'VC', maxAway: 1 }],
      trainees: [
        { id: 't1', name: 'Erik Berg', unit: 'vc', start: '2027-02-01', regulation: '2015:8', rotations: [{ specialty: 'psykiatri', months: 3 }] },
      ],
    };
    const { plan, unplaced } = greedyPlace(scenario);
    expect(unplaced).toEqual([{ trainee: 't1', kind: 'rotation', specialty: 'psykiatri', months: 3 }]);
    expect(plan.placements.some((p) => p.kind === 'rotation')).toBe(false);
    expect(validate(scenario, plan).violations.map((v) => v.rule)).toContain('required-rotations');
  });

  it('keeps locked placements exactly and plans around them', () => {
    const scenario = generateScenario({ size: 40, seed: 11, today: TODAY });
    const t = scenario.trainees.find((x) => !x.locked)!;
    const plan0 = greedyPlan(scenario);
    const first = plan0.placements.find((p) => p.trainee === t.id && p.kind === 'rotation')!;
    // Lock the trainee's first rotation one month later than greedy would put it.
    const moved = { kind: 'rotation' as const, specialty: first.specialty, clinic: first.clinic, from: '2031-03-03', to: '2031-04-02' };
    t.locked = [moved];
    const plan = greedyPlan(scenario);
    expect(plan.placements).toContainEqual({ trainee: t.id, ...moved });
    expect(limitBreaches(scenario, plan).filter((b) => b.what === 'locked')).toEqual([]);
  });
});
