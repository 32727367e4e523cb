/**
 * The what-if (issue 14): two plans side by side through /api/plans/compare, and what moved, was
 * added or removed through it and /api/plans/diff. A hand-made pair on the rule tests' fixture region
 * (two trainees with the same clean plan, psykiatrin with one place), so every figure is known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansRepo } from '../../db/index.ts';
import type { PlanPlacement, SolveSummary } from '../../solver/domain/schemas.ts';
import { validate } from '../../solver/validate.ts';
import { DIALECTS } from '../helpers/db.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { cleanPlacements, clinics, plan, rot, scenario, trainee } from '../rules/fixtures.ts';

// Psykiatrin has one place; both trainees are there in autumn 2028 in the first plan.
const region = scenario([trainee('t01'), trainee('t02')], {
  clinics: [
    ...clinics().map((c) => (c.id === 'psyk-vxo' ? { ...c, capacity: 1 } : c)),
    { id: 'barn-lby', name: 'Barnkliniken Ljungby', specialty: 'pediatrik', capacity: 2 },
  ],
});
const before = [...cleanPlacements('t01'), ...cleanPlacements('t02')];
const is = (trainee: string, kind: string, specialty?: string) => (p: PlanPlacement) =>
  p.trainee === trainee && p.kind === kind && (specialty === undefined || p.specialty === specialty);

// t01: psykiatri to other dates, pediatrik to another clinic, SÄBO after the end of ST (an extension);
// t02: hud removed, infektion added. The internal medicine parts, courses and milestones stay.
const after = before.flatMap((p): PlanPlacement[] => {
  if (is('t01', 'rotation', 'psykiatri')(p)) return [{ ...p, from: '2027-06-01', to: '2027-08-31' }];
  if (is('t01', 'rotation', 'pediatrik')(p)) return [{ ...p, clinic: 'barn-lby' }];
  if (is('t01', 'sabo')(p)) return [{ ...p, from: '2032-02-01', to: '2032-05-31' }];
  if (is('t02', 'rotation', 'hud')(p)) return [];
  return [p];
});
after.push(rot('t02', 'infektion', '2030-06-01', '2030-06-30'));

const solved: SolveSummary = { status: 'timeout', objective: 120, bound: 100, gap: 0.1667, seconds: 34.5 };

describe.each(DIALECTS)('comparing two plans on $name', (dialect) => {
  let t: TestApp;
  let sr: string;
  let fromId = 0;
  let toId = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    sr = await t.login('studierektor@demo');
    expect((await t.call(sr, { method: 'POST', url: '/api/import/scenario', payload: region })).statusCode).toBe(200);
    fromId = (await plansRepo.create(t.app.db, { status: 'published', note: 'v1', plan: plan(before), report: validate(region, plan(before)), createdBy: 'test' })).id;
    const report = { ...validate(region, plan(after)), solve: solved };
    toId = (await plansRepo.create(t.app.db, { status: 'draft', note: 'Körning', plan: plan(after), report, createdBy: 'test' })).id;
  });
  afterAll(async () => t?.close());

  const get = (url: string, as = sr) => t.call(as, { method: 'GET', url });

  it('tells moved placements (other dates or clinic) from added and removed ones', async () => {
    for (const url of [`/api/plans/diff?from=${fromId}&to=${toId}`, `/api/plans/compare?from=${fromId}&to=${toId}`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      const d = url.includes('compare') ? res.json().diff : res.json();
      const moved = d.moved.map((m: { trainee: string; before: PlanPlacement; after: PlanPlacement }) => [m.trainee, m.before.kind, m.before.specialty ?? null, m.after.from, m.after.clinic ?? null]);
      expect(moved.sort()).toEqual(
        [
          ['t01', 'rotation', 'pediatrik', '2029-01-01', 'barn-lby'],
          ['t01', 'rotation', 'psykiatri', '2027-06-01', 'psyk-vxo'],
          ['t01', 'sabo', null, '2032-02-01', null],
        ].sort(),
      );
      expect(d.added).toEqual([rot('t02', 'infektion', '2030-06-01', '2030-06-30')]);
      expect(d.removed).toEqual(before.filter(is('t02', 'rotation', 'hud')));
    }
  });

  it('gives each plan its extension and violations as the region judges them now, and the solve’s own summary', async () => {
    const c = (await get(`/api/plans/compare?from=${fromId}&to=${toId}`)).json();
    const [reportBefore, reportAfter] = [validate(region, plan(before)), validate(region, plan(after))];
    const hard = (r: typeof reportBefore) => r.violations.filter((v) => v.severity === 'hard').length;
    expect(c.from).toMatchObject({ id: fromId, status: 'published', number: 1 });
    expect(c.from.figures).toEqual({
      placements: before.length,
      valid: false,
      hard: hard(reportBefore),
      advice: reportBefore.violations.length - hard(reportBefore),
      extended: 0,
      extensionTotal: 0,
      extensionMax: 0,
      solve: null,
    });
    expect(reportBefore.violations.some((v) => v.rule === 'clinic-capacity' && v.clinic === 'psyk-vxo')).toBe(true);
    const extension = reportAfter.trainees.find((x) => x.id === 't01')!.extensionMonths;
    expect(extension).toBeGreaterThan(3.9);
    expect(c.to).toMatchObject({ id: toId, status: 'draft', number: null });
    expect(c.to.figures).toEqual({
      placements: after.length,
      valid: reportAfter.valid,
      hard: hard(reportAfter),
      advice: reportAfter.violations.length - hard(reportAfter),
      extended: 1,
      extensionTotal: Math.round(extension * 1000) / 1000,
      extensionMax: Math.round(extension * 1000) / 1000,
      solve: solved,
    });
  });

  it('gives each clinic its peak, months over capacity and trainee-months in both plans', async () => {
    const c = (await get(`/api/plans/compare?from=${fromId}&to=${toId}`)).json();
    const load = Object.fromEntries(c.clinics.map((x: { clinic: string }) => [x.clinic, x]));
    expect(c.clinics.map((x: { clinic: string }) => x.clinic).sort()).toEqual(region.clinics.map((x) => x.id).sort());
    // Psykiatrin: both there Sep–Nov 2028 with one place (three months over); then one at a time.
    expect(load['psyk-vxo']).toEqual({ clinic: 'psyk-vxo', from: { peak: 2, monthsOver: 3, traineeMonths: 6 }, to: { peak: 1, monthsOver: 0, traineeMonths: 6 } });
    expect(load['barn-vxo']).toEqual({ clinic: 'barn-vxo', from: { peak: 2, monthsOver: 0, traineeMonths: 6 }, to: { peak: 1, monthsOver: 0, traineeMonths: 3 } });
    expect(load['barn-lby']).toEqual({ clinic: 'barn-lby', from: { peak: 0, monthsOver: 0, traineeMonths: 0 }, to: { peak: 1, monthsOver: 0, traineeMonths: 3 } });
    expect(load['hud-vxo'].to).toEqual({ peak: 1, monthsOver: 0, traineeMonths: 1 });
    expect(load['inf-vxo'].to).toEqual({ peak: 1, monthsOver: 0, traineeMonths: 1 });
    expect(load['med-vxo'].from).toEqual(load['med-vxo'].to);
  });

  it('is the studierektor’s; a wrong query names the field, an unknown plan is a 404', async () => {
    const chef = await t.login('enhetschef@demo');
    expect((await get(`/api/plans/compare?from=${fromId}&to=${toId}`, chef)).statusCode).toBe(403);
    const bad = await get(`/api/plans/compare?from=x&to=${toId}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.join(' ')).toMatch(/from/);
    const missing = await get(`/api/plans/compare?from=${fromId}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.join(' ')).toMatch(/to/);
    expect((await get(`/api/plans/compare?from=2147483648&to=${toId}`)).statusCode).toBe(400);
    expect((await get(`/api/plans/compare?from=${fromId}&to=999999`)).statusCode).toBe(404);
  });
});
