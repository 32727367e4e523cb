import { describe, expect, it } from 'vitest';
import type { CourseId, PlanPlacement } from '../../solver/domain/schemas.ts';
import { brief, cleanPlacements, edited, scenario, violationsOf } from './fixtures.ts';

const RULE = 'course-windows';
const course = (c: CourseId, from: string, to: string): PlanPlacement => ({ trainee: 't01', kind: 'course', course: c, from, to });
const moved = (c: CourseId, from: string, to: string): PlanPlacement[] => edited('t01', (p) => p.course === c, [course(c, from, to)]);

describe('course-windows', () => {
  it('finds nothing when every course is in its window', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('LEK in the second half is outside "first half" by the months past 2029-07-31', () => {
    const found = violationsOf(RULE, scenario(), moved('lek', '2029-09-03', '2029-09-07'));
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'advice', trainees: ['t01'], clinic: null, unit: null, from: '2029-09-03', to: '2029-09-07', amount: 1.23 },
    ]);
    expect(found[0]!.message.sv).toBe(
      'Läkare t01: kursen LEK (ledarskap, etik, kvalitet) 2029-09-03 – 2029-09-07 bör ligga under första halvan (gräns 2029-07-31); 1,2 månader utanför.',
    );
  });

  it('palliative care in the first half is before "second half"', () => {
    const found = violationsOf(RULE, scenario(), moved('palliativ-vard', '2029-06-03', '2029-06-05'));
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2029-06-03', 1.95]]); // 2029-06-03..07-31
  });

  it('insurance medicine after 24 full-time months is not "early"', () => {
    const found = violationsOf(RULE, scenario(), moved('forsakringsmedicin', '2029-03-01', '2029-03-03'));
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2029-03-01', 1.1]]); // after 2029-01-31
  });

  it('medical science after Mitt-i-ST (2029-10-15) is late', () => {
    const found = violationsOf(RULE, scenario(), moved('medicinsk-vetenskap', '2029-11-12', '2029-11-14'));
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2029-11-12', 1]]); // 2029-10-15..11-14
  });

  it('the BVC course after own BVC has started is advice (before pediatrics is the hard rule)', () => {
    const found = violationsOf(RULE, scenario(), moved('bvc', '2029-05-06', '2029-05-08'));
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2029-05-06', 0.69]]); // 2029-04-15..05-05
    expect(violationsOf(RULE, scenario(), moved('bvc', '2028-12-05', '2028-12-07'))).toEqual([]);
  });

  it('"any" courses are never reported', () => {
    expect(violationsOf(RULE, scenario(), moved('lagar', '2031-12-01', '2031-12-03'))).toEqual([]);
  });
});
