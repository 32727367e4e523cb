/** Each delmål with what in the plan covers it, and what would (My plan's list; issue 14). */
import { describe, expect, it } from 'vitest';
import { GOALS_2015, GOALS_2021, goalCovers, goalSourceName, goalSourcesOf } from '../../solver/domain/delmal.ts';
import { cleanPlacements, edited } from './fixtures.ts';

const byCode = (covers: ReturnType<typeof goalCovers>) => new Map(covers.map((c) => [c.goal.code, c]));

describe('delmål and what covers them', () => {
  it('the clean plan covers every goal, each through something in it', () => {
    const covers = goalCovers('2015:8', goalSourcesOf(cleanPlacements()));
    expect(covers.map((c) => c.goal.code)).toEqual(GOALS_2015.map((g) => g.code));
    expect(covers.every((c) => c.covered && c.by.length > 0 && c.needs === null)).toBe(true);
    const c7 = byCode(covers).get('c7')!;
    expect(c7.goal.title.sv).toBe('Gynekologi och mödrahälsovård');
    expect(c7.by.map((s) => goalSourceName(s, 'sv'))).toEqual(['Gynekologi']);
    expect(byCode(covers).get('c6')!.by.map((s) => goalSourceName(s, 'sv'))).toEqual(['Pediatrik', 'Egen BVC', 'BVC-kurs']);
  });

  it('a missing goal says what would cover it', () => {
    const c7 = byCode(goalCovers('2015:8', goalSourcesOf(edited('t01', (p) => p.specialty === 'gynekologi')))).get('c7')!;
    expect(c7).toMatchObject({ covered: false, by: [] });
    expect(c7.could.map((s) => goalSourceName(s, 'en'))).toEqual(['Gynaecology']);
  });

  it('a course without its written work leaves a4 open and names the work it needs', () => {
    const a4 = byCode(goalCovers('2015:8', goalSourcesOf(edited('t01', (p) => p.milestone === 'kvalitetsarbete')))).get('a4')!;
    expect(a4).toMatchObject({ covered: false, needs: 'kvalitetsarbete' });
    expect(a4.by.map((s) => goalSourceName(s, 'sv'))).toEqual(['LEK (ledarskap, etik, kvalitet)']);
  });

  it('2021:8 goals in their own codes, covered through their 2015:8 counterparts', () => {
    const covers = byCode(goalCovers('2021:8', goalSourcesOf(cleanPlacements())));
    expect([...covers.keys()]).toEqual(GOALS_2021.map((g) => g.code));
    expect(covers.get('STc14')!.by.map((s) => goalSourceName(s, 'sv'))).toContain('Läkemedel');
    // STa7 (a3): the LEK course in the plan; an infection rotation would cover it too.
    expect(covers.get('STa7')!.by.map((s) => goalSourceName(s, 'sv'))).toEqual(['LEK (ledarskap, etik, kvalitet)']);
    expect(covers.get('STa7')!.could.map((s) => goalSourceName(s, 'sv'))).toEqual(['Infektion', 'LEK (ledarskap, etik, kvalitet)']);
  });
});
