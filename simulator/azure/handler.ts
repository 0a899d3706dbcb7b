import type { IncomingMessage, ServerResponse } from "node:http";
import { ANSWERS, MissingParameterError, type ResultTable } from "./answers";
import { onAppClock, readsAppClock } from "./app-clock";
import {
  authorizationRequired,
  badBody,
  partialError,
  pathNotFound,
  semanticError,
  serviceUnavailable,
  syntaxError,
  throttled,
  type AzureErrorInfo,
  type AzureErrorResponse,
} from "./azure-errors";
import { parseQuery, parseRequestTimespan } from "./kql-request";
import type { Environment } from "./rows";
import type { TelemetrySource } from "./types";
import { environmentOfWorkspace } from "./workspaces";

/** Faults a test or the demo can switch on for a query, on top of the TelemetrySource's timeline. */
export type AzureFault = "partial" | "throttled" | "unavailable";

export interface AzureHandlerOptions {
  fault?: (query: { environment: Environment; queryName: string }) => AzureFault | null;
  /**
   * The wall clock the querying app reads (`Date.now` for the simulator process: the app runs beside
   * it). Unset: the app reads the source's own clock, as in tests that drive both from one fake
   * clock. See `app-clock.ts` for which queries are mapped from it onto the world clock.
   */
  wallClock?: () => number;
}

const QUERY_PATH = /^\/v1\/workspaces\/([^/]+)\/query\/?$/;
const MAX_BODY_BYTES = 1_000_000;

/**
 * The Azure Monitor Logs query API (`POST /v1/workspaces/{id}/query`) answering Release Desk's named
 * queries from synthetic telemetry. Mount it on an HTTPS server: the SDK refuses to send a bearer
 * token over http.
 */
export function createAzureHandler(
  source: TelemetrySource,
  options: AzureHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(source, options, req).then(
      (answer) => send(res, answer.status, answer.body, answer.headers),
      (error: unknown) =>
        send(res, 500, {
          error: {
            code: "InternalServerError",
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    );
  };
}

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

async function handle(
  source: TelemetrySource,
  options: AzureHandlerOptions,
  req: IncomingMessage,
): Promise<Reply> {
  const path = new URL(req.url ?? "/", "https://localhost").pathname;
  const match = QUERY_PATH.exec(path);
  if (!match || req.method !== "POST") return drain(req, pathNotFound());
  if (!/^Bearer\s+\S+/i.test(req.headers.authorization ?? "")) return drain(req, authorizationRequired());

  const environment = environmentOfWorkspace(decodeURIComponent(match[1]!));
  if (!environment) return drain(req, pathNotFound());

  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    return badBody(error instanceof Error ? error.message : "The request body is not valid JSON");
  }
  const { query, timespan } = (body ?? {}) as { query?: unknown; timespan?: unknown };
  if (typeof query !== "string" || query.trim() === "")
    return badBody("The request body must contain a query");

  const worldNow = source.now();
  let now = worldNow;
  let telemetry = source;
  let parsed = parseQuery(query, now);
  if (options.wallClock && readsAppClock(parsed.lets)) {
    now = new Date(options.wallClock());
    telemetry = onAppClock(source, worldNow.getTime() - now.getTime());
    // A `now()` in the text is the app's now as well.
    parsed = parseQuery(query, now);
  }
  const answer = parsed.name === null ? undefined : ANSWERS[parsed.name];
  if (!answer) {
    return syntaxError(
      parsed.name === null
        ? "Query could not be parsed: the simulator answers only named queries that start with '// query: <name>'"
        : `Query could not be parsed: unknown query '${parsed.name}' (known: ${Object.keys(ANSWERS).join(", ")})`,
    );
  }

  const fault = options.fault?.({ environment, queryName: parsed.name! }) ?? null;
  if (fault === "throttled") return throttled();
  if (fault === "unavailable") return serviceUnavailable();

  let table: ResultTable;
  try {
    table = answer({
      source: telemetry,
      environment,
      lets: parsed.lets,
      timespan: parseRequestTimespan(timespan, now),
    });
  } catch (error) {
    if (error instanceof MissingParameterError) return semanticError(error.message);
    throw error;
  }
  if (fault === "partial") {
    const partial: { tables: ResultTable[]; error: AzureErrorInfo } = {
      tables: [{ ...table, rows: table.rows.slice(0, Math.floor(table.rows.length / 2)) }],
      error: partialError(),
    };
    return { status: 200, body: partial };
  }
  return { status: 200, body: { tables: [table] } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("The request body is too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Answers without reading the body: the request is refused whatever it contains. */
function drain(req: IncomingMessage, reply: AzureErrorResponse): AzureErrorResponse {
  req.resume();
  return reply;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
