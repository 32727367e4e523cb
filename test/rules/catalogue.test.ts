import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { KRONOBERG, NORRBOTTEN } from '../../solver/domain/profiles.ts';
import { Report, type PlanPlacement, type Trainee } from '../../solver/domain/schemas.ts';
import { RULES, paramsFor } from '../../solver/rules/index.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
import { createValidator, validate } from '../../solver/validate.ts';
import { cleanPlacements, plan, scenario, trainee } from './fixtures.ts';

const DOMAIN_IDS = [
  'rotation-length',
  'required-rotations',
  'initial-vc',
  'max-away',
  'pediatrics-before-bvc',
  'sabo-second-half',
  'clinic-capacity',
  'unit-away-limit',
  'availability',
  'total-side-time',
  'mid-st',
  'course-windows',
  'minimum-time',
  'latest-end',
  'extension',
  'delmal-coverage',
];

describe('the rule catalogue', () => {
  it("has domain.md's rules in its order, then the structural checks", () => {
    expect(RULES.map((r) => r.id)).toEqual([...DOMAIN_IDS, 'planning-day', 'structure', 'locked']);
  });

  it('states every rule in Swedish and English and marks hard and advice as domain.md does', () => {
    for (const r of RULES) {
      expect(r.statement.sv.length).toBeGreaterThan(20);
      expect(r.statement.en.length).toBeGreaterThan(20);
    }
    const advice = RULES.filter((r) => r.severity === 'advice').map((r) => r.id);
    expect(advice).toEqual(['total-side-time', 'mid-st', 'course-windows', 'extension', 'delmal-coverage', 'planning-day']);
  });

  it("each rule's parameter schema accepts both profiles' parameters", () => {
    for (const profile of [KRONOBERG, NORRBOTTEN]) {
      for (const r of RULES) expect([r.id, Value.Check(r.params, paramsFor(profile, r.id))]).toEqual([r.id, true]);
    }
  });
});

/** A cohort of clean plans shifted in time, so that trainees meet at clinics and in units. */
function cohort(shifts: { days: number; unit: 'vc-a' | 'vc-b' }[]) {
  const trainees: Trainee[] = [];
  const placements: PlanPlacement[] = [];
  shifts.forEach((s, i) => {
    const id = `t${String(i + 1).padStart(2, '0')}`;
    const move = (d: string): string => formatDay(parseDay(d) + s.days);
    trainees.push(trainee(id, { unit: s.unit, start: move('2027-02-01') }));
    for (const p of cleanPlacements(id)) placements.push({ ...p, from: move(p.from), to: move(p.to) });
  });
  return { scenario: scenario(trainees), placements };
}

const shiftsArb = fc.array(fc.record({ days: fc.integer({ min: 0, max: 400 }), unit: fc.constantFrom('vc-a' as const, 'vc-b' as const) }), {
  minLength: 2,
  maxLength: 9,
});

describe('validateTrainee', () => {
  it("agrees with the whole-plan validation, restricted to the violations that name the trainee", () => {
    fc.assert(
      fc.property(shiftsArb, (shifts) => {
        const { scenario: s, placements } = cohort(shifts);
        const whole = validate(s, plan(placements));
        const v = createValidator(s);
        for (const t of s.trainees) {
          const one = v.validateTrainee(plan(placements), t.id);
          expect(one.violations).toEqual(whole.violations.filter((x) => x.trainees.includes(t.id)));
          expect(one.trainees).toEqual(whole.trainees.filter((x) => x.id === t.id));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps agreeing while a placement is dragged in place, day by day', () => {
    fc.assert(
      fc.property(shiftsArb, fc.nat(), fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 6 }), (shifts, pick, moves) => {
        const { scenario: s, placements } = cohort(shifts);
        const v = createValidator(s);
        const p = plan(placements);
        const index = pick % placements.length;
        const who = placements[index]!.trainee;
        for (const by of moves) {
          const old = p.placements[index]!;
          p.placements[index] = { ...old, from: formatDay(parseDay(old.from) + by), to: formatDay(parseDay(old.to) + by) };
          const fresh = createValidator(s).validate(p);
          expect(v.validateTrainee(p, who).violations).toEqual(fresh.violations.filter((x) => x.trainees.includes(who)));
          expect(v.validate(p)).toEqual(fresh);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('writes reports that match the report schema', () => {
    const { scenario: s, placements } = cohort([
      { days: 0, unit: 'vc-b' },
      { days: 30, unit: 'vc-b' },
    ]);
    const report = validate(s, plan(placements));
    expect(report.violations.length).toBeGreaterThan(0);
    expect([...Value.Errors(Report, report)]).toEqual([]);
    expect([...Value.Errors(Report, createValidator(s).validateTrainee(plan(placements), 't01'))]).toEqual([]);
  });

  it('rejects a trainee the scenario does not have', () => {
    expect(() => createValidator(scenario()).validateTrainee(plan([]), 'nobody')).toThrow('validateTrainee: trainee "nobody" is not in the scenario');
  });

  it('sorts hard before advice, then by rule, trainee and date', () => {
    const { scenario: s, placements } = cohort([
      { days: 0, unit: 'vc-b' },
      { days: 10, unit: 'vc-b' },
      { days: 20, unit: 'vc-b' },
    ]);
    const report = validate(s, plan(placements.filter((p) => p.kind !== 'sabo')));
    const keys = report.violations.map((v) => `${v.severity === 'hard' ? 0 : 1}|${v.rule}|${v.trainees[0]}|${v.from ?? ''}`);
    expect(keys).toEqual([...keys].sort());
    expect(report.valid).toBe(false);
  });
});
