import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../solver/domain/params.ts';
import { traineeFacts } from '../../solver/plan/context.ts';
import { keepsAwayLimit, splitRotation } from '../../solver/rules/max-away.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
import { brief, cleanPlacements, edited, rot, scenario, trainee, violationsOf } from './fixtures.ts';

const RULE = 'max-away';

describe('max-away', () => {
  it('finds nothing when a 6-month rotation is split by a return week', () => {
    expect(violationsOf(RULE, scenario(), cleanPlacements())).toEqual([]);
  });

  it('a 6-day return is too short: the two parts form one 6.2-month stretch', () => {
    const placements = edited('t01', (p) => p.specialty === 'internmedicin', [
      rot('t01', 'internmedicin', '2028-02-01', '2028-04-30'),
      rot('t01', 'internmedicin', '2028-05-07', '2028-08-06'),
    ]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01'], clinic: 'med-vxo', unit: null, from: '2028-02-01', to: '2028-08-06', amount: 3.2 },
    ]);
    expect(found[0]!.message.sv).toContain('6,2 månader i en följd');
    expect(found[0]!.message.sv).toBe(
      'Läkare t01 är borta från vårdcentralen 2028-02-01 – 2028-08-06, 6,2 månader i en följd (Internmedicin) (2 delar med mindre än 1 veckas återkomst emellan); högst 3 månader är tillåtet, 3,2 månader för länge.',
    );
  });

  it('back-to-back rotations of different specialties count as one stretch', () => {
    const placements = edited('t01', (p) => p.specialty === 'onh' || p.specialty === 'ogon', [
      rot('t01', 'onh', '2029-12-01', '2030-01-31'),
      rot('t01', 'ogon', '2030-02-01', '2030-03-31'),
    ]);
    const found = violationsOf(RULE, scenario(), placements);
    expect(found.map((v) => [v.from, v.to, v.amount, v.clinic])).toEqual([['2029-12-01', '2030-03-31', 1, null]]);
  });

  it('a single rotation of 4 calendar months is 1 month over', () => {
    const placements = edited('t01', (p) => p.specialty === 'hud', [rot('t01', 'hud', '2030-05-01', '2030-08-31')]);
    expect(violationsOf(RULE, scenario(), placements).map((v) => [v.from, v.to, v.amount])).toEqual([['2030-05-01', '2030-08-31', 1]]);
  });

  it('a rotation ending the day before the next begins joins it into one stretch', () => {
    // psykiatri to 2028-12-31 and pediatrik from 2029-01-01: 2028-09-01..2029-03-31 is 7 months away.
    const placements = edited('t01', (p) => p.specialty === 'psykiatri', [rot('t01', 'psykiatri', '2028-09-01', '2028-12-31')]);
    expect(violationsOf(RULE, scenario(), placements).map((v) => [v.from, v.to, v.amount])).toEqual([['2028-09-01', '2029-03-31', 4]]);
  });

  it('the limit is calendar time: 3 calendar months at 80 % are still 3 months away', () => {
    const s = scenario([trainee('t01', { employment: [{ from: '2027-02-01', rate: 0.8 }] })]);
    expect(violationsOf(RULE, s, cleanPlacements())).toEqual([]);
  });

  it('an override of 2 months and 2 return weeks applies', () => {
    const s = scenario([trainee()], { rules: { 'max-away': { months: 2, returnWeeks: 2 } } });
    const found = violationsOf(RULE, s, cleanPlacements());
    // med parts (7-day gap < 14) form one stretch 2028-02-01..08-07 of 6 months + 7 days: 4.23 over;
    // psykiatri 3 → 1 over; pediatrik 3 → 1 over.
    expect(found.map((v) => [v.from, v.amount])).toEqual([
      ['2028-02-01', 4.23],
      ['2028-09-01', 1],
      ['2029-01-01', 1],
    ]);
  });
});

describe('max-away for the planners: splitRotation', () => {
  const s = scenario([trainee()], { rules: { 'max-away': { months: 2.5, returnWeeks: 2 } } });
  const params = resolveParams(s);
  const facts = traineeFacts(s.trainees[0]!, params);
  const asPlacements = (parts: { from: number; to: number }[]) => parts.map((p) => rot('t01', 'internmedicin', formatDay(p.from), formatDay(p.to)));

  it('cuts 6 months under a 2.5-month limit into parts the rule accepts (each 2.5 months less a part of a day), each next one from the first Monday after 2 weeks back', () => {
    const parts = splitRotation(facts.calendar, parseDay('2028-02-07'), 6, params['max-away'], params['rotation-length'].toleranceMonths)!;
    expect(parts.map((p) => [formatDay(p.from), formatDay(p.to)])).toEqual([
      ['2028-02-07', '2028-04-21'],
      ['2028-05-08', '2028-07-22'],
      ['2028-08-07', '2028-09-07'],
    ]);
    // Medicine alone (the clean plan's 3-month rotations break a 2.5-month limit themselves).
    const placements = edited('t01', (p) => p.kind === 'rotation', asPlacements(parts));
    expect(violationsOf(RULE, s, placements)).toEqual([]);
    expect(violationsOf('rotation-length', s, placements)).toEqual([]);
    expect(keepsAwayLimit(parts, params['max-away'])).toBe(true);
  });

  it('a remainder within the tolerance gets no part of its own', () => {
    const parts = splitRotation(facts.calendar, parseDay('2028-02-07'), 5.01, params['max-away'], 0.05)!;
    expect(parts.map((p) => formatDay(p.from))).toEqual(['2028-02-07', '2028-05-08']);
  });

  it('keepsAwayLimit agrees with the rule: a 2.6-month part is too long', () => {
    const parts = [{ from: parseDay('2028-02-07'), to: parseDay('2028-04-24') }];
    expect(keepsAwayLimit(parts, params['max-away'])).toBe(false);
    const found = violationsOf(RULE, s, edited('t01', (p) => p.kind === 'rotation', asPlacements(parts)));
    expect(found.map((v) => [v.from, v.amount])).toEqual([['2028-02-07', 0.09]]);
  });
});
