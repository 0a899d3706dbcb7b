/**
 * The browser tests' server: simulator + production build of the app on a fresh data folder, on
 * ports of their own so a running demo does not interfere. Playwright starts and stops it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStack } from "./stack";

const dataDir = mkdtempSync(join(tmpdir(), "release-desk-e2e-"));
const stack = await startStack({
  port: Number(process.env.E2E_PORT ?? 3100),
  simPort: Number(process.env.E2E_SIM_PORT ?? 4110),
  simTlsPort: Number(process.env.E2E_SIM_TLS_PORT ?? 4111),
  dataDir,
  host: "127.0.0.1",
  simSpeed: "1",
  // Short enough that a test can see the app revalidate (and meet an injected fault) within a second.
  appEnv: { GITHUB_CACHE_MIN_REVALIDATE_MS: "1000", HEALTH_CACHE_TTL_MS: "1000" },
});
console.log(`e2e stack ready: ${stack.appUrl}`);

const shutdown = () => {
  void stack.stop().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
