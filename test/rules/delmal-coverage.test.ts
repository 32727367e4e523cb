import { describe, expect, it } from 'vitest';
import { GOALS_2015, GOALS_2021, coveredGoals } from '../../solver/domain/delmal.ts';
import { validate } from '../../solver/validate.ts';
import { brief, cleanPlacements, edited, plan, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'delmal-coverage';

describe('delmal-coverage', () => {
  it('the clean plan covers all 25 delmål of 2015:8', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
    const summary = validate(scenario(), plan(cleanPlacements())).trainees[0]!;
    expect(summary.coveredGoals).toEqual(GOALS_2015.map((g) => g.code));
    expect(summary.missingGoals).toEqual([]);
  });

  it('without the gynaecology rotation c7 is missing', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.specialty === 'gynekologi'));
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'advice', trainees: ['t01'], clinic: null, unit: null, from: null, to: null, amount: 1 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: 1 delmål täcks inte av planen: c7 Gynekologi och mödrahälsovård.');
  });

  it('the courses alone do not complete a4 and a5: their written work is needed', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.milestone === 'kvalitetsarbete' || p.milestone === 'vetenskapligt-arbete'));
    expect(found[0]!.message.en).toBe('Läkare t01: 2 sub-goals (delmål) are not covered by the plan: a4 Quality improvement and patient safety; a5 Medical science.');
  });

  it('an empty plan still has the VC goals; the rest are missing, in målbeskrivning order', () => {
    const summary = validate(scenario(), plan([])).trainees[0]!;
    expect(summary.coveredGoals).toEqual(['c3', 'c9', 'c10', 'c11', 'c12']);
    expect(summary.missingGoals.slice(0, 3)).toEqual(['a1', 'a2', 'a3']);
    expect(summary.missingGoals).toHaveLength(20);
  });

  it('2021:8 uses its own codes (c7 → STc7, b3 → STc14, a3 → STa7) and no BT goals', () => {
    const s = scenario([trainee('t01', { regulation: '2021:8' })]);
    const summary = validate(s, plan(edited('t01', (p) => p.specialty === 'gynekologi'))).trainees[0]!;
    expect(summary.missingGoals).toEqual(['STc7']);
    expect(summary.coveredGoals).toHaveLength(GOALS_2021.length - 1);
    expect(summary.coveredGoals.some((c) => c.startsWith('BT'))).toBe(false);
  });

  it('own BVC covers c6 and SÄBO c8 without pediatrics or hospital rotations', () => {
    const covered = coveredGoals('2015:8', { specialties: [], courses: [], milestones: [], hasBvc: true, hasSabo: true });
    expect(covered).toEqual(['c3', 'c6', 'c8', 'c9', 'c10', 'c11', 'c12']);
  });
});
