import { describe, expect, it } from 'vitest';
import { brief, cleanPlacements, edited, rot, scenario, trainee, violationsOf } from './fixtures.ts';
import { validate } from '../../solver/validate.ts';
import { plan } from './fixtures.ts';

const RULE = 'total-side-time';

describe('total-side-time', () => {
  it('finds nothing at exactly 18 full-time months, and the report shows them', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
    expect(validate(scenario(), plan(cleanPlacements())).trainees[0]!.sideMonths).toBe(18);
  });

  it('without the second internmedicin part: 15 months, 3 short (advice)', () => {
    const found = violationsOf(RULE, scenario(), edited('t01', (p) => p.from === '2028-05-08'));
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'advice', trainees: ['t01'], clinic: null, unit: null, from: null, to: null, amount: 3 },
    ]);
    expect(found[0]!.message.sv).toBe('Läkare t01: sidotjänstgöringen är 15 månader på heltid, rekommenderat 18–24 månader (3 månader för lite).');
  });

  it('extra rotations beyond 24 months are reported as too much', () => {
    const extra = [
      rot('t01', 'kirurgi', '2030-07-01', '2030-08-31'),
      rot('t01', 'ortopedi', '2031-01-01', '2031-02-28'),
      rot('t01', 'akutgeriatrik', '2031-04-01', '2031-05-31'),
      rot('t01', 'infektion', '2031-07-01', '2031-07-31'),
    ];
    expect(violationsOf(RULE, scenario(), [...cleanPlacements(), ...extra]).map((v) => v.amount)).toEqual([1]); // 25
  });

  it('BT rotations do not count as side service', () => {
    const s = scenario([trainee('t01', { regulation: '2021:8' })], { profile: 'norrbotten' });
    const placements = [...cleanPlacements(), rot('t01', 'akutsjukvard', '2027-03-01', '2027-05-31')];
    // The clean plan's psykiatri is a BT rotation in Norrbotten 2021:8, so 18 − 3 = 15 count.
    expect(violationsOf(RULE, s, placements).map((v) => v.amount)).toEqual([3]);
  });
});
