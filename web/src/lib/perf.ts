/**
 * Timings measured in the browser (performance.now), kept on `window.__randplanPerf` so the browser
 * test and the bench page can print them. Measured, never asserted.
 */
export interface PerfLog {
  cohortFirstRender?: number;
  cohortRows?: number;
  dragFrames: number[];
}

declare global {
  interface Window {
    __randplanPerf?: PerfLog;
  }
}

export function perfLog(): PerfLog {
  if (typeof window === 'undefined') return { dragFrames: [] };
  window.__randplanPerf ??= { dragFrames: [] };
  return window.__randplanPerf;
}

/** Calls `done` with the time from `t0` to the next painted frame (two rAFs: after layout and paint). */
export function afterPaint(t0: number, done: (ms: number) => void): void {
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
}

export function summarise(samples: readonly number[]): { n: number; mean: number; p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}
