import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../solver/domain/params.ts';
import { ownBvcKeepsRule, ownBvcPeriod } from '../../solver/rules/pediatrics-before-bvc.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { brief, cleanPlacements, edited, rot, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'pediatrics-before-bvc';
const bvc = (from: string, to: string): PlanPlacement => ({ trainee: 't01', kind: 'bvc', from, to });

describe('pediatrics-before-bvc', () => {
  it('finds nothing when BVC course and 4 months of own BVC follow pediatrics', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('own BVC missing: 4 months short', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.kind === 'bvc'));
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: null, unit: null, from: null, to: null, amount: 4 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: egen BVC saknas i planen (minst 4 månader behövs).');
  });

  it('own BVC of 3 months is 1 month short; two placements add up', () => {
    const short = violationsOf(RULE, scenario(), edited('t01', (p) => p.kind === 'bvc', [bvc('2029-04-15', '2029-07-14')]));
    expect(short.map((v) => [v.from, v.to, v.amount])).toEqual([['2029-04-15', '2029-07-14', 1]]);
    const split = edited('t01', (p) => p.kind === 'bvc', [bvc('2029-04-15', '2029-06-14'), bvc('2029-11-01', '2029-12-31')]);
    expect(violationsOf(RULE, scenario(), split)).toEqual([]);
  });

  it('own BVC starting inside pediatrics is early by the overlapping days', () => {
    const placements = edited('t01', (p) => p.kind === 'bvc', [bvc('2029-03-22', '2029-07-21')]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map((v) => [v.from, v.to, v.amount])).toEqual([['2029-03-22', '2029-07-21', 10]]); // 03-22..03-31
    expect(found[0]!.message.en).toBe('Läkare t01: Own BVC 2029-03-22 – 2029-07-21 starts before paediatrics is done (2029-03-31), 10 days too early.');
  });

  it('the BVC course before pediatrics is a hard violation too', () => {
    const placements = edited('t01', (p) => p.course === 'bvc', [{ trainee: 't01', kind: 'course', course: 'bvc', from: '2028-12-05', to: '2028-12-07' }]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2028-12-05', 117]]); // 2028-12-05..2029-03-31
    expect(found[0]!.message.sv).toContain('BVC-kursen 2028-12-05 – 2028-12-07 börjar innan pediatriken är klar');
  });

  it('without pediatrics in the plan only the BVC length is judged', () => {
    const s = scenario([trainee('t01', { rotations: [{ specialty: 'internmedicin' }] })]);
    expect(violationsOf(RULE, s, edited('t01', (p) => p.specialty === 'pediatrik'))).toEqual([]);
  });

  it('a region override of 6 months for own BVC applies', () => {
    const s = scenario([trainee()], { rules: { 'pediatrics-before-bvc': { bvcMonths: 6 } } });
    expect(violationsOf(RULE, s, cleanPlacements()).map((v) => v.amount)).toEqual([2]);
  });

  it('pediatrics placed after own BVC puts BVC and course before it', () => {
    const placements = [...edited('t01', (p) => p.specialty === 'pediatrik'), rot('t01', 'pediatrik', '2030-09-01', '2030-11-30')];
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map((v) => [v.from, v.amount])).toEqual([
      ['2029-04-10', 600], // BVC course: 2029-04-10..2030-11-30
      ['2029-04-15', 595], // own BVC
    ]);
  });
});

describe('pediatrics-before-bvc for the planners: ownBvcPeriod and ownBvcKeepsRule', () => {
  it('own BVC of exactly the months in force (3.5) after pediatrics keeps the rule; a day less, or on pediatrics, does not', () => {
    const s = scenario([trainee()], { rules: { 'pediatrics-before-bvc': { bvcMonths: 3.5 } } });
    const params = resolveParams(s)['pediatrics-before-bvc'];
    const pedsEnd = parseDay('2029-03-31');
    const bvc = ownBvcPeriod(parseDay('2029-04-15'), params);
    const withBvc = (from: number, to: number) => edited('t01', (p) => p.kind === 'bvc', [{ trainee: 't01', kind: 'bvc', from: formatDay(from), to: formatDay(to) }]);
    expect(ownBvcKeepsRule(bvc, pedsEnd, params)).toBe(true);
    expect(violationsOf(RULE, s, withBvc(bvc.from, bvc.to))).toEqual([]);
    expect(ownBvcKeepsRule({ ...bvc, to: bvc.to - 1 }, pedsEnd, params)).toBe(false);
    expect(violationsOf(RULE, s, withBvc(bvc.from, bvc.to - 1))).toHaveLength(1);
    expect(ownBvcKeepsRule({ from: pedsEnd, to: bvc.to }, pedsEnd, params)).toBe(false);
  });
});
