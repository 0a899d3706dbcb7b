import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** Helpers for the templates-*.test.ts files: read the bundled workflows and run their steps. */

export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));
export const workflowsDir = path.join(templatesDir, "github/workflows");
export const deployActionPath = path.join(templatesDir, "github/actions/deploy-release/action.yml");

export interface Step {
  name?: string;
  id?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

export function workflowFiles(): string[] {
  return readdirSync(workflowsDir)
    .filter((file) => file.endsWith(".yml"))
    .map((file) => path.join(workflowsDir, file));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** Every step of a workflow (all jobs) or of a composite action. */
export function stepsOf(file: string): Step[] {
  const document = asRecord(parse(readFileSync(file, "utf8")));
  const runs = asRecord(document.runs);
  if (Array.isArray(runs.steps)) return runs.steps as Step[];
  return Object.values(asRecord(document.jobs)).flatMap((job) => {
    const steps = asRecord(job).steps;
    return Array.isArray(steps) ? (steps as Step[]) : [];
  });
}

export function stepNamed(file: string, name: string): Step {
  const step = stepsOf(file).find((candidate) => candidate.name === name);
  if (!step) throw new Error(`no step "${name}" in ${file}`);
  return step;
}

export interface ShellOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
  /** What the step wrote to $GITHUB_OUTPUT, as key → value. */
  outputs: Record<string, string>;
  /** The step's $RUNNER_TEMP, to read files it left there. */
  runnerTemp: string;
}

/** Runs a `run:` script the way a GitHub runner does (`bash --noprofile --norc -eo pipefail`). */
export function runShellStep(
  script: string,
  env: Record<string, string>,
  cwd: string,
  scratch = mkdtempSync(path.join(tmpdir(), "step-")),
): ShellOutcome {
  const scriptPath = path.join(scratch, "step.sh");
  const outputPath = path.join(scratch, "output");
  writeFileSync(scriptPath, script);
  writeFileSync(outputPath, "");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", scriptPath], {
    cwd,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      NODE_ENV: "test",
      RUNNER_TEMP: scratch,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: path.join(scratch, "summary"),
      ...env,
    },
  });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputPath, "utf8").split("\n")) {
    const separator = line.indexOf("=");
    if (separator > 0) outputs[line.slice(0, separator)] = line.slice(separator + 1);
  }
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs,
    runnerTemp: scratch,
  };
}

export const fakeDigest = (seed: string): string => `sha256:${seed.repeat(64).slice(0, 64)}`;
