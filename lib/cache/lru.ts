// A bounded in-memory map that forgets the least recently used entry. Used only for values keyed
// by something immutable (a published version's id), so an entry is never stale and no instance
// has to tell another to forget anything: the database stays the only shared state.

export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  /** `capacity` bounds the sum of the entries' weights: by default each weighs 1, so it counts entries. */
  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error("An LRU cache holds at least one entry.");
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-inserting moves the key to the end: Map keeps insertion order, so the first key is the oldest.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    this.entries.set(key, value);
    this.total += this.weigh(value);
    while (this.total > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.total -= this.weigh(value);
  }

  /** The cached value, or `compute()`'s; a failed computation is not kept, so the next caller tries again. */
  getOrCompute(key: string, compute: () => V): V {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    this.set(key, value);
    if (value instanceof Promise) value.catch(() => this.delete(key));
    return value;
  }
}
