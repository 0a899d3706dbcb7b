/**
 * `npm test`: lint, type-check, unit + integration tests (vitest), production build, browser tests
 * (Playwright + Chromium). Every step runs even when an earlier one fails, so one run shows all
 * problems; the exit code is non-zero if any step failed. Ends with the runners' totals.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
// Playwright empties test-results/ when it starts, so the runners' JSON reports live elsewhere.
// Reports of an earlier run must never be counted as this run's.
rmSync(join(root, "test-reports"), { recursive: true, force: true });
mkdirSync(join(root, "test-reports"), { recursive: true });

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  { name: "prisma client", command: process.execPath, args: [bin("tsx"), "scripts/prisma-generate.ts"] },
  { name: "lint (eslint)", command: bin("eslint"), args: [".", "--max-warnings=0"] },
  { name: "format (prettier)", command: bin("prettier"), args: ["--check", "."] },
  { name: "type-check (tsc)", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  {
    name: "unit + integration (vitest)",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-reports/vitest.json"],
  },
  { name: "build (next build)", command: bin("next"), args: ["build"] },
  { name: "browser (playwright)", command: bin("playwright"), args: ["test"] },
];

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" },
  });
  results.push({ name: step.name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

function counts(file: string, read: (json: unknown) => { passed: number; failed: number; skipped: number }) {
  const path = join(root, "test-reports", file);
  if (!existsSync(path)) return null;
  return read(JSON.parse(readFileSync(path, "utf8")));
}

const vitest = counts("vitest.json", (j) => {
  const r = j as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
});
const playwright = counts("playwright.json", (j) => {
  const s = (j as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
});

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"}  ${r.name} (${r.seconds}s)`);
const failedSteps = results.filter((r) => !r.ok).length;
const total = { passed: 0, failed: failedSteps, skipped: 0 };
for (const [name, c] of [
  ["vitest", vitest],
  ["playwright", playwright],
] as const) {
  if (!c) {
    console.log(`${name}: no results file`);
    continue;
  }
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
// Failed non-test steps (lint, types, build) count as failures in the closing line.
console.log(
  `tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(failedSteps > 0 ? 1 : 0);
