import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../solver/domain/params.ts';
import type { PlanPlacement, Scenario } from '../../solver/domain/schemas.ts';
import { traineeFacts } from '../../solver/plan/context.ts';
import { midStWindow } from '../../solver/rules/mid-st.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
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
    expect(found[0]!.message.sv).toBe('Läkare t01: Mitt-i-ST 2029-02-01 ligger efter 24 månader på heltid, 6 månader för tidigt (ska vara efter 30–36 månader).');
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

describe('mid-st for the planners: midStWindow', () => {
  const exact = (s: Scenario) => ({ ...s, rules: { ...s.rules, 'rotation-length': { toleranceMonths: 0 } } });
  const windowOf = (s: Scenario) => {
    const w = midStWindow(traineeFacts(s.trainees[0]!, resolveParams(s)), resolveParams(s)['mid-st']);
    return [formatDay(w.from), formatDay(w.to)];
  };

  it('full time from 2027-02-01: after 30 months (2029-08-01) up to the day 36 months are reached (2030-01-31)', () => {
    const s = exact(scenario());
    expect(windowOf(s)).toEqual(['2029-08-01', '2030-01-31']);
    // The rule, without tolerance, accepts both ends; the day before is early and past 36 months late.
    for (const day of ['2029-08-01', '2030-01-31']) expect(violationsOf(RULE, s, withMid(day))).toEqual([]);
    for (const day of ['2029-07-31', '2030-02-02']) expect(violationsOf(RULE, s, withMid(day))).toHaveLength(1);
  });

  it('follows the parameters in force, in full-time months: at 80 %, 26 months before the end (2033-04-30) close it', () => {
    const s = exact(scenario([trainee('t01', { employment: [{ from: '2027-02-01', rate: 0.8 }] })], { rules: { 'mid-st': { monthsBeforeEnd: 26 } } }));
    const [from, to] = windowOf(s);
    expect([from, to]).toEqual(['2030-03-17', '2030-08-15']); // 26 full-time months at 80 % are 32.5 calendar months
    for (const day of [from!, to!]) expect(violationsOf(RULE, s, withMid(day))).toEqual([]);
    expect(violationsOf(RULE, s, withMid(formatDay(parseDay(from!) - 1)))).toHaveLength(1);
    expect(violationsOf(RULE, s, withMid(formatDay(parseDay(to!) + 1)))).toHaveLength(1);
  });

  it('is empty when no day keeps the rule (more months before the end than ST has after 30)', () => {
    const s = scenario([trainee()], { rules: { 'mid-st': { monthsBeforeEnd: 40 } } });
    const w = midStWindow(traineeFacts(s.trainees[0]!, resolveParams(s)), resolveParams(s)['mid-st']);
    expect(w.to).toBeLessThan(w.from);
  });
});
