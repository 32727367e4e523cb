import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../solver/domain/params.ts';
import { traineeFacts } from '../../solver/plan/context.ts';
import { saboKeepsRule, saboPeriod } from '../../solver/rules/sabo-second-half.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { brief, cleanPlacements, edited, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'sabo-second-half';
const sabo = (from: string, to: string): PlanPlacement => ({ trainee: 't01', kind: 'sabo', from, to });

describe('sabo-second-half', () => {
  it('finds nothing for 4 continuous months of SÄBO in the second half (from 2029-08-01)', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('no SÄBO at all: 4 months short', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.kind === 'sabo'));
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: null, unit: null, from: null, to: null, amount: 4 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: SÄBO under andra halvan av ST (från 2029-08-01) saknas; minst 4 månader i följd behövs.');
  });

  it('SÄBO in the first half does not count', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.kind === 'sabo', [sabo('2027-03-01', '2027-06-30')]));
    expect(found.map((v) => [v.from, v.amount])).toEqual([[null, 4]]);
  });

  it('SÄBO across the half-way point counts only from the second half on', () => {
    // 2029-06-01..2029-10-31: the part from 2029-08-01 is 3 months.
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.kind === 'sabo', [sabo('2029-06-01', '2029-10-31')]));
    expect(found.map((v) => [v.from, v.to, v.amount])).toEqual([['2029-08-01', '2029-10-31', 1]]);
  });

  it('two touching SÄBO placements are one continuous block; a gap breaks it', () => {
    const touching = edited('t01', (p) => p.kind === 'sabo', [sabo('2030-09-01', '2030-10-31'), sabo('2030-11-01', '2030-12-31')]);
    expect(violationsOf(RULE, scenario(), touching)).toEqual([]);
    const gap = edited('t01', (p) => p.kind === 'sabo', [sabo('2030-09-01', '2030-10-31'), sabo('2030-11-02', '2031-01-01')]);
    // Two blocks of 2 months each: the first (longest, earliest) is reported.
    expect(violationsOf(RULE, scenario(), gap).map((v) => [v.from, v.amount])).toEqual([['2030-09-01', 2]]);
  });

  it('credit moves the second half earlier: 12 months credited, it starts 2028-08-01', () => {
    const s = scenario([trainee('t01', { creditMonths: 12 })]);
    expect(violationsOf(RULE, s, edited('t01', (p) => p.kind === 'sabo', [sabo('2028-08-01', '2028-11-30')]))).toEqual([]);
    expect(violationsOf(RULE, s, edited('t01', (p) => p.kind === 'sabo', [sabo('2028-07-01', '2028-10-31')])).map((v) => v.amount)).toEqual([
      1,
    ]);
  });
});

describe('sabo-second-half for the planners: saboPeriod and saboKeepsRule', () => {
  it('a period of exactly the months in force (4.5) keeps the rule, one day less does not, as the check says', () => {
    const s = scenario([trainee()], { rules: { 'sabo-second-half': { months: 4.5 } } });
    const params = resolveParams(s);
    const facts = traineeFacts(s.trainees[0]!, params);
    const sabo = saboPeriod(parseDay('2030-09-02'), params['sabo-second-half']);
    expect(formatDay(sabo.to)).toBe('2031-01-17');
    const withSabo = (to: number) => edited('t01', (p) => p.kind === 'sabo', [{ trainee: 't01', kind: 'sabo', from: '2030-09-02', to: formatDay(to) }]);
    expect(saboKeepsRule(sabo, facts, params['sabo-second-half'])).toBe(true);
    expect(violationsOf(RULE, s, withSabo(sabo.to))).toEqual([]);
    expect(saboKeepsRule({ ...sabo, to: sabo.to - 1 }, facts, params['sabo-second-half'])).toBe(false);
    expect(violationsOf(RULE, s, withSabo(sabo.to - 1))).toHaveLength(1);
  });
});
