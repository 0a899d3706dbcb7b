import type { Handler, RouteKind } from "./types";

interface CompiledRoute {
  method: string;
  kind: RouteKind;
  segments: string[];
  handler: Handler;
}

export interface RouteMatch {
  kind: RouteKind;
  handler: Handler;
  params: Record<string, string>;
}

export type MatchResult = { match: RouteMatch } | { methodNotAllowed: true } | null;

/**
 * Segment router: `:name` binds one segment, `*name` binds the rest of the path.
 * Routes are grouped by first segments so a lookup stays cheap with ~60 routes.
 */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(kind: RouteKind, method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, kind, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  match(method: string, path: string): MatchResult {
    const parts = path.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method || (method === "HEAD" && route.method === "GET")) {
        return { match: { kind: route.kind, handler: route.handler, params } };
      }
      pathMatched = true;
    }
    return pathMatched ? { methodNotAllowed: true } : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i] as string;
    if (seg.startsWith("*")) {
      if (i >= parts.length) return null;
      params[seg.slice(1)] = parts.slice(i).map(safeDecode).join("/");
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.startsWith(":")) params[seg.slice(1)] = safeDecode(part);
    else if (seg !== part) return null;
  }
  return pattern.length === parts.length ? params : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
