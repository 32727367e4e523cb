/**
 * A solver worker thread that runs solves one after another, in call order: `solveInWorker` starts
 * one for a single solve, and the API keeps one for the short one-trainee completions it runs (a new
 * thread per click spent longer loading its modules than the solve took; a kept one has its code
 * compiled and warm). A thread that died is replaced at the next solve. `close()` ends it.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario, SolveProgress } from '../domain/schemas.ts';
import type { SolveResult, WorkerSolve, WorkerSolveOptions } from './index.ts';

type Message = { type: 'progress'; progress: SolveProgress } | { type: 'result'; result: SolveResult } | { type: 'error'; error: string };

export class SolveWorker {
  #worker: Worker | null = null;
  #turn: Promise<unknown> = Promise.resolve();

  /** Starts a solve once those before it have ended. `cancel()` ends it with the best plan so far, status `timeout`. */
  start(scenario: Scenario, options: WorkerSolveOptions): WorkerSolve {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const listeners: ((p: SolveProgress) => void)[] = [];
    const result = this.#turn.then(() => this.#run(scenario, options, flag, listeners));
    this.#turn = result.catch(() => undefined);
    return {
      onProgress: (cb) => listeners.push(cb),
      result,
      cancel: () => Atomics.store(flag, 0, 1),
    };
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #run(scenario: Scenario, options: WorkerSolveOptions, flag: Int32Array, listeners: ((p: SolveProgress) => void)[]): Promise<SolveResult> {
    const worker = (this.#worker ??= this.#spawn());
    return new Promise<SolveResult>((resolve, reject) => {
      const settle = (finish: () => void) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
        finish();
      };
      const onMessage = (msg: Message) => {
        if (msg.type === 'progress') for (const cb of listeners) cb(msg.progress);
        else if (msg.type === 'result') settle(() => resolve(msg.result));
        else settle(() => reject(new Error(msg.error)));
      };
      const onError = (e: Error) => settle(() => reject(e));
      const onExit = (code: number) => settle(() => reject(new Error(`solver worker exited with code ${code}`)));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ scenario, options, flag });
    });
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url));
    // Between solves nobody listens: an error there ends the thread, and the next solve starts another.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
    });
    worker.unref();
    return worker;
  }
}
