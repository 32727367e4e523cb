import { describe, expect, it } from 'vitest';
import { brief, cleanPlacements, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'availability';

describe('availability', () => {
  it('finds nothing when leave falls between placements', () => {
    const s = scenario([trainee('t01', { leave: [{ from: '2028-12-01', to: '2028-12-31', kind: 'vacation' }] })]);
    expect(violationsOf(RULE, s, cleanPlacements())).toEqual([]);
  });

  it('parental leave over pediatrics: amount = the days of leave inside it', () => {
    const s = scenario([trainee('t01', { leave: [{ from: '2029-03-01', to: '2029-08-31', kind: 'parental' }] })]);
    const found = violationsOf(RULE, s, cleanPlacements());
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: 'barn-vxo', unit: null, from: '2029-01-01', to: '2029-03-31', amount: 31 },
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: null, unit: null, from: '2029-04-10', to: '2029-04-12', amount: 3 },
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: null, unit: null, from: '2029-04-15', to: '2029-08-14', amount: 122 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: Pediatrik 2029-01-01 – 2029-03-31 ligger 31 dagar under ledighet (2029-03-01 – 2029-03-31).');
  });

  it('leave across a year boundary and two leave periods in one placement add up', () => {
    const s = scenario([
      trainee('t01', {
        leave: [
          { from: '2030-12-20', to: '2031-01-05', kind: 'vacation' },
          { from: '2030-09-10', to: '2030-09-11', kind: 'sick' },
        ],
      }),
    ]);
    // SÄBO 2030-09-01..2030-12-31: 2 days in September + 12 days 2030-12-20..31.
    expect(violationsOf(RULE, s, cleanPlacements()).map((v) => [v.from, v.amount])).toEqual([['2030-09-01', 14]]);
  });
});
