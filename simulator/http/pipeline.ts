import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Identity } from "../identities";
import { parseBody, readBody } from "./body";
import type { CallLog } from "./call-log";
import { computeEtag, etagMatches } from "./etag";
import { faultResponse } from "./fault-response";
import type { Fault, FaultTable } from "./faults";
import { rateLimitHeaders, type RateLimiter, type RateLimitState } from "./rate-limit";
import { badCredentials, githubError, notFound } from "./respond";
import type { Router } from "./router";
import type { SimRequest, SimResponse } from "./types";

export interface PipelineDeps {
  router: Router;
  callLog: CallLog;
  faults: FaultTable;
  rateLimiter: RateLimiter;
  rateLimit: number;
  resolveToken(token: string): Identity | null;
  /** Lets the world catch up with its clock before any request reads it. */
  beforeRequest(): void;
  now(): Date;
  verbose: boolean;
}

const API_PREFIX = "/api/v3";

export function createRequestListener(deps: PipelineDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(deps, req, res).catch((err: unknown) => {
      console.error("[sim] request failed", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Server Error" }));
    });
  };
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? "/", "http://sim.local");
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
  const requestId = newRequestId();
  const found = deps.router.match(method, path);
  const isApi = path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
  const kind = found && "match" in found ? found.match.kind : isApi ? "api" : "public";

  const sim: SimRequest = {
    method,
    path,
    query: url.searchParams,
    headers: req.headers,
    rawBody: Buffer.alloc(0),
    body: undefined,
    params: found && "match" in found ? found.match.params : {},
    caller: null,
    token: null,
    requestId,
  };
  let fault: Fault | null = null;
  let rate: RateLimitState | null = null;

  const finish = (response: SimResponse) => {
    send(res, method, response, { requestId, api: kind === "api", rate });
    // The log is what the app asked of GitHub and OAuth; the tests' own control calls stay out.
    if (kind === "control") return;
    const entry = deps.callLog.record({
      time: deps.now().toISOString(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      status: response.status,
      login: sim.caller?.login ?? null,
      ifNoneMatch: req.headers["if-none-match"] !== undefined,
      fault: fault?.kind ?? null,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
    if (deps.verbose)
      console.error(`[sim] ${entry.method} ${req.url} → ${entry.status} (${entry.durationMs} ms)`);
  };

  if (kind === "api" || kind === "public") {
    const token = bearerToken(req.headers.authorization);
    sim.token = token;
    sim.caller = token ? deps.resolveToken(token) : null;
    fault = deps.faults.take(method, path);
    if (fault?.kind === "drop") {
      deps.callLog.record(dropEntry(deps, method, path, url, sim));
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "hang") await hang(res, fault.seconds);
    if (res.destroyed) return;
    if (fault && fault.kind !== "hang") {
      return finish(
        faultResponse(fault, { requestId, userId: sim.caller?.id ?? null, limit: deps.rateLimit }),
      );
    }
  }

  sim.rawBody = await readBody(req);
  sim.body = parseBody(sim.rawBody, req.headers["content-type"]);

  if (kind === "api") {
    if (!sim.token || !sim.caller) return finish(badCredentials());
    rate = deps.rateLimiter.spend(sim.token);
    if (!rate) {
      rate = deps.rateLimiter.peek(sim.token);
      return finish(
        githubError(403, `API rate limit exceeded for user ID ${sim.caller.id}.`, {
          docs: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        }),
      );
    }
    if (sim.rawBody.length > 0 && sim.body === undefined && method !== "GET") {
      return finish(githubError(400, "Problems parsing JSON"));
    }
  }

  if (!found || !("match" in found)) return finish(isApi ? notFound() : { status: 404, text: "Not Found" });

  deps.beforeRequest();
  let response = await found.match.handler(sim);

  if (
    kind === "api" &&
    (method === "GET" || method === "HEAD") &&
    response.status === 200 &&
    (response.json !== undefined || response.raw !== undefined)
  ) {
    // Encoded once: the same bytes are hashed for the ETag and sent (pages can be ~1 MB, and
    // hashing a JS string is several times slower than hashing its buffer).
    const raw = response.raw ?? Buffer.from(JSON.stringify(response.json));
    const etag = computeEtag(sim.token, raw);
    response = {
      status: response.status,
      raw,
      headers: { ...response.headers, "content-type": "application/json; charset=utf-8", etag },
    };
    if (etagMatches(req.headers["if-none-match"], etag)) {
      // A conditional hit is free on GitHub, so the unit spent above is given back.
      deps.rateLimiter.refund(sim.token as string);
      rate = deps.rateLimiter.peek(sim.token as string);
      response = { status: 304, headers: { etag } };
    }
  }
  finish(response);
}

function send(
  res: ServerResponse,
  method: string,
  r: SimResponse,
  ctx: { requestId: string; api: boolean; rate: RateLimitState | null },
): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { "x-github-request-id": ctx.requestId };
  let body: string | Buffer | undefined;
  if (r.raw !== undefined) {
    body = r.raw;
  } else if (r.json !== undefined) {
    body = JSON.stringify(r.json);
    headers["content-type"] = "application/json; charset=utf-8";
  } else if (r.text !== undefined) {
    body = r.text;
    headers["content-type"] = "text/plain; charset=utf-8";
  }
  if (ctx.api) {
    headers["x-github-api-version-selected"] = "2022-11-28";
    headers["x-github-media-type"] = "github.v3; format=json";
    headers["vary"] = "Accept, Authorization, Cookie, X-GitHub-OTP";
    if (method === "GET") headers["cache-control"] = "private, max-age=60, s-maxage=60";
    if (ctx.rate) Object.assign(headers, rateLimitHeaders(ctx.rate));
  }
  Object.assign(headers, r.headers);
  if (body !== undefined && r.status !== 204 && r.status !== 304) {
    headers["content-length"] = String(Buffer.byteLength(body));
  } else {
    body = undefined;
  }
  res.writeHead(r.status, headers);
  res.end(method === "HEAD" ? undefined : body);
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  return m?.[1] ?? null;
}

function hang(res: ServerResponse, seconds: number | null): Promise<void> {
  return new Promise((resolve) => {
    const timer = seconds === null ? null : setTimeout(resolve, seconds * 1000);
    res.once("close", () => {
      if (timer) clearTimeout(timer);
      resolve();
    });
  });
}

function dropEntry(deps: PipelineDeps, method: string, path: string, url: URL, sim: SimRequest) {
  return {
    time: deps.now().toISOString(),
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    login: sim.caller?.login ?? null,
    ifNoneMatch: sim.headers["if-none-match"] !== undefined,
    fault: "drop",
    durationMs: 0,
  };
}

function newRequestId(): string {
  const hex = randomBytes(10).toString("hex").toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}`;
}
