import { validate } from '../../solver/validate.ts';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../solver/demo/generate.ts';
import { solve } from '../../solver/solve/index.ts';
import { clinic, expectValid, rotations, scenario, trainee } from './fixtures.ts';

// A trainee starting on 2027-01-03 ends the 12-month initial VC period on 2028-01-02, so the first
// possible rotation day, 2028-01-03, is a Monday: the grid's first start.
const START = '2027-01-03';

describe('solve: small scenarios with known optimal plans', () => {
  it('places one trainee’s rotations right after the initial VC, wished rotation first', async () => {
    const s = scenario(
      [
        trainee('t01', {
          start: START,
          rotations: [{ specialty: 'ogon', months: 1 }, { specialty: 'hud', months: 1 }],
          wishes: [{ specialty: 'ogon', from: '2028-01-01', to: '2028-02-29' }],
        }),
      ],
      [clinic('ogon-a', 'ogon', 1), clinic('hud-a', 'hud', 1)],
    );
    const r = await solve(s, { workLimit: 4000 });
    expect(rotations(r.plan, 't01')).toEqual([
      { specialty: 'ogon', clinic: 'ogon-a', from: '2028-01-03', to: '2028-02-02' },
      // After a return week: the first Monday at least 8 days after 2028-02-02.
      { specialty: 'hud', clinic: 'hud-a', from: '2028-02-14', to: '2028-03-13' },
    ]);
    expect(r.report.solve?.status).toBe('optimal');
    // hud starts 42 days late (42 / 30.4375 months) + load 0.2 per month at a one-place clinic, twice.
    expect(r.report.solve?.objective).toBeCloseTo(42 / 30.4375 + 0.4, 2);
    expect(r.report.solve?.gap).toBe(0);
    expectValid(s, r.plan);
  });

  it('lets two trainees share a one-place clinic back to back', async () => {
    const s = scenario(
      [trainee('t01', { start: START, rotations: [{ specialty: 'ogon', months: 1 }] }), trainee('t02', { start: START, rotations: [{ specialty: 'ogon', months: 1 }] })],
      [clinic('ogon-a', 'ogon', 1)],
    );
    const r = await solve(s, { workLimit: 4000 });
    const starts = [...rotations(r.plan, 't01'), ...rotations(r.plan, 't02')].map((p) => p.from).sort();
    expect(starts).toEqual(['2028-01-03', '2028-02-07']);
    expect(r.report.solve?.status).toBe('optimal');
    expect(r.report.solve?.objective).toBeCloseTo(35 / 30.4375 + 0.4, 2);
    expectValid(s, r.plan);
  });

  it('reads overlapping capacity changes as the rule does: the smallest holds', async () => {
    const changes = [
      { from: '2028-01-01', to: '2028-03-31', capacity: 0 },
      { from: '2028-01-01', to: '2028-12-31', capacity: 1 },
    ];
    const s = scenario([trainee('t01', { start: START, rotations: [{ specialty: 'ogon', months: 1 }] })], [clinic('ogon-a', 'ogon', 1, { capacityChanges: changes })]);
    const r = await solve(s, { workLimit: 4000 });
    expect(rotations(r.plan, 't01').map((p) => p.from)).toEqual(['2028-04-03']);
    expectValid(s, r.plan);
  });

  it('splits a 3-month rotation at 75 % into two parts with a return week', async () => {
    const s = scenario(
      [trainee('t01', { start: START, employment: [{ from: START, rate: 0.75 }], rotations: [{ specialty: 'pediatrik', months: 3 }] })],
      [clinic('barn-a', 'pediatrik', 1)],
    );
    const r = await solve(s, { workLimit: 4000 });
    const parts = rotations(r.plan, 't01');
    expect(parts).toHaveLength(2);
    expect(parts[0]!.to < parts[1]!.from).toBe(true);
    expectValid(s, r.plan);
  });
});

describe('solve: locked placements and minimal change', () => {
  it('never moves a locked placement', async () => {
    const locked = { kind: 'rotation' as const, specialty: 'psykiatri' as const, clinic: 'psyk-a', from: '2028-03-08', to: '2028-05-07' };
    const s = scenario(
      [
        trainee('t01', { start: START, rotations: [{ specialty: 'psykiatri', months: 2 }, { specialty: 'ogon', months: 1 }], locked: [locked] }),
        trainee('t02', { start: START, rotations: [{ specialty: 'psykiatri', months: 2 }] }),
      ],
      [clinic('psyk-a', 'psykiatri', 1), clinic('ogon-a', 'ogon', 1)],
    );
    const r = await solve(s, { workLimit: 4000 });
    expect(r.plan.placements).toContainEqual({ trainee: 't01', ...locked });
    expect(rotations(r.plan, 't01').filter((p) => p.specialty === 'psykiatri')).toEqual([{ specialty: 'psykiatri', clinic: 'psyk-a', from: locked.from, to: locked.to }]);
    expectValid(s, r.plan);
  });

  it('answers infeasible, naming the rule, when locked placements themselves break it', async () => {
    // An approved proposal locked a rotation over the trainee's own BVC: no plan can mend that.
    const locked = [
      { kind: 'rotation' as const, specialty: 'psykiatri' as const, clinic: 'psyk-a', from: '2028-09-04', to: '2028-11-03' },
      { kind: 'bvc' as const, from: '2028-10-02', to: '2029-02-01' },
    ];
    const s = scenario(
      [trainee('t01', { start: START, rotations: [{ specialty: 'psykiatri', months: 2 }, { specialty: 'ogon', months: 1 }], locked })],
      [clinic('psyk-a', 'psykiatri', 1), clinic('ogon-a', 'ogon', 1)],
    );
    const r = await solve(s, { workLimit: 4000 });
    expect(r.report.solve?.status).toBe('infeasible');
    for (const p of locked) expect(r.plan.placements).toContainEqual({ trainee: 't01', ...p });
    const explained = r.report.explanation ?? [];
    expect(explained.some((e) => e.rules.includes('locked') && e.trainees.includes('t01'))).toBe(true);
    // What the explanation names is exactly what the rule catalogue finds in the returned plan.
    const hard = validate(s, r.plan).violations.filter((v) => v.severity === 'hard');
    expect(hard.length).toBeGreaterThan(0);
    expect(explained.map((e) => e.rules[0]).sort()).toEqual(hard.map((v) => v.rule).sort());
  });

  it('after a clinic loses a place, moves only what it must', async () => {
    const people = ['t01', 't02', 't03', 't04'].map((id, i) =>
      trainee(id, { start: START, rotations: [{ specialty: i < 2 ? 'ogon' : 'hud', months: 1 }] }),
    );
    const before = scenario(people, [clinic('ogon-a', 'ogon', 2), clinic('hud-a', 'hud', 2)]);
    const first = await solve(before, { workLimit: 4000 });
    expectValid(before, first.plan);
    // Both ogon trainees were at ogon-a in January 2028; the clinic now has one place then.
    const after = scenario(people, [
      clinic('ogon-a', 'ogon', 2, { capacityChanges: [{ from: '2028-01-01', to: '2028-03-31', capacity: 1 }] }),
      clinic('hud-a', 'hud', 2),
    ]);
    const r = await solve(after, { workLimit: 4000, currentPlan: first.plan });
    expectValid(after, r.plan);
    const movedRotations = r.moved.filter((m) => (m.before ?? m.after)!.kind === 'rotation');
    expect(new Set(movedRotations.map((m) => m.trainee)).size).toBe(1);
    expect(['t01', 't02']).toContain(movedRotations[0]!.trainee);
    expect(r.moved.some((m) => m.trainee === 't03' || m.trainee === 't04')).toBe(false);
  });
});

describe('solve: infeasibility, time limits, one trainee', () => {
  it('explains an infeasible scenario with the colliding rule and people', async () => {
    // Psychiatry has one place, and only in spring 2028; both trainees must go then.
    const s = scenario(
      [trainee('t04', { start: START }), trainee('t09', { start: START })],
      [clinic('psyk-a', 'psykiatri', 0, { capacityChanges: [{ from: '2028-01-01', to: '2028-04-30', capacity: 1 }] })],
    );
    const r = await solve(s, { workLimit: 4000 });
    expect(r.report.solve?.status).toBe('infeasible');
    const ex = r.report.explanation ?? [];
    const capacity = ex.find((e) => e.rules.includes('clinic-capacity'));
    expect(capacity).toBeDefined();
    expect(capacity!.clinics).toEqual(['psyk-a']);
    expect(capacity!.trainees).toEqual(expect.arrayContaining(['t04', 't09']));
    expect(capacity!.message.sv).toContain('Klinik psyk-a');
    expect(capacity!.message.en).toContain('Läkare t04');
  });

  it('a budget used up at once yields timeout with the best plan so far and a bound below it', async () => {
    const s = generateScenario({ size: 30, seed: 7, today: '2026-11-22' });
    const r = await solve(s, { workLimit: 1, gapTarget: 0 });
    const solve_ = r.report.solve!;
    expect(solve_.status).toBe('timeout');
    expect(solve_.objective).not.toBeNull();
    expect(solve_.bound).not.toBeNull();
    expect(solve_.bound!).toBeLessThanOrEqual(solve_.objective! + 1e-6);
    expect(solve_.gap!).toBeGreaterThan(0);
    expectValid(s, r.plan);
  });

  it('the same work budget gives the same plan', async () => {
    const s = generateScenario({ size: 30, seed: 7, today: '2026-11-22' });
    const [a, b] = [await solve(s, { workLimit: 600 }), await solve(s, { workLimit: 600, threads: 1 })];
    expect(b.report.solve!.objective).toBe(a.report.solve!.objective);
    expect(b.plan).toEqual(a.plan);
  });

  it('one trainee: completes that plan and keeps everyone else exactly', async () => {
    const s = scenario(
      ['t01', 't02', 't03'].map((id) => trainee(id, { start: START, rotations: [{ specialty: 'ogon', months: 1 }, { specialty: 'hud', months: 1 }] })),
      [clinic('ogon-a', 'ogon', 1), clinic('hud-a', 'hud', 1)],
    );
    const cohort = await solve(s, { workLimit: 4000 });
    expectValid(s, cohort.plan);
    // t02 loses its rotations (say, a draft was cleared); everyone else stays as planned.
    const current = { ...cohort.plan, placements: cohort.plan.placements.filter((p) => !(p.trainee === 't02' && p.kind === 'rotation')) };
    const r = await solve(s, { trainee: 't02', currentPlan: current, workLimit: 2000 });
    const others = (plan: typeof current) => plan.placements.filter((p) => p.trainee !== 't02');
    expect(others(r.plan)).toEqual(others(current));
    expect(rotations(r.plan, 't02').map((p) => p.specialty).sort()).toEqual(['hud', 'ogon']);
    expect(r.moved.every((m) => m.trainee === 't02')).toBe(true);
    expectValid(s, r.plan);
    // Its report is that trainee's, as the web judges an edit: their rules, and the clinics and unit they touch.
    expect(r.report.trainees.map((t) => t.id)).toEqual(['t02']);
    expect(r.report.violations.every((v) => v.trainees.includes('t02'))).toBe(true);
    // Another trainee's placement is not this solve's to release.
    const ogon = current.placements.find((p) => p.trainee === 't01' && p.kind === 'rotation')!;
    await expect(solve(s, { trainee: 't02', currentPlan: current, workLimit: 2000, release: [ogon] })).rejects.toThrow(/release\[0\]\.trainee: this solve plans only t02/);
  });

  it('rejects an unknown trainee id, naming the option', async () => {
    const s = scenario([trainee('t01', { start: START })], [clinic('psyk-a', 'psykiatri', 1)]);
    await expect(solve(s, { trainee: 'nobody' })).rejects.toThrow(/trainee/);
  });
});

describe('solve: a plan the rules also advise nothing against', () => {
  it('plans recommended lengths, Mitt-i-ST and the written work, as greedy does', async () => {
    const s = generateScenario({ size: 24, seed: 11, today: '2026-11-22' });
    const r = await solve(s, { workLimit: 2000 });
    expectValid(s, r.plan);
    const advice = r.report.violations.filter((v) => ['total-side-time', 'delmal-coverage', 'mid-st'].includes(v.rule));
    expect(advice.map((v) => v.message.en)).toEqual([]);
    // Every trainee's plan has the quality project and the scientific work.
    for (const t of s.trainees) {
      const milestones = r.plan.placements.filter((p) => p.trainee === t.id && p.kind === 'milestone').map((p) => p.milestone);
      expect(milestones).toEqual(expect.arrayContaining(['kvalitetsarbete', 'vetenskapligt-arbete']));
    }
  }, 30_000);
});
