/**
 * glpk.js behind the LpModel interface. glpk.js takes a whole model per call (no incremental API), so
 * the model is kept in JavaScript and handed over at each solve; its MIP reports no bound.
 */
import GLPK from 'glpk.js/node';
import type { LpModel, LpSolution, SolveLimits } from './engine.ts';

type Glpk = Awaited<ReturnType<typeof GLPK>>;
let runtime: Promise<Glpk> | null = null;

export function glpkRuntime(): Promise<Glpk> {
  runtime ??= GLPK();
  return runtime;
}

export async function createGlpkModel(): Promise<LpModel> {
  return new GlpkLp(await glpkRuntime());
}

interface Col {
  cost: number;
  lb: number;
  ub: number;
  integer: boolean;
}

class GlpkLp implements LpModel {
  readonly engine = 'glpk' as const;
  private readonly rows: { lb: number; ub: number; entries: Map<number, number> }[] = [];
  private readonly cols: Col[] = [];

  constructor(private readonly g: Glpk) {}

  get numRows(): number {
    return this.rows.length;
  }
  get numCols(): number {
    return this.cols.length;
  }

  addRow(lb: number, ub: number, cols: number[], values: number[]): number {
    const entries = new Map<number, number>();
    cols.forEach((c, i) => entries.set(c, values[i]!));
    this.rows.push({ lb, ub, entries });
    return this.rows.length - 1;
  }

  addColumn(cost: number, lb: number, ub: number, rows: number[], values: number[], integer = false): number {
    const j = this.cols.length;
    this.cols.push({ cost, lb, ub, integer });
    rows.forEach((r, i) => this.rows[r]!.entries.set(j, values[i]!));
    return j;
  }

  setInteger(cols: number[]): void {
    for (const j of cols) this.cols[j]!.integer = true;
  }

  private bndType(lb: number, ub: number): number {
    const g = this.g;
    if (lb === -Infinity && ub === Infinity) return g.GLP_FR;
    if (lb === -Infinity) return g.GLP_UP;
    if (ub === Infinity) return g.GLP_LO;
    return lb === ub ? g.GLP_FX : g.GLP_DB;
  }

  private lp(mip: boolean) {
    const g = this.g;
    const fin = (v: number) => (Number.isFinite(v) ? v : 0);
    return {
      name: 'randplan',
      objective: { direction: g.GLP_MIN, name: 'obj', vars: this.cols.map((c, j) => ({ name: `x${j}`, coef: c.cost })) },
      subjectTo: this.rows.map((r, i) => ({
        name: `r${i}`,
        vars: [...r.entries].map(([j, v]) => ({ name: `x${j}`, coef: v })),
        bnds: { type: this.bndType(r.lb, r.ub), lb: fin(r.lb), ub: fin(r.ub) },
      })),
      bounds: this.cols.map((c, j) => ({ name: `x${j}`, type: this.bndType(c.lb, c.ub), lb: fin(c.lb), ub: fin(c.ub) })),
      ...(mip ? { generals: this.cols.flatMap((c, j) => (c.integer ? [`x${j}`] : [])) } : {}),
    };
  }

  solveLp(limits: SolveLimits = {}): LpSolution {
    return this.run(false, limits);
  }

  solveMip(limits: SolveLimits = {}): LpSolution {
    return this.run(true, limits);
  }

  private run(mip: boolean, limits: SolveLimits): LpSolution {
    const g = this.g;
    const t0 = performance.now();
    const options = {
      msglev: g.GLP_MSG_OFF,
      presol: true,
      ...(limits.timeLimitSeconds !== undefined ? { tmlim: Math.max(1, Math.ceil(limits.timeLimitSeconds)) } : {}),
      ...(mip && limits.mipGap !== undefined ? { mipgap: limits.mipGap } : {}),
    };
    const res = g.solve(this.lp(mip) as never, options);
    const seconds = (performance.now() - t0) / 1000;
    const r = res.result;
    if (r.status === g.GLP_NOFEAS || r.status === g.GLP_INFEAS) {
      return { status: 'infeasible', objective: null, bound: null, x: null, duals: null, seconds };
    }
    if (r.status !== g.GLP_OPT && r.status !== g.GLP_FEAS) {
      const timedOut = limits.timeLimitSeconds !== undefined && seconds >= limits.timeLimitSeconds * 0.95;
      return { status: timedOut ? 'timeout' : 'error', objective: null, bound: null, x: null, duals: null, seconds };
    }
    const x = Float64Array.from(this.cols, (_, j) => r.vars[`x${j}`] ?? 0);
    const duals = !mip && r.dual ? Float64Array.from(this.rows, (_, i) => r.dual![`r${i}`] ?? 0) : null;
    const optimal = r.status === g.GLP_OPT;
    const timedOut = limits.timeLimitSeconds !== undefined && seconds >= limits.timeLimitSeconds * 0.95;
    return {
      status: optimal ? 'optimal' : timedOut ? 'timeout' : 'feasible',
      objective: r.z,
      // glpk.js returns no MIP bound; an optimal LP's objective is its own bound.
      bound: optimal ? (mip ? r.z * (1 - (limits.mipGap ?? 0)) : r.z) : null,
      x,
      duals,
      seconds,
    };
  }

  dispose(): void {}
}
