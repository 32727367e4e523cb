import { describe, expect, it } from 'vitest';
import { brief, cleanPlacements, edited, rot, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'required-rotations';

describe('required-rotations', () => {
  it('finds nothing when all seven Kronoberg rotations are placed', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('a missing gynaecology rotation is reported with its 2 minimum months', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.specialty === 'gynekologi'));
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: null, unit: null, from: null, to: null, amount: 2 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: obligatorisk randning i Gynekologi (2 månader) saknas i planen.');
  });

  it('an empty plan misses every required rotation', () => {
    const found = violationsOf(RULE, scenario(), []);
    // Undated violations of one rule and trainee sort by message: Gynekologi, Hud, Internmedicin,
    // Pediatrik, Psykiatri, ÖNH, Ögon.
    expect(found.map((v) => v.amount)).toEqual([2, 1, 3, 3, 2, 2, 1]);
  });

  it('Norrbotten requires only its four; the rest of the clean plan is extra', () => {
    const s = scenario([trainee()], { profile: 'norrbotten' });
    expect(violationsOf(RULE, s, edited('t01', (p) => p.specialty === 'onh' || p.specialty === 'hud'))).toEqual([]);
  });

  it("a trainee's own list adds a rotation the profile does not have", () => {
    const s = scenario([trainee('t01', { rotations: [{ specialty: 'infektion', months: 1 }] })]);
    expect(violationsOf(RULE, s, cleanPlacements()).map((v) => [v.amount, v.message.en])).toEqual([
      [1, 'Läkare t01: the required Infectious diseases rotation (1 month) is missing from the plan.'],
    ]);
  });

  it('a BT rotation (2021:8, Norrbotten) ending after 24 full-time months is late', () => {
    const s = scenario([trainee('t01', { regulation: '2021:8' })], { profile: 'norrbotten' });
    const bt = [
      rot('t01', 'akutsjukvard', '2027-03-01', '2027-05-31'),
      rot('t01', 'akutsjukvard', '2027-06-08', '2027-07-07'),
      // BT psychiatry 2.5 months, ending 2029-03-15: 24 full-time months end 2029-01-31.
      rot('t01', 'psykiatri', '2029-01-01', '2029-03-15'),
    ];
    const placements = [...edited('t01', (p) => p.kind === 'rotation'), ...bt, rot('t01', 'internmedicin', '2028-02-01', '2028-04-30'),
      rot('t01', 'pediatrik', '2029-05-01', '2029-07-31'), rot('t01', 'gynekologi', '2029-09-01', '2029-10-31')];
    const found = violationsOf(RULE, s, placements);
    expect(found.map((v) => [v.from, v.to, v.amount])).toEqual([['2029-01-01', '2029-03-15', 1.49]]); // 2029-02-01..03-15: 1 + 15/30.4375
    expect(found[0]!.message.sv).toContain('efter BT-gränsen 2029-01-31');
  });

  it('a trainee with BT done needs no BT rotations', () => {
    const s = scenario([trainee('t01', { regulation: '2021:8', btDone: true })], { profile: 'norrbotten' });
    // Norrbotten 2021:8 without BT: internmedicin, pediatrik, gynekologi (BT psychiatry stood for psychiatry).
    expect(violationsOf(RULE, s, cleanPlacements())).toEqual([]);
  });
});
