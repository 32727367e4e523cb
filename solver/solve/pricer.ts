/**
 * Pricing on more than one core: every step of the ascent and every round of column generation prices
 * each trainee's DP independently under the same prices, so a second thread takes every other trainee.
 * The helper thread builds its own copy of the model from the same scenario and options (the build is
 * deterministic) and exchanges prices and schedules through shared memory, waiting on Atomics — so the
 * solve loop stays synchronous and a round costs no message passing. Until the helper has built its
 * model, and whenever a round is small, everything is priced here. The helper may be started before
 * the model exists (startHelper): loading its modules takes about as long as building a 200-trainee
 * model, and it happens while this thread makes the first plans.
 */
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../domain/schemas.ts';
import type { BuildOptions, CohortModel } from './model.ts';
import { bestSchedule, makeColumn, pricePrefix, type Choice, type Priced } from './pricing.ts';

/** Most rotations one trainee can have to place (the DP is exponential in them long before this). */
const MAX_ITEMS = 20;
/** How a choice's option travels between threads: its grid slot (≥ 0), the keep option, or SHORT − slot for the short grid's. */
const KEPT = -1;
const SHORT = -2;
/** Rounds smaller than this are priced on this thread only. */
const MIN_SHARED = 8;

/** What the helper thread needs to build the same model. */
export interface PricerSource {
  scenario: Scenario;
  build: BuildOptions;
}

export interface Pricer {
  /** Each trainee's cheapest schedule under λ (null where none); null for the round when `until()` cut it short. */
  price(lambda: Float64Array, trainees: number[], until: () => boolean): (Priced | null)[] | null;
  /** Threads a round is shared between now (2 once the helper has built its model). */
  threads(): number;
  dispose(): void;
}

interface Shared {
  /** [job sequence, done sequence, stop, ready] */
  ctrl: Int32Array;
  lambda: Float64Array;
  /** [count, trainee indices …] */
  jobs: Int32Array;
  value: Float64Array;
  count: Int32Array;
  /** Per trainee MAX_ITEMS × (item, grid index or −1 for the keep option, clinic). */
  choices: Int32Array;
}

function shared(nRows: number, T: number): Shared {
  const buf = (bytes: number) => new SharedArrayBuffer(Math.max(8, bytes));
  return {
    ctrl: new Int32Array(buf(16)),
    lambda: new Float64Array(buf(nRows * 8)),
    jobs: new Int32Array(buf((T + 1) * 4)),
    value: new Float64Array(buf(T * 8)),
    count: new Int32Array(buf(T * 4)),
    choices: new Int32Array(buf(T * MAX_ITEMS * 3 * 4)),
  };
}

/** A pricer on this thread only. */
export function localPricer(m: CohortModel): Pricer {
  return {
    price(lambda, trainees, until) {
      const prefix = pricePrefix(m, lambda);
      const out: (Priced | null)[] = [];
      for (const i of trainees) {
        if (until()) return null;
        out.push(bestSchedule(m, m.trainees[i]!, { dual: lambda, prefix, free: null }));
      }
      return out;
    },
    threads: () => 1,
    dispose() {},
  };
}

/** A pricing helper thread, loading its modules until createPricer hands it a model to build. */
export interface Helper {
  worker: Worker;
  alive: boolean;
}

/** A helper for a solve of `trainees` on `threads`, when rounds would be shared at all. */
export function startHelper(threads: number, trainees: number): Helper | undefined {
  if (threads < 2 || trainees < MIN_SHARED) return undefined;
  const helper: Helper = { worker: new Worker(new URL('./pricer-worker.mjs', import.meta.url)), alive: true };
  helper.worker.on('error', () => (helper.alive = false));
  helper.worker.on('exit', () => (helper.alive = false));
  helper.worker.unref();
  return helper;
}

/**
 * A pricer that shares rounds with one helper thread (threads ≥ 2; `helper` when one was started
 * already), else a local one. A helper it does not use is stopped.
 */
export function createPricer(m: CohortModel, source: PricerSource, threads: number, helper?: Helper): Pricer {
  const local = localPricer(m);
  const h = helper ?? startHelper(threads, m.trainees.length);
  if (!h || m.trainees.some((t) => t.items.length > MAX_ITEMS)) {
    void h?.worker.terminate();
    return local;
  }
  const nRows = m.resources.length * m.nSlots;
  const sh = shared(nRows, m.trainees.length);
  const worker = h.worker;
  worker.postMessage({ source, shared: sh });
  let seq = 0;

  const decode = (i: number): Priced => {
    const t = m.trainees[i]!;
    const base = i * MAX_ITEMS * 3;
    const choices: Choice[] = [];
    for (let k = 0; k < sh.count[i]!; k++) {
      const item = t.items[sh.choices[base + 3 * k]!]!;
      const h = sh.choices[base + 3 * k + 1]!;
      const option = h >= 0 ? item.grid[h]! : h === KEPT ? item.keepOption! : item.shortGrid![SHORT - h]!;
      choices.push({ item: sh.choices[base + 3 * k]!, option, clinic: sh.choices[base + 3 * k + 2]! });
    }
    return { column: makeColumn(m, t, choices), priced: sh.value[i]! };
  };

  return {
    price(lambda, trainees, until) {
      if (!h.alive || Atomics.load(sh.ctrl, 3) !== 1 || trainees.length < MIN_SHARED) return local.price(lambda, trainees, until);
      // Every other trainee to the helper: neighbours in the list cost about the same.
      const mine = trainees.filter((_, k) => k % 2 === 0);
      const theirs = trainees.filter((_, k) => k % 2 === 1);
      sh.lambda.set(lambda);
      sh.jobs[0] = theirs.length;
      sh.jobs.set(theirs, 1);
      seq++;
      Atomics.store(sh.ctrl, 0, seq);
      Atomics.notify(sh.ctrl, 0);
      const own = local.price(lambda, mine, until);
      // The helper's half is short (a round is a fraction of a second): wait for it even when cut short,
      // so the next round's job does not overwrite one still running.
      while (h.alive && Atomics.load(sh.ctrl, 1) !== seq) Atomics.wait(sh.ctrl, 1, Atomics.load(sh.ctrl, 1), 200);
      // The helper's model counts its own schedules: the budget counts them here.
      m.work.units += theirs.length;
      if (!own) return null;
      if (!h.alive) return local.price(lambda, trainees, until);
      const byTrainee = new Map<number, Priced | null>();
      mine.forEach((i, k) => byTrainee.set(i, own[k]!));
      for (const i of theirs) byTrainee.set(i, Number.isNaN(sh.value[i]!) ? null : decode(i));
      return trainees.map((i) => byTrainee.get(i)!);
    },
    threads: () => (h.alive && Atomics.load(sh.ctrl, 3) === 1 ? 2 : 1),
    dispose() {
      Atomics.store(sh.ctrl, 2, 1);
      Atomics.add(sh.ctrl, 0, 1);
      Atomics.notify(sh.ctrl, 0);
      void worker.terminate();
    },
  };
}

/** The helper thread's loop (pricer-worker-main.ts): price each job's trainees into the shared arrays. */
export function serveJobs(m: CohortModel, sh: Shared): void {
  Atomics.store(sh.ctrl, 3, 1);
  let seen = 0;
  for (;;) {
    Atomics.wait(sh.ctrl, 0, seen);
    if (Atomics.load(sh.ctrl, 2) === 1) return;
    seen = Atomics.load(sh.ctrl, 0);
    const prefix = pricePrefix(m, sh.lambda);
    const n = sh.jobs[0]!;
    for (let k = 1; k <= n; k++) {
      const i = sh.jobs[k]!;
      const t = m.trainees[i]!;
      const p = bestSchedule(m, t, { dual: sh.lambda, prefix, free: null });
      if (!p) {
        sh.value[i] = Number.NaN;
        continue;
      }
      sh.value[i] = p.priced;
      sh.count[i] = p.column.choices.length;
      const base = i * MAX_ITEMS * 3;
      p.column.choices.forEach((c, q) => {
        sh.choices[base + 3 * q] = c.item;
        const h = c.option.slot - t.firstSlot;
        sh.choices[base + 3 * q + 1] = c.option.keep ? KEPT : t.items[c.item]!.grid[h] === c.option ? h : SHORT - h;
        sh.choices[base + 3 * q + 2] = c.clinic;
      });
    }
    Atomics.store(sh.ctrl, 1, seen);
    Atomics.notify(sh.ctrl, 1);
  }
}

export type { Shared as PricerShared };
