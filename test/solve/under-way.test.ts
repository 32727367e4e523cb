/**
 * Planning a region that is already under way (issue 11): the planning day, history, the agreed
 * months, extension instead of "no plan", latestEnd as the only hard end, and capacity advice
 * measured by re-planning. Every scenario fixes its planning day; every solve has a work budget.
 */
import { describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../solver/domain/schemas.ts';
import { solve } from '../../solver/solve/index.ts';
import { formatDay, parseDay } from '../../solver/time/dates.ts';
import { createValidator } from '../../solver/validate.ts';
import { clinic, expectValid, rotations, scenario, trainee } from './fixtures.ts';

const START = '2027-01-03';
const WORK = 3000;

const fte = (s: Scenario, id: string, plan: Plan, specialty: string) => {
  const f = createValidator(s).facts(id)!;
  return rotations(plan, id)
    .filter((p) => p.specialty === specialty)
    .reduce((sum, p) => sum + f.calendar.fteMonths(parseDay(p.from), parseDay(p.to)), 0);
};

/** One ögon rotation wished for in the autumn: a re-plan from the planning day moves an earlier one there. */
const wished = scenario([trainee('t01', { start: START, rotations: [{ specialty: 'ogon', months: 1 }], wishes: [{ specialty: 'ogon', from: '2028-09-01', to: '2028-12-31', weight: 100 }] })], [
  clinic('ogon-a', 'ogon', 1),
], { planFrom: '2028-01-15' });

describe('a region under way', () => {
  it('a planning day in the middle of a rotation: the rotation stays and its months count', async () => {
    const s = scenario([trainee('t01', { start: START, rotations: [{ specialty: 'psykiatri', months: 3 }, { specialty: 'hud', months: 1 }] })], [
      clinic('psyk-a', 'psykiatri', 1),
      clinic('hud-a', 'hud', 1),
    ], { planFrom: '2028-02-15' });
    const current: Plan = {
      format: 'randplan.plan/1',
      placements: [{ trainee: 't01', kind: 'rotation', specialty: 'psykiatri', clinic: 'psyk-a', from: '2028-01-03', to: '2028-04-02' }],
    };
    const r = await solve(s, { currentPlan: current, workLimit: WORK });
    expectValid(s, r.plan);
    expect(rotations(r.plan, 't01').filter((p) => p.specialty === 'psykiatri')).toEqual([
      { specialty: 'psykiatri', clinic: 'psyk-a', from: '2028-01-03', to: '2028-04-02' },
    ]);
    expect(r.kept).toBeGreaterThanOrEqual(1);
    // Nothing new before the planning day.
    const added = r.plan.placements.filter((p) => !(p.kind === 'rotation' && p.specialty === 'psykiatri'));
    expect(added.filter((p) => p.from < '2028-02-15')).toEqual([]);
  });

  it('a locked part of a rotation before the planning day is topped up after it, to the required months', async () => {
    const locked = [{ kind: 'rotation' as const, specialty: 'psykiatri' as const, clinic: 'psyk-a', from: '2028-01-03', to: '2028-03-02' }];
    const s = scenario([trainee('t01', { start: START, rotations: [{ specialty: 'psykiatri', months: 3 }], locked })], [clinic('psyk-a', 'psykiatri', 1)], {
      planFrom: '2028-03-15',
    });
    const r = await solve(s, { workLimit: WORK });
    expectValid(s, r.plan);
    expect(r.plan.placements).toContainEqual({ trainee: 't01', ...locked[0]! });
    const topUp = rotations(r.plan, 't01').filter((p) => p.from !== '2028-01-03');
    expect(topUp.length).toBeGreaterThan(0);
    expect(topUp.every((p) => p.from >= '2028-03-15')).toBe(true);
    expect(fte(s, 't01', r.plan, 'psykiatri')).toBeGreaterThanOrEqual(3 - 0.05);
  });

  it('history that overloads a clinic in the past is reported as advice, and the future is planned', async () => {
    const past = { kind: 'rotation' as const, specialty: 'ogon' as const, clinic: 'ogon-a', from: '2028-01-03', to: '2028-02-02' };
    const people = ['t01', 't02'].map((id) => trainee(id, { start: START, rotations: [{ specialty: 'ogon', months: 1 }, { specialty: 'hud', months: 1 }], locked: [past] }));
    const s = scenario(people, [clinic('ogon-a', 'ogon', 1), clinic('hud-a', 'hud', 1)], { planFrom: '2028-06-01' });
    const r = await solve(s, { workLimit: WORK });
    expect(r.report.valid).toBe(true);
    expect(['optimal', 'feasible']).toContain(r.report.solve!.status);
    const history = r.report.violations.filter((v) => v.rule === 'clinic-capacity');
    expect(history.map((v) => [v.severity, v.from, v.to])).toEqual([['advice', '2028-01-03', '2028-02-02']]);
    for (const id of ['t01', 't02']) expect(rotations(r.plan, id).filter((p) => p.specialty === 'hud').every((p) => p.from >= '2028-06-01')).toBe(true);
  });

  it('two trainees and one ögon place late in ST: one is extended, and the advice names ögon with the saving of the re-plan', async () => {
    // The ögon clinic opens its one place only from December 2031; the end of ST is 2032-01-02.
    const ogon = clinic('ogon-a', 'ogon', 0, { capacityChanges: [{ from: '2031-12-01', to: '2033-12-31', capacity: 1 }] });
    // Own BVC and SÄBO are done: only the ögon rotation is left to plan.
    const done = [
      { kind: 'bvc' as const, from: '2029-01-01', to: '2029-04-30' },
      { kind: 'sabo' as const, from: '2030-01-01', to: '2030-04-30' },
    ];
    const people = ['t01', 't02'].map((id) => trainee(id, { start: START, rotations: [{ specialty: 'ogon', months: 1 }], locked: done }));
    const s = scenario(people, [ogon], { planFrom: '2031-06-01', horizon: { from: '2027-01-01', to: '2033-12-31' } });
    const r = await solve(s, { workLimit: WORK });
    expectValid(s, r.plan);
    const extended = r.report.trainees.filter((t) => t.extensionMonths > 0);
    expect(extended).toHaveLength(1);
    const late = rotations(r.plan, extended[0]!.id)[0]!;
    expect(extended[0]!.plannedEnd).toBe(late.to);
    // Calendar months from the end of ST (2032-01-02) to the end of the late rotation.
    expect(extended[0]!.extensionMonths).toBeGreaterThan(0.9);
    expect(extended[0]!.extensionMonths).toBeLessThan(1.3);
    const [best] = r.report.capacityAdvice ?? [];
    expect(best).toMatchObject({ clinic: 'ogon-a', unit: null, places: 1, trainees: [extended[0]!.id] });
    expect(best!.message.sv).toMatch(/^En plats till på Klinik ogon-a \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d kortar förlängningarna med/);
    // Measured, not estimated: the saving is the difference of the two solves.
    const withPlace: Scenario = {
      ...s,
      clinics: [{ ...ogon, capacityChanges: [...ogon.capacityChanges!, { from: best!.from, to: best!.to, capacity: 1 }] }],
    };
    const again = await solve(withPlace, { startFrom: r.plan, workLimit: Math.round(WORK / 6), advise: false });
    const total = (x: typeof r) => x.report.trainees.reduce((sum, t) => sum + t.extensionMonths, 0);
    expect(best!.savesMonths).toBeCloseTo(total(r) - total(again), 1);
    expect(total(again)).toBe(0);
  });

  it('two trainees of a unit that lets one away, clinics with room: one is extended, and the advice names the unit with the saving of the re-plan', async () => {
    // ST ends 2032-01-02; three months are left from the planning day, and each needs two months away.
    const done = [
      { kind: 'bvc' as const, from: '2029-01-01', to: '2029-04-30' },
      { kind: 'sabo' as const, from: '2030-01-01', to: '2030-04-30' },
    ];
    const people = [
      trainee('t01', { start: START, unit: 'vc-b', rotations: [{ specialty: 'ogon', months: 2 }], locked: done }),
      trainee('t02', { start: START, unit: 'vc-b', rotations: [{ specialty: 'hud', months: 2 }], locked: done }),
    ];
    const s = scenario(people, [clinic('ogon-a', 'ogon', 10), clinic('hud-a', 'hud', 10)], {
      planFrom: '2031-10-01',
      horizon: { from: '2027-01-01', to: '2033-12-31' },
      rules: { 'max-away': { months: 2, returnWeeks: 5 } },
    });
    const r = await solve(s, { workLimit: WORK });
    expectValid(s, r.plan);
    const extended = r.report.trainees.filter((t) => t.extensionMonths > 0);
    expect(extended).toHaveLength(1);
    const [best, ...rest] = r.report.capacityAdvice ?? [];
    expect(best).toMatchObject({ clinic: null, unit: 'vc-b', from: '2031-10-01', places: 1, trainees: [extended[0]!.id] });
    // To the end of the month of the late rotation.
    const late = rotations(r.plan, extended[0]!.id)[0]!;
    expect(best!.to.slice(0, 7)).toBe(late.to.slice(0, 7));
    expect(formatDay(parseDay(best!.to) + 1).slice(8)).toBe('01');
    // Clinics with room to spare save nothing: they are re-planned and left out.
    expect(rest).toEqual([]);
    expect(best!.message.sv).toMatch(/^En plats till borta samtidigt på Vårdcentral B 2031-10-01 – \d{4}-\d\d-\d\d kortar förlängningarna med .* \(1 ST-läkare\)\.$/);
    expect(best!.message.en).toMatch(/^One more place away at once at Vårdcentral B 2031-10-01 – /);
    // Measured, not estimated: the saving is the difference of the two solves.
    const withPlace: Scenario = {
      ...s,
      units: s.units.map((u) => (u.id === 'vc-b' ? { ...u, maxAwayChanges: [{ from: best!.from, to: best!.to, maxAway: u.maxAway + 1 }] } : u)),
    };
    const again = await solve(withPlace, { startFrom: r.plan, workLimit: Math.round(WORK / 6), advise: false });
    const total = (x: typeof r) => x.report.trainees.reduce((sum, t) => sum + t.extensionMonths, 0);
    expect(best!.savesMonths).toBeCloseTo(total(r) - total(again), 1);
    expect(total(again)).toBe(0);
  });

  it('a latestEnd too early for the required work: infeasible, explained by the trainee and the limit', async () => {
    const s = scenario([trainee('t01', { start: START, rotations: [{ specialty: 'psykiatri', months: 2 }], latestEnd: '2028-02-15' })], [clinic('psyk-a', 'psykiatri', 1)]);
    const r = await solve(s, { workLimit: WORK });
    expect(r.report.solve!.status).toBe('infeasible');
    const ex = r.report.explanation ?? [];
    expect(ex.some((e) => e.trainees.includes('t01') && e.rules.includes('latest-end'))).toBe(true);
    expect(ex.map((e) => e.message.sv).join(' ')).toContain('senaste slutdatum 2028-02-15');
  });

  it('the agreed months keep a placement that a re-plan would move; released (0 months) it moves', async () => {
    const base = (agreedMonths: number): Scenario =>
      scenario([trainee('t01', { start: START, rotations: [{ specialty: 'ogon', months: 1 }], wishes: [{ specialty: 'ogon', from: '2028-09-01', to: '2028-12-31', weight: 100 }] })], [
        clinic('ogon-a', 'ogon', 1),
      ], { planFrom: '2028-01-15', rules: { 'planning-day': { agreedMonths } } });
    const current: Plan = {
      format: 'randplan.plan/1',
      placements: [{ trainee: 't01', kind: 'rotation', specialty: 'ogon', clinic: 'ogon-a', from: '2028-02-07', to: '2028-03-06' }],
    };
    const kept = await solve(base(3), { currentPlan: current, workLimit: WORK });
    expect(rotations(kept.plan, 't01')).toEqual([{ specialty: 'ogon', clinic: 'ogon-a', from: '2028-02-07', to: '2028-03-06' }]);
    expect(kept.kept).toBe(1);
    const released = await solve(base(0), { currentPlan: current, workLimit: WORK });
    expect(rotations(released.plan, 't01')[0]!.from >= '2028-09-01').toBe(true);
    expect(released.kept).toBe(0);
  });

  it('a trainee the planned lengths would extend plans at the minimum: no extension, the longer rotation for the others', async () => {
    // internmedicin 3–6 months is planned at 6 (towards the recommended total side time); t01 has five
    // months left of ST, so 6 would run past its end and 3 fits.
    const done = [
      { kind: 'bvc' as const, from: '2029-01-01', to: '2029-04-30' },
      { kind: 'sabo' as const, from: '2030-01-01', to: '2030-04-30' },
    ];
    const medicine = [{ specialty: 'internmedicin' as const, months: [3, 6] as [number, number] }];
    const s = scenario(
      [
        trainee('t01', { start: START, rotations: medicine, locked: done }),
        trainee('t02', { start: '2028-01-03', rotations: medicine, locked: [done[0]!, { kind: 'sabo', from: '2031-01-01', to: '2031-04-30' }] }),
      ],
      [clinic('med-a', 'internmedicin', 1)],
      { planFrom: '2031-08-01', horizon: { from: '2027-01-01', to: '2034-12-31' } },
    );
    const r = await solve(s, { workLimit: WORK });
    expectValid(s, r.plan);
    expect(r.report.trainees.map((t) => [t.id, t.extensionMonths])).toEqual([['t01', 0], ['t02', 0]]);
    expect(fte(s, 't01', r.plan, 'internmedicin')).toBeCloseTo(3, 0);
    expect(fte(s, 't02', r.plan, 'internmedicin')).toBeCloseTo(6, 0);
    // The same for one trainee's own completion, the others kept.
    const own = await solve(s, { trainee: 't01', currentPlan: { ...r.plan, placements: r.plan.placements.filter((p) => p.trainee !== 't01') }, workLimit: WORK });
    expect(own.report.trainees.find((t) => t.id === 't01')!.extensionMonths).toBe(0);
    expect(fte(s, 't01', own.plan, 'internmedicin')).toBeCloseTo(3, 0);
  });

  it('an agreed placement the studierektor releases moves where the re-plan wants it; the rest stay agreed', async () => {
    const agreed = { trainee: 't01', kind: 'rotation' as const, specialty: 'ogon' as const, clinic: 'ogon-a', from: '2028-02-07', to: '2028-03-06' };
    const r = await solve(wished, { currentPlan: { format: 'randplan.plan/1', placements: [agreed] }, workLimit: WORK, release: [agreed] });
    expectValid(wished, r.plan);
    expect(rotations(r.plan, 't01')[0]!.from >= '2028-09-01').toBe(true);
    expect([r.kept, r.released, r.agreed]).toEqual([0, 1, []]);
    expect(r.report.solve).toMatchObject({ kept: 0, released: 1 });
    const kept = await solve(wished, { currentPlan: { format: 'randplan.plan/1', placements: [agreed] }, workLimit: WORK });
    expect([kept.kept, kept.released, kept.agreed]).toEqual([1, 0, [agreed]]);
  });

  it('releasing a placement that began before the planning day, or a locked one, is an error naming it', async () => {
    const underWay = { trainee: 't01', kind: 'rotation' as const, specialty: 'ogon' as const, clinic: 'ogon-a', from: '2028-01-03', to: '2028-02-02' };
    const current: Plan = { format: 'randplan.plan/1', placements: [underWay] };
    await expect(solve(wished, { currentPlan: current, workLimit: WORK, release: [underWay] })).rejects.toThrow(
      'release[0]: t01 rotation ogon ogon-a 2028-01-03–2028-02-02 began before the planning day 2028-01-15: it is history and cannot be released',
    );
    const { trainee: _t, ...own } = { ...underWay, from: '2028-02-07', to: '2028-03-06' };
    const locked: Scenario = { ...wished, trainees: wished.trainees.map((t) => ({ ...t, locked: [own] })) };
    await expect(solve(locked, { currentPlan: current, workLimit: WORK, release: [{ trainee: 't01', ...own }] })).rejects.toThrow(
      /^release\[0\]: t01 rotation ogon ogon-a 2028-02-07–2028-03-06 is locked/,
    );
    await expect(solve(wished, { currentPlan: current, workLimit: WORK, release: [{ ...underWay, trainee: 'nobody' }] })).rejects.toThrow('release[0].trainee');
  });
});
