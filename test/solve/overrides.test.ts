/**
 * Every rule written once: whatever a region sets its rules' parameters to (within each rule's schema
 * and the ranges domain.md gives), the solver's plan keeps every hard rule as the catalogue judges it,
 * from the model's own schedules (no fallback to greedy's plan). A planner that re-encodes a rule with
 * the default numbers, or month arithmetic that only takes whole months, fails here.
 */
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../solver/demo/generate.ts';
import { resolveParams } from '../../solver/domain/params.ts';
import { COURSES, type ProfileId, type Scenario } from '../../solver/domain/schemas.ts';
import { COURSE_WINDOWS } from '../../solver/rules/course-windows.ts';
import { RULES, paramsFor } from '../../solver/rules/index.ts';
import { solve } from '../../solver/solve/index.ts';

const months = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Overrides of any subset of the rules with parameters, each inside the range a region could choose. */
const overridesArb = fc.record(
  {
    'rotation-length': fc.record({ toleranceMonths: months(0.04, 0.1) }),
    'required-rotations': fc.record({ btWithinMonths: months(20, 30) }),
    'initial-vc': fc.record({ months: months(12, 18) }),
    'max-away': fc.record({ months: months(2, 3), returnWeeks: months(0, 3) }),
    'pediatrics-before-bvc': fc.record({ bvcMonths: months(3, 6) }),
    'sabo-second-half': fc.record({ months: months(3, 6) }),
    'total-side-time': months(16, 20).chain((min) => fc.record({ min: fc.constant(min), max: months(min, 26) })),
    'mid-st': months(24, 33).chain((min) => fc.record({ minMonths: fc.constant(min), maxMonths: months(min, 38), monthsBeforeEnd: months(12, 24) })),
    'course-windows': fc.record({
      earlyMonths: months(12, 30),
      windows: fc.record(Object.fromEntries(COURSES.map((c) => [c, fc.constantFrom(...COURSE_WINDOWS)]))),
    }),
    'minimum-time': fc.record({ months: fc.record({ '2015:8': months(60, 66), '2021:8': months(66, 72) }) }),
  },
  { requiredKeys: [] },
);

/**
 * A small generated region under the overrides. Its history (locked placements) was planned under the
 * profile's defaults and may break the region's own numbers, so it is cleared and the region is
 * planned from its first day; capacity (summer closures too) and unit limits have no parameters and
 * are made ample, so that every draw has a plan to find.
 */
function region(profile: ProfileId, seed: number, rules: Scenario['rules']): Scenario {
  const s = generateScenario({ size: 8, seed, today: '2026-12-01', profile });
  return {
    ...s,
    rules,
    planFrom: s.horizon.from,
    trainees: s.trainees.map((t) => ({ ...t, locked: [] })),
    clinics: s.clinics.map((c) => ({ ...c, capacity: s.trainees.length, capacityChanges: [] })),
    units: s.units.map((u) => ({ ...u, maxAway: s.trainees.length })),
  };
}

describe('rule overrides', () => {
  it('the solver keeps every hard rule under any parameters a region may set, without falling back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<ProfileId>('kronoberg', 'norrbotten'), fc.integer({ min: 1, max: 50 }), overridesArb, async (profile, seed, rules) => {
        const s = region(profile, seed, rules as Scenario['rules']);
        const params = resolveParams(s);
        for (const rule of RULES) expect([rule.id, Value.Check(rule.params, paramsFor(params, rule.id))]).toEqual([rule.id, true]);
        const r = await solve(s, { workLimit: 200, threads: 1 });
        const hard = r.report.violations.filter((v) => v.severity === 'hard').map((v) => v.message.en);
        expect(hard).toEqual([]);
        expect(r.fallback).toBe(false);
      }),
      { numRuns: 12, seed: 20261201 },
    );
  }, 120_000);
});
