import { describe, expect, it } from 'vitest';
import { brief, rot, scenario, trainee, traineeViolationsOf, violationsOf } from './fixtures.ts';

const RULE = 'unit-away-limit';
// vc-b allows 1 away at once; vc-a allows 2.
const cohort = [trainee('t01', { unit: 'vc-b' }), trainee('t02', { unit: 'vc-b' }), trainee('t03', { unit: 'vc-a' })];

describe('unit-away-limit', () => {
  it('finds nothing when the unit’s trainees take turns', () => {
    const placements = [rot('t01', 'psykiatri', '2029-01-01', '2029-03-31'), rot('t02', 'hud', '2029-04-01', '2029-04-30')];
    expect(violationsOf(RULE, scenario(cohort), placements)).toEqual([]);
  });

  it('two of vc-b away at once is one too many, on the overlapping days', () => {
    const placements = [rot('t01', 'psykiatri', '2029-01-01', '2029-03-31'), rot('t02', 'hud', '2029-03-15', '2029-04-14')];
    const found = violationsOf(RULE, scenario(cohort), placements);
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01', 't02'], clinic: null, unit: 'vc-b', from: '2029-03-15', to: '2029-03-31', amount: 1 },
    ]);
    expect(found[0]!.message.sv).toBe('Vårdcentralen B tillåter 1 borta samtidigt men 2 ST-läkare randar 2029-03-15 – 2029-03-31 (Läkare t01, Läkare t02); 1 för många.');
    expect(traineeViolationsOf(RULE, scenario(cohort), placements, 't02')).toEqual(found);
  });

  it('trainees of other units and time at the VC (own BVC, SÄBO, courses) do not count', () => {
    const placements = [
      rot('t01', 'psykiatri', '2029-01-01', '2029-03-31'),
      rot('t03', 'hud', '2029-02-01', '2029-02-28'),
      { trainee: 't02', kind: 'bvc' as const, from: '2029-01-01', to: '2029-04-30' },
      { trainee: 't02', kind: 'course' as const, course: 'lek' as const, from: '2029-02-05', to: '2029-02-09' },
    ];
    expect(violationsOf(RULE, scenario(cohort), placements)).toEqual([]);
  });
});
