import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

/** Starts the production build with `env` and returns how it ended and what it printed. */
function startApp(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", "3199"],
      {
        env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

const valid = () => ({
  NODE_ENV: "production",
  DATA_DIR: mkdtempSync(join(tmpdir(), "rd-startup-")),
  NEXTAUTH_SECRET: "s".repeat(40),
  GITHUB_REPOSITORY: "acme/shop",
  GITHUB_CLIENT_ID: "id",
  GITHUB_CLIENT_SECRET: "secret",
  GITHUB_TOKEN: "token",
});

test.describe("start-up fails fast with a clear message", () => {
  test("when a required variable is missing", async () => {
    const { GITHUB_REPOSITORY: _, ...env } = valid();
    const result = await startApp(env);
    expect(result.code).toBe(1);
    expect(result.output).toContain("Release Desk cannot start: the configuration is invalid.");
    expect(result.output).toContain(
      "GITHUB_REPOSITORY: is required: the target repository as owner/name (not set)",
    );
    expect(result.ms).toBeLessThan(20_000);
  });

  test("when DATABASE_URL points at no database", async () => {
    const result = await startApp({ ...valid(), DATABASE_URL: "postgres://nobody:pw@127.0.0.1:1/none" });
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      "Cannot connect to DATABASE_URL (postgres://nobody:***@127.0.0.1:1/none)",
    );
    expect(result.output).not.toContain(":pw@");
  });
});
