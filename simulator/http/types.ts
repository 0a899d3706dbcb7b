import type { IncomingHttpHeaders } from "node:http";
import type { Identity } from "../identities";

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Parsed JSON or form body; `undefined` when empty or unparsable. */
  body: unknown;
  params: Record<string, string>;
  /** The authenticated caller of an API route (null elsewhere). */
  caller: Identity | null;
  token: string | null;
  requestId: string;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON. */
  json?: unknown;
  /** Sent as is (HTML, SVG, urlencoded). */
  text?: string;
  /** Already-encoded body (set by the pipeline after computing the ETag). */
  raw?: Buffer;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/** `api` routes need a token and carry rate-limit and ETag headers; `public` and `control` do not. */
export type RouteKind = "api" | "public" | "control";
