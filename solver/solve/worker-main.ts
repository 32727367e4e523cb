/** Inside the worker: runs one solve, posts progress and the result; the shared flag cancels it. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../domain/schemas.ts';
import { solveWith, type SolveOptions } from './index.ts';

const { scenario, options, flag } = workerData as { scenario: Scenario; options: SolveOptions; flag: Int32Array };
const port = parentPort!;
const cancelled = () => Atomics.load(flag, 0) === 1;

try {
  const result = await solveWith(
    scenario,
    { ...options, onProgress: (progress) => port.postMessage({ type: 'progress', progress }) },
    cancelled,
    () => new Promise((resolve) => setImmediate(resolve)),
  );
  port.postMessage({ type: 'result', result });
} catch (e) {
  port.postMessage({ type: 'error', error: e instanceof Error ? e.message : String(e) });
}
