import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TokenCredential } from "@azure/core-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAzureCredential } from "@/lib/azure/credential";
import { createHealthService, type HealthServiceOptions } from "@/lib/azure/health-service";
import { DEFAULT_HEALTH_THRESHOLDS } from "@/lib/azure/thresholds";
import { ensureCertificate } from "@/simulator/azure/certificate";
import { createAzureHandler, type AzureFault } from "@/simulator/azure/handler";
import type { TelemetryDeployment, TelemetrySource } from "@/simulator/azure/types";

const WORKSPACES = {
  staging: "11111111-1111-4111-8111-111111111111",
  production: "22222222-2222-4222-8222-222222222222",
};

const at = (time: string) => new Date(`2026-03-02T${time}:00.000Z`);
const T = at("10:00"); // the degraded deploy
const T2 = at("11:00"); // the rollback

const deployments: TelemetryDeployment[] = [
  {
    environment: "production",
    sha: "aaa1111",
    namespace: "shop",
    startedAt: at("06:00"),
    endedAt: T,
    degraded: false,
  },
  { environment: "production", sha: "bbb2222", namespace: "shop", startedAt: T, endedAt: T2, degraded: true },
  {
    environment: "production",
    sha: "aaa1111",
    namespace: "shop",
    startedAt: T2,
    endedAt: null,
    degraded: false,
  },
  {
    environment: "staging",
    sha: "ccc3333",
    namespace: "staging-ccc3333",
    startedAt: at("09:00"),
    endedAt: null,
    degraded: false,
  },
];

let clock = at("09:50");
const source: TelemetrySource = { now: () => clock, deployments: () => deployments };

let fault: AzureFault | null = null;
const seen: { path: string; query: string }[] = [];
const handle = createAzureHandler(source, { fault: () => fault });

let dir: string;
let cert: string;
let server: Server;
let silent: Server;
let endpoint: string;
let silentEndpoint: string;

function listen(s: Server): Promise<string> {
  return new Promise((resolve) =>
    s.listen(0, "127.0.0.1", () => resolve(`https://127.0.0.1:${(s.address() as AddressInfo).port}/v1`)),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "azure-sim-"));
  const tls = ensureCertificate(dir);
  cert = tls.cert;
  server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => seen.push({ path: req.url ?? "", query: body }));
    handle(req, res);
  });
  // Accepts the connection and never answers: what a hung Log Analytics looks like.
  silent = createServer({ key: tls.key, cert: tls.cert }, () => undefined);
  [endpoint, silentEndpoint] = await Promise.all([listen(server), listen(silent)]);
});

afterAll(async () => {
  silent.closeAllConnections();
  await Promise.all([server, silent].map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

const simulatorToken = createAzureCredential({ kind: "static", token: "sim-server-token" });

function service(
  overrides: Partial<HealthServiceOptions> & { credential?: TokenCredential; endpoint?: string } = {},
) {
  return createHealthService({
    credential: simulatorToken,
    endpoint,
    // Trust the simulator's self-signed certificate for this client only (core-rest-pipeline's
    // tlsOptions), instead of NODE_EXTRA_CA_CERTS, which Node reads only at start-up.
    trustedCaPem: cert,
    maxRetries: 0,
    workspaces: WORKSPACES,
    thresholds: DEFAULT_HEALTH_THRESHOLDS,
    timeoutMs: 5_000,
    // Nothing kept between reads: the clock moves between them.
    ttlMs: 0,
    now: () => clock,
    ...overrides,
  });
}

describe("App Insights health through the real LogsQueryClient over HTTPS", () => {
  it("reports staging healthy while its deployment is active", async () => {
    clock = at("09:50");
    const health = await service().getEnvironmentHealth("staging", 30);
    expect(health.kind).toBe("ok");
    if (health.kind !== "ok") return;
    expect(health.verdict).toBe("healthy");
    expect(health.reasons).toEqual([]);
    expect(health.services.map((s) => [s.service, s.verdict])).toEqual([
      ["frontend", "healthy"],
      ["product_service", "healthy"],
      ["order_service", "healthy"],
      ["customer_service", "healthy"],
    ]);
    expect(health.series.kind === "ok" && health.series.value.services).toHaveLength(4);
    expect(health.availability.every((a) => a.availabilityPct === 100)).toBe(true);
  });

  it("reports staging as no data before any staging deployment", async () => {
    clock = at("08:30");
    const health = await service().getEnvironmentHealth("staging", 30);
    expect(health.kind === "ok" && health.verdict).toBe("no_data");
  });

  it("reports production unhealthy after the degraded deploy, naming order_service's failure rate", async () => {
    clock = at("10:50");
    const health = await service().getEnvironmentHealth("production", 30);
    expect(health.kind).toBe("ok");
    if (health.kind !== "ok") return;
    expect(health.verdict).toBe("unhealthy");
    const order = health.services.find((s) => s.service === "order_service")!;
    expect(order.verdict).toBe("unhealthy");
    expect(order.reasons[0]).toMatch(/^order_service failure rate \d+\.\d+% > 5%$/);
    expect(order.figures!.failurePct).toBeGreaterThan(5);
    expect(health.reasons).toContain(order.reasons[0]);
    expect(order.reasons).toContainEqual(expect.stringMatching(/^order_service p95 \d+ ms > 1000 ms$/));
    expect(order.reasons).toContainEqual(expect.stringMatching(/^order_service availability [\d.]+% < 99%$/));

    expect(health.exceptions.kind).toBe("ok");
    if (health.exceptions.kind === "ok") {
      const orderExceptions = health.exceptions.value.find((e) => e.service === "order_service")!;
      expect(orderExceptions.top.map((e) => e.type)).toContain("pika.exceptions.AMQPConnectionError");
    }
    expect(health.dependencies.kind).toBe("ok");
    if (health.dependencies.kind === "ok") {
      const rabbit = health.dependencies.value.find(
        (d) => d.service === "order_service" && d.kind === "rabbitmq",
      )!;
      expect(rabbit.failurePct).toBeGreaterThan(10);
      expect(health.dependencies.value.some((d) => d.kind === "blob")).toBe(true);
    }
  });

  it("reports production healthy again after the rollback", async () => {
    clock = at("11:45");
    const health = await service().getEnvironmentHealth("production", 30);
    expect(health.kind === "ok" && [health.verdict, health.reasons]).toEqual(["healthy", []]);
  });

  it("flags the threshold crossings of the degraded deploy and of the rollback", async () => {
    clock = at("11:45");
    const degraded = await service().getDeployComparison("production", T, 30);
    expect(degraded.kind).toBe("ok");
    if (degraded.kind !== "ok") return;
    expect(degraded.afterWindowComplete).toBe(true);
    expect(degraded.before.verdict).toBe("healthy");
    expect(degraded.after.verdict).toBe("unhealthy");
    expect(degraded.crossings).toContainEqual(
      expect.objectContaining({
        service: "order_service",
        metric: "failurePct",
        level: "crit",
        direction: "worse",
      }),
    );
    expect(degraded.crossings).toContainEqual(
      expect.objectContaining({
        service: "order_service",
        metric: "p95Ms",
        level: "crit",
        direction: "worse",
      }),
    );
    expect(
      degraded.crossings.find((c) => c.metric === "failurePct" && c.service === "order_service")!.text,
    ).toMatch(/^order_service failure rate rose from \d+\.\d+% to \d+\.\d+%, above the crit limit of 5%$/);

    const rollback = await service().getDeployComparison("production", T2, 30);
    expect(rollback.kind === "ok" && [rollback.before.verdict, rollback.after.verdict]).toEqual([
      "unhealthy",
      "healthy",
    ]);
    expect(rollback.kind === "ok" && rollback.crossings).toContainEqual(
      expect.objectContaining({ service: "order_service", metric: "failurePct", direction: "better" }),
    );
  });

  it("sends one set of queries for many concurrent readers", async () => {
    clock = at("09:50");
    seen.length = 0;
    const shared = service({ ttlMs: 30_000 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => shared.getEnvironmentHealth("production", 60)),
    );
    expect(new Set(answers).size).toBe(1);
    await shared.getEnvironmentHealth("production", 60);
    expect(
      seen
        .map((s) => /^\/\/ query: ([\w-]+)/.exec((JSON.parse(s.query) as { query: string }).query)?.[1])
        .sort(),
    ).toEqual(["availability", "dependency-failures", "request-series", "service-health", "top-exceptions"]);
    expect(seen.every((s) => s.path === `/v1/workspaces/${WORKSPACES.production}/query`)).toBe(true);
  });

  it("turns a partial result into unknown health, never healthy", async () => {
    clock = at("11:45");
    fault = "partial";
    try {
      const health = await service().getEnvironmentHealth("production", 30);
      expect(health.kind).toBe("unknown");
      expect(health.kind === "unknown" && health.reason).toMatch(
        /^health unknown: service-health returned a partial result \(PartialError: /,
      );
    } finally {
      fault = null;
    }
  });

  it("explains an unknown workspace", async () => {
    const health = await service({
      workspaces: { ...WORKSPACES, staging: "33333333-3333-4333-8333-333333333333" },
    }).getEnvironmentHealth("staging", 30);
    expect(health.kind === "unknown" && health.reason).toMatch(
      /^health unknown: service-health: workspace 33333333-3333-4333-8333-333333333333 was not found \(404 PathNotFoundError: /,
    );
  });

  it("explains a token the API refuses", async () => {
    const empty: TokenCredential = {
      getToken: () => Promise.resolve({ token: " ", expiresOnTimestamp: Date.now() + 60_000 }),
    };
    const health = await service({ credential: empty }).getEnvironmentHealth("production", 30);
    expect(health.kind === "unknown" && health.reason).toMatch(
      /^health unknown: service-health: Log Analytics did not accept the token \(401 AuthorizationRequiredError: /,
    );
  });

  it("gives up after the per-query timeout when the API does not answer", async () => {
    const started = Date.now();
    const health = await service({ endpoint: silentEndpoint, timeoutMs: 300 }).getEnvironmentHealth(
      "production",
      30,
    );
    expect(health.kind === "unknown" && health.reason).toBe(
      "health unknown: service-health: Log Analytics did not answer within 300 ms",
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("refuses a certificate it was not told to trust", async () => {
    const health = await service({ trustedCaPem: undefined }).getEnvironmentHealth("production", 30);
    expect(health.kind === "unknown" && health.reason).toMatch(
      /^health unknown: service-health: could not reach Log Analytics: its certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT: /,
    );
  });
});
