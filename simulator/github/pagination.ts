import type { SimRequest } from "../http/types";
import type { Urls } from "../urls";

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export function pageParams(req: SimRequest, defaultPerPage = 30): { perPage: number; page: number } {
  const perPage = clampInt(req.query.get("per_page"), defaultPerPage, 1, 100);
  const page = clampInt(req.query.get("page"), 1, 1, Number.MAX_SAFE_INTEGER);
  return { perPage, page };
}

/**
 * Slices one page and builds GitHub's `Link` header (next, last, first, prev) on the simulator's
 * own base URL, keeping the caller's other query parameters.
 */
export function paginate<T>(
  req: SimRequest,
  urls: Urls,
  total: number,
  slice: (start: number, end: number) => T[],
  defaultPerPage = 30,
): Page<T> {
  const { perPage, page } = pageParams(req, defaultPerPage);
  const start = (page - 1) * perPage;
  const items = start < total ? slice(start, Math.min(total, start + perPage)) : [];
  const last = Math.max(1, Math.ceil(total / perPage));
  const link = (p: number, rel: string) => {
    const q = new URLSearchParams(req.query);
    q.set("per_page", String(perPage));
    q.set("page", String(p));
    return `<${urls.web}${req.path}?${q.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"), link(Math.min(page - 1, last), "prev"));
  return { items, headers: links.length ? { link: links.join(", ") } : {} };
}

function clampInt(v: string | null, fallback: number, min: number, max: number): number {
  if (v === null || v === "") return fallback;
  const n = Number.parseInt(v, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}
