/**
 * "Fyll i / laga min plan" solves, one after another: each takes a solver thread for seconds, and the
 * machine has few cores to share with everyone's requests. A user has at most one call waiting or
 * running; a second one while it does, or any call when `maxWaiting` are already queued, is answered
 * 429 at once with what to do.
 */
import { tooManyRequests } from '../errors.ts';

export class CompletionQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #users = new Set<number>();

  constructor(private readonly opts: { concurrency: number; maxWaiting: number }) {}

  async run<T>(user: number, work: () => Promise<T>): Promise<T> {
    if (this.#users.has(user))
      throw tooManyRequests('Din förra begäran räknas fortfarande; vänta på den / Your previous request is still being computed; wait for it');
    if (this.#running >= this.opts.concurrency && this.#waiting.length >= this.opts.maxWaiting)
      throw tooManyRequests('Många planer räknas just nu; försök igen om en stund / Many plans are being computed; try again in a while');
    this.#users.add(user);
    try {
      if (this.#running < this.opts.concurrency) this.#running++;
      else await new Promise<void>((resolve) => this.#waiting.push(resolve));
      try {
        return await work();
      } finally {
        // The slot passes straight to the next caller in line.
        const next = this.#waiting.shift();
        if (next) next();
        else this.#running--;
      }
    } finally {
      this.#users.delete(user);
    }
  }
}
