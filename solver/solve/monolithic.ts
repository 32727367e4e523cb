/**
 * The monolithic MIP of the cohort — the baseline the decomposition is measured against in the bench
 * (one MIP of the whole cohort does not scale). One binary per trainee × rotation × start × clinic, on
 * the same model (model.ts) but with starts on the first Monday of each month only, to keep it
 * loadable: every rotation once; a trainee's rotations (with their return weeks) never overlap; clinic
 * and unit weeks within their free places (a week holds the fewest free places of its days and counts
 * every rotation touching it: a coarse grid, kept for the baseline because day rows would make it far
 * larger still). The completion terms
 * (fairness, last rotation) are not linear here and are left out, so its dual bound is still a valid
 * lower bound on the full objective (they are ≥ 0); its plans are re-costed with the full objective.
 */
import type { CohortModel, RotationOption } from './model.ts';
import { clinicCost, makeColumn, type Choice, type Column } from './pricing.ts';
import { createLpModel, type EngineName } from './lp/index.ts';
import { slotOf, slotStart } from './grid.ts';
import { civilFromDay } from '../time/dates.ts';

export interface MonolithicResult {
  engine: EngineName;
  variables: number;
  rows: number;
  status: string;
  /** Full-objective cost of its plan (null when none). */
  objective: number | null;
  bound: number | null;
  columns: (Column | null)[] | null;
  seconds: number;
}

function firstMondayOfMonth(o: RotationOption): boolean {
  const d = slotStart(o.slot);
  return civilFromDay(d).day <= 7;
}

/** The weeks an option touches. */
function weeksOf(o: RotationOption): number[] {
  const out: number[] = [];
  for (let k = 0; k < o.spans.length; k += 2) {
    for (let w = slotOf(o.spans[k]!); w <= slotOf(o.spans[k + 1]!); w++) if (out[out.length - 1] !== w) out.push(w);
  }
  return out;
}

export async function solveMonolithic(m: CohortModel, engine: EngineName, timeLimitSeconds: number): Promise<MonolithicResult> {
  const t0 = performance.now();
  const lp = await createLpModel(engine);
  // Weekly capacity rows over the model's days.
  const w0 = slotOf(m.slot0);
  const W = slotOf(m.slot0 + m.nSlots - 1) - w0 + 1;
  const weekRowOf = (resource: number, week: number) => resource * W + (week - w0);
  try {
    const vars: { trainee: number; choice: Choice }[] = [];
    const cols: { cost: number; rows: number[] }[] = [];
    const traineeRows: number[] = [];
    const capUsers = new Map<number, number[]>();
    // Rows first (the interface adds columns over existing rows): per trainee × item, per trainee × week.
    const itemRow = new Map<string, number>();
    const weekRow = new Map<string, number>();
    for (const t of m.trainees) {
      t.items.forEach((_, i) => itemRow.set(`${t.index}|${i}`, lp.addRow(1, 1, [], [])));
      for (let h = 0; h < t.span; h++) weekRow.set(`${t.index}|${h}`, lp.addRow(-Infinity, 1, [], []));
      traineeRows.push(t.index);
    }
    for (const t of m.trainees) {
      t.items.forEach((item, i) => {
        const options = [...item.grid.filter((o): o is RotationOption => o !== null && firstMondayOfMonth(o)), ...(item.keepOption ? [item.keepOption] : [])];
        for (const o of options) {
          for (const c of item.clinics) {
            const j = vars.length;
            const rows = [itemRow.get(`${t.index}|${i}`)!];
            for (let h = o.slot - t.firstSlot; h < o.next - t.firstSlot && h < t.span; h++) rows.push(weekRow.get(`${t.index}|${h}`)!);
            vars.push({ trainee: t.index, choice: { item: i, option: o, clinic: c } });
            cols.push({ cost: o.cost + clinicCost(m, item, o, c), rows });
            for (const s of weeksOf(o)) {
              for (const r of [weekRowOf(c, s), ...(t.unit >= 0 ? [weekRowOf(t.unit, s)] : [])]) {
                const l = capUsers.get(r);
                if (l) l.push(j);
                else capUsers.set(r, [j]);
              }
            }
          }
        }
      });
    }
    // Capacity rows only where the candidates could exceed the free places.
    const capRow = new Map<number, number>();
    // Row keys are resource × week (weekRowOf); a week's free places: the fewest of its days.
    const freeOf = (row: number) => {
      const r = Math.floor(row / W);
      const w = (row % W) + w0;
      let least = Infinity;
      for (let d = slotStart(w); d <= slotStart(w) + 6; d++) {
        const i = d - m.slot0;
        if (i >= 0 && i < m.nSlots) least = Math.min(least, m.resources[r]!.free[i]!);
      }
      return least === Infinity ? 0 : least;
    };
    for (const [r, users] of capUsers) {
      const trainees = new Set(users.map((j) => vars[j]!.trainee));
      if (trainees.size > freeOf(r)) capRow.set(r, lp.addRow(-Infinity, freeOf(r), [], []));
    }
    cols.forEach((c, j) => {
      const rows = [...c.rows];
      const choice = vars[j]!.choice;
      const t = m.trainees[vars[j]!.trainee]!;
      for (const s of weeksOf(choice.option)) {
        for (const r of [weekRowOf(choice.clinic, s), ...(t.unit >= 0 ? [weekRowOf(t.unit, s)] : [])]) {
          const lr = capRow.get(r);
          if (lr !== undefined && !rows.includes(lr)) rows.push(lr);
        }
      }
      lp.addColumn(c.cost, 0, 1, rows, rows.map(() => 1), true);
    });
    const left = Math.max(0.5, timeLimitSeconds - (performance.now() - t0) / 1000);
    const sol = lp.solveMip({ timeLimitSeconds: left, mipGap: 1e-4 });
    let columns: (Column | null)[] | null = null;
    let objective: number | null = null;
    if (sol.x) {
      const choices = new Map<number, Choice[]>();
      vars.forEach((v, j) => {
        if (sol.x![j]! > 0.5) {
          const l = choices.get(v.trainee) ?? [];
          l.push(v.choice);
          choices.set(v.trainee, l);
        }
      });
      columns = m.trainees.map((t) => {
        const ch = choices.get(t.index) ?? [];
        if (ch.length !== t.items.length) return t.items.length === 0 ? makeColumn(m, t, []) : null;
        return makeColumn(m, t, ch);
      });
      objective = columns.every((c) => c !== null) ? columns.reduce((s, c) => s + c!.cost, 0) : null;
    }
    return {
      engine,
      variables: vars.length,
      rows: lp.numRows,
      status: sol.status,
      objective,
      bound: sol.bound,
      columns,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    lp.dispose();
  }
}
