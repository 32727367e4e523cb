import { describe, expect, it } from 'vitest';
import { clinicLimit, leastLimit } from '../../solver/domain/capacity.ts';
import type { Clinic } from '../../solver/domain/schemas.ts';
import { addMonths, parseDay } from '../../solver/time/dates.ts';
import { brief, cleanPlacements, clinics, rot, scenario, trainee, traineeViolationsOf, violationsOf } from './fixtures.ts';

const RULE = 'clinic-capacity';
const three = [trainee('t01'), trainee('t07', { unit: 'vc-b' }), trainee('t09', { unit: 'vc-b' })];

describe('clinic-capacity', () => {
  it('finds nothing when two trainees share a clinic with 2 places', () => {
    const s = scenario(three.slice(0, 2));
    expect(violationsOf(RULE, s, [...cleanPlacements('t01'), ...cleanPlacements('t07')])).toEqual([]);
  });

  it('three trainees at a clinic with 2 places: one run, amount 1, everyone named', () => {
    const s = scenario(three);
    const placements = [
      rot('t01', 'psykiatri', '2029-01-01', '2029-03-31'),
      rot('t07', 'psykiatri', '2029-02-01', '2029-04-30'),
      rot('t09', 'psykiatri', '2029-02-01', '2029-02-28'),
    ];
    const found = violationsOf(RULE, s, placements);
    expect(found.map(brief)).toEqual([
      { rule: RULE, severity: 'hard', trainees: ['t01', 't07', 't09'], clinic: 'psyk-vxo', unit: null, from: '2029-02-01', to: '2029-02-28', amount: 1 },
    ]);
    expect(found[0]!.message.sv).toBe('Psykiatri Växjö har 2 platser 2029-02-01 – 2029-02-28 men 3 ST-läkare är placerade där (Läkare t01, Läkare t07, Läkare t09); 1 för många.');
    expect(found[0]!.message.en).toBe('Psykiatri Växjö has 2 places 2029-02-01 – 2029-02-28 but 3 trainees are placed there (Läkare t01, Läkare t07, Läkare t09); 1 too many.');
  });

  it('a summer closure (capacity 0) makes every placed day a violation', () => {
    const c = clinics().map((x) => (x.id === 'psyk-vxo' ? { ...x, capacityChanges: [{ from: '2029-06-21', to: '2029-08-15', capacity: 0 }] } : x));
    const s = scenario(three, { clinics: c });
    const found = violationsOf(RULE, s, [rot('t01', 'psykiatri', '2029-06-01', '2029-08-31')]);
    expect(found.map((v) => [v.from, v.to, v.amount, v.trainees])).toEqual([['2029-06-21', '2029-08-15', 1, ['t01']]]);
    expect(found[0]!.message.sv).toContain('har 0 platser');
  });

  it('separate over-booked stretches are separate violations; the peak sets the amount', () => {
    const c = clinics(1);
    const s = scenario(three, { clinics: c });
    const placements = [
      rot('t01', 'hud', '2029-01-01', '2029-01-31'),
      rot('t07', 'hud', '2029-01-20', '2029-02-10'),
      rot('t09', 'hud', '2029-01-25', '2029-01-26'),
      rot('t09', 'hud', '2029-05-01', '2029-05-31'),
      rot('t01', 'hud', '2029-05-31', '2029-06-30'),
    ];
    const found = violationsOf(RULE, s, placements);
    expect(found.map((v) => [v.from, v.to, v.amount, v.trainees])).toEqual([
      ['2029-01-20', '2029-01-31', 2, ['t01', 't07', 't09']],
      ['2029-05-31', '2029-05-31', 1, ['t01', 't09']],
    ]);
    expect(found[0]!.message.sv).toContain('men upp till 3 ST-läkare');
  });

  it('one trainee with two overlapping parts at one clinic counts once', () => {
    const s = scenario(three, { clinics: clinics(1) });
    const found = violationsOf(RULE, s, [rot('t01', 'hud', '2029-01-01', '2029-01-31'), rot('t01', 'hud', '2029-01-15', '2029-02-15')]);
    expect(found).toEqual([]);
  });

  it('validateTrainee reports the runs that involve the trainee, with the same extent', () => {
    const s = scenario(three);
    const placements = [
      rot('t01', 'psykiatri', '2029-01-01', '2029-03-31'),
      rot('t07', 'psykiatri', '2028-12-01', '2029-04-30'),
      rot('t09', 'psykiatri', '2028-11-01', '2029-02-28'),
    ];
    const all = violationsOf(RULE, s, placements);
    expect(all.map((v) => [v.from, v.to])).toEqual([['2029-01-01', '2029-02-28']]);
    expect(traineeViolationsOf(RULE, s, placements, 't01')).toEqual(all);
    expect(traineeViolationsOf(RULE, s, placements, 't09')).toEqual(all);
  });
});

describe('the capacity sweep', () => {
  it('finds exactly the over-booked days a day-by-day count finds', async () => {
    const fc = (await import('fast-check')).default;
    const { overloadRuns } = await import('../../solver/rules/sweep.ts');
    const period = fc.record({ from: fc.integer({ min: 0, max: 120 }), len: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: period, who: fc.constantFrom('a', 'b', 'c', 'd', 'e') }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.record({ p: period, capacity: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
        (loads, base, changes) => {
          const ls = loads.map((l) => ({ from: l.p.from, to: l.p.from + l.p.len, who: l.who }));
          const cs = changes.map((c) => ({ from: c.p.from, to: c.p.from + c.p.len, capacity: c.capacity }));
          const runs = overloadRuns(ls, base, cs);
          for (let d = 0; d <= 170; d++) {
            const present = new Set(ls.filter((l) => l.from <= d && d <= l.to).map((l) => l.who));
            const caps = cs.filter((c) => c.from <= d && d <= c.to).map((c) => c.capacity);
            const capacity = caps.length ? Math.min(...caps) : base;
            const inRun = runs.find((r) => r.from <= d && d <= r.to);
            expect([d, present.size > capacity]).toEqual([d, inRun !== undefined]);
            if (inRun) expect(inRun.who.length).toBeGreaterThanOrEqual(present.size);
          }
          for (let i = 1; i < runs.length; i++) expect(runs[i]!.from).toBeGreaterThan(runs[i - 1]!.to + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('clinic-capacity before the planning day', () => {
  it('an overload that lies before the planning day is history: advice; from the planning day on it stays hard', () => {
    // Two trainees at a one-place psychiatry clinic, 2028-09-01..11-30; the planning day 2028-10-01 cuts the run.
    const s = scenario([trainee('t01'), trainee('t02', { unit: 'vc-b' })], { clinics: clinics(1), planFrom: '2028-10-01' });
    const found = violationsOf('clinic-capacity', s, [...cleanPlacements('t01'), ...cleanPlacements('t02')]).filter((v) => v.clinic === 'psyk-vxo');
    expect(found.map((v) => [v.severity, v.from, v.to])).toEqual([
      ['hard', '2028-10-01', '2028-11-30'],
      ['advice', '2028-09-01', '2028-09-30'],
    ]);
    expect(found[1]!.message.sv).toMatch(/^Före planeringsdagen: /);
  });
});

describe('leastLimit: the places a month (or any period) offers, read as the rule reads them', () => {
  const clinic: Clinic = {
    id: 'psyk-vxo',
    name: 'Psykiatri Växjö',
    specialty: 'psykiatri',
    capacity: 2,
    capacityChanges: [
      { from: '2029-06-15', to: '2029-08-15', capacity: 0 },
      { from: '2029-07-01', to: '2029-07-31', capacity: 1 },
      { from: '2029-10-01', to: '2029-10-31', capacity: 3 },
    ],
  };
  const month = (m: string) => leastLimit(clinicLimit(clinic), parseDay(`${m}-01`), addMonths(parseDay(`${m}-01`), 1) - 1);

  it('is the smallest where two changes overlap, a raised capacity inside its period, the base elsewhere', () => {
    expect([month('2029-05'), month('2029-06'), month('2029-07'), month('2029-08'), month('2029-09'), month('2029-10')]).toEqual([2, 0, 0, 0, 2, 3]);
  });

  it('agrees with the rule: three trainees fit in October, not in September', () => {
    const s = scenario(three, { clinics: [...clinics().filter((c) => c.id !== 'psyk-vxo'), clinic] });
    const at = (from: string, to: string) => three.map((t) => rot(t.id, 'psykiatri', from, to));
    expect(violationsOf(RULE, s, at('2029-10-01', '2029-10-31'))).toEqual([]);
    expect(violationsOf(RULE, s, at('2029-09-01', '2029-09-30')).map((v) => v.amount)).toEqual([3 - month('2029-09')]);
  });
});
