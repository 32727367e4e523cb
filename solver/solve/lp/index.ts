/** Picks an LP/MIP engine: HiGHS unless asked otherwise (see solver/solve/README note in index.ts). */
import type { EngineName, LpModel } from './engine.ts';
import { createGlpkModel } from './glpk.ts';
import { createHighsModel } from './highs.ts';

export type { EngineName, LpModel, LpSolution, SolveLimits } from './engine.ts';

export function createLpModel(engine: EngineName): Promise<LpModel> {
  return engine === 'glpk' ? createGlpkModel() : createHighsModel();
}
