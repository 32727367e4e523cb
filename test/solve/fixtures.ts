/** Small named scenarios for the solver tests, and the re-check every solved plan must pass. */
import { expect } from 'vitest';
import type { Clinic, Plan, Scenario, Trainee } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';

export function trainee(id: string, over: Partial<Trainee> = {}): Trainee {
  return {
    id,
    name: `Läkare ${id}`,
    unit: 'vc-a',
    start: '2027-01-04',
    regulation: '2015:8',
    rotations: [{ specialty: 'psykiatri', months: 2 }],
    ...over,
  };
}

export function clinic(id: string, specialty: Clinic['specialty'], capacity: number, over: Partial<Clinic> = {}): Clinic {
  return { id, name: `Klinik ${id}`, specialty, capacity, ...over };
}

export function scenario(trainees: Trainee[], clinics: Clinic[], over: Partial<Scenario> = {}): Scenario {
  return {
    format: 'randplan.scenario/1',
    name: 'Testregion',
    horizon: { from: '2027-01-01', to: '2033-12-31' },
    // Planned before anyone starts: the whole of ST is future (tests of a region under way set their own).
    planFrom: '2027-01-01',
    clinics,
    units: [
      { id: 'vc-a', name: 'Vårdcentral A', maxAway: 4 },
      { id: 'vc-b', name: 'Vårdcentral B', maxAway: 1 },
    ],
    trainees,
    ...over,
  };
}

/** Every solved plan is re-checked by the rule catalogue: no hard violation may remain. */
export function expectValid(s: Scenario, plan: Plan): void {
  const report = validate(s, plan);
  const hard = report.violations.filter((v) => v.severity === 'hard');
  expect(hard.map((v) => `${v.rule}: ${v.message.en}`)).toEqual([]);
}

export function rotations(plan: Plan, traineeId: string) {
  return plan.placements
    .filter((p) => p.trainee === traineeId && p.kind === 'rotation')
    .map((p) => ({ specialty: p.specialty, clinic: p.clinic, from: p.from, to: p.to }));
}
