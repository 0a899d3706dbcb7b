import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GitHubForbiddenError } from "@/lib/github/errors";
import type { FileContents } from "@/lib/github/get-file-contents";
import type { Workflow, WorkflowsPage } from "@/lib/github/list-workflows";
import type { ReadinessCheck, ReadOutcome } from "./check";
import {
  companionsToRead,
  usesLocalAction,
  workflowPath,
  workflowReadiness,
  type WorkflowReadinessInput,
} from "./workflows";

const COMPANION = ".github/actions/deploy-release/action.yml";

function template(file: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../templates/github/workflows/${file}`, import.meta.url)),
    "utf8",
  );
}

const found = (path: string, text: string): ReadOutcome<FileContents | null> => ({
  ok: true,
  value: { path, sha: "0123456789abcdef0123456789abcdef01234567", text },
});
const missing: ReadOutcome<FileContents | null> = { ok: true, value: null };

function registered(path: string, state: Workflow["state"] = "active"): ReadOutcome<WorkflowsPage> {
  const workflow = { id: 7, name: "Deploy production", path, state } as Workflow;
  return { ok: true, value: { workflows: [workflow], totalCount: 1, hasNext: false } };
}

function input(overrides: Partial<WorkflowReadinessInput> = {}): WorkflowReadinessInput {
  const path = ".github/workflows/deploy-production.yml";
  return {
    role: "productionDeploy",
    file: "deploy-production.yml",
    defaultBranch: "main",
    contents: found(path, template("deploy-production.yml")),
    registered: registered(path),
    companions: new Map([[COMPANION, found(COMPANION, "runs: { using: composite, steps: [] }\n")]]),
    ...overrides,
  };
}

const byId = (checks: ReadinessCheck[], suffix: string) => {
  const check = checks.find((c) => c.id.endsWith(suffix));
  if (!check) throw new Error(`no check ending ${suffix} in ${checks.map((c) => c.id).join(", ")}`);
  return check;
};

describe("workflowReadiness", () => {
  it("fails a workflow file missing from the default branch (404) with how to add it", () => {
    const result = workflowReadiness(input({ contents: missing }));

    expect(result.checks).toHaveLength(1);
    const exists = result.checks[0]!;
    expect(exists).toMatchObject({
      id: "workflow.productionDeploy.exists",
      status: "fail",
      level: "required",
    });
    expect(exists.detail).toContain("does not exist on `main`");
    expect(exists.fix).toContain("templates/github/workflows/deploy-production.yml");
    expect(exists.fix).toContain(".github/workflows/deploy-production.yml");
    expect(exists.fix).toContain("WORKFLOW_PRODUCTION_DEPLOY");
  });

  it("reports a file it could not read as unknown, with GitHub's answer", () => {
    const error = new GitHubForbiddenError("Resource not accessible by integration", { status: 403 });
    const result = workflowReadiness(input({ contents: { ok: false, error } }));

    expect(result.checks).toEqual([
      expect.objectContaining({
        status: "unknown",
        detail: expect.stringContaining(
          "GitHub answered 403: Resource not accessible by integration",
        ) as string,
      }),
    ]);
  });

  it("passes the bundled template: present, enabled, every contract row, companion present", () => {
    const result = workflowReadiness(input());

    expect(result.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(result.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "workflow.productionDeploy.exists",
        "workflow.productionDeploy.enabled",
        "workflow.productionDeploy.contract.input.correlation_id",
        "workflow.productionDeploy.contract.run-name.inputs.correlation_id",
        `workflow.productionDeploy.companion.${COMPANION}`,
      ]),
    );
  });

  it("carries every contract failure through, with its fix", () => {
    const broken = template("deploy-production.yml").replace(/run-name:.*\n/, "");
    const result = workflowReadiness(
      input({ contents: found(".github/workflows/deploy-production.yml", broken) }),
    );

    const runName = byId(result.checks, "contract.run-name.inputs.correlation_id");
    expect(runName.status).toBe("fail");
    expect(runName.fix).toContain("run-name");
  });

  it("fails when the workflow calls the companion action and it is missing", () => {
    const result = workflowReadiness(input({ companions: new Map([[COMPANION, missing]]) }));

    const companion = byId(result.checks, `companion.${COMPANION}`);
    expect(companion.status).toBe("fail");
    expect(companion.fix).toBe(
      `Copy templates/github/actions/deploy-release/action.yml to ${COMPANION} on the default branch.`,
    );
  });

  it("does not ask for the companion when the workflow does not call it", () => {
    const own = template("staging-teardown.yml");
    const result = workflowReadiness(
      input({
        role: "ciStaging",
        file: "ci.yml",
        contents: found(
          ".github/workflows/ci.yml",
          "on: { push: { branches: [testing] } }\njobs: { a: { runs-on: x, steps: [{ run: echo }] } }\n",
        ),
        registered: registered(".github/workflows/ci.yml"),
        companions: new Map(),
      }),
    );

    expect(byId(result.checks, `companion.${COMPANION}`)).toMatchObject({ status: "pass" });
    expect(companionsToRead("teardown", own)).toEqual([]);
  });

  it("fails a workflow that Actions has disabled", () => {
    const result = workflowReadiness(
      input({ registered: registered(".github/workflows/deploy-production.yml", "disabled_manually") }),
    );

    const enabled = byId(result.checks, ".enabled");
    expect(enabled.status).toBe("fail");
    expect(enabled.detail).toContain("disabled manually");
    expect(enabled.fix).toContain("Enable workflow");
  });
});

describe("usesLocalAction", () => {
  it("finds `uses: ./dir` in steps and jobs, and not other repositories' actions", () => {
    const yaml =
      "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/deploy-release\n";
    expect(usesLocalAction(yaml, ".github/actions/deploy-release")).toBe(true);
    expect(
      usesLocalAction("on: push\njobs:\n  a:\n    uses: ./.github/actions/x/\n", ".github/actions/x"),
    ).toBe(true);
    expect(
      usesLocalAction(
        "on: push\njobs:\n  a:\n    steps:\n      - uses: .github/actions/x\n",
        ".github/actions/x",
      ),
    ).toBe(false);
    expect(usesLocalAction("on: [", ".github/actions/x")).toBeNull();
  });
});

describe("workflowPath", () => {
  it("puts a bare file name under .github/workflows and keeps a full path", () => {
    expect(workflowPath("ci-staging.yml")).toBe(".github/workflows/ci-staging.yml");
    expect(workflowPath(".github/workflows/x.yml")).toBe(".github/workflows/x.yml");
  });
});
