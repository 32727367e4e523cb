import { describe, expect, it } from 'vitest';
import { validate } from '../../solver/validate.ts';
import { brief, cleanPlacements, edited, plan, scenario, trainee, violationsOf } from './fixtures.ts';

describe('extension', () => {
  it('finds nothing when all work ends by the end of ST, and reports plannedEnd = end', () => {
    expect(violationsOf('extension', scenario(), cleanPlacements())).toEqual([]);
    const summary = validate(scenario(), plan(cleanPlacements())).trainees[0]!;
    expect([summary.end, summary.plannedEnd, summary.extensionMonths]).toEqual(['2032-01-31', '2032-01-31', 0]);
  });

  it('SÄBO moved to 2031-11-01..2032-04-30 extends ST by 3 months, to 2032-04-30', () => {
    const placements = edited('t01', (p) => p.kind === 'sabo', [{ trainee: 't01', kind: 'sabo', from: '2031-11-01', to: '2032-04-30' }]);
    const found = violationsOf('extension', scenario(), placements);
    expect(found.map(brief)).toEqual([
      { rule: 'extension', severity: 'advice', trainees: ['t01'], clinic: null, unit: null, from: '2032-02-01', to: '2032-04-30', amount: 3 },
    ]);
    expect(found[0]!.message.sv).toBe(
      'Läkare t01: ST förlängs 3 månader, från 2032-01-31 till 2032-04-30, för att de obligatoriska placeringarna ska rymmas.',
    );
    const summary = validate(scenario(), plan(placements)).trainees[0]!;
    expect([summary.plannedEnd, summary.extensionMonths]).toEqual(['2032-04-30', 3]);
  });

  it('a course or milestone after the end of ST extends nothing', () => {
    const placements = [...cleanPlacements(), { trainee: 't01', kind: 'course' as const, course: 'lagar' as const, from: '2032-03-01', to: '2032-03-03' }];
    expect(violationsOf('extension', scenario(), placements)).toEqual([]);
  });
});

describe('latest-end', () => {
  it('finds nothing without a latestEnd, or when the plan ends before it', () => {
    expect(violationsOf('latest-end', scenario(), cleanPlacements())).toEqual([]);
    expect(violationsOf('latest-end', scenario([trainee('t01', { latestEnd: '2032-01-31' })]), cleanPlacements())).toEqual([]);
  });

  it('a rotation ending 2032-03-31 is 2 months past a latestEnd of 2032-01-31: hard', () => {
    const placements = edited('t01', (p) => p.specialty === 'hud', [
      { trainee: 't01', kind: 'rotation', specialty: 'hud', clinic: 'hud-vxo', from: '2032-03-01', to: '2032-03-31' },
    ]);
    const found = violationsOf('latest-end', scenario([trainee('t01', { latestEnd: '2032-01-31' })]), placements);
    expect(found.map(brief)).toEqual([
      { rule: 'latest-end', severity: 'hard', trainees: ['t01'], clinic: null, unit: null, from: '2032-02-01', to: '2032-03-31', amount: 2 },
    ]);
  });
});

describe('planning-day', () => {
  it('says nothing without a planning day', () => {
    expect(violationsOf('planning-day', scenario(), cleanPlacements())).toEqual([]);
  });

  it('names a rotation starting within the agreed 3 months that is not locked, and not a locked one', () => {
    const s = scenario([trainee('t01')], { planFrom: '2028-07-01' });
    // psykiatri 2028-09-01 starts inside 2028-07-01..09-30; internmedicin's second part began before.
    const found = violationsOf('planning-day', s, cleanPlacements());
    expect(found.map((v) => [v.from, v.amount, v.severity])).toEqual([['2028-09-01', 62, 'advice']]);
    const locked = scenario([trainee('t01', { locked: [{ kind: 'rotation', specialty: 'psykiatri', clinic: 'psyk-vxo', from: '2028-09-01', to: '2028-11-30' }] })], { planFrom: '2028-07-01' });
    expect(violationsOf('planning-day', locked, cleanPlacements())).toEqual([]);
  });

  it('follows the region’s agreed months', () => {
    const s = scenario([trainee('t01')], { planFrom: '2028-07-01', rules: { 'planning-day': { agreedMonths: 1 } } });
    expect(violationsOf('planning-day', s, cleanPlacements())).toEqual([]);
  });
});
