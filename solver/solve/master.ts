/**
 * The master problem of column generation: choose one schedule (column) per trainee — convexity rows —
 * so that clinics and units are not overfilled. Its capacity rows are the Monday rows of the model
 * (model.ts `checked`): parts on the solver's grid start on Mondays, so for its own schedules the
 * Mondays are every row that matters, and leaving the other checked days out only relaxes the master —
 * its LP optimum is still a lower bound on every plan; integer plans are checked on every checked row
 * elsewhere (repair.ts). Day rows made the LP an order of magnitude slower; sums of several Mondays
 * per row made it cheaper still but weakened the bound, so the rows stay single Mondays.
 *
 * Rows join lazily, where the LP answer overfills them. Without a complete plan among the columns,
 * each row also gets an "over capacity" column at a prohibitive price: the master stays feasible, and
 * one that is positive at the LP optimum proves that the limits cannot all hold, and where.
 */
import type { CohortModel } from './model.ts';
import { columnKey, type Column } from './pricing.ts';
import { slotAtOrAfter, slotStart } from './grid.ts';
import type { LpModel } from './lp/index.ts';
import { OVER_CAPACITY_COST } from './weights.ts';

export interface MasterColumn {
  trainee: number;
  /** null: an over-capacity column of `row`. */
  column: Column | null;
  row?: number;
}

export class Master {
  readonly columns: MasterColumn[] = [];
  private readonly convRow: Int32Array;
  /** Model row → LP row. */
  private readonly active = new Map<number, number>();
  /** Model row → the LP columns on it. */
  private readonly users = new Map<number, number[]>();
  private readonly seen = new Set<string>();
  private readonly firstMonday: number;

  constructor(
    private readonly m: CohortModel,
    readonly lp: LpModel,
    planned: number[],
    private readonly overCapacity: boolean,
  ) {
    this.convRow = new Int32Array(m.trainees.length).fill(-1);
    for (const i of planned) this.convRow[i] = lp.addRow(1, 1, [], []);
    this.firstMonday = slotStart(slotAtOrAfter(m.slot0)) - m.slot0;
  }

  get rowCount(): number {
    return this.active.size;
  }

  private isMonday(row: number): boolean {
    const off = (row % this.m.nSlots) - this.firstMonday;
    return off >= 0 && off % 7 === 0;
  }

  private free(row: number): number {
    const m = this.m;
    return m.resources[Math.floor(row / m.nSlots)]!.free[row % m.nSlots]!;
  }

  /** Adds a schedule unless the master has it already; true when added. */
  addColumn(col: Column): boolean {
    const key = columnKey(col);
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    const rows = [this.convRow[col.trainee]!];
    const j = this.lp.numCols;
    for (const r of col.rows) {
      if (!this.isMonday(r)) continue;
      const lr = this.active.get(r);
      if (lr !== undefined) rows.push(lr);
      const u = this.users.get(r);
      if (u) u.push(j);
      else this.users.set(r, [j]);
    }
    this.lp.addColumn(col.cost, 0, Infinity, rows, rows.map(() => 1));
    this.columns.push({ trainee: col.trainee, column: col });
    return true;
  }

  private addRow(row: number): void {
    if (this.active.has(row)) return;
    const users = this.users.get(row) ?? [];
    const lr = this.lp.addRow(-Infinity, this.free(row), users, users.map(() => 1));
    this.active.set(row, lr);
    if (!this.overCapacity) return;
    this.lp.addColumn(OVER_CAPACITY_COST, 0, Infinity, [lr], [-1]);
    this.columns.push({ trainee: -1, column: null, row });
  }

  /** Adds the rows that the columns, weighted by x (1 where x is not given), overfill; returns how many. */
  addOverfilled(x: Float64Array | null, only?: Iterable<Column>): number {
    const use = new Map<number, number>();
    const count = (col: Column, w: number) => {
      for (const r of col.rows) if (this.isMonday(r) && !this.active.has(r)) use.set(r, (use.get(r) ?? 0) + w);
    };
    if (only) for (const c of only) count(c, 1);
    else
      this.columns.forEach((mc, j) => {
        const w = x && j < x.length ? x[j]! : 1;
        if (mc.column && w > 1e-9) count(mc.column, w);
      });
    let added = 0;
    for (const [r, u] of use) {
      if (u > this.free(r) + 1e-6) {
        this.addRow(r);
        added++;
      }
    }
    return added;
  }

  /** Prices per model row from the LP's duals, and the convexity duals. */
  prices(duals: Float64Array): { mu: Float64Array; conv: (trainee: number) => number } {
    const mu = new Float64Array(this.m.resources.length * this.m.nSlots);
    for (const [r, lr] of this.active) mu[r] = Math.max(0, -duals[lr]!);
    return { mu, conv: (i) => duals[this.convRow[i]!]! };
  }

  /** Over-capacity columns positive in x: rows the limits cannot keep, with the trainees on them. */
  overloads(x: Float64Array): { row: number; amount: number; trainees: number[] }[] {
    const out: { row: number; amount: number; trainees: number[] }[] = [];
    this.columns.forEach((mc, j) => {
      if (mc.column || mc.row === undefined || x[j]! <= 1e-6) return;
      const trainees = new Set<number>();
      for (const k of this.users.get(mc.row) ?? []) if (x[k]! > 1e-6) trainees.add(this.columns[k]!.trainee);
      out.push({ row: mc.row, amount: x[j]!, trainees: [...trainees] });
    });
    return out;
  }
}
