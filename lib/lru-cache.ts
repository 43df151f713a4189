/**
 * A bounded in-memory cache with single-flight: values are kept by key, least recently used
 * evicted first, until their declared sizes fit in `maxBytes`; concurrent requests for a key that
 * is not stored yet share one computation instead of each starting their own. Failures are never
 * kept, so the next request tries again. Pure: what a key means (and when it goes stale) is the
 * caller's business.
 */

/** What a computation hands back: the value and what keeping it costs, in bytes. */
export type Sized<T> = { value: T; bytes: number };

export type LruStats = { entries: number; bytes: number; hits: number; misses: number; shared: number };

export class LruCache<T> {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recent first.
  private readonly stored = new Map<string, Sized<T>>();
  private readonly inFlight = new Map<string, Promise<T>>();
  private total = 0;
  private counts = { hits: 0, misses: 0, shared: 0 };

  constructor(readonly maxBytes: number) {}

  /** The value for `key`: stored, being computed by another caller, or computed now. */
  get(key: string, compute: () => Promise<Sized<T>>): Promise<T> {
    const hit = this.stored.get(key);
    if (hit) {
      this.counts.hits++;
      this.stored.delete(key);
      this.stored.set(key, hit);
      return Promise.resolve(hit.value);
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.counts.shared++;
      return pending;
    }
    this.counts.misses++;
    const run = (async () => {
      try {
        const sized = await compute();
        this.put(key, sized);
        return sized.value;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    this.inFlight.set(key, run);
    return run;
  }

  stats(): LruStats {
    return { entries: this.stored.size, bytes: this.total, ...this.counts };
  }

  private put(key: string, sized: Sized<T>): void {
    // A value bigger than the whole budget would only evict everything else, then itself.
    if (sized.bytes > this.maxBytes) return;
    this.stored.set(key, sized);
    this.total += sized.bytes;
    for (const [oldest, entry] of this.stored) {
      if (this.total <= this.maxBytes) break;
      this.stored.delete(oldest);
      this.total -= entry.bytes;
    }
  }
}
