/** The words for a solve's outcome agree with its figures (issue 14: "Tidsgränsen nådd" at 34.5 s of 60; "Ingen plan möjlig" beside "Gap 0 %"). */
import { describe, expect, it } from 'vitest';
import type { SolveSummary } from '../../solver/domain/schemas.ts';
import { solveVerdict, timeLimitReached } from '../../solver/solve/verdict.ts';

const summary = (over: Partial<SolveSummary>): SolveSummary => ({ status: 'timeout', objective: 1200, bound: 1000, gap: 0.1667, seconds: 60, ...over });
const words = (s: SolveSummary, limit: number | null) => solveVerdict(s, limit).sv;

describe('solve status words', () => {
  it('say the time limit was reached only when the seconds reached it', () => {
    expect(words(summary({ seconds: 59.6 }), 60)).toBe('Tidsgränsen nådd – bästa plan hittills');
    expect(words(summary({ seconds: 34.5 }), 60)).toBe('Sökningen avslutad före målgapet – bästa plan hittills');
    // A limit the web does not know was never shown to be reached.
    expect(words(summary({ seconds: 60 }), null)).toBe('Sökningen avslutad före målgapet – bästa plan hittills');
    expect(words(summary({ objective: null, gap: null, seconds: 4.9 }), 5)).toBe('Tidsgränsen nådd – ingen fullständig plan');
    expect(words(summary({ objective: null, gap: null, seconds: 2 }), 5)).toBe('Sökningen avslutad – ingen fullständig plan');
  });

  it('never say "no plan" beside a plan, nor "within the target gap" beside a gap that remains', () => {
    const infeasible = words(summary({ status: 'infeasible', gap: 0 }), 60);
    expect(infeasible).toBe('Ingen plan utan regelbrott möjlig');
    expect(words(summary({ status: 'feasible', gap: 0.028, seconds: 2.1 }), 20)).toBe('Giltig plan – sökningen klar, ett gap kvarstår');
    expect(words(summary({ status: 'feasible', gap: 0.00005 }), 20)).toBe('Giltig plan, inom målgapet');
    expect(words(summary({ status: 'optimal', gap: 0 }), 20)).toBe('Optimal plan');
  });

  it('allow the search its margin before the limit, and no more', () => {
    expect(timeLimitReached(57.2, 60)).toBe(true);
    expect(timeLimitReached(56.9, 60)).toBe(false);
    expect(timeLimitReached(4.1, 5)).toBe(true);
    expect(timeLimitReached(3.9, 5)).toBe(false);
  });
});
