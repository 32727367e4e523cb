import { describe, expect, it } from 'vitest';
import type { PlanPlacement } from '../../solver/domain/schemas.ts';
import { brief, cleanPlacements, edited, rot, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'structure';

describe('structure', () => {
  it('finds nothing in the clean plan (courses inside rotations and BVC are fine)', () => {
    const placements = [...cleanPlacements(), { trainee: 't01', kind: 'course' as const, course: 'lakemedel' as const, from: '2028-03-06', to: '2028-03-08' }];
    expect(violationsOf(RULE, scenario(), placements)).toEqual([]);
  });

  it('a rotation at a clinic of another specialty', () => {
    const placements = edited('t01', (p) => p.specialty === 'hud', [rot('t01', 'hud', '2030-05-01', '2030-05-31', 'ogon-vxo')]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: 'ogon-vxo', unit: null, from: '2030-05-01', to: '2030-05-31', amount: 1 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: Hud 2030-05-01 – 2030-05-31 ligger på Ogon Växjö, som är en klinik för Ögon.');
  });

  it('a rotation overlapping own BVC by 15 days, and two rotations overlapping', () => {
    const placements = edited('t01', (p) => p.specialty === 'gynekologi' || p.specialty === 'onh', [
      rot('t01', 'gynekologi', '2029-07-31', '2029-09-30'),
      rot('t01', 'onh', '2029-09-21', '2029-11-20'),
    ]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map((v) => [v.from, v.to, v.amount])).toEqual([
      ['2029-07-31', '2029-08-14', 15],
      ['2029-09-21', '2029-09-30', 10],
    ]);
    expect(found[0]!.message.en).toContain('Own child health clinic 2029-04-15 – 2029-08-14 and Gynaecology (Gynekologi Växjö) 2029-07-31 – 2029-09-30 overlap by 15 days');
  });

  it('own BVC and SÄBO may run side by side', () => {
    const placements: PlanPlacement[] = [...cleanPlacements(), { trainee: 't01', kind: 'sabo', from: '2029-05-01', to: '2029-06-30' }];
    expect(violationsOf(RULE, scenario(), placements)).toEqual([]);
  });

  it('placements before the start, in days; one after the end of ST extends ST and is no fault of structure', () => {
    const placements = [...cleanPlacements(), { trainee: 't01', kind: 'course' as const, course: 'lagar' as const, from: '2027-01-25', to: '2027-02-03' },
      { trainee: 't01', kind: 'sabo' as const, from: '2032-01-01', to: '2032-02-29' }];
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map((v) => [v.from, v.amount])).toEqual([
      ['2027-01-25', 7], // 2027-01-25..01-31
    ]);
  });

  it('unknown trainees and clinics, missing kind fields and reversed dates (plans built in code)', () => {
    const placements = [
      { trainee: 'x99', kind: 'bvc', from: '2029-01-01', to: '2029-04-30' },
      { trainee: 't01', kind: 'rotation', specialty: 'hud', clinic: 'nowhere', from: '2030-05-01', to: '2030-05-31' },
      { trainee: 't01', kind: 'rotation', specialty: 'hud', from: '2030-07-01', to: '2030-07-31' },
      { trainee: 't01', kind: 'course', from: '2030-09-01', to: '2030-09-02' },
      { trainee: 't01', kind: 'milestone', from: '2030-10-01', to: '2030-10-01' },
      { trainee: 't01', kind: 'sabo', from: '2030-12-31', to: '2030-12-01' },
    ] as PlanPlacement[];
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map((v) => v.message.en)).toEqual([
      'Läkare t01: Dermatology 2030-05-01 – 2030-05-31 is at an unknown clinic "nowhere".',
      'Läkare t01: the rotation 2030-07-01 – 2030-07-31 has no clinic.',
      'Läkare t01: the course 2030-09-01 – 2030-09-02 names no course.',
      'Läkare t01: the milestone 2030-10-01 has no name.',
      'Läkare t01: Residential care (SÄBO) ends 2030-12-01, before its start 2030-12-31.',
      'placements[0]: trainee "x99" is not in the scenario.',
    ]);
    expect(found.find((v) => v.from === '2030-12-31')!.amount).toBe(30);
  });
});
