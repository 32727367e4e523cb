/**
 * Minimal change (placements.ts): re-planning against a current plan keeps every VC-based placement
 * (own BVC, SÄBO, courses, Mitt-i-ST) that the rules still allow where it is, and moves only what a
 * moved rotation now lies on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../../solver/demo/generate.ts';
import type { Plan, PlanPlacement, Scenario } from '../../solver/domain/schemas.ts';
import { greedyPlan } from '../../solver/greedy.ts';
import { solve } from '../../solver/solve/index.ts';
import { buildModel, type CohortModel, type TraineeModel } from '../../solver/solve/model.ts';
import { traineePlacements } from '../../solver/solve/placements.ts';
import { makeColumn, type Column } from '../../solver/solve/pricing.ts';
import { planColumns } from '../../solver/solve/score.ts';
import { parseDay } from '../../solver/time/dates.ts';
import { expectValid } from './fixtures.ts';

const VC_BASED = new Set<PlanPlacement['kind']>(['bvc', 'sabo', 'course', 'milestone']);
const key = (p: PlanPlacement) => [p.trainee, p.kind, p.specialty ?? '', p.clinic ?? '', p.course ?? '', p.milestone ?? '', p.from, p.to].join('|');
const vcKeys = (placements: PlanPlacement[]) => placements.filter((p) => VC_BASED.has(p.kind)).map(key).sort();

/** Every trainee completed around the current plan's own rotations, as the solver completes its incumbent. */
function completeUnchanged(s: Scenario, current: Plan): { model: CohortModel; columns: (Column | null)[]; placements: PlanPlacement[] } {
  const model = buildModel(s, { currentPlan: current });
  const columns = planColumns(model, current);
  const placements = model.trainees.flatMap((t) => traineePlacements(model, t, columns[t.index] ?? null));
  return { model, columns, placements };
}

describe('minimal change: VC-based placements of an unchanged plan stay', () => {
  let s: Scenario;
  let greedy: Plan;
  let solved: Plan;
  beforeAll(async () => {
    s = generateScenario({ size: 24, seed: 7, today: '2026-06-01' });
    greedy = { ...greedyPlan(s), scenario: s.name };
    solved = (await solve(s, { workLimit: 1500 })).plan;
  });

  it.each([
    ['the solver’s plan', () => solved],
    ['the greedy plan', () => greedy],
  ])('completing %s around its own rotations gives back every BVC, SÄBO, course and milestone', (_, plan) => {
    const current = plan();
    expectValid(s, current);
    const { model, columns, placements } = completeUnchanged(s, current);
    expect(model.trainees.filter((t) => t.items.length > 0 && columns[t.index] === null).map((t) => t.id)).toEqual([]);
    // Own BVC and SÄBO side by side, events inside own BVC or inside a rotation: all kept as they are.
    expect(vcKeys(placements)).toEqual(vcKeys(current.placements));
  });

  it('re-solving the solver’s own plan moves no VC-based placement of a trainee whose rotations stayed', async () => {
    const r = await solve(s, { currentPlan: solved, workLimit: 1500 });
    expectValid(s, r.plan);
    const rotationMoved = new Set(r.moved.filter((m) => (m.before ?? m.after)!.kind === 'rotation').map((m) => m.trainee));
    const vcMoved = r.moved.filter((m) => VC_BASED.has((m.before ?? m.after)!.kind) && !rotationMoved.has(m.trainee));
    expect(vcMoved).toEqual([]);
  });

  it('after a clinic loses a place, VC-based placements move only for trainees whose rotations moved', async () => {
    // The clinic of at least two places with the most rotations still to come loses one of them from
    // then on (listed first, so its summer closures still win).
    const from = '2026-06-01';
    const future = new Map<string, number>();
    for (const p of solved.placements) if (p.kind === 'rotation' && p.from >= from) future.set(p.clinic!, (future.get(p.clinic!) ?? 0) + 1);
    const big = new Set(s.clinics.filter((c) => c.capacity >= 2).map((c) => c.id));
    const [cut] = [...future].filter(([id]) => big.has(id)).sort((a, b) => b[1] - a[1])[0]!;
    const smaller: Scenario = {
      ...s,
      clinics: s.clinics.map((c) => (c.id === cut ? { ...c, capacityChanges: [{ from, to: s.horizon.to, capacity: c.capacity - 1 }, ...(c.capacityChanges ?? [])] } : c)),
    };
    const r = await solve(smaller, { currentPlan: solved, workLimit: 2000 });
    expectValid(smaller, r.plan);
    const rotationMoved = new Set(r.moved.filter((m) => (m.before ?? m.after)!.kind === 'rotation').map((m) => m.trainee));
    expect(rotationMoved.size).toBeGreaterThan(0);
    const vcMoved = r.moved.filter((m) => VC_BASED.has((m.before ?? m.after)!.kind) && !rotationMoved.has(m.trainee));
    expect(vcMoved).toEqual([]);
  });

  it('after one rotation moves, only the VC-based placements it now lies on move', () => {
    const { model, columns } = completeUnchanged(s, solved);
    let checked = 0;
    for (const t of model.trainees) {
      const col = columns[t.index];
      if (!col) continue;
      // Move one non-pediatrics rotation (pediatrics would also move where own BVC may start) to the
      // first grid start of a different span.
      const at = col.choices.findIndex((ch) => t.items[ch.item]!.specialty !== 'pediatrik');
      if (at < 0) continue;
      const ch = col.choices[at]!;
      const other = movedOption(t, ch.item, col);
      if (!other) continue;
      const choices = col.choices.map((c, i) => (i === at ? { ...c, option: other } : c));
      const out = traineePlacements(model, t, makeColumn(model, t, choices));
      const span = { from: other.parts[0]!.from, to: other.parts[other.parts.length - 1]!.to };
      const onIt = (p: PlanPlacement) => parseDay(p.from) <= span.to && span.from <= parseDay(p.to);
      const before = solved.placements.filter((p) => p.trainee === t.id && VC_BASED.has(p.kind));
      const after = new Set(vcKeys(out));
      // Off the rotation everything stays; on it everything moves, but a milestone (Mitt-i-ST may lie
      // inside a rotation) may also stay on its day.
      for (const p of before) {
        if (p.kind === 'milestone' && onIt(p)) continue;
        expect([key(p), after.has(key(p))]).toEqual([key(p), !onIt(p)]);
      }
      // Nothing own BVC or SÄBO ever lies on a rotation's days.
      const rotations = out.filter((p) => p.kind === 'rotation');
      for (const p of out.filter((q) => q.kind === 'bvc' || q.kind === 'sabo')) {
        expect(rotations.filter((r) => r.from <= p.to && p.from <= r.to)).toEqual([]);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

/** A grid option of the item whose span is disjoint from the current one and from the trainee's other rotations' spans. */
function movedOption(t: TraineeModel, item: number, col: Column) {
  const spanOf = (o: { parts: { from: number; to: number }[] }) => ({ from: o.parts[0]!.from, to: o.parts[o.parts.length - 1]!.to });
  const others = col.choices.map((c) => spanOf(c.option));
  return (
    t.items[item]!.grid.find((o) => {
      if (!o) return false;
      const s = spanOf(o);
      return others.every((x) => s.to + 28 < x.from || x.to + 28 < s.from);
    }) ?? null
  );
}

describe('minimal change: re-solving a solved plan', () => {
  it('never makes it worse, and moves a placement only where that saves more than the move costs, also after a locked part', async () => {
    const s = generateScenario({ size: 60, seed: 42, today: '2026-11-22' });
    const first = await solve(s, { workLimit: 2000 });
    // The region has trainees whose required months are partly done (locked) and partly planned.
    const topUps = buildModel(s).trainees.filter((t) => t.fixed.some((p) => p.kind === 'rotation' && t.items.some((i) => i.specialty === p.specialty)));
    expect(topUps.length).toBeGreaterThan(0);
    const again = await solve(s, { currentPlan: first.plan, workLimit: 2000 });
    expectValid(s, again.plan);
    // Keeping every placement costs what the first plan cost; a move costs 100 on top of its gain.
    expect(again.report.solve!.objective!).toBeLessThanOrEqual(first.report.solve!.objective! + 1e-6);
    if (again.moved.length > 0) expect(again.report.solve!.objective!).toBeLessThan(first.report.solve!.objective! - 100);
    // History and the agreed months after the planning day stay exactly.
    const agreedUntil = '2027-02-22';
    expect(again.moved.filter((m) => (m.before?.from ?? '9999') < agreedUntil)).toEqual([]);
  }, 60_000);
});
