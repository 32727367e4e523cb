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

  describe('a limit that changes over the calendar', () => {
    // vc-b lets 1 away, but 2 from June to August 2029.
    const summer = (changes: { from: string; to: string; maxAway: number }[]) =>
      scenario(cohort, {
        units: [
          { id: 'vc-a', name: 'Vårdcentralen A', maxAway: 2 },
          { id: 'vc-b', name: 'Vårdcentralen B', maxAway: 1, maxAwayChanges: changes },
        ],
      });
    const both = (from: string, to: string) => [rot('t01', 'psykiatri', from, to), rot('t02', 'hud', from, to)];

    it('two away inside the period is fine', () => {
      expect(violationsOf(RULE, summer([{ from: '2029-06-01', to: '2029-08-31', maxAway: 2 }]), both('2029-06-10', '2029-07-09'))).toEqual([]);
    });

    it('two away outside it is a violation that names the limit of those days', () => {
      const found = violationsOf(RULE, summer([{ from: '2029-06-01', to: '2029-08-31', maxAway: 2 }]), both('2029-08-15', '2029-09-14'));
      expect(found.map(brief)).toEqual([
        { rule: RULE, severity: 'hard', trainees: ['t01', 't02'], clinic: null, unit: 'vc-b', from: '2029-09-01', to: '2029-09-14', amount: 1 },
      ]);
      expect(found[0]!.message.sv).toContain('tillåter 1 borta samtidigt men 2 ST-läkare randar 2029-09-01 – 2029-09-14');
    });

    it('a period that lowers the limit is named in the message', () => {
      const found = violationsOf(RULE, summer([{ from: '2029-06-01', to: '2029-08-31', maxAway: 0 }]), [rot('t01', 'psykiatri', '2029-08-01', '2029-09-30')]);
      expect(found.map((v) => [v.from, v.to, v.amount])).toEqual([['2029-08-01', '2029-08-31', 1]]);
      expect(found[0]!.message.sv).toContain('tillåter 0 borta samtidigt');
      expect(found[0]!.message.en).toContain('allows 0 away at once');
    });

    it('where periods overlap the smallest holds', () => {
      const changes = [
        { from: '2029-06-01', to: '2029-08-31', maxAway: 2 },
        { from: '2029-07-01', to: '2029-07-31', maxAway: 1 },
      ];
      const found = violationsOf(RULE, summer(changes), both('2029-06-10', '2029-07-09'));
      expect(found.map((v) => [v.from, v.to, v.amount])).toEqual([['2029-07-01', '2029-07-09', 1]]);
    });
  });
});
