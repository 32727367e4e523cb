/**
 * A first-come-first-served lock. PGlite is one connection: whoever holds it (a query, or a whole
 * transaction) must hold it alone, or another request's query would run inside that transaction.
 */
export class Mutex {
  #locked = false;
  readonly #waiting: (() => void)[] = [];

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    // Hand the lock straight to the next waiter so nobody can barge in between.
    if (next) next();
    else this.#locked = false;
  }
}
