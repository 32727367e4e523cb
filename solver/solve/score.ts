/**
 * Scoring a plan that did not come from the solver (the greedy plan, a hand-edited or perturbed plan)
 * with the solver's own objective: each trainee's rotations become a column (pricing.ts) whose cost is
 * the same sum of WEIGHTS terms that the solver's columns carry. So an incumbent, a seed and a bound
 * are always compared on ONE objective.
 *
 * A column holds the checked rows (model.ts) of its days; that is exact only when each part's first
 * day is a checked row, so a plan must be built into the model (`exactFor`) to be read here.
 */
import { samePlacement } from '../domain/identity.ts';
import type { Plan, PlanPlacement } from '../domain/schemas.ts';
import { parseDay } from '../time/dates.ts';
import { rowOf, type CohortModel, type Part, type TraineeModel } from './model.ts';
import { makeColumn, type Choice, type Column } from './pricing.ts';

/**
 * One trainee's schedule in the plan as a column: null when a rotation the model places is missing,
 * lies at a clinic of another specialty, or is split over clinics (the model keeps one clinic per rotation).
 */
export function columnOfPlacements(m: CohortModel, t: TraineeModel, placements: PlanPlacement[]): Column | null {
  const clinicIndex = new Map(m.scenario.clinics.map((c, i) => [c.id, i]));
  const own = placements.filter((p) => p.kind === 'rotation' && !t.fixed.some((f) => samePlacement(f, p)));
  // A part starting on an unchecked day could overfill a place there unseen: not readable exactly.
  const exact = (p: PlanPlacement) => {
    const d = parseDay(p.from);
    const c = clinicIndex.get(p.clinic ?? '');
    const inside = d >= m.slot0 && d < m.slot0 + m.nSlots;
    return c !== undefined && inside && m.checked[rowOf(m, c, d)] === 1 && (t.unit < 0 || m.checked[rowOf(m, t.unit, d)] === 1);
  };
  if (!own.every(exact)) return null;
  const choices: Choice[] = [];
  const used = new Set<PlanPlacement>();
  for (const [i, item] of t.items.entries()) {
    const mine = own.filter((p) => p.specialty === item.specialty).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (const p of mine) used.add(p);
    if (mine.length === 0) return null;
    const clinic = clinicIndex.get(mine[0]!.clinic ?? '');
    if (clinic === undefined || !item.clinics.includes(clinic) || mine.some((p) => p.clinic !== mine[0]!.clinic)) return null;
    const parts: Part[] = mine.map((p) => ({ from: parseDay(p.from), to: parseDay(p.to) }));
    const ko = item.keepOption;
    const keeps =
      ko !== null &&
      clinic === item.currentClinic &&
      ko.parts.length === parts.length &&
      ko.parts.every((q, k) => q.from === parts[k]!.from && q.to === parts[k]!.to);
    choices.push({ item: i, option: keeps ? ko : item.optionOf(parts), clinic });
  }
  const column = makeColumn(m, t, choices);
  // Rotations the model does not place (e.g. a short top-up part after a locked rotation that the
  // model counts as complete within the tolerance) cost nothing but still hold their places: their
  // days join the column's rows, or the master would not see them.
  const extra = own.filter((p) => !used.has(p));
  if (extra.length > 0) {
    const rows = new Set(column.rows);
    for (const p of extra) {
      const c = clinicIndex.get(p.clinic ?? '');
      if (c === undefined) return null;
      for (let d = parseDay(p.from); d <= parseDay(p.to); d++) {
        if (d < m.slot0 || d >= m.slot0 + m.nSlots) continue;
        if (m.checked[rowOf(m, c, d)]) rows.add(rowOf(m, c, d));
        if (t.unit >= 0 && m.checked[rowOf(m, t.unit, d)]) rows.add(rowOf(m, t.unit, d));
      }
    }
    column.rows = [...rows].sort((a, b) => a - b);
  }
  return column;
}

/** Every planned trainee's column of the plan (null where it cannot be read as one; frozen trainees: null). */
export function planColumns(m: CohortModel, plan: Plan): (Column | null)[] {
  const byTrainee = new Map<string, PlanPlacement[]>();
  for (const p of plan.placements) {
    const list = byTrainee.get(p.trainee) ?? [];
    list.push(p);
    byTrainee.set(p.trainee, list);
  }
  return m.trainees.map((t) => (t.items.length === 0 ? null : columnOfPlacements(m, t, byTrainee.get(t.id) ?? [])));
}

/** The plan's cost under the solver's objective, or null when some trainee's schedule cannot be read. */
export function planCost(m: CohortModel, plan: Plan): number | null {
  const cols = planColumns(m, plan);
  let sum = 0;
  for (const t of m.trainees) {
    if (t.items.length === 0) continue;
    const c = cols[t.index];
    if (!c) return null;
    sum += c.cost;
  }
  return sum;
}
