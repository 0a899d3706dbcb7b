import { toGitHubError, unavailableNotice, type GitHubError } from "./errors";
import type { Freshness } from "./freshness";

/** Identifies one GitHub resource as one caller sees it (ETags are per token). */
export interface CacheKey {
  identity: string;
  /** Octokit route, e.g. `GET /repos/{owner}/{repo}/actions/runs`. */
  route: string;
  params: Readonly<Record<string, unknown>>;
}

/** What a revalidation found: new data, or GitHub's 304 for the ETag it was given. */
export type Revalidation<V> =
  { status: "modified"; value: V; etag: string | undefined } | { status: "not-modified" };

/** Sends the request, conditional when `etag` is given. */
export type Fetcher<V> = (etag: string | undefined) => Promise<Revalidation<V>>;

export type CacheResult<V> = Freshness & { value: V };

export interface ReadCacheOptions {
  /** `false` passes every read through to GitHub (no sharing, no ETags): the benchmark's baseline. */
  enabled?: boolean;
  /** Within this interval after GitHub confirmed an entry, it is served without asking. Default 5 000. */
  minRevalidateMs?: number;
  /** Entries kept, least recently used dropped first. Default 2 000. */
  maxEntries?: number;
  /** Test clock. */
  now?: () => number;
}

export interface GetOptions {
  /** Skip the minimum interval (a reconciler about to act); still conditional, still shared. */
  fresh?: boolean;
}

export interface ReadCacheStats {
  /** Served from memory without asking GitHub. */
  hits: number;
  /** Waited for a request another caller had already started. */
  joined: number;
  /** Requests sent with If-None-Match. */
  revalidations: number;
  /** Of those, answered 304 (free: a 304 does not count against the rate limit). */
  notModified: number;
  /** Every request sent to GitHub. */
  networkCalls: number;
  /** Answered with the last good data because GitHub failed. */
  staleServed: number;
  errors: number;
  evictions: number;
  entries: number;
}

interface Entry {
  key: CacheKey;
  /** Absent when the last attempt failed before any data arrived. */
  data?: { value: unknown; etag: string | undefined; fetchedAt: number };
  /** When GitHub was last asked (successfully or not); drives the minimum interval. */
  checkedAt: number;
  failure?: GitHubError;
  /** Sequence number of the request whose answer is stored; an older answer never overwrites it. */
  seq: number;
}

/**
 * One cache per process for GitHub reads. Any number of viewers cause at most one GitHub request
 * per resource per `minRevalidateMs`: concurrent misses share one in-flight promise, and a
 * revalidation is a conditional request whose 304 costs no rate limit. When GitHub fails, the last
 * good data is served flagged stale, so pages show "as of <time> — GitHub unavailable".
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, { seq: number; promise: Promise<CacheResult<unknown>> }>();
  private seq = 0;
  private readonly enabled: boolean;
  private readonly minRevalidateMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly counters = {
    hits: 0,
    joined: 0,
    revalidations: 0,
    notModified: 0,
    networkCalls: 0,
    staleServed: 0,
    errors: 0,
    evictions: 0,
  };

  constructor(options: ReadCacheOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.minRevalidateMs = options.minRevalidateMs ?? 5_000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 2_000);
    this.now = options.now ?? Date.now;
  }

  // The key decides the value's type (one route, one response shape); callers state it as V.
  async get<V>(key: CacheKey, fetcher: Fetcher<V>, options: GetOptions = {}): Promise<CacheResult<V>> {
    if (!this.enabled) return this.passThrough(fetcher);
    const id = serializeKey(key);
    const entry = this.touch(id);
    const now = this.now();

    if (entry && !options.fresh && now - entry.checkedAt < this.minRevalidateMs) {
      if (entry.data) {
        this.counters.hits++;
        return this.result(entry) as CacheResult<V>;
      }
      // A failure with nothing to fall back on is remembered for the interval too, so an outage
      // does not turn every page view into another request.
      if (entry.failure) {
        this.counters.hits++;
        throw entry.failure;
      }
    }

    const running = this.inFlight.get(id);
    if (running) {
      this.counters.joined++;
      return running.promise as Promise<CacheResult<V>>;
    }

    const seq = ++this.seq;
    const promise = this.revalidate(id, key, seq, fetcher).finally(() => {
      if (this.inFlight.get(id)?.seq === seq) this.inFlight.delete(id);
    });
    this.inFlight.set(id, { seq, promise });
    return promise as Promise<CacheResult<V>>;
  }

  /**
   * Forces the next read of every matching entry to ask GitHub (conditionally: the ETag and the data
   * stay, so a 304 is still free and stale-on-error still has something to serve). A request already
   * in flight is no longer joined: it may have left before the change a webhook announced.
   */
  invalidate(predicate: (key: CacheKey) => boolean): number {
    let count = 0;
    for (const [id, entry] of this.entries) {
      if (!predicate(entry.key)) continue;
      entry.checkedAt = Number.NEGATIVE_INFINITY;
      delete entry.failure;
      this.inFlight.delete(id);
      count++;
    }
    return count;
  }

  stats(): ReadCacheStats {
    return { ...this.counters, entries: this.entries.size };
  }

  resetStats(): void {
    for (const name of Object.keys(this.counters) as (keyof typeof this.counters)[]) this.counters[name] = 0;
  }

  clear(): void {
    this.entries.clear();
    this.inFlight.clear();
  }

  private async revalidate(
    id: string,
    key: CacheKey,
    seq: number,
    fetcher: Fetcher<unknown>,
  ): Promise<CacheResult<unknown>> {
    const etag = this.entries.get(id)?.data?.etag;
    this.counters.networkCalls++;
    if (etag) this.counters.revalidations++;
    let outcome: Revalidation<unknown>;
    try {
      outcome = await fetcher(etag);
    } catch (thrown) {
      return this.failed(id, key, seq, toGitHubError(thrown));
    }

    const now = this.now();
    const entry = this.entries.get(id);
    // A request started later (after an invalidation) already answered: its answer is newer.
    if (entry?.data && entry.seq > seq) return this.result(entry);
    if (outcome.status === "not-modified") {
      this.counters.notModified++;
      if (entry?.data) {
        entry.data.fetchedAt = now;
        entry.checkedAt = now;
        entry.seq = seq;
        delete entry.failure;
        return this.result(entry);
      }
      // A 304 for data no longer held (evicted meanwhile) cannot be served: ask again in full.
      this.counters.networkCalls++;
      const full = await fetcher(undefined).catch((thrown: unknown) => {
        throw toGitHubError(thrown);
      });
      if (full.status === "not-modified")
        throw toGitHubError(new Error("GitHub answered 304 to an unconditional request"));
      outcome = full;
    }
    const stored: Entry = {
      key,
      data: { value: outcome.value, etag: outcome.etag, fetchedAt: now },
      checkedAt: now,
      seq,
    };
    this.store(id, stored);
    return this.result(stored);
  }

  private failed(id: string, key: CacheKey, seq: number, error: GitHubError): CacheResult<unknown> {
    this.counters.errors++;
    const entry = this.entries.get(id);
    if (entry && entry.seq > seq) {
      if (entry.data) return this.result(entry);
      throw entry.failure ?? error;
    }
    if (entry?.data && error.unavailable) {
      entry.checkedAt = this.now();
      entry.failure = error;
      entry.seq = seq;
      return this.result(entry);
    }
    // GitHub answered "no" (404, 403, 422…), or there is nothing to fall back on: the old data, if
    // any, is no longer the truth. The failure is remembered for the interval.
    this.store(id, { key, checkedAt: this.now(), failure: error, seq });
    throw error;
  }

  private result(entry: Entry): CacheResult<unknown> {
    const data = entry.data;
    if (!data) throw entry.failure ?? new Error("cache entry without data");
    const fetchedAt = new Date(data.fetchedAt);
    if (!entry.failure) return { value: data.value, stale: false, fetchedAt };
    this.counters.staleServed++;
    return { value: data.value, stale: true, fetchedAt, error: unavailableNotice(entry.failure) };
  }

  private async passThrough<V>(fetcher: Fetcher<V>): Promise<CacheResult<V>> {
    this.counters.networkCalls++;
    const outcome = await fetcher(undefined).catch((thrown: unknown) => {
      this.counters.errors++;
      throw toGitHubError(thrown);
    });
    if (outcome.status === "not-modified")
      throw toGitHubError(new Error("GitHub answered 304 to an unconditional request"));
    return { value: outcome.value, stale: false, fetchedAt: new Date(this.now()) };
  }

  /** Marks an entry most recently used (Map order is insertion order). */
  private touch(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  private store(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
      this.counters.evictions++;
    }
  }
}

/** Stable across parameter order, so `{a, b}` and `{b, a}` share an entry; `undefined` params drop out. */
export function serializeKey(key: CacheKey): string {
  return JSON.stringify([key.identity, key.route, sortKeys(key.params)]);
}

function sortKeys(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

const SHARED = Symbol.for("release-desk.github.read-cache");

/**
 * The process-wide cache. Kept on `globalThis` so Next's dev HMR, which re-evaluates modules,
 * does not start a second cache (and a second set of counters). Options apply on first call only.
 */
export function getSharedReadCache(options?: ReadCacheOptions): ReadCache {
  const holder = globalThis as typeof globalThis & { [SHARED]?: ReadCache };
  holder[SHARED] ??= new ReadCache(options);
  return holder[SHARED];
}
