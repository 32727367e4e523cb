import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../solver/domain/params.ts';
import { traineeFacts } from '../../solver/plan/context.ts';
import { firstRotationDay } from '../../solver/rules/initial-vc.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
import { brief, cleanPlacements, edited, rot, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'initial-vc';

describe('initial-vc', () => {
  it('finds nothing when the first rotation starts the day after 12 months (2028-02-01)', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('a rotation starting one month early is 1 full-time month early', () => {
    const placements = edited('t01', (p) => p.specialty === 'hud', [rot('t01', 'hud', '2028-01-01', '2028-01-31')]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: 'hud-vxo', unit: null, from: '2028-01-01', to: '2028-01-31', amount: 1 },
    ]);
    expect(found[0]!.message.sv).toBe(
      'Läkare t01: Hud på Hud Växjö 2028-01-01 – 2028-01-31 börjar 1 månad för tidigt; ST ska börja med 12 månader på vårdcentralen (till 2028-01-31).',
    );
  });

  it('leave lengthens the initial period: two months of leave push it to 2028-04-01', () => {
    const s = scenario([trainee('t01', { leave: [{ from: '2027-06-01', to: '2027-07-31', kind: 'parental' }] })]);
    const found = violationsOf(RULE, s, cleanPlacements());
    // 2027-02-01..2028-03-31 is 14 calendar months with 61 of 425 days on leave: 14 × 364/425 = 11.99,
    // so 12 full-time months are reached on 2028-04-01 and internmedicin starts 2 + 1/30.4375 months early.
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2028-02-01', 2.03]]);
  });

  it('part-time lengthens it too: at 50 % the 12 months take 24 calendar months', () => {
    const s = scenario([trainee('t01', { employment: [{ from: '2027-02-01', rate: 0.5 }] })]);
    const found = violationsOf(RULE, s, cleanPlacements());
    expect(found.map((v) => v.from)).toEqual(['2028-02-01', '2028-05-08', '2028-09-01', '2029-01-01']);
    expect(found[0]!.amount).toBe(6); // 2028-02-01..2029-01-31 at 50 %
  });

  it('BT rotations (2021:8 Norrbotten) are exempt', () => {
    const s = scenario([trainee('t01', { regulation: '2021:8' })], { profile: 'norrbotten' });
    const placements = [rot('t01', 'akutsjukvard', '2027-03-01', '2027-05-31'), rot('t01', 'internmedicin', '2027-09-01', '2027-11-30')];
    expect(violationsOf(RULE, s, placements).map((v) => v.from)).toEqual(['2027-09-01']);
  });

  it('a region override of 18 months moves the limit', () => {
    const s = scenario([trainee()], { rules: { 'initial-vc': { months: 18 } } });
    expect(violationsOf(RULE, s, cleanPlacements()).map((v) => [v.from, v.amount])).toEqual([
      ['2028-02-01', 6],
      ['2028-05-08', 2.79], // 2028-05-08..07-31: 2 months + 24 days
    ]);
  });
});

describe('initial-vc for the planners: firstRotationDay', () => {
  it('follows the months in force (18 at 80 %), and lets a BT rotation start on the first day', () => {
    const s = scenario([trainee('t01', { employment: [{ from: '2027-02-01', rate: 0.8 }] })], { rules: { 'initial-vc': { months: 18 } } });
    const facts = traineeFacts(s.trainees[0]!, resolveParams(s));
    const first = formatDay(firstRotationDay(facts, { bt: false }));
    expect(first).toBe('2028-12-17'); // 18 full-time months at 80 % are 22.5 calendar months
    expect(formatDay(firstRotationDay(facts, { bt: true }))).toBe('2027-02-01');
    const hudFrom = (from: string) => edited('t01', (p) => p.specialty === 'hud', [rot('t01', 'hud', from, formatDay(parseDay(from) + 30))]);
    const early = (from: string) => violationsOf(RULE, s, hudFrom(from)).filter((v) => v.from === from);
    expect(early(first)).toEqual([]);
    expect(early(formatDay(parseDay(first) - 1))).toHaveLength(1);
  });
});
