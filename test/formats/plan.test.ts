import { describe, expect, it } from 'vitest';
import { readPlan } from '../../solver/io/read.ts';
import { cleanPlacements, plan, scenario } from '../rules/fixtures.ts';

function errorsOf(doc: unknown, withScenario = true): string[] {
  const r = readPlan(doc, withScenario ? scenario() : undefined);
  return r.ok ? [] : r.errors;
}

describe('readPlan', () => {
  it('accepts a minimal plan and the clean fixture plan', () => {
    expect(readPlan({ format: 'randplan.plan/1', placements: [] })).toEqual({ ok: true, value: { format: 'randplan.plan/1', placements: [] } });
    expect(errorsOf(plan(cleanPlacements()))).toEqual([]);
  });

  it('names every malformed placement field', () => {
    const p = plan(cleanPlacements()) as unknown as { placements: Record<string, unknown>[] };
    p.placements[0]!.trainee = 'x';
    p.placements[5]!.clinic = 'nowhere';
    delete p.placements[6]!.specialty;
    p.placements[7]!.kind = 'vacation';
    p.placements[8]!.from = '2029-13-01';
    p.placements[9]!.to = '2029-04-09';
    p.placements[10]!.from = 'tomorrow';
    expect(errorsOf(p)).toEqual([
      'placements[7].kind: must be one of rotation, bvc, sabo, course, milestone',
      'placements[10].from: not a date',
      'placements[0].trainee: unknown trainee "x"',
      'placements[5].clinic: unknown clinic "nowhere"',
      'placements[6].specialty: required for a rotation',
      'placements[8].from: not a date (2029-13-01 does not exist)',
      'placements[9].to: 2029-04-09 is before from 2029-04-10',
    ]);
  });

  it('without a scenario, references are not checked (there is nothing to check them against)', () => {
    const p = plan([{ trainee: 'x', kind: 'rotation', specialty: 'hud', clinic: 'nowhere', from: '2029-01-01', to: '2029-01-31' }]);
    expect(errorsOf(p, false)).toEqual([]);
    expect(errorsOf(p, true)).toEqual(['placements[0].trainee: unknown trainee "x"', 'placements[0].clinic: unknown clinic "nowhere"']);
  });

  it('a rotation at a clinic of another specialty is readable (the validator reports it)', () => {
    const p = plan([{ trainee: 't01', kind: 'rotation', specialty: 'hud', clinic: 'psyk-vxo', from: '2029-01-01', to: '2029-01-31' }]);
    expect(errorsOf(p)).toEqual([]);
  });

  it('rejects a scenario given as a plan', () => {
    expect(errorsOf({ format: 'randplan.scenario/1', placements: [] })).toEqual(['format: must be "randplan.plan/1"']);
    expect(errorsOf('plan')).toEqual(['document: must be an object']);
  });
});
