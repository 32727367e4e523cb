import { describe, expect, it } from 'vitest';
import { brief, cleanPlacements, scenario, trainee, violationsOf } from './fixtures.ts';
import { validate } from '../../solver/validate.ts';
import { plan } from './fixtures.ts';

const RULE = 'minimum-time';

describe('minimum-time', () => {
  it('finds nothing without a planned end, or with one on the computed end', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
    expect(violationsOf(RULE, scenario([trainee('t01', { plannedEnd: '2032-01-31' })]), cleanPlacements())).toEqual([]);
  });

  it('a planned end 2031-07-31 is 6 full-time months short of 60', () => {
    const found = violationsOf(RULE, scenario([trainee('t01', { plannedEnd: '2031-07-31' })]), cleanPlacements());
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: null, unit: null, from: '2027-02-01', to: '2031-07-31', amount: 6 },
    ]);
    expect(found[0]!.message.sv).toBe(
      'Läkare t01: planerat slut 2031-07-31 ger 54 månader på heltid men minst 60 månader krävs (2015:8); 6 månader saknas, tidigast slut 2032-01-31.',
    );
  });

  it('2021:8 needs 66 months: the 2015:8 end is 6 months short', () => {
    const s = scenario([trainee('t01', { regulation: '2021:8', plannedEnd: '2032-01-31' })]);
    expect(violationsOf(RULE, s, cleanPlacements()).map((v) => v.amount)).toEqual([6]);
    expect(validate(s, plan(cleanPlacements())).trainees[0]!.end).toBe('2032-07-31');
  });

  it('credit and leave move the end: 6 months credit and 3 months parental leave', () => {
    const s = scenario([
      trainee('t01', { creditMonths: 6, plannedEnd: '2031-09-30', leave: [{ from: '2029-03-01', to: '2029-05-31', kind: 'parental' }] }),
    ]);
    // 60 − 6 = 54 months of work: about 2027-02-01 + 54 months + 3 of leave = 2031-10-31; but
    // full-time months are calendar months × the share of days worked, and 57 × (1734 − 92) / 1734
    // = 53.97, so the minimum is reached one day later.
    expect(validate(s, plan([])).trainees[0]!.end).toBe('2031-11-01');
    // At 2031-09-30: 6 + 56 × (1703 − 92) / 1703 = 58.97 months, 1.03 short.
    expect(violationsOf(RULE, s, []).map((v) => v.amount)).toEqual([1.03]);
  });
});
