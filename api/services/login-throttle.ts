/**
 * Slows down password guessing without letting a guesser lock anyone out. Only failed logins count.
 * Per client address: after `maxPerIp` failures within the window, that address gets 429 until the
 * window passes (behind a reverse proxy the address is the client's only when the proxy is trusted:
 * see BuildAppOptions.trustProxy). Per account: after `freeFailures`, each attempt waits before its
 * password is checked, doubling up to `maxDelayMs` — slow for a guesser, a few seconds for the owner,
 * who still gets in. A successful login clears its account's failures.
 */
export interface LoginThrottleOptions {
  maxPerIp: number;
  windowMs: number;
  freeFailures?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** How to wait (tests record the delays instead). */
  sleep?: (ms: number) => Promise<void>;
}

/** Failure times per key, forgotten after the window; bounded so that a flood of keys cannot fill memory. */
class Failures {
  readonly #times = new Map<string, number[]>();
  constructor(private readonly windowMs: number) {}

  count(key: string, now: number): number {
    const recent = (this.#times.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length) this.#times.set(key, recent);
    else this.#times.delete(key);
    return recent.length;
  }

  add(key: string, now: number): void {
    if (this.#times.size > 50_000) this.#times.clear();
    this.#times.set(key, [...(this.#times.get(key) ?? []), now]);
  }

  clear(key: string): void {
    this.#times.delete(key);
  }
}

export class LoginThrottle {
  readonly #ip: Failures;
  readonly #account: Failures;
  readonly #opts: Required<LoginThrottleOptions>;

  constructor(opts: LoginThrottleOptions) {
    this.#opts = {
      freeFailures: 5,
      firstDelayMs: 1000,
      maxDelayMs: 10_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...opts,
    };
    this.#ip = new Failures(opts.windowMs);
    this.#account = new Failures(opts.windowMs);
  }

  /** Whether this address has failed too often lately. */
  blocked(ip: string, now = Date.now()): boolean {
    return this.#ip.count(ip, now) >= this.#opts.maxPerIp;
  }

  /** Waits as long as this account's recent failures ask for. */
  async delay(email: string, now = Date.now()): Promise<void> {
    const over = this.#account.count(key(email), now) - this.#opts.freeFailures;
    if (over < 0) return;
    await this.#opts.sleep(Math.min(this.#opts.firstDelayMs * 2 ** over, this.#opts.maxDelayMs));
  }

  failed(ip: string, email: string, now = Date.now()): void {
    this.#ip.add(ip, now);
    this.#account.add(key(email), now);
  }

  succeeded(email: string): void {
    this.#account.clear(key(email));
  }
}

const key = (email: string) => email.trim().toLowerCase();
