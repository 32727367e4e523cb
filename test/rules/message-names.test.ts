/** Messages name trainees by their names (issue 14: "t028" in a message), with the word forms that agree with the count. */
import { describe, expect, it } from 'vitest';
import { validate } from '../../solver/validate.ts';
import { RULES } from '../../solver/rules/index.ts';
import { cleanPlacements, plan, rot, scenario, trainee } from './fixtures.ts';

const people = [trainee('t028', { name: 'Jonas Lundgren', unit: 'vc-b' }), trainee('t029', { name: 'Sara Berg', unit: 'vc-b' }), trainee('t030', { name: 'Eva Holm' })];
// Three at once on two-place clinics and two of vc-b away at once; Eva has no plan at all.
const crowded = [...cleanPlacements('t028'), ...cleanPlacements('t029')];

describe('rule messages', () => {
  const report = validate(scenario(people), plan(crowded));

  it('name every trainee by name, never by id', () => {
    const rules = new Set(report.violations.map((v) => v.rule));
    expect([...rules]).toEqual(expect.arrayContaining(['unit-away-limit', 'required-rotations', 'delmal-coverage']));
    for (const v of report.violations) {
      for (const text of [v.message.sv, v.message.en]) {
        expect(text, v.rule).not.toMatch(/\bt0(28|29|30)\b/);
        for (const id of v.trainees) expect(text, v.rule).toContain(people.find((p) => p.id === id)!.name);
      }
    }
    expect(RULES.length).toBeGreaterThan(10);
  });

  it('list the trainees of a cohort finding by name', () => {
    const away = report.violations.find((v) => v.rule === 'unit-away-limit')!;
    expect(away.message.sv).toContain('(Jonas Lundgren, Sara Berg)');
  });

  it('agree with a count of one', () => {
    // A clinic closed for a month (capacity 0) with one trainee there.
    const closed = scenario([people[2]!], {
      clinics: scenario().clinics.map((c) => (c.id === 'psyk-vxo' ? { ...c, capacityChanges: [{ from: '2029-02-01', to: '2029-02-28', capacity: 0 }] } : c)),
    });
    const found = validate(closed, plan([rot('t030', 'psykiatri', '2029-01-01', '2029-03-31')])).violations.find((v) => v.rule === 'clinic-capacity')!;
    expect(found.message.sv).toBe('Psykiatri Växjö har 0 platser 2029-02-01 – 2029-02-28 men 1 ST-läkare är placerad där (Eva Holm); 1 för många.');
    expect(found.message.en).toBe('Psykiatri Växjö has 0 places 2029-02-01 – 2029-02-28 but 1 trainee is placed there (Eva Holm); 1 too many.');
  });
});
