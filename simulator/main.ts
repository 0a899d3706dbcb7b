import { resolve } from "node:path";
import type { ApprovalMode } from "./options";
import { startSimulator } from "./server";

const env = process.env;
const num = (v: string | undefined, fallback: number) => (v === undefined || v === "" ? fallback : Number(v));

const sim = await startSimulator({
  host: env.SIM_HOST ?? "127.0.0.1",
  port: num(env.SIM_PORT, 4010),
  tlsPort: env.SIM_TLS_PORT === "off" ? null : num(env.SIM_TLS_PORT, 4011),
  publicUrl: env.SIM_PUBLIC_URL || undefined,
  seed: num(env.SIM_SEED, 42),
  speed: num(env.SIM_SPEED, 1),
  scale: num(env.SIM_SCALE, 1),
  start: env.SIM_START ? new Date(env.SIM_START) : undefined,
  repo: env.SIM_REPO ?? "acme/shop",
  oauthClientId: env.SIM_OAUTH_CLIENT_ID ?? "sim-client-id",
  oauthClientSecret: env.SIM_OAUTH_CLIENT_SECRET ?? "sim-client-secret",
  serverToken: env.SIM_SERVER_TOKEN ?? "sim-server-token",
  rateLimit: num(env.SIM_RATE_LIMIT, 5000),
  userTokenTtlSeconds: num(env.SIM_USER_TOKEN_TTL_SECONDS, 0),
  webhookUrl: env.SIM_WEBHOOK_URL || null,
  webhookSecret: env.SIM_WEBHOOK_SECRET || null,
  certDir: resolve(env.SIM_CERT_DIR ?? ".sim"),
  tickMs: num(env.SIM_TICK_MS, 1000),
  productionApproval: (env.SIM_PRODUCTION_APPROVAL as ApprovalMode | undefined) ?? "auto",
  verbose: env.SIM_VERBOSE === "1",
});

console.log(`GitHub simulator   ${sim.url}  (REST ${sim.apiUrl}, OAuth ${sim.url}/login/oauth/authorize)`);
if (sim.tlsUrl) console.log(`Azure Logs (HTTPS) ${sim.tlsUrl}  certificate ${sim.certPath ?? "?"}`);
console.log(`Control            ${sim.url}/_sim/state`);

const shutdown = (signal: string) => {
  console.log(`[sim] ${signal}: shutting down`);
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));
