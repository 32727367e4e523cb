/** Inside the worker (solve-worker.ts): runs each solve it is sent, posts progress and the result; the shared flag cancels it. */
import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../domain/schemas.ts';
import { solveWith, type SolveOptions } from './index.ts';

interface Job {
  scenario: Scenario;
  options: SolveOptions;
  flag: Int32Array;
}

const port = parentPort!;

async function run({ scenario, options, flag }: Job): Promise<void> {
  try {
    const result = await solveWith(
      scenario,
      { ...options, onProgress: (progress) => port.postMessage({ type: 'progress', progress }) },
      () => Atomics.load(flag, 0) === 1,
      () => new Promise((resolve) => setImmediate(resolve)),
    );
    port.postMessage({ type: 'result', result });
  } catch (e) {
    port.postMessage({ type: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

// One at a time: SolveWorker sends the next job only after this one's answer.
port.on('message', (job: Job) => void run(job));
