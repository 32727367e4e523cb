import { describe, expect, it } from 'vitest';
import { placementKey, samePlacement } from '../../solver/domain/identity.ts';
import { brief, cleanPlacements, edited, rot, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'locked';
const lockedPediatrics = trainee('t01', {
  locked: [{ kind: 'rotation', specialty: 'pediatrik', clinic: 'barn-vxo', from: '2029-01-01', to: '2029-03-31' }],
});

describe('locked', () => {
  it('finds nothing when the locked placement is in the plan as given', () => {
    expect(violationsOf(RULE, scenario([lockedPediatrics]), cleanPlacements())).toEqual([]);
  });

  it('a locked rotation moved by one day is reported', () => {
    const placements = edited('t01', (p) => p.specialty === 'pediatrik', [rot('t01', 'pediatrik', '2029-01-02', '2029-04-01')]);
    const found = violationsOf(RULE, scenario([lockedPediatrics]), placements);
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: 'barn-vxo', unit: null, from: '2029-01-01', to: '2029-03-31', amount: 1 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: den låsta placeringen Pediatrik 2029-01-01 – 2029-03-31 har flyttats eller tagits bort.');
  });

  it('a locked course removed, or its clinic changed, is reported', () => {
    const s = scenario([
      trainee('t01', {
        locked: [
          { kind: 'course', course: 'lek', from: '2027-11-08', to: '2027-11-12' },
          { kind: 'rotation', specialty: 'hud', clinic: 'hud-vxo', from: '2030-05-01', to: '2030-05-31' },
        ],
      }),
    ]);
    const s2 = structuredClone(s);
    s2.clinics.push({ id: 'hud-lby', name: 'Hud Ljungby', specialty: 'hud', capacity: 1 });
    const placements = edited('t01', (p) => p.course === 'lek' || p.specialty === 'hud', [rot('t01', 'hud', '2030-05-01', '2030-05-31', 'hud-lby')]);
    expect(violationsOf(RULE, s2, placements).map((v) => v.from)).toEqual(['2027-11-08', '2030-05-01']);
  });
});

describe('the same placement (domain/identity.ts)', () => {
  const psyk = rot('t01', 'psykiatri', '2028-09-01', '2028-11-30');

  it('is the same kind, what and dates; an absent field equals an undefined one', () => {
    expect(samePlacement(psyk, { ...psyk, course: undefined })).toBe(true);
    expect(samePlacement(psyk, { ...psyk, clinic: 'psyk-annan' })).toBe(false);
    expect(samePlacement(psyk, { ...psyk, to: '2028-11-29' })).toBe(false);
    expect(samePlacement({ ...psyk, from: 1, to: 2 }, { ...psyk, from: 1, to: 2 })).toBe(true);
  });

  it("keys a placement with its trainee: one trainee's placement is not another's", () => {
    expect(placementKey(psyk)).toBe(placementKey({ ...psyk, milestone: undefined }));
    expect(placementKey(psyk)).not.toBe(placementKey({ ...psyk, trainee: 't02' }));
    expect(placementKey(psyk)).not.toBe(placementKey({ ...psyk, kind: 'bvc' }));
  });
});
