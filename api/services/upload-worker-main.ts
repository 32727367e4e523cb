/** The upload reader's worker: reads each list it is sent and posts back the table, or the 400 it is refused with. */
import { parentPort } from 'node:worker_threads';
import { HttpError } from '../errors.ts';
import { readTable, type Table } from './tabular.ts';

export type UploadAnswer = { ok: true; table: Table } | { ok: false; message: string; details: string[] };

parentPort!.on('message', async ({ body, contentType }: { body: Uint8Array; contentType: string }) => {
  let answer: UploadAnswer;
  try {
    answer = { ok: true, table: await readTable(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType) };
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    answer = { ok: false, message: e.message, details: e.details ?? [] };
  }
  parentPort!.postMessage(answer);
});
