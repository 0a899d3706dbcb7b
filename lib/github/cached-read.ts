import type { Endpoints } from "@octokit/types";
import type { GitHubClient } from "./client";
import { isRequestError, toGitHubError } from "./errors";
import type { Cached } from "./freshness";
import type { GetOptions, Revalidation } from "./read-cache";

/** Routes the cache may serve: GETs only, writes are never cached. */
export type ReadRoute = Extract<keyof Endpoints, `GET ${string}`>;
export type ReadParams<R extends ReadRoute> = Endpoints[R]["parameters"];
export type ReadData<R extends ReadRoute> = Endpoints[R]["response"]["data"];

export type CachedPage<T> = Cached<T> & {
  /** GitHub's `Link` header had `rel="next"`. */
  hasNextPage: boolean;
};

interface Stored<T> {
  data: T;
  hasNextPage: boolean;
}

/**
 * A GET through the shared cache: conditional on the stored ETag, 304 served from memory, typed by
 * Octokit's own endpoint table, so `data` is exactly what `octokit.request(route)` returns.
 */
export async function cachedRead<R extends ReadRoute>(
  gh: GitHubClient,
  route: R,
  params: ReadParams<R>,
  options: GetOptions = {},
): Promise<CachedPage<ReadData<R>>> {
  // Octokit's request signature maps a route to its response through a conditional type that
  // TypeScript cannot resolve for a generic R; this states the same mapping for GET routes.
  const request = gh.octokit.request as unknown as (
    route: R,
    params: ReadParams<R> & { headers: Record<string, string> },
  ) => Promise<{ data: ReadData<R>; headers: { etag?: string; link?: string } }>;

  const fetcher = async (etag: string | undefined): Promise<Revalidation<Stored<ReadData<R>>>> => {
    try {
      const headers: Record<string, string> = etag ? { "if-none-match": etag } : {};
      const response = await request(route, { ...params, headers });
      return {
        status: "modified",
        value: { data: response.data, hasNextPage: /\brel="next"/.test(response.headers.link ?? "") },
        etag: response.headers.etag,
      };
    } catch (error) {
      // Octokit throws a RequestError for 304 Not Modified: it is the cheap, good answer here.
      if (isRequestError(error) && error.status === 304) return { status: "not-modified" };
      throw toGitHubError(error);
    }
  };

  const { value, ...freshness } = await gh.cache.get(
    { identity: gh.identity, route, params },
    fetcher,
    options,
  );
  return { ...freshness, data: value.data, hasNextPage: value.hasNextPage };
}
