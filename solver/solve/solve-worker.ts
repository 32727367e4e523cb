/**
 * A solver worker thread kept from one solve to the next, for the short one-trainee completions the
 * API runs one after another: a new thread per click spent longer loading its modules than the solve
 * took, and a kept one has its code compiled and warm. Solves run one at a time, in call order; a
 * thread that died is replaced at the next solve. `close()` ends it.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../domain/schemas.ts';
import type { SolveOptions, SolveResult } from './index.ts';

type Message = { type: 'progress' } | { type: 'result'; result: SolveResult } | { type: 'error'; error: string };

export class SolveWorker {
  #worker: Worker | null = null;
  #turn: Promise<unknown> = Promise.resolve();

  solve(scenario: Scenario, options: Omit<SolveOptions, 'signal' | 'onProgress'>): Promise<SolveResult> {
    const next = this.#turn.then(() => this.#run(scenario, options));
    this.#turn = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }

  #run(scenario: Scenario, options: Omit<SolveOptions, 'signal' | 'onProgress'>): Promise<SolveResult> {
    const worker = (this.#worker ??= this.#spawn());
    // The flag the one-shot worker cancels by; nothing cancels a completion.
    const flag = new Int32Array(new SharedArrayBuffer(4));
    return new Promise<SolveResult>((resolve, reject) => {
      const settle = (finish: () => void) => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        worker.unref();
        finish();
      };
      const onMessage = (msg: Message) => {
        if (msg.type === 'result') settle(() => resolve(msg.result));
        else if (msg.type === 'error') settle(() => reject(new Error(msg.error)));
      };
      const onExit = (code: number) => {
        if (this.#worker === worker) this.#worker = null;
        settle(() => reject(new Error(`solver worker exited with code ${code}`)));
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage({ scenario, options, flag });
    });
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url));
    // An error ends the thread: 'exit' follows and rejects the solve under way.
    worker.on('error', () => undefined);
    worker.unref();
    return worker;
  }
}
