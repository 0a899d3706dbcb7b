import type { ReadCache } from "./read-cache";

/**
 * After a write (or a webhook) changes a repository, its cached reads under the given route prefixes
 * are revalidated on next use, for every identity: a dispatch made with a lead's token changes what
 * the installation token sees too.
 */
export function invalidateRepoReads(
  cache: ReadCache,
  target: { owner: string; repo: string },
  routePrefixes: readonly string[],
): number {
  return cache.invalidate(
    (key) =>
      key.params.owner === target.owner &&
      key.params.repo === target.repo &&
      routePrefixes.some((prefix) => key.route.startsWith(prefix)),
  );
}
