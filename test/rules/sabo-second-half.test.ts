import { describe, expect, it } from 'vitest';
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
    expect(found[0]!.message.sv).toBe('Läkare t01 (t01): SÄBO under andra halvan av ST (från 2029-08-01) saknas; minst 4 månader i följd behövs.');
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
