import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkWorkflowFile,
  WORKFLOW_CONTRACT,
  type CheckResult,
  type WorkflowRole,
} from "@/lib/setup/workflow-contract";

const templateFiles: Record<WorkflowRole, string> = {
  ciStaging: "ci-staging.yml",
  teardown: "staging-teardown.yml",
  productionDeploy: "deploy-production.yml",
};

function template(role: WorkflowRole): string {
  const url = new URL(`../../templates/github/workflows/${templateFiles[role]}`, import.meta.url);
  return readFileSync(fileURLToPath(url), "utf8");
}

function result(results: CheckResult[], id: string): CheckResult {
  const found = results.find((item) => item.id === id);
  if (!found) throw new Error(`no check ${id} in ${results.map((item) => item.id).join(", ")}`);
  return found;
}

const teardown = (overrides: { on?: string; runName?: string } = {}) => `
name: Staging teardown
run-name: ${overrides.runName ?? '"Teardown ${{ inputs.sha }} [${{ inputs.correlation_id }}]"'}
on:
${
  overrides.on ??
  `  workflow_dispatch:
    inputs:
      sha: { type: string, required: true }
      namespace: { type: string, required: true }
      correlation_id: { type: string, required: true }`
}
permissions: {}
jobs:
  teardown:
    runs-on: ubuntu-latest
    permissions: { deployments: write, id-token: write }
    steps:
      - run: echo done
`;

const production = (
  head: string,
  concurrency = "concurrency: { group: production-deploy, cancel-in-progress: false }",
) => `
${head}
${concurrency}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: { deployments: write }
    steps:
      - run: echo deploy
`;

const ci = (on: string) => `
name: CI
on: ${on}
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions: { deployments: write }
    steps:
      - run: echo ci
`;

describe("checkWorkflowFile on the bundled templates", () => {
  for (const role of Object.keys(templateFiles) as WorkflowRole[]) {
    it(`passes every check of ${role}`, () => {
      const results = checkWorkflowFile(role, template(role));
      expect(results.filter((item) => item.status !== "pass")).toEqual([]);
      const contract = WORKFLOW_CONTRACT[role];
      for (const input of contract.dispatchInputs)
        expect(result(results, `input.${input.name}`).status).toBe("pass");
    });
  }
});

describe("checkWorkflowFile on broken files", () => {
  it("names a missing dispatch input", () => {
    const text = teardown({
      on: `  workflow_dispatch:
    inputs:
      sha: { type: string, required: true }
      namespace: { type: string, required: true }`,
    });
    const check = result(checkWorkflowFile("teardown", text), "input.correlation_id");
    expect(check.status).toBe("fail");
    expect(check.detail).toBe("workflow_dispatch input `correlation_id` is missing");
    expect(check.fix).toContain("correlation_id: { type: string, required: true }");
  });

  it("reports a workflow without a workflow_dispatch trigger, and its inputs as missing", () => {
    const results = checkWorkflowFile("teardown", teardown({ on: "  push:\n    branches: [main]" }));
    expect(result(results, "trigger.workflow_dispatch")).toMatchObject({
      status: "fail",
      detail: "no workflow_dispatch trigger",
    });
    expect(result(results, "input.sha").detail).toContain("workflow_dispatch input `sha` is missing");
  });

  it("reports unparsable YAML with its line, and every other check as unknown", () => {
    const results = checkWorkflowFile("productionDeploy", "on:\n  push: {branches: [main]\njobs: {}\n");
    const yaml = result(results, "yaml");
    expect(yaml.status).toBe("fail");
    expect(yaml.detail).toMatch(/^could not parse YAML: .+ at line \d+, column \d+$/);
    expect(results.slice(1).every((item) => item.status === "unknown")).toBe(true);
    expect(results.map((item) => item.id)).toContain("input.correlation_id");
  });

  it("refuses a file with a repeated key, as GitHub does", () => {
    const yaml = result(checkWorkflowFile("ciStaging", "on: push\non: pull_request\njobs: {}\n"), "yaml");
    expect(yaml.detail).toMatch(/could not parse YAML: Map keys must be unique at line 2/);
  });

  it("refuses alias bombs instead of expanding them", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 0; level < 6; level += 1) {
      const previous = String.fromCharCode(97 + level);
      const next = String.fromCharCode(98 + level);
      bomb.push(`${next}: &${next} [${Array(10).fill(`*${previous}`).join(", ")}]`);
    }
    expect(result(checkWorkflowFile("ciStaging", bomb.join("\n")), "yaml").status).toBe("fail");
  });

  it("says a YAML list is not a workflow", () => {
    expect(result(checkWorkflowFile("ciStaging", "- on\n- jobs\n"), "yaml").detail).toMatch(
      /^not a workflow/,
    );
  });

  it("reports a run-name without the correlation id", () => {
    const check = result(
      checkWorkflowFile("teardown", teardown({ runName: '"Teardown ${{ inputs.sha }}"' })),
      "run-name.inputs.correlation_id",
    );
    expect(check.status).toBe("fail");
    expect(check.detail).toContain("run-name does not contain ${{ inputs.correlation_id }}");
  });

  it("does not take the correlation id written as plain text for a reference", () => {
    const check = result(
      checkWorkflowFile("teardown", teardown({ runName: '"Teardown inputs.correlation_id"' })),
      "run-name.inputs.correlation_id",
    );
    expect(check.status).toBe("fail");
  });

  it("reports a missing run-name", () => {
    const text = teardown().replace(/^run-name:.*$/m, "");
    expect(result(checkWorkflowFile("teardown", text), "run-name.inputs.correlation_id").detail).toBe(
      "no run-name, so it does not contain ${{ inputs.correlation_id }}",
    );
  });

  it("accepts the older github.event.inputs spelling in the run-name", () => {
    const text = teardown({ runName: '"Teardown [${{ github.event.inputs.correlation_id }}]"' });
    expect(result(checkWorkflowFile("teardown", text), "run-name.inputs.correlation_id").status).toBe("pass");
  });

  it("requires the SHA in the production run-name", () => {
    const text = production(`run-name: "Deploy [\${{ inputs.correlation_id }}]"
on:
  push: { branches: [main] }
  workflow_dispatch:
    inputs:
      sha: { required: true }
      reason: { type: choice, required: true, options: [release, rollback] }
      correlation_id: { required: true }`);
    const results = checkWorkflowFile("productionDeploy", text);
    expect(result(results, "run-name.inputs.sha").status).toBe("fail");
    expect(result(results, "run-name.inputs.correlation_id").status).toBe("pass");
    // An input without `type:` is a string input.
    expect(result(results, "input.sha").status).toBe("pass");
  });

  it("reports a CI workflow with no push trigger", () => {
    const check = result(checkWorkflowFile("ciStaging", ci("workflow_dispatch")), "trigger.push.testing");
    expect(check.status).toBe("fail");
    expect(check.detail).toBe("no push trigger: a push to `testing` does not start this workflow");
  });

  it("reports a CI workflow whose push trigger leaves out `testing`", () => {
    const check = result(
      checkWorkflowFile("ciStaging", ci("{ push: { branches: [main] } }")),
      "trigger.push.testing",
    );
    expect(check.status).toBe("fail");
    expect(check.detail).toContain("`testing` is not in branches: [main]");
  });

  it("reports a non-required input, a wrong type and a missing choice option", () => {
    const text = production(`run-name: "\${{ inputs.sha }} \${{ inputs.correlation_id }}"
on:
  push: { branches: [main] }
  workflow_dispatch:
    inputs:
      sha: { type: string, required: false }
      reason: { type: choice, required: true, options: [release] }
      correlation_id: { type: boolean, required: true }`);
    const results = checkWorkflowFile("productionDeploy", text);
    expect(result(results, "input.sha").detail).toBe(
      "workflow_dispatch input `sha` is not marked `required: true`",
    );
    expect(result(results, "input.reason").detail).toBe(
      "workflow_dispatch input `reason` lacks the option `rollback`",
    );
    expect(result(results, "input.correlation_id").detail).toContain("has type `boolean`");
  });

  it("reports production deploys that cancel each other or have no concurrency group", () => {
    const head = `run-name: "\${{ inputs.sha }} \${{ inputs.correlation_id }}"
on: [push, workflow_dispatch]`;
    const cancelling = production(head, "concurrency: { group: prod, cancel-in-progress: true }");
    expect(result(checkWorkflowFile("productionDeploy", cancelling), "concurrency.queued").detail).toBe(
      "cancel-in-progress: true would cancel a production deploy half-way",
    );
    const none = production(head, "");
    expect(result(checkWorkflowFile("productionDeploy", none), "concurrency.queued").detail).toBe(
      "no concurrency group: two production deploys could run at once",
    );
    const plain = production(head, "concurrency: production-deploy");
    expect(result(checkWorkflowFile("productionDeploy", plain), "concurrency.queued").status).toBe("pass");
  });
});

describe("checkWorkflowFile reading `on:`", () => {
  it("accepts `on` as a single event name", () => {
    expect(result(checkWorkflowFile("ciStaging", ci("push")), "trigger.push.testing").status).toBe("pass");
  });

  it("accepts `on` as a list of event names", () => {
    const results = checkWorkflowFile(
      "productionDeploy",
      production('run-name: "x"\non: [push, workflow_dispatch]'),
    );
    expect(result(results, "trigger.push.main").status).toBe("pass");
    expect(result(results, "trigger.workflow_dispatch").status).toBe("pass");
    expect(result(results, "input.sha").detail).toBe("workflow_dispatch input `sha` is missing");
  });

  it("reads the `on` key as GitHub does when the file declares YAML 1.1 (where it means true)", () => {
    const text = `%YAML 1.1\n---\n${ci("{ push: { branches: [testing] } }")}`;
    expect(result(checkWorkflowFile("ciStaging", text), "trigger.push.testing").status).toBe("pass");
  });

  it("accepts a quoted 'on' key", () => {
    const text = ci("x").replace("on: x", "'on':\n  push:\n    branches: [testing]");
    expect(result(checkWorkflowFile("ciStaging", text), "trigger.push.testing").status).toBe("pass");
  });

  it("follows branch globs, negations and branches-ignore", () => {
    const check = (on: string) =>
      result(checkWorkflowFile("ciStaging", ci(on)), "trigger.push.testing").status;
    expect(check("{ push: { branches: ['test*'] } }")).toBe("pass");
    expect(check("{ push: { branches: ['**', '!testing'] } }")).toBe("fail");
    expect(check("{ push: { branches-ignore: [testing] } }")).toBe("fail");
    expect(check("{ push: { branches-ignore: [main] } }")).toBe("pass");
    expect(check("{ push: { tags: ['v*'] } }")).toBe("fail");
  });

  it("reports a missing `on:`", () => {
    const text = "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n";
    expect(result(checkWorkflowFile("ciStaging", text), "trigger.push.testing").status).toBe("fail");
  });
});

describe("checkWorkflowFile reading permissions", () => {
  const withPermissions = (top: string, job: string) => `
on: push
${top}
jobs:
  deploy:
    runs-on: ubuntu-latest
${job}
    steps: [{ run: echo }]
`;
  const status = (top: string, job: string) =>
    result(checkWorkflowFile("ciStaging", withPermissions(top, job)), "permissions.deployments").status;

  it("passes a job granted deployments: write, or write-all", () => {
    expect(status("permissions: {}", "    permissions: { deployments: write }")).toBe("pass");
    expect(status("permissions: write-all", "")).toBe("pass");
  });

  it("fails when every job's permissions leave deployments out", () => {
    expect(status("permissions: { contents: read }", "")).toBe("fail");
    expect(status("permissions: read-all", "    permissions: { deployments: read }")).toBe("fail");
  });

  it("cannot tell when no permissions are declared at all", () => {
    expect(status("", "")).toBe("unknown");
  });
});

describe("configured branch names", () => {
  it("checks the push trigger against BRANCH_STAGING, not a hard-coded testing", () => {
    const yaml =
      "on:\n  push:\n    branches: [develop]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n";
    const rows = checkWorkflowFile("ciStaging", yaml, { staging: "develop", production: "trunk" });
    expect(rows.find((r) => r.id === "trigger.push.develop")?.status).toBe("pass");
    expect(rows.some((r) => r.id === "trigger.push.testing")).toBe(false);
    const defaults = checkWorkflowFile("ciStaging", yaml);
    expect(defaults.find((r) => r.id === "trigger.push.testing")?.status).toBe("fail");
  });
});
