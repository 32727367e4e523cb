/** HiGHS (WebAssembly) behind the LpModel interface: one persistent native model, warm-started re-solves. */
import loadHighs from 'highs';
import type { LpModel, LpSolution, SolveLimits } from './engine.ts';

type HighsRuntime = Awaited<ReturnType<typeof loadHighs>>;
type HighsModel = ReturnType<HighsRuntime['createModel']>;

let runtime: Promise<HighsRuntime> | null = null;

/** The HiGHS runtime, loaded once per thread. */
export function highsRuntime(): Promise<HighsRuntime> {
  runtime ??= loadHighs();
  return runtime;
}

export async function createHighsModel(): Promise<LpModel> {
  const h = await highsRuntime();
  return new HighsLp(h);
}

class HighsLp implements LpModel {
  readonly engine = 'highs' as const;
  numRows = 0;
  numCols = 0;
  private readonly model: HighsModel;
  private readonly integers: number[] = [];
  private disposed = false;

  constructor(private readonly h: HighsRuntime) {
    this.model = h.createModel();
    this.model.options.set({ output_flag: false });
  }

  private inf(v: number): number {
    return v === Infinity ? this.h.infinity : v === -Infinity ? -this.h.infinity : v;
  }

  addRow(lb: number, ub: number, cols: number[], values: number[]): number {
    this.model.addRow(this.inf(lb), this.inf(ub), { indices: cols, values });
    return this.numRows++;
  }

  addColumn(cost: number, lb: number, ub: number, rows: number[], values: number[], integer = false): number {
    this.model.addCol(cost, this.inf(lb), this.inf(ub), { indices: rows, values });
    if (integer) this.integers.push(this.numCols);
    return this.numCols++;
  }

  setInteger(cols: number[]): void {
    const have = new Set(this.integers);
    for (const j of cols) if (!have.has(j)) this.integers.push(j);
  }

  private setIntegrality(on: boolean): void {
    if (this.integers.length === 0) return;
    const c = this.h.constants.variableType;
    const indices = [...this.integers].sort((a, b) => a - b);
    this.model.changeColsIntegrality({ kind: 'set', indices }, indices.map(() => (on ? c.integer : c.continuous)));
  }

  solveLp(limits: SolveLimits = {}): LpSolution {
    // No presolve: it would throw away the basis that makes re-solves after new columns/rows cheap.
    this.model.options.set({
      time_limit: limits.timeLimitSeconds ?? 1e9,
      presolve: 'off',
      ...(process.env.RANDPLAN_LP === 'ipm' ? { solver: 'ipm', run_crossover: 'off' } : { solver: 'simplex', simplex_strategy: limits.warm === 'primal' ? 4 : 1 }),
    });
    return this.run(false);
  }

  solveMip(limits: SolveLimits = {}): LpSolution {
    this.model.options.set({
      time_limit: limits.timeLimitSeconds ?? 1e9,
      mip_rel_gap: limits.mipGap ?? 1e-4,
      mip_max_nodes: limits.nodeLimit ?? 2 ** 31 - 1,
      presolve: 'choose',
    });
    this.setIntegrality(true);
    try {
      if (limits.start) this.model.setSolution({ colValue: limits.start });
      return this.run(true);
    } finally {
      this.setIntegrality(false);
    }
  }

  private run(mip: boolean): LpSolution {
    const t0 = performance.now();
    this.model.run();
    const seconds = (performance.now() - t0) / 1000;
    if (process.env.RANDPLAN_DEBUG === '2') console.error(`highs run ${seconds.toFixed(3)} s, iterations ${String(this.model.info.get('simplex_iteration_count' as never))}, rows ${this.numRows}, cols ${this.numCols}`);
    const st = this.model.getModelStatus();
    const S = this.h.constants.modelStatus;
    const info = (name: string): number | null => {
      try {
        const v = this.model.info.get(name as never) as unknown;
        return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : null;
      } catch {
        return null;
      }
    };
    const hasPrimal = info('primal_solution_status') === 2;
    if (st === S.infeasible) return { status: 'infeasible', objective: null, bound: null, x: null, duals: null, seconds };
    if (!hasPrimal && st !== S.optimal) {
      return { status: st === S.timeLimit ? 'timeout' : 'error', objective: null, bound: mip ? info('mip_dual_bound') : null, x: null, duals: null, seconds };
    }
    const sol = this.model.getSolution();
    const objective = this.model.getObjectiveValue();
    const status = st === S.optimal ? 'optimal' : st === S.timeLimit || st === S.interrupted ? 'timeout' : 'feasible';
    const bound = mip ? info('mip_dual_bound') : st === S.optimal ? objective : null;
    return { status, objective, bound, x: Float64Array.from(sol.colValue), duals: mip ? null : Float64Array.from(sol.rowDual), seconds };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }
}
