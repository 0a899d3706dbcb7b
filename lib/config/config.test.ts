import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const minimal = {
  NODE_ENV: "production",
  NEXTAUTH_SECRET: "s".repeat(40),
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_CLIENT_ID: "id",
  GITHUB_CLIENT_SECRET: "secret",
  GITHUB_TOKEN: "t",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("accepts the minimal production configuration and fills the documented defaults", () => {
    const config = parseConfig(minimal);
    expect(config.github).toMatchObject({
      owner: "acme",
      repo: "shop",
      apiUrl: "https://api.github.com",
      workflows: {
        ciStaging: "ci-staging.yml",
        teardown: "staging-teardown.yml",
        productionDeploy: "deploy-production.yml",
      },
      branches: { staging: "testing", production: "main" },
    });
    expect(config.database).toEqual({ kind: "pglite", dataDir: ".data" });
    expect(config.azure.endpoint).toBe("https://api.loganalytics.io/v1");
  });

  it("names a missing required variable and says what is expected", () => {
    const { GITHUB_REPOSITORY: _, ...rest } = minimal;
    expect(problems(rest)).toEqual([
      "GITHUB_REPOSITORY: is required: the target repository as owner/name (not set)",
    ]);
  });

  it("lists every problem at once", () => {
    const found = problems({ NODE_ENV: "production" });
    for (const name of [
      "GITHUB_REPOSITORY",
      "GITHUB_CLIENT_ID",
      "GITHUB_CLIENT_SECRET",
      "GITHUB_TOKEN",
      "NEXTAUTH_SECRET",
    ]) {
      expect(
        found.some((p) => p.startsWith(`${name}:`)),
        name,
      ).toBe(true);
    }
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL", () => {
    expect(problems({ ...minimal, DATABASE_URL: "mysql://x" })).toEqual([
      "DATABASE_URL: must be a postgres:// or postgresql:// connection URL",
    ]);
    expect(parseConfig({ ...minimal, DATABASE_URL: "postgres://u@h/db" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u@h/db",
    });
  });

  it("requires NEXTAUTH_SECRET outside demo mode, and generates one per data folder in demo mode", () => {
    const { NEXTAUTH_SECRET: _, ...rest } = minimal;
    expect(problems(rest)[0]).toMatch(/^NEXTAUTH_SECRET: is required/);
    const dir = mkdtempSync(join(tmpdir(), "rd-config-"));
    const first = parseConfig({ ...rest, RELEASE_DESK_DEMO: "true", DATA_DIR: dir }).authSecret;
    const again = parseConfig({ ...rest, RELEASE_DESK_DEMO: "true", DATA_DIR: dir }).authSecret;
    const other = parseConfig({
      ...rest,
      RELEASE_DESK_DEMO: "true",
      DATA_DIR: join(dir, "other"),
    }).authSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it("refuses the static Azure credential outside the simulator", () => {
    expect(problems({ ...minimal, AZURE_CREDENTIAL: "static", AZURE_STATIC_TOKEN: "x" })[0]).toMatch(
      /^AZURE_CREDENTIAL: `static` is only for the simulator/,
    );
  });

  it("requires the Logs endpoint to end in /v1", () => {
    expect(problems({ ...minimal, AZURE_LOGS_ENDPOINT: "https://api.loganalytics.io" })[0]).toMatch(
      /^AZURE_LOGS_ENDPOINT: must end in \/v1/,
    );
  });

  it("needs all three GitHub App variables together", () => {
    const { GITHUB_TOKEN: _, ...rest } = minimal;
    expect(problems({ ...rest, GITHUB_APP_ID: "1" })[0]).toMatch(
      /^GITHUB_APP_ID: a GitHub App needs all three/,
    );
    const app = parseConfig({
      ...rest,
      GITHUB_APP_ID: "1",
      GITHUB_APP_PRIVATE_KEY: "-----BEGIN KEY-----\\nabc\\n-----END KEY-----",
      GITHUB_APP_INSTALLATION_ID: "7",
    });
    expect(app.github.serverAuth).toEqual({
      kind: "app",
      appId: "1",
      privateKey: "-----BEGIN KEY-----\nabc\n-----END KEY-----",
      installationId: 7,
    });
  });

  it("parses role lists case-insensitively", () => {
    const config = parseConfig({
      ...minimal,
      ROLE_QA: "Quinn-QA, other ",
      ROLE_LEAD: "",
      ACCESS_LOGINS: "Vic",
    });
    expect(config.roles.qa).toEqual(["quinn-qa", "other"]);
    expect(config.roles.lead).toEqual([]);
    expect(config.access.logins).toEqual(["vic"]);
  });
});
