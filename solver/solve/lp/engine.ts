/**
 * The one small interface the solver uses for linear programs, with HiGHS (WebAssembly) and glpk.js
 * behind it. A model grows row by row and column by column (column generation adds both), is solved
 * as an LP (with row duals) or as a MIP (with a proven bound where the engine reports one).
 * Minimisation; rows are `lb ≤ a·x ≤ ub`.
 */
export type EngineName = 'highs' | 'glpk';

export interface LpSolution {
  status: 'optimal' | 'feasible' | 'infeasible' | 'timeout' | 'error';
  objective: number | null;
  /** A proven lower bound (MIP dual bound; the objective of an optimal LP); null when unknown (glpk MIP). */
  bound: number | null;
  x: Float64Array | null;
  /** Row duals of an LP (sign: ∂objective/∂ub, so ≤ 0 on a binding ≤ row of a minimisation). */
  duals: Float64Array | null;
  seconds: number;
}

export interface SolveLimits {
  timeLimitSeconds?: number;
  /** Branch-and-bound nodes at which a MIP stops (a limit that does not depend on the machine; HiGHS only). */
  nodeLimit?: number;
  /** Relative MIP gap at which to stop. */
  mipGap?: number;
  /** A starting solution for a MIP (full column vector). */
  start?: Float64Array;
  /**
   * LP re-solves: 'primal' after adding columns (the old basis stays primal feasible), 'dual' after
   * adding rows (it stays dual feasible). Engines without a warm start ignore it.
   */
  warm?: 'primal' | 'dual';
}

export interface LpModel {
  readonly engine: EngineName;
  readonly numRows: number;
  readonly numCols: number;
  /** Adds a row over existing columns; returns its index. */
  addRow(lb: number, ub: number, cols: number[], values: number[]): number;
  /** Adds a column over existing rows; returns its index. */
  addColumn(cost: number, lb: number, ub: number, rows: number[], values: number[], integer?: boolean): number;
  /** Marks columns integer for solveMip. */
  setInteger(cols: number[]): void;
  /** Solves the LP relaxation (integrality ignored). */
  solveLp(limits?: SolveLimits): LpSolution;
  /** Solves with integrality of the columns marked integer. */
  solveMip(limits?: SolveLimits): LpSolution;
  dispose(): void;
}
