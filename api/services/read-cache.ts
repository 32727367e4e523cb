/**
 * Reads of the region's data, cached in memory and dropped on every write. On PGlite this process is
 * the only writer, so the cache is exact: any non-GET API request (and a finished solve job) clears
 * it. On PostgreSQL other instances may write too; there entries also expire after `ttlMs`.
 * Concurrent misses share one load, so a burst of reads costs one query.
 */
export class ReadCache {
  #generation = 0;
  readonly #entries = new Map<string, { generation: number; at: number; value: Promise<unknown> }>();

  constructor(private readonly ttlMs: number) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.generation === this.#generation && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const generation = this.#generation;
    const value = load();
    this.#entries.set(key, { generation, at: now, value });
    // A failed load is not remembered.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

/** What a user may see decides the shape of a filtered read; users with the same scope share entries. */
export function scopeKey(user: { role: string; units: string[]; trainees: string[] }): string {
  return user.role === 'studierektor' ? 'all' : `${user.role}:${user.units.join(',')}:${user.trainees.join(',')}`;
}
