/**
 * Starts the simulator and the app wired to it, as separate processes. Shared by `npm run demo`, the
 * browser tests and the benchmark so that all three run the same thing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export interface StackOptions {
  port: number;
  simPort: number;
  simTlsPort: number;
  dataDir: string;
  /** Host the browser uses; the OAuth callback and cookies are bound to it. */
  host?: string;
  simSeed?: string;
  simScale?: string;
  simSpeed?: string;
  /** Extra variables for the app (the caller's own environment wins over the demo defaults). */
  appEnv?: Record<string, string>;
  simEnv?: Record<string, string>;
  quiet?: boolean;
}

export interface Stack {
  appUrl: string;
  simUrl: string;
  stop: () => Promise<void>;
}

const ROOT = resolve(import.meta.dirname, "..");
const WEBHOOK_SECRET_DEFAULT = "demo-webhook-secret";

/** Environment for the app in simulator mode; anything already set in `process.env` takes precedence. */
export function simulatorAppEnv(o: StackOptions, certPath: string): Record<string, string> {
  const host = o.host ?? "localhost";
  const sim = `http://127.0.0.1:${o.simPort}`;
  const defaults: Record<string, string> = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    RELEASE_DESK_DEMO: "true",
    RELEASE_DESK_SIMULATOR: "true",
    NEXTAUTH_URL: `http://${host}:${o.port}`,
    DATA_DIR: o.dataDir,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: `${sim}/api/v3`,
    GITHUB_WEB_URL: sim,
    GITHUB_CLIENT_ID: "sim-client-id",
    GITHUB_CLIENT_SECRET: "sim-client-secret",
    GITHUB_TOKEN: "sim-server-token",
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET_DEFAULT,
    ACCESS_LOGINS: "dana-dev,vic-viewer",
    ROLE_QA: "quinn-qa",
    ROLE_LEAD: "lee-lead",
    ROLE_ADMIN: "ada-admin",
    AZURE_LOGS_ENDPOINT: `https://127.0.0.1:${o.simTlsPort}/v1`,
    AZURE_WORKSPACE_STAGING: "11111111-1111-4111-8111-111111111111",
    AZURE_WORKSPACE_PRODUCTION: "22222222-2222-4222-8222-222222222222",
    AZURE_CREDENTIAL: "static",
    AZURE_STATIC_TOKEN: "sim-azure-token",
    NODE_EXTRA_CA_CERTS: certPath,
  };
  const env: Record<string, string> = { ...defaults, ...(o.appEnv ?? {}) };
  for (const key of Object.keys(defaults)) {
    const own = process.env[key];
    // NODE_EXTRA_CA_CERTS is merged, not replaced: see caBundle().
    if (own !== undefined && own !== "" && key !== "NODE_ENV" && key !== "NODE_EXTRA_CA_CERTS")
      env[key] = own;
  }
  return env;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the app unless a build newer than every source file exists. */
export function ensureBuild(log: (line: string) => void = console.log): void {
  const buildId = join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "prisma"].map((d) => newestMtime(join(ROOT, d)));
  const extra = ["next.config.ts", "package-lock.json", "instrumentation.ts"].map((f) =>
    existsSync(join(ROOT, f)) ? statSync(join(ROOT, f)).mtimeMs : 0,
  );
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...sources, ...extra)) {
    log("Using the existing production build (.next).");
    return;
  }
  log("Building the app (next build)…");
  const result = spawnSync(process.execPath, [join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

async function waitFor(url: string, child: ChildProcess, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become ready at ${url} within ${timeoutMs / 1000}s`);
}

function pipe(child: ChildProcess, prefix: string, quiet: boolean) {
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    if (quiet) return;
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`${prefix} ${line}\n`);
  };
  child.stdout?.on("data", forward(process.stdout));
  child.stderr?.on("data", forward(process.stderr));
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

export interface Proc {
  url: string;
  stop: () => Promise<void>;
}

export async function startSimulatorProcess(o: StackOptions): Promise<Proc & { certPath: string }> {
  const certDir = resolve(o.dataDir, "sim-tls");
  const appEnvPreview = simulatorAppEnv(o, join(certDir, "azure-sim-cert.pem"));
  const sim = spawn(
    process.execPath,
    [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "simulator/main.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SIM_PORT: String(o.simPort),
        SIM_TLS_PORT: String(o.simTlsPort),
        SIM_SEED: o.simSeed ?? process.env.SIM_SEED ?? "42",
        SIM_SCALE: o.simScale ?? process.env.SIM_SCALE ?? "1",
        SIM_SPEED: o.simSpeed ?? process.env.SIM_SPEED ?? "20",
        SIM_CERT_DIR: certDir,
        SIM_WEBHOOK_URL: process.env.SIM_WEBHOOK_URL ?? `http://127.0.0.1:${o.port}/api/webhooks/github`,
        SIM_WEBHOOK_SECRET:
          (appEnvPreview.GITHUB_WEBHOOK_SECRET ?? WEBHOOK_SECRET_DEFAULT).split(",")[0] ?? "",
        ...(o.simEnv ?? {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  pipe(sim, "[sim]", o.quiet ?? false);
  const url = `http://127.0.0.1:${o.simPort}`;
  const stop = () => stopChild(sim);
  try {
    await waitFor(`${url}/_sim/calls`, sim, "the simulator");
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, certPath: join(certDir, "azure-sim-cert.pem") };
}

/**
 * Node reads a single NODE_EXTRA_CA_CERTS file. Machines often set it already (to the system bundle);
 * replacing it would drop those CAs and keeping it would drop the simulator's, so both go in one file.
 */
function caBundle(certPath: string): string {
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  if (!existing || !existsSync(existing)) return certPath;
  const bundle = join(dirname(certPath), "ca-bundle.pem");
  writeFileSync(bundle, `${readFileSync(existing, "utf8").trimEnd()}\n${readFileSync(certPath, "utf8")}`);
  return bundle;
}

export async function startAppProcess(o: StackOptions, certPath: string): Promise<Proc> {
  const app = spawn(
    process.execPath,
    [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(o.port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: { ...process.env, ...simulatorAppEnv(o, caBundle(certPath)) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  pipe(app, `[app:${o.port}]`, o.quiet ?? false);
  const stop = () => stopChild(app);
  try {
    await waitFor(`http://127.0.0.1:${o.port}/api/health/ready`, app, "the app", 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://${o.host ?? "localhost"}:${o.port}`, stop };
}

export async function startStack(o: StackOptions): Promise<Stack> {
  const sim = await startSimulatorProcess(o);
  let app: Proc;
  try {
    app = await startAppProcess(o, sim.certPath);
  } catch (error) {
    await sim.stop();
    throw error;
  }
  return {
    appUrl: app.url,
    simUrl: sim.url,
    stop: async () => {
      await Promise.all([app.stop(), sim.stop()]);
    },
  };
}
