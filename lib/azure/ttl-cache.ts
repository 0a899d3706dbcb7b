/**
 * A small in-memory cache shared by every caller in the process: a value is kept for a TTL that may
 * depend on the value (failures are kept briefly), and concurrent callers of a missing key share one
 * load instead of each sending the same query. With `staleWhileRevalidateMs`, a value that expired
 * less than that long ago is still answered at once while one load refreshes it in the background,
 * so a page never waits for a query it has an almost-current answer to.
 */
export interface TtlCache {
  getOrLoad<T>(key: string, load: () => Promise<T>, ttlFor: (value: T) => number): Promise<T>;
  clear(): void;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

export interface TtlCacheOptions {
  maxEntries?: number;
  now?: () => number;
  /** How long after its TTL a value may still be served while it is reloaded; 0 (default): never. */
  staleWhileRevalidateMs?: number;
}

export function createTtlCache(options: TtlCacheOptions = {}): TtlCache {
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const staleMs = options.staleWhileRevalidateMs ?? 0;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<unknown>>();

  function store(key: string, value: unknown, ttlMs: number): void {
    if (ttlMs <= 0) return;
    const at = now();
    for (const [k, entry] of entries) if (entry.expiresAt + staleMs <= at) entries.delete(k);
    entries.delete(key);
    // Map iteration is insertion order, so the first key is the oldest.
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, expiresAt: at + ttlMs });
  }

  function loadShared<T>(key: string, load: () => Promise<T>, ttlFor: (value: T) => number): Promise<T> {
    const pending = inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const loading = load()
      .then((value) => {
        store(key, value, ttlFor(value));
        return value;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, loading);
    return loading;
  }

  return {
    getOrLoad<T>(key: string, load: () => Promise<T>, ttlFor: (value: T) => number): Promise<T> {
      const cached = entries.get(key);
      const at = now();
      if (cached && cached.expiresAt > at) return Promise.resolve(cached.value as T);
      if (cached && cached.expiresAt + staleMs > at) {
        // A failed refresh keeps the stale value until its window ends; the next caller tries again.
        loadShared(key, load, ttlFor).catch(() => undefined);
        return Promise.resolve(cached.value as T);
      }
      return loadShared(key, load, ttlFor);
    },
    clear(): void {
      entries.clear();
    },
  };
}
