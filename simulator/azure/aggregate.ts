/** The few KQL aggregations the named queries use, computed the same way over synthetic rows. */

export function sumItems<T extends { ItemCount: number }>(
  rows: readonly T[],
  where?: (row: T) => boolean,
): number {
  let total = 0;
  for (const row of rows) if (!where || where(row)) total += row.ItemCount;
  return total;
}

/** Nearest-rank percentile over the sampled rows, unweighted like KQL's `percentile()`. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** KQL `round(x, 2)`. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : round2((100 * part) / whole);
}

export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
