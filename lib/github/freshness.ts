/** How current a read is; pages render "as of <fetchedAt> — <error>" when stale. */
export type Freshness =
  | { stale: false; fetchedAt: Date }
  /** GitHub could not be asked; `fetchedAt` is when the data was last confirmed. */
  | { stale: true; fetchedAt: Date; error: string };

/** Data read through the cache, with its freshness. */
export type Cached<T> = Freshness & { data: T };

/** A view built from several reads is as old as its oldest part, and stale if any part is. */
export function combineFreshness(parts: readonly Freshness[], now: () => number = Date.now): Freshness {
  const oldest = new Date(Math.min(...parts.map((p) => p.fetchedAt.getTime()), now()));
  const stale = parts.find((p) => p.stale);
  return stale ? { stale: true, fetchedAt: oldest, error: stale.error } : { stale: false, fetchedAt: oldest };
}

/** Splits a cached result into its freshness, to recombine with others. */
export function freshnessOf(read: Freshness): Freshness {
  return read.stale
    ? { stale: true, fetchedAt: read.fetchedAt, error: read.error }
    : { stale: false, fetchedAt: read.fetchedAt };
}
