import { describe, expect, it } from 'vitest';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { brief, cleanPlacements, edited, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'mid-st';
const mid = (date: string): PlanPlacement => ({ trainee: 't01', kind: 'milestone', milestone: 'mitt-i-st', from: date, to: date });
const withMid = (date: string): PlanPlacement[] => edited('t01', (p) => p.milestone === 'mitt-i-st', [mid(date)]);

describe('mid-st', () => {
  it('finds nothing for Mitt-i-ST after 32.5 months (2029-10-15)', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('a missing Mitt-i-ST is advice with amount 1', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.milestone === 'mitt-i-st'));
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'advice', trainees: ['t01'], clinic: null, unit: null, from: null, to: null, amount: 1 },
    ]);
  });

  it('after 24 months (2029-02-01) it is 6 months early', () => {
    const found = violationsOf(RULE, scenario(), withMid('2029-02-01'));
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2029-02-01', 6]]);
    expect(found[0]!.message.sv).toBe('Läkare t01 (t01): Mitt-i-ST 2029-02-01 ligger efter 24 månader på heltid, 6 månader för tidigt (ska vara efter 30–36 månader).');
  });

  it('after 40 months it is 4 months late (20 months before the end is still enough)', () => {
    const found = violationsOf(RULE, scenario(), withMid('2030-06-01'));
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2030-06-01', 4]]);
  });

  it('after 45 months only 15 remain before the end (2032-01-31): late by 9 and 3 short of 18', () => {
    const found = violationsOf(RULE, scenario(), withMid('2030-11-01'));
    expect(found.map((v) => v.amount).sort()).toEqual([3, 9]);
    expect(found.some((v) => v.message.en.includes('only 15 months before the planned end 2032-01-31'))).toBe(true);
  });

  it('credit counts: with 6 months credited, 2029-02-01 is exactly 30 months', () => {
    const s = scenario([trainee('t01', { creditMonths: 6 })]);
    expect(violationsOf(RULE, s, withMid('2029-02-01'))).toEqual([]);
  });
});
