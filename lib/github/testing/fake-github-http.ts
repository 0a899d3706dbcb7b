import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * GitHub's HTTP behaviour in miniature for unit tests of the gateway (the gateway itself is never
 * faked): JSON resources with per-token ETags and 304s, plus scripted one-off answers. It records
 * every request it receives, so tests assert on what the gateway actually sent.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** 0 when the request was left hanging. */
  status: number;
}

export type ScriptedAnswer = { status: number; headers?: Record<string, string>; body?: unknown } | "hang";

export interface FakeGitHub {
  url: string;
  /** GET path → JSON body, answered with an ETag (per token and body) and 304 on a match. */
  resources: Map<string, unknown>;
  requests: RecordedRequest[];
  /** Answers taken in order by the next matching requests, before `resources`. */
  script(method: string, path: string, ...answers: ScriptedAnswer[]): void;
  delayMs: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const scripted: { method: string; path: string; answer: ScriptedAnswer }[] = [];
  const fake: FakeGitHub = {
    url: "",
    resources: new Map(),
    requests: [],
    delayMs: 0,
    script(method, path, ...answers) {
      for (const answer of answers) scripted.push({ method, path, answer });
    },
    reset() {
      fake.resources.clear();
      fake.requests.length = 0;
      fake.delayMs = 0;
      scripted.length = 0;
    },
    close: () => Promise.resolve(),
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      const raw = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method,
        path,
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as unknown) : undefined,
        status: 0,
      };
      fake.requests.push(recorded);
      const answer = (status: number, headers: Record<string, string> = {}, body?: unknown) => {
        recorded.status = status;
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
        res.end(body === undefined || status === 304 ? undefined : JSON.stringify(body));
      };
      setTimeout(() => {
        const index = scripted.findIndex((s) => s.method === method && s.path === path);
        if (index >= 0) {
          const next = scripted.splice(index, 1)[0]?.answer;
          if (next === "hang" || next === undefined) return;
          return answer(next.status, next.headers, next.body);
        }
        const resource = method === "GET" ? fake.resources.get(path) : undefined;
        if (resource === undefined) return answer(404, {}, { message: "Not Found" });
        const json = JSON.stringify(resource);
        const etag = `W/"${createHash("sha256")
          .update(req.headers.authorization ?? "")
          .update(json)
          .digest("hex")
          .slice(0, 32)}"`;
        if (req.headers["if-none-match"] === etag) return answer(304, { etag });
        answer(200, { etag }, resource);
      }, fake.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return fake;
}

export const silentLog = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
