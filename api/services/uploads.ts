/**
 * Reads uploaded lists (CSV or XLSX) in a worker thread, so that parsing a large or hostile file costs
 * that thread and not the event loop that answers everyone else. Uploads take turns in one worker,
 * which has a heap limit and a time limit per file; a file that needs more is refused, the worker
 * replaced, and the server stays up.
 */
import { Worker } from 'node:worker_threads';
import { badRequest } from '../errors.ts';
import type { Table } from './tabular.ts';
import type { UploadAnswer } from './upload-worker-main.ts';

const HEAP_MB = 512;
const SECONDS = 60;

let worker: Worker | null = null;
let turn: Promise<unknown> = Promise.resolve();

export function readUpload(body: Buffer, contentType: string): Promise<Table> {
  const read = turn.then(() => readInWorker(body, contentType));
  turn = read.catch(() => {});
  return read;
}

function readInWorker(body: Buffer, contentType: string): Promise<Table> {
  const tooBig = () =>
    badRequest('Filen är för stor att läsa / The file is too large to read', [`filen: behöver mer än ${HEAP_MB} MB eller ${SECONDS} s / needs more than ${HEAP_MB} MB or ${SECONDS} s`]);
  const w = (worker ??= new Worker(new URL('./upload-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } }));
  // An idle reader keeps no process alive.
  w.unref();
  return new Promise<Table>((resolve, reject) => {
    const done = (settle: () => void, broken: boolean) => {
      clearTimeout(timer);
      w.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (broken) {
        if (worker === w) worker = null;
        void w.terminate();
      }
      settle();
    };
    const onMessage = (answer: UploadAnswer) => done(() => (answer.ok ? resolve(answer.table) : reject(badRequest(answer.message, answer.details))), false);
    const onError = (err: Error & { code?: string }) => done(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : err), true);
    const onExit = (code: number) => done(() => reject(new Error(`upload worker exited with code ${code}`)), true);
    const timer = setTimeout(() => done(() => reject(tooBig()), true), SECONDS * 1000);
    w.on('message', onMessage).on('error', onError).on('exit', onExit);
    w.postMessage({ body, contentType });
  });
}
