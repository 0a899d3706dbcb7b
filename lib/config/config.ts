import { environmentSchema, type Environment } from "./schema";
import { demoSecret } from "./demo-secret";

export type Role = "viewer" | "qa" | "lead" | "admin";

export interface Config {
  env: Environment["NODE_ENV"];
  demo: boolean;
  simulator: boolean;
  appUrl: string | undefined;
  authSecret: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  dataDir: string;
  github: {
    owner: string;
    repo: string;
    apiUrl: string;
    webUrl: string;
    clientId: string;
    clientSecret: string;
    serverAuth:
      | { kind: "token"; token: string }
      | { kind: "app"; appId: string; privateKey: string; installationId: number };
    webhookSecrets: string[];
    webhookMaxBytes: number;
    timeoutMs: number;
    cache: { enabled: boolean; minRevalidateMs: number };
    workflows: { ciStaging: string; teardown: string; productionDeploy: string };
    branches: { staging: string; production: string };
    environments: { staging: string; production: string };
  };
  access: { logins: string[]; org: string | undefined };
  roles: Record<Exclude<Role, "viewer">, string[]>;
  azure: {
    endpoint: string;
    workspaces: { staging: string | undefined; production: string | undefined };
    credential: { kind: "workload" } | { kind: "default" } | { kind: "static"; token: string };
    timeoutMs: number;
    cacheTtlMs: number;
    thresholds: {
      failureWarnPct: number;
      failureCritPct: number;
      p95WarnMs: number;
      p95CritMs: number;
      availabilityMinPct: number;
    };
  };
  reconcileIntervalMs: number;
  acceptance: { checklist: string[]; fourEyes: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Release Desk cannot start: the configuration is invalid.\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "See the Configuration table in README.md.",
    );
    this.name = "ConfigError";
  }
}

const lower = (logins: string[]) => logins.map((login) => login.toLowerCase());

/** Parses an environment (normally `process.env`) into the typed configuration, or throws ConfigError. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join(".") || "(environment)";
        const got = typeof issue.path[0] === "string" ? source[issue.path[0]] : undefined;
        const missing = got === undefined || got === "";
        return `${name}: ${issue.message}${missing ? " (not set)" : ""}`;
      }),
    );
  }
  const e = parsed.data;
  const [owner = "", repo = ""] = e.GITHUB_REPOSITORY.split("/");
  const serverAuth: Config["github"]["serverAuth"] = e.GITHUB_TOKEN
    ? { kind: "token", token: e.GITHUB_TOKEN }
    : {
        kind: "app",
        appId: e.GITHUB_APP_ID ?? "",
        // Private keys usually arrive with escaped newlines when passed through env files.
        privateKey: (e.GITHUB_APP_PRIVATE_KEY ?? "").replace(/\\n/g, "\n"),
        installationId: e.GITHUB_APP_INSTALLATION_ID ?? 0,
      };
  return {
    env: e.NODE_ENV,
    demo: e.RELEASE_DESK_DEMO,
    simulator: e.RELEASE_DESK_SIMULATOR,
    appUrl: e.NEXTAUTH_URL,
    authSecret: e.NEXTAUTH_SECRET ?? demoSecret(e.DATA_DIR),
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
    github: {
      owner,
      repo,
      apiUrl: e.GITHUB_API_URL.replace(/\/+$/, ""),
      webUrl: e.GITHUB_WEB_URL.replace(/\/+$/, ""),
      clientId: e.GITHUB_CLIENT_ID,
      clientSecret: e.GITHUB_CLIENT_SECRET,
      serverAuth,
      webhookSecrets: e.GITHUB_WEBHOOK_SECRET,
      webhookMaxBytes: e.GITHUB_WEBHOOK_MAX_BYTES,
      timeoutMs: e.GITHUB_TIMEOUT_MS,
      cache: { enabled: e.GITHUB_CACHE === "on", minRevalidateMs: e.GITHUB_CACHE_MIN_REVALIDATE_MS },
      workflows: {
        ciStaging: e.WORKFLOW_CI_STAGING,
        teardown: e.WORKFLOW_STAGING_TEARDOWN,
        productionDeploy: e.WORKFLOW_PRODUCTION_DEPLOY,
      },
      branches: { staging: e.BRANCH_STAGING, production: e.BRANCH_PRODUCTION },
      environments: { staging: e.ENVIRONMENT_STAGING, production: e.ENVIRONMENT_PRODUCTION },
    },
    access: { logins: lower(e.ACCESS_LOGINS), org: e.ACCESS_ORG },
    roles: { qa: lower(e.ROLE_QA), lead: lower(e.ROLE_LEAD), admin: lower(e.ROLE_ADMIN) },
    azure: {
      endpoint: e.AZURE_LOGS_ENDPOINT.replace(/\/+$/, ""),
      workspaces: { staging: e.AZURE_WORKSPACE_STAGING, production: e.AZURE_WORKSPACE_PRODUCTION },
      credential:
        e.AZURE_CREDENTIAL === "static"
          ? { kind: "static", token: e.AZURE_STATIC_TOKEN ?? "" }
          : { kind: e.AZURE_CREDENTIAL },
      timeoutMs: e.AZURE_TIMEOUT_MS,
      cacheTtlMs: e.HEALTH_CACHE_TTL_MS,
      thresholds: {
        failureWarnPct: e.HEALTH_FAILURE_WARN_PCT,
        failureCritPct: e.HEALTH_FAILURE_CRIT_PCT,
        p95WarnMs: e.HEALTH_P95_WARN_MS,
        p95CritMs: e.HEALTH_P95_CRIT_MS,
        availabilityMinPct: e.HEALTH_AVAILABILITY_MIN_PCT,
      },
    },
    reconcileIntervalMs: e.RECONCILE_INTERVAL_MS,
    acceptance: { checklist: e.ACCEPTANCE_CHECKLIST, fourEyes: e.ACCEPTANCE_FOUR_EYES },
  };
}

const globalForConfig = globalThis as unknown as { releaseDeskConfig?: Config };

/** The process's configuration, parsed once on first use. */
export function getConfig(): Config {
  globalForConfig.releaseDeskConfig ??= parseConfig(process.env);
  return globalForConfig.releaseDeskConfig;
}
