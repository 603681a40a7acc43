/** A kept answer: anything with a size in bytes (the app keeps encoded JSON as a Buffer). */
type Payload = { readonly length: number };

/** One cached answer and the data version it was computed at. */
interface Entry<P extends Payload> {
  version: string;
  payload: P;
  storedAt: number;
}

export interface ReadCacheLimits {
  /** The most answers kept; the least recently used go first. */
  maxEntries: number;
  /** The most bytes kept (about the memory it costs). */
  maxBytes: number;
  /** An answer older than this is recomputed even if no data changed ("today" moves on). */
  ttlMs: number;
}

/**
 * Answers of read routes by key (the viewer and the URL), valid while the data version is the one
 * they were computed at. Bounded by count and bytes; least recently used out first.
 */
export class ReadCache<P extends Payload = Buffer> {
  private readonly entries = new Map<string, Entry<P>>();
  private bytes = 0;

  constructor(
    private readonly limits: ReadCacheLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  /** The payload when it was stored at `version` and is fresh; a stale entry is dropped. */
  get(key: string, version: string): P | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || this.now() - entry.storedAt > this.limits.ttlMs) {
      this.remove(key, entry);
      return undefined;
    }
    // Map order is insertion order: re-inserting marks it most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.payload;
  }

  set(key: string, version: string, payload: P): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    if (payload.length > this.limits.maxBytes / 4) return; // one answer never crowds out the rest
    this.entries.set(key, { version, payload, storedAt: this.now() });
    this.bytes += payload.length;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(k, e);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string, entry: Entry<P>): void {
    this.entries.delete(key);
    this.bytes -= entry.payload.length;
  }
}
