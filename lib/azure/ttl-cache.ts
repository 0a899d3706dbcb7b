/**
 * A small in-memory cache shared by every caller in the process: a value is kept for a TTL that may
 * depend on the value (failures are kept briefly), and concurrent callers of a missing key share one
 * load instead of each sending the same query.
 */
export interface TtlCache {
  getOrLoad<T>(key: string, load: () => Promise<T>, ttlFor: (value: T) => number): Promise<T>;
  clear(): void;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

export function createTtlCache(options: { maxEntries?: number; now?: () => number } = {}): TtlCache {
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<unknown>>();

  function store(key: string, value: unknown, ttlMs: number): void {
    if (ttlMs <= 0) return;
    const at = now();
    for (const [k, entry] of entries) if (entry.expiresAt <= at) entries.delete(k);
    // Map iteration is insertion order, so the first key is the oldest.
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { value, expiresAt: at + ttlMs });
  }

  return {
    getOrLoad<T>(key: string, load: () => Promise<T>, ttlFor: (value: T) => number): Promise<T> {
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now()) return Promise.resolve(cached.value as T);
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
    },
    clear(): void {
      entries.clear();
    },
  };
}
