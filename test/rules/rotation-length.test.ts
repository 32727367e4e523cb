import { describe, expect, it } from 'vitest';
import { brief, cleanPlacements, edited, rot, scenario, trainee, traineeViolationsOf, violationsOf } from './fixtures.ts';

const RULE = 'rotation-length';

describe('rotation-length', () => {
  it('finds nothing in the clean plan (internmedicin 3 + 3 months in two parts is 6.0)', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('a one-month psychiatry rotation is 1 full-time month short of 2–3', () => {
    const placements = edited('t01', (p) => p.specialty === 'psykiatri', [rot('t01', 'psykiatri', '2028-09-01', '2028-09-30')]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: 'psyk-vxo', unit: null, from: '2028-09-01', to: '2028-09-30', amount: 1 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: Psykiatri 2028-09-01 – 2028-09-30 är 1 månad på heltid men ska vara 2–3 månader (1 månad för kort).');
    expect(found[0]!.message.en).toContain('1 month too short');
  });

  it('a two-month dermatology rotation is 1 month over its 1', () => {
    const placements = edited('t01', (p) => p.specialty === 'hud', [rot('t01', 'hud', '2030-05-01', '2030-06-30')]);
    expect(violationsOf(RULE, scenario(), placements).map((v) => [v.from, v.to, v.amount])).toEqual([['2030-05-01', '2030-06-30', 1]]);
  });

  it('parts of one rotation add up: one internmedicin part of 2 months alone is 1 month short of 3', () => {
    const placements = edited('t01', (p) => p.specialty === 'internmedicin', [rot('t01', 'internmedicin', '2028-02-01', '2028-03-31')]);
    expect(violationsOf(RULE, scenario(), placements).map((v) => [v.from, v.to, v.amount])).toEqual([['2028-02-01', '2028-03-31', 1]]);
    const split = edited('t01', (p) => p.specialty === 'internmedicin', [
      rot('t01', 'internmedicin', '2028-02-01', '2028-03-31'),
      rot('t01', 'internmedicin', '2028-05-08', '2028-06-07'),
    ]);
    expect(violationsOf(RULE, scenario(), split)).toEqual([]);
  });

  it('at 80 % every fixed-length rotation of the clean plan falls short by 20 %', () => {
    const s = scenario([trainee('t01', { employment: [{ from: '2027-02-01', rate: 0.8 }] })]);
    const found = violationsOf(RULE, s, cleanPlacements());
    // internmedicin 6 × 0.8 = 4.8 and psykiatri 3 × 0.8 = 2.4 stay inside their ranges.
    expect(found.map((v) => [v.from, v.amount])).toEqual([
      ['2029-01-01', 0.6], // pediatrik 2.4 of 3
      ['2029-09-01', 0.4], // gynekologi 1.6 of 2
      ['2029-12-01', 0.4], // ÖNH 1.6 of 2
      ['2030-03-01', 0.2], // ögon 0.8 of 1
      ['2030-05-01', 0.2], // hud 0.8 of 1
    ]);
    expect(traineeViolationsOf(RULE, s, cleanPlacements(), 't01')).toEqual(found);
  });

  it('a rate change mid-rotation counts each day at its own rate', () => {
    // 100 % until 2029-02-14, 50 % from 2029-02-15: pediatrik 2029-01-01..03-31 has 45 days at 1.0 and 45 at 0.5.
    const s = scenario([trainee('t01', { employment: [{ from: '2027-02-01', rate: 1 }, { from: '2029-02-15', rate: 0.5 }] })]);
    const found = violationsOf(RULE, s, cleanPlacements()).filter((v) => v.from === '2029-01-01');
    expect(found.map((v) => v.amount)).toEqual([0.75]); // 3 × (45 + 22.5) / 90 = 2.25 full-time months
  });

  it('leave inside a rotation takes its share of the length', () => {
    const s = scenario([trainee('t01', { leave: [{ from: '2029-01-01', to: '2029-01-31', kind: 'sick' }] })]);
    const found = violationsOf(RULE, s, cleanPlacements());
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2029-01-01', 1.03]]); // 3 × 59/90 = 1.97
  });

  it('a day-grained end within the tolerance is accepted', () => {
    const placements = edited('t01', (p) => p.specialty === 'pediatrik', [rot('t01', 'pediatrik', '2029-01-01', '2029-03-30')]);
    expect(violationsOf(RULE, scenario(), placements)).toEqual([]); // 2.986 months, 0.014 short < 0.05
  });

  it("the trainee's own requirement replaces the profile's range", () => {
    const s = scenario([trainee('t01', { rotations: [{ specialty: 'psykiatri', months: 4 }] })]);
    expect(violationsOf(RULE, s, cleanPlacements()).map((v) => [v.from, v.amount])).toEqual([['2028-09-01', 1]]);
  });
});
