import { z } from "zod";

const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""])
  .default("")
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

/** The pipeline's acceptance plan: what QA checks in staging before accepting. */
const DEFAULT_ACCEPTANCE_CHECKLIST =
  "Browse the frontend, Add a product, Place an order, See the order's status update, Health checks green";

const url = z.url({ message: "must be an absolute URL such as https://example.com" });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const positiveNumber = (fallback: number) => z.coerce.number().positive().default(fallback);

/**
 * Every environment variable Release Desk reads, in one place. The README's configuration table is
 * written from this list; keep the two in step.
 */
export const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    RELEASE_DESK_DEMO: bool,
    RELEASE_DESK_SIMULATOR: bool,
    NEXTAUTH_URL: url.optional(),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)")
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// connection URL")
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),

    GITHUB_REPOSITORY: z
      .string({ message: "is required: the target repository as owner/name" })
      .regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/name, e.g. acme/shop"),
    GITHUB_API_URL: url.default("https://api.github.com"),
    GITHUB_WEB_URL: url.default("https://github.com"),
    GITHUB_CLIENT_ID: z
      .string({ message: "is required: the GitHub App's (or OAuth App's) client id" })
      .min(1),
    GITHUB_CLIENT_SECRET: z.string({ message: "is required: the GitHub App's client secret" }).min(1),
    GITHUB_TOKEN: z.string().min(1).optional(),
    GITHUB_APP_ID: z.string().min(1).optional(),
    GITHUB_APP_PRIVATE_KEY: z.string().min(1).optional(),
    GITHUB_APP_INSTALLATION_ID: z.coerce.number().int().positive().optional(),
    GITHUB_WEBHOOK_SECRET: list,
    GITHUB_WEBHOOK_MAX_BYTES: positiveInt(1_048_576),
    GITHUB_TIMEOUT_MS: positiveInt(10_000),
    GITHUB_CACHE: z.enum(["on", "off"]).default("on"),
    GITHUB_CACHE_MIN_REVALIDATE_MS: z.coerce.number().int().nonnegative().default(5_000),

    WORKFLOW_CI_STAGING: z.string().min(1).default("ci-staging.yml"),
    WORKFLOW_STAGING_TEARDOWN: z.string().min(1).default("staging-teardown.yml"),
    WORKFLOW_PRODUCTION_DEPLOY: z.string().min(1).default("deploy-production.yml"),
    BRANCH_STAGING: z.string().min(1).default("testing"),
    BRANCH_PRODUCTION: z.string().min(1).default("main"),
    ENVIRONMENT_STAGING: z.string().min(1).default("staging"),
    ENVIRONMENT_PRODUCTION: z.string().min(1).default("production"),

    ACCESS_LOGINS: list,
    ACCESS_ORG: z.string().min(1).optional(),
    ROLE_QA: list,
    ROLE_LEAD: list,
    ROLE_ADMIN: list,

    AZURE_LOGS_ENDPOINT: url.default("https://api.loganalytics.io/v1"),
    AZURE_WORKSPACE_STAGING: z.string().min(1).optional(),
    AZURE_WORKSPACE_PRODUCTION: z.string().min(1).optional(),
    AZURE_CREDENTIAL: z.enum(["workload", "default", "static"]).default("default"),
    AZURE_STATIC_TOKEN: z.string().min(1).optional(),
    AZURE_TIMEOUT_MS: positiveInt(15_000),
    HEALTH_CACHE_TTL_MS: z.coerce.number().int().nonnegative().default(30_000),
    HEALTH_FAILURE_WARN_PCT: positiveNumber(2),
    HEALTH_FAILURE_CRIT_PCT: positiveNumber(5),
    HEALTH_P95_WARN_MS: positiveNumber(800),
    HEALTH_P95_CRIT_MS: positiveNumber(1500),
    HEALTH_AVAILABILITY_MIN_PCT: positiveNumber(99),

    RECONCILE_INTERVAL_MS: positiveInt(15_000),

    ACCEPTANCE_CHECKLIST: z
      .string()
      .default(DEFAULT_ACCEPTANCE_CHECKLIST)
      .transform((value) =>
        value
          .split(",")
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      )
      .refine((items) => items.length > 0, "must list at least one item"),
    ACCEPTANCE_FOUR_EYES: z
      .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
      .default("true")
      .transform((value) => ["true", "1", "yes", "on"].includes(value)),
  })
  .superRefine(
    (env, ctx) => {
      const hasApp = env.GITHUB_APP_ID ?? env.GITHUB_APP_PRIVATE_KEY ?? env.GITHUB_APP_INSTALLATION_ID;
      if (!env.GITHUB_TOKEN && !hasApp) {
        ctx.addIssue({
          code: "custom",
          path: ["GITHUB_TOKEN"],
          message:
            "is required unless a GitHub App is configured (GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY, GITHUB_APP_INSTALLATION_ID)",
        });
      }
      if (hasApp && !(env.GITHUB_APP_ID && env.GITHUB_APP_PRIVATE_KEY && env.GITHUB_APP_INSTALLATION_ID)) {
        ctx.addIssue({
          code: "custom",
          path: ["GITHUB_APP_ID"],
          message:
            "a GitHub App needs all three of GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID",
        });
      }
      if (!env.RELEASE_DESK_DEMO && !env.NEXTAUTH_SECRET && env.NODE_ENV !== "test") {
        ctx.addIssue({
          code: "custom",
          path: ["NEXTAUTH_SECRET"],
          message: "is required (at least 32 random characters) outside demo mode",
        });
      }
      if (env.AZURE_CREDENTIAL === "static" && !env.RELEASE_DESK_SIMULATOR) {
        ctx.addIssue({
          code: "custom",
          path: ["AZURE_CREDENTIAL"],
          message:
            "`static` is only for the simulator (set RELEASE_DESK_SIMULATOR=true); use workload or default",
        });
      }
      if (env.AZURE_CREDENTIAL === "static" && !env.AZURE_STATIC_TOKEN) {
        ctx.addIssue({
          code: "custom",
          path: ["AZURE_STATIC_TOKEN"],
          message: "is required with AZURE_CREDENTIAL=static",
        });
      }
      if (env.HEALTH_FAILURE_WARN_PCT > env.HEALTH_FAILURE_CRIT_PCT) {
        ctx.addIssue({
          code: "custom",
          path: ["HEALTH_FAILURE_WARN_PCT"],
          message: "must not exceed HEALTH_FAILURE_CRIT_PCT",
        });
      }
      if (env.HEALTH_P95_WARN_MS > env.HEALTH_P95_CRIT_MS) {
        ctx.addIssue({
          code: "custom",
          path: ["HEALTH_P95_WARN_MS"],
          message: "must not exceed HEALTH_P95_CRIT_MS",
        });
      }
      if (env.AZURE_LOGS_ENDPOINT && !env.AZURE_LOGS_ENDPOINT.replace(/\/+$/, "").endsWith("/v1")) {
        ctx.addIssue({
          code: "custom",
          path: ["AZURE_LOGS_ENDPOINT"],
          message: "must end in /v1 (the Logs query SDK uses the endpoint as given)",
        });
      }
      // Run these checks even when other variables are invalid, so every problem is reported at once.
    },
    { when: () => true },
  );

export type Environment = z.infer<typeof environmentSchema>;
