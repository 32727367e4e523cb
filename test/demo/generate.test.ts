import { describe, expect, it } from 'vitest';
import { generateDemo, generateScenario } from '../../solver/demo/generate.ts';
import { readPlan, readScenario } from '../../solver/io/read.ts';
import { addMonths, parseDay } from '../../solver/time/dates.ts';

const TODAY = '2026-11-22';

describe('generateScenario', () => {
  it('gives the same region for the same seed and today', () => {
    const a = generateScenario({ size: 30, seed: 7, today: TODAY });
    const b = generateScenario({ size: 30, seed: 7, today: TODAY });
    expect(b).toEqual(a);
  });

  it('gives a different region for a different seed', () => {
    const a = generateScenario({ size: 30, seed: 7, today: TODAY });
    const b = generateScenario({ size: 30, seed: 8, today: TODAY });
    expect(b.trainees.map((t) => t.start)).not.toEqual(a.trainees.map((t) => t.start));
    expect(b.trainees.map((t) => t.name)).not.toEqual(a.trainees.map((t) => t.name));
  });

  it.each([20, 200, 800])('writes a %i-trainee region that passes readScenario', (size) => {
    const scenario = generateScenario({ size, seed: 3, today: TODAY });
    const read = readScenario(scenario);
    expect(read.ok ? [] : read.errors).toEqual([]);
    expect(scenario.trainees).toHaveLength(size);
    // Units of two to six trainees (one smaller where the cohort does not divide).
    const perUnit = scenario.units.map((u) => scenario.trainees.filter((t) => t.unit === u.id).length);
    expect(perUnit.filter((n) => n < 2 || n > 6).length).toBeLessThanOrEqual(1);
    expect(Math.max(...perUnit)).toBeLessThanOrEqual(6);
    expect(new Set(scenario.trainees.map((t) => t.id)).size).toBe(size);
  });

  it('has the features of a real region', () => {
    const s = generateScenario({ size: 200, seed: 1, today: TODAY });
    const today = parseDay(TODAY);
    const starts = s.trainees.map((t) => parseDay(t.start));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(addMonths(today, -73));
    expect(Math.max(...starts)).toBeLessThanOrEqual(addMonths(today, 25));
    expect(Math.min(...starts)).toBeLessThan(addMonths(today, -60)); // spread over the past six years …
    expect(Math.max(...starts)).toBeGreaterThan(addMonths(today, 12)); // … and the next two
    const share2021 = s.trainees.filter((t) => t.regulation === '2021:8').length / s.trainees.length;
    expect(share2021).toBeGreaterThan(0.15);
    expect(share2021).toBeLessThan(0.35);
    expect(s.trainees.some((t) => t.employment?.some((e) => e.rate < 1))).toBe(true);
    expect(s.trainees.some((t) => (t.employment?.length ?? 0) > 1)).toBe(true);
    expect(s.trainees.some((t) => t.leave?.some((l) => l.kind === 'parental'))).toBe(true);
    expect(s.trainees.some((t) => (t.creditMonths ?? 0) > 0)).toBe(true);
    expect(s.trainees.some((t) => (t.locked?.length ?? 0) > 0)).toBe(true);
    expect(s.trainees.some((t) => (t.wishes?.length ?? 0) > 0)).toBe(true);
    expect(new Set(s.units.map((u) => u.maxAway))).toEqual(new Set([1, 2]));
    const limitOne = s.units.filter((u) => u.maxAway === 1).length / s.units.length;
    expect(limitOne).toBeGreaterThan(0.45);
    expect(limitOne).toBeLessThan(0.75);
    // Every clinic closes or shrinks from mid-June to mid-August each year of the horizon.
    const years = Number(s.horizon.to.slice(0, 4)) - Number(s.horizon.from.slice(0, 4)) + 1;
    for (const c of s.clinics) {
      expect(c.capacityChanges).toHaveLength(years);
      for (const dip of c.capacityChanges ?? []) {
        expect(dip.from.slice(5, 7)).toBe('06');
        expect(dip.to.slice(5)).toBe('08-15');
        expect(dip.capacity).toBeLessThan(c.capacity);
      }
    }
    const specialties = new Set(s.clinics.map((c) => c.specialty));
    for (const sp of ['internmedicin', 'psykiatri', 'pediatrik', 'gynekologi', 'onh', 'ogon', 'hud', 'kirurgi', 'infektion'] as const) {
      expect(specialties).toContain(sp);
    }
    expect(new Set(s.clinics.map((c) => c.name.split(' ').pop())).size).toBeGreaterThan(1); // several sites
  });

  it('is under way on its planning day: the past is locked history, the plan starts from the planning day', async () => {
    const { greedyPlace } = await import('../../solver/greedy.ts');
    const s = generateScenario({ size: 60, seed: 2, today: TODAY });
    expect(s.planFrom).toBe(TODAY);
    const started = s.trainees.filter((t) => t.start < TODAY);
    expect(started.length).toBeGreaterThan(s.trainees.length / 2);
    // Trainees who started over two years ago have done rotations (all but those held up by part time
    // and leave), all begun before the planning day; some rotations are under way on it.
    const longAgo = started.filter((t) => parseDay(t.start) < addMonths(parseDay(TODAY), -24));
    const withHistory = longAgo.filter((t) => (t.locked ?? []).some((p) => p.kind === 'rotation'));
    expect(withHistory.length / longAgo.length).toBeGreaterThan(0.8);
    const history = s.trainees.flatMap((t) => t.locked ?? []);
    expect(history.every((p) => p.from < TODAY)).toBe(true);
    expect(history.some((p) => p.kind === 'rotation' && p.to >= TODAY)).toBe(true);
    // The plan adds nothing before the planning day and keeps the history as it is.
    const { plan, unplaced } = greedyPlace(s);
    expect(unplaced).toEqual([]);
    const locked = new Set(s.trainees.flatMap((t) => (t.locked ?? []).map((p) => JSON.stringify({ trainee: t.id, ...p }))));
    const added = plan.placements.filter((p) => !locked.has(JSON.stringify(p)));
    expect(added.filter((p) => p.from < TODAY)).toEqual([]);
    expect(plan.placements.filter((p) => locked.has(JSON.stringify(p)))).toHaveLength(locked.size);
  });

  it('follows the norrbotten profile', () => {
    const s = generateScenario({ size: 40, seed: 5, today: TODAY, profile: 'norrbotten' });
    expect(s.profile).toBe('norrbotten');
    expect(s.units[0]!.name).toMatch(/hälsocentral/i);
    expect(s.clinics.some((c) => c.specialty === 'akutsjukvard')).toBe(true);
    expect(readScenario(s).ok).toBe(true);
  });

  it('rejects a bad size, naming the field', () => {
    expect(() => generateScenario({ size: 0 })).toThrow(/^size:/);
    expect(() => generateScenario({ size: 2.5 })).toThrow(/^size:/);
  });

  it('generateDemo gives a plan that passes readPlan against its scenario', () => {
    const { scenario, plan } = generateDemo({ size: 25, seed: 4, today: TODAY });
    const read = readPlan(plan, scenario);
    expect(read.ok ? [] : read.errors).toEqual([]);
    expect(plan.scenario).toBe(scenario.name);
  });
});
