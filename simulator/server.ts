import { createServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { registerAvatarRoutes } from "./avatars";
import { createAzureHandler, type AzureFault } from "./azure/handler";
import { ensureCertificate } from "./azure/certificate";
import type { TelemetrySource } from "./azure/types";
import { AzureFaultTable } from "./control/azure-faults";
import { registerControlRoutes } from "./control/routes";
import { registerCommitRoutes } from "./github/commits";
import { registerDeploymentRoutes } from "./github/deployments";
import { registerEnvironmentRoutes } from "./github/environments";
import { registerPullRoutes } from "./github/pulls";
import { registerRepoRoutes } from "./github/repos";
import { registerRunRoutes } from "./github/runs";
import { registerUserRoutes } from "./github/users";
import { registerWorkflowRoutes } from "./github/workflows";
import { CallLog } from "./http/call-log";
import { FaultTable } from "./http/faults";
import { createRequestListener } from "./http/pipeline";
import { RateLimiter } from "./http/rate-limit";
import { Router } from "./http/router";
import { accessToken } from "./oauth/access-token";
import { authorizePage, authorizeSubmit } from "./oauth/authorize";
import { TokenStore } from "./oauth/token-store";
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from "./options";
import { makeUrls, type Urls } from "./urls";
import { WebhookDispatcher } from "./webhooks/dispatcher";
import { World } from "./world/world";

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:4010` (OAuth, avatars, `/_sim`). */
  url: string;
  /** e.g. `http://127.0.0.1:4010/api/v3` (Octokit `baseUrl`). */
  apiUrl: string;
  /** Azure Logs endpoint for `LogsQueryClient` (`https://127.0.0.1:4011/v1`). */
  tlsUrl?: string;
  certPath?: string;
  /** The current world (replaced by `/_sim/reset`). */
  readonly world: World;
  readonly webhooks: WebhookDispatcher;
  close(): Promise<void>;
}

/** Shared mutable state of one simulator process; handlers read `world` at request time. */
export interface Simulation {
  options: ResolvedOptions;
  urls: Urls;
  world: World;
  tokens: TokenStore;
  callLog: CallLog;
  faults: FaultTable;
  azureFaults: AzureFaultTable;
  rateLimiter: RateLimiter;
  webhooks: WebhookDispatcher;
  reset(): void;
}

export async function startSimulator(input: SimulatorOptions = {}): Promise<RunningSimulator> {
  const options = resolveOptions(input);
  const router = new Router();
  const server = createServer();
  server.keepAliveTimeout = 5000;
  await listen(server, options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  const url = options.publicUrl ?? `http://${options.host}:${port}`;
  const urls = makeUrls(url);
  const webhooks = new WebhookDispatcher(
    options.webhookUrl && options.webhookSecret
      ? { url: options.webhookUrl, secret: options.webhookSecret }
      : null,
    urls,
  );

  const makeWorld = () => {
    // Without a fixed start, a reset starts the clock at the real "now" again, so the world never
    // travels back in time under an app that has been running.
    const start = options.start ?? new Date(Math.floor(Date.now() / 1000) * 1000);
    const world = new World({
      seed: options.seed,
      speed: options.speed,
      scale: options.scale,
      start,
      repo: options.repo,
      productionApproval: options.productionApproval,
    });
    webhooks.attach(world);
    return world;
  };

  const sim: Simulation = {
    options,
    urls,
    world: makeWorld(),
    tokens: new TokenStore(options.serverToken, { userTokenTtlSeconds: options.userTokenTtlSeconds }),
    callLog: new CallLog(),
    faults: new FaultTable(),
    azureFaults: new AzureFaultTable(),
    rateLimiter: new RateLimiter(options.rateLimit),
    webhooks,
    reset() {
      sim.world = makeWorld();
      sim.callLog.clear();
      sim.faults.clear();
      sim.azureFaults.clear();
      sim.rateLimiter.clear();
    },
  };

  registerRoutes(router, sim);
  server.on(
    "request",
    createRequestListener({
      router,
      callLog: sim.callLog,
      faults: sim.faults,
      rateLimiter: sim.rateLimiter,
      rateLimit: options.rateLimit,
      resolveToken: (t) => sim.tokens.resolve(t),
      beforeRequest: () => sim.world.tick(),
      now: () => sim.world.now(),
      verbose: options.verbose,
    }),
  );

  const timer = options.tickMs > 0 ? setInterval(() => sim.world.tick(), options.tickMs) : null;
  timer?.unref();

  const tls =
    options.tlsPort === null ? null : await startAzure(sim, options.tlsPort, options.host, options.certDir);

  return {
    url,
    apiUrl: urls.api,
    tlsUrl: tls?.url,
    certPath: tls?.certPath,
    get world() {
      return sim.world;
    },
    webhooks,
    async close() {
      if (timer) clearInterval(timer);
      const draining = webhooks.stop();
      await Promise.all([closeServer(server), tls ? closeServer(tls.server) : Promise.resolve(), draining]);
    },
  };
}

/** The Azure Monitor Logs fake on HTTPS, reading telemetry from whichever world is current. */
async function startAzure(sim: Simulation, port: number, host: string, certDir: string) {
  const cert = ensureCertificate(certDir);
  const source: TelemetrySource = {
    now: () => sim.world.now(),
    deployments: () => sim.world.telemetry().deployments(),
  };
  const handler = createAzureHandler(source, {
    fault: (q): AzureFault | null => sim.azureFaults.take(q.environment, q.queryName),
    // The app asks about its own wall-clock minutes; the world clock runs ahead (advance, SIM_SPEED).
    wallClock: Date.now,
  });
  const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    sim.world.tick();
    handler(req, res);
  });
  await listen(server, port, host);
  const actual = (server.address() as AddressInfo).port;
  return { server, url: `https://${host}:${actual}/v1`, certPath: cert.certPath };
}

function registerRoutes(router: Router, sim: Simulation): void {
  const { options } = sim;
  const oauthDeps = {
    clientId: options.oauthClientId,
    clientSecret: options.oauthClientSecret,
    tokens: sim.tokens,
  };
  router.add("public", "GET", "/login/oauth/authorize", authorizePage(oauthDeps));
  router.add("public", "POST", "/login/oauth/authorize", authorizeSubmit(oauthDeps));
  router.add("public", "POST", "/login/oauth/access_token", accessToken(oauthDeps));
  registerAvatarRoutes(router);
  registerUserRoutes(router, { urls: sim.urls, owner: options.repo.split("/")[0] ?? "acme" });
  registerRepoRoutes(router, sim);
  registerWorkflowRoutes(router, sim);
  registerRunRoutes(router, sim);
  registerEnvironmentRoutes(router, sim);
  registerPullRoutes(router, sim);
  registerCommitRoutes(router, sim);
  registerDeploymentRoutes(router, sim);
  registerControlRoutes(router, sim);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Hung requests (fault injection) and keep-alive sockets would otherwise hold close() open.
    server.closeAllConnections();
  });
}
