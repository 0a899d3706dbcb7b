import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sign } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/database";
import type { ReadCache } from "@/lib/github/read-cache";
import type { LiveChange } from "@/lib/live/live-change";

// GitHub's published test vector (docs: "Validating webhook deliveries").
const VECTOR_SECRET = "It's a Secret to Everybody";
const VECTOR_BODY = "Hello, World!";
const VECTOR_SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

// Two secrets, as during a rotation; deliveries below are signed with the second (the new one).
const OLD_SECRET = "the-secret-being-retired";
const SECRET = "the-new-webhook-secret";

const dataDir = mkdtempSync(join(tmpdir(), "release-desk-webhooks-"));
process.env.DATA_DIR = dataDir;
process.env.GITHUB_REPOSITORY = "acme/shop";
process.env.GITHUB_CLIENT_ID = "client";
process.env.GITHUB_CLIENT_SECRET = "client-secret";
process.env.GITHUB_TOKEN = "server-token";
process.env.GITHUB_API_URL = "http://127.0.0.1:9/api/v3";
process.env.GITHUB_WEBHOOK_SECRET = `${OLD_SECRET}, ${SECRET}`;
delete process.env.DATABASE_URL;
delete process.env.GITHUB_WEBHOOK_MAX_BYTES;

type Handler = (request: Request, context: unknown) => Promise<Response>;
let POST: Handler;
let db: Database;
let cache: ReadCache;
let subscribe: (listener: (change: LiveChange) => void) => () => void;

interface Example {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = createRequire(import.meta.url)(
  "@octokit/webhooks-examples/api.github.com/index.json",
) as Example[];

function examplesOf(event: string): Record<string, unknown>[] {
  const found = examples.find((e) => e.name === event)?.examples ?? [];
  if (found.length === 0) throw new Error(`no example payload for ${event}`);
  return found;
}

function repoOf(payload: Record<string, unknown>): { owner: string; repo: string } {
  // Organisation-level pings carry no repository.
  const repository = payload.repository as { name: string; owner: { login: string } } | undefined;
  return repository
    ? { owner: repository.owner.login, repo: repository.name }
    : { owner: "acme", repo: "shop" };
}

async function delivery(
  event: string,
  body: string,
  options: { signature?: string | null; id?: string; headers?: Record<string, string> } = {},
): Promise<Request> {
  const signature = options.signature === undefined ? await sign(SECRET, body) : options.signature;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": options.id ?? randomUUID(),
    ...(signature === null ? {} : { "x-hub-signature-256": signature }),
    ...options.headers,
  };
  return new Request("http://app.test/api/webhooks/github", { method: "POST", headers, body });
}

async function send(request: Request): Promise<Response> {
  return POST(request, { params: Promise.resolve({}) });
}

async function rowsFor(deliveryId: string) {
  return db.prisma.webhookDelivery.findMany({ where: { deliveryId } });
}

async function waitProcessed(deliveryId: string) {
  await vi.waitFor(
    async () => {
      const [row] = await rowsFor(deliveryId);
      expect(row?.status).toBe("processed");
    },
    { timeout: 5_000, interval: 20 },
  );
}

const ROUTES = {
  runs: "GET /repos/{owner}/{repo}/actions/runs",
  runJobs: "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs",
  deployments: "GET /repos/{owner}/{repo}/deployments",
  statuses: "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
  environments: "GET /repos/{owner}/{repo}/environments",
  pulls: "GET /repos/{owner}/{repo}/pulls",
  compare: "GET /repos/{owner}/{repo}/compare/{basehead}",
  commits: "GET /repos/{owner}/{repo}/commits",
  contents: "GET /repos/{owner}/{repo}/contents/{path}",
} as const;
type RouteName = keyof typeof ROUTES;

/** Fills the cache with one fresh entry per route for `target` (GitHub "answers" with an ETag). */
async function seedCache(target: { owner: string; repo: string }) {
  cache.clear();
  for (const route of Object.values(ROUTES)) {
    await cache.get({ identity: "server", route, params: target }, async () => ({
      status: "modified" as const,
      value: route,
      etag: `"${route}"`,
    }));
  }
}

/** Reads every seeded entry again and returns the routes the cache had to revalidate with GitHub. */
async function revalidatedRoutes(target: { owner: string; repo: string }): Promise<RouteName[]> {
  const asked: RouteName[] = [];
  for (const [name, route] of Object.entries(ROUTES) as [RouteName, string][]) {
    await cache.get({ identity: "server", route, params: target }, async (etag) => {
      expect(etag).toBe(`"${route}"`);
      asked.push(name);
      return { status: "not-modified" as const };
    });
  }
  return asked.sort();
}

const EXPECTED: Record<string, { routes: RouteName[]; topics: string[] }> = {
  workflow_run: { routes: ["runJobs", "runs"], topics: ["runs"] },
  workflow_job: { routes: ["runJobs", "runs"], topics: ["runs"] },
  deployment: { routes: ["deployments", "environments", "statuses"], topics: ["deployments"] },
  deployment_status: { routes: ["deployments", "environments", "statuses"], topics: ["deployments"] },
  deployment_review: {
    routes: ["deployments", "environments", "runJobs", "runs", "statuses"],
    topics: ["deployments", "runs"],
  },
  pull_request: { routes: ["commits", "compare", "pulls"], topics: ["pulls"] },
  push: { routes: ["commits", "compare", "pulls"], topics: ["pulls"] },
  ping: { routes: [], topics: [] },
};

beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/github/route"));
  db = await (await import("@/lib/db/client")).getDatabase();
  cache = (await import("@/lib/github/read-cache")).getSharedReadCache();
  subscribe = (await import("@/lib/live/bus")).subscribeLiveChanges;
});

afterAll(async () => {
  await db?.driver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("webhook signatures", () => {
  it("GitHub's published test vector verifies", async () => {
    const { verifySignature } = await import("@/lib/webhooks/verify-signature");
    expect(await verifySignature([VECTOR_SECRET], VECTOR_BODY, VECTOR_SIGNATURE)).toBe(true);
    expect(await verifySignature(["another secret", VECTOR_SECRET], VECTOR_BODY, VECTOR_SIGNATURE)).toBe(
      true,
    );
    expect(await verifySignature([VECTOR_SECRET], `${VECTOR_BODY} `, VECTOR_SIGNATURE)).toBe(false);
  });

  const payload = JSON.stringify(examplesOf("workflow_run")[0]);
  const sha1 = `sha1=${createHmac("sha1", SECRET).update(payload).digest("hex")}`;
  const cases: [string, () => Promise<Request>][] = [
    ["a missing signature", () => delivery("workflow_run", payload, { signature: null })],
    [
      "a signature made with a wrong secret",
      async () => delivery("workflow_run", payload, { signature: await sign("wrong secret", payload) }),
    ],
    [
      "only a sha1 signature",
      () => delivery("workflow_run", payload, { signature: null, headers: { "x-hub-signature": sha1 } }),
    ],
    ["a sha1 signature in the sha256 header", () => delivery("workflow_run", payload, { signature: sha1 })],
    [
      "a signature over a different body",
      async () => delivery("workflow_run", payload, { signature: await sign(SECRET, `${payload}\n`) }),
    ],
  ];
  it.each(cases)("refuses %s with 401 and records nothing", async (_name, make) => {
    const target = repoOf(examplesOf("workflow_run")[0] ?? {});
    await seedCache(target);
    const request = await make();
    const id = request.headers.get("x-github-delivery") ?? "";
    const response = await send(request);
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(await rowsFor(id)).toEqual([]);
    expect(await revalidatedRoutes(target)).toEqual([]);
  });

  it("accepts a delivery signed with the older of two rotating secrets", async () => {
    const body = JSON.stringify(examplesOf("ping")[0]);
    const request = await delivery("ping", body, { signature: await sign(OLD_SECRET, body) });
    expect((await send(request)).status).toBe(202);
  });
});

describe("accepted events, with GitHub's own example payloads", () => {
  for (const event of Object.keys(EXPECTED)) {
    it(`${event}: answered 2xx, recorded, its cached reads revalidated and browsers told`, async () => {
      const expected = EXPECTED[event] ?? { routes: [], topics: [] };
      for (const example of examplesOf(event)) {
        const target = repoOf(example);
        await seedCache(target);
        const told: LiveChange[] = [];
        const unsubscribe = subscribe((change) => told.push(change));
        const request = await delivery(event, JSON.stringify(example));
        const id = request.headers.get("x-github-delivery") ?? "";
        try {
          const response = await send(request);
          expect(response.status).toBe(202);
          await waitProcessed(id);
        } finally {
          unsubscribe();
        }
        const [row] = await rowsFor(id);
        expect(row).toMatchObject({ event, action: (example.action as string | undefined) ?? null });
        expect(await revalidatedRoutes(target)).toEqual(expected.routes);
        expect(told.map((c) => c.topic).sort()).toEqual(expected.topics);
      }
    });
  }

  it("acknowledges events it does not use with 202 and does nothing", async () => {
    const body = JSON.stringify(examplesOf("issues")[0]);
    const request = await delivery("issues", body);
    const id = request.headers.get("x-github-delivery") ?? "";
    const response = await send(request);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "ignored" });
    expect(await rowsFor(id)).toEqual([]);
  });
});

describe("deliveries", () => {
  it("processes the same delivery id sent 10 times at once exactly once", async () => {
    const example = examplesOf("workflow_run")[0] ?? {};
    const body = JSON.stringify(example);
    const id = randomUUID();
    const told: LiveChange[] = [];
    const unsubscribe = subscribe((change) => told.push(change));
    try {
      const requests = await Promise.all(
        Array.from({ length: 10 }, () => delivery("workflow_run", body, { id })),
      );
      const responses = await Promise.all(requests.map(send));
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
      await waitProcessed(id);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      unsubscribe();
    }
    expect(told).toHaveLength(1);
    expect(await rowsFor(id)).toHaveLength(1);

    // A later redelivery of a processed one is acknowledged, not processed again.
    const again = await send(await delivery("workflow_run", body, { id }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: "duplicate" });
  });

  it("processes a redelivery of one whose processing failed", async () => {
    const body = JSON.stringify(examplesOf("deployment")[0]);
    const id = randomUUID();
    await db.prisma.webhookDelivery.create({
      data: { deliveryId: id, event: "deployment", action: "created", status: "failed", error: "boom" },
    });
    const response = await send(await delivery("deployment", body, { id }));
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: "accepted", redelivery: true });
    await waitProcessed(id);
    expect((await rowsFor(id))[0]?.error).toBeNull();
  });

  it("refuses a body over 1 MiB with 413 before reading it, by Content-Length", async () => {
    const body = `{"zen":"${"x".repeat(1024 * 1024)}"}`;
    const request = await delivery("ping", body);
    const id = request.headers.get("x-github-delivery") ?? "";
    const response = await send(request);
    expect(response.status).toBe(413);
    expect(await rowsFor(id)).toEqual([]);
  });

  it("refuses an oversized streamed body (no Content-Length) with 413, reading no further", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        // Endless: the receiver must stop on its own.
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://app.test/api/webhooks/github", {
      method: "POST",
      headers: {
        "x-github-event": "ping",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": "sha256=00",
      },
      body: stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(request.headers.get("content-length")).toBeNull();
    const response = await send(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });
});
