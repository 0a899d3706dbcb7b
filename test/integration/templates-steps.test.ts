import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { stagingDeploymentPayloadSchema } from "@/lib/setup/deployment-payload";
import {
  deployActionPath,
  fakeDigest,
  runShellStep,
  stepNamed,
  templatesDir,
  workflowsDir,
} from "./templates-workflow-steps";

/** The bundled workflows' own shell steps, run here with the environment a runner would give them. */

const SHA = "0123456789abcdef0123456789abcdef01234567";
const SERVICES = "product_service order_service customer_service frontend";
const images: Record<string, string> = {
  product_service: fakeDigest("a"),
  order_service: fakeDigest("b"),
  customer_service: fakeDigest("c"),
  frontend: fakeDigest("d"),
};
const ciStaging = path.join(workflowsDir, "ci-staging.yml");
const teardown = path.join(workflowsDir, "staging-teardown.yml");
const production = path.join(workflowsDir, "deploy-production.yml");

function script(file: string, name: string): string {
  const run = stepNamed(file, name).run;
  if (!run) throw new Error(`step "${name}" has no run script`);
  return run;
}

/** A checkout-like folder whose k8s/ is a copy of the bundled templates/k8s. */
function workspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), "workspace-"));
  cpSync(path.join(templatesDir, "k8s"), path.join(root, "k8s"), { recursive: true });
  return root;
}

interface RenderedObject {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: { template?: { spec: { containers: { image: string }[] } } };
}

describe("deploy-release action: Render manifests", () => {
  const render = (overrides: Record<string, string>) =>
    runShellStep(
      script(deployActionPath, "Render manifests"),
      {
        OVERLAY: "staging",
        NAMESPACE: "staging-0123456",
        RELEASE_SHA: SHA,
        IMAGES_JSON: JSON.stringify(images),
        REGISTRY: "shopacr.azurecr.io",
        K8S_DIR: "k8s",
        SERVICES,
        ...overrides,
      },
      workspace(),
    );

  for (const overlay of ["staging", "production"]) {
    it(`pins every ${overlay} service to its digest inside the release namespace`, () => {
      const namespace = overlay === "staging" ? "staging-0123456" : "shop-production";
      const outcome = render({ OVERLAY: overlay, NAMESPACE: namespace });
      expect(outcome.stderr).toBe("");
      expect(outcome.status).toBe(0);
      const objects = parseAllDocuments(
        readFileSync(path.join(outcome.runnerTemp, "manifests.yaml"), "utf8"),
      ).map((document) => document.toJS() as RenderedObject);
      const running = objects.flatMap(
        (object) => object.spec?.template?.spec.containers.map((c) => c.image) ?? [],
      );
      for (const [service, digest] of Object.entries(images)) {
        expect(running).toContain(`shopacr.azurecr.io/${service}@${digest}`);
      }
      const namespaced = objects.filter((object) => object.kind !== "Namespace");
      expect(new Set(namespaced.map((object) => object.metadata.namespace))).toEqual(new Set([namespace]));
      const namespaceObject = objects.find((object) => object.kind === "Namespace");
      // Teardown deletes a namespace only when this label names the SHA it was asked to remove.
      expect(namespaceObject?.metadata).toMatchObject({
        name: namespace,
        labels: { "release-desk.io/sha": SHA },
      });
    });
  }

  it("refuses an image without a valid digest", () => {
    const outcome = render({ IMAGES_JSON: JSON.stringify({ ...images, frontend: "latest" }) });
    expect(outcome.status).not.toBe(0);
    expect(outcome.stdout).toContain("::error::no valid digest for frontend");
  });

  it("refuses a release missing a service", () => {
    const { order_service: _omitted, ...rest } = images;
    expect(render({ IMAGES_JSON: JSON.stringify(rest) }).status).not.toBe(0);
  });

  it("refuses a namespace or SHA that could smuggle YAML into the kustomization", () => {
    expect(render({ NAMESPACE: "x\nimages: []" }).status).not.toBe(0);
    expect(render({ RELEASE_SHA: `${SHA}"` }).status).not.toBe(0);
  });
});

describe("ci-staging: Collect the pushed digests", () => {
  it("builds the staging deployment payload Release Desk reads", () => {
    const runnerTemp = mkdtempSync(path.join(tmpdir(), "runner-"));
    mkdirSync(path.join(runnerTemp, "digests"));
    for (const [service, digest] of Object.entries(images)) {
      writeFileSync(path.join(runnerTemp, "digests", service), digest);
    }
    const outcome = runShellStep(
      script(ciStaging, "Collect the pushed digests"),
      { RELEASE_SHA: SHA, SERVICES },
      runnerTemp,
      runnerTemp,
    );
    expect(outcome.status).toBe(0);
    const payload = stagingDeploymentPayloadSchema.parse({
      namespace: outcome.outputs.namespace,
      images: JSON.parse(outcome.outputs.images ?? "null") as unknown,
    });
    expect(payload).toEqual({ namespace: "staging-0123456", images });
  });
});

describe("staging-teardown: Validate the inputs", () => {
  const validate = (env: Record<string, string>) =>
    runShellStep(
      script(teardown, "Validate the inputs"),
      { RELEASE_SHA: SHA, NAMESPACE: "staging-0123456", CORRELATION_ID: "rd-42", ...env },
      tmpdir(),
    ).status;

  it("accepts a SHA, its own namespace and a plain correlation id", () => {
    expect(validate({})).toBe(0);
  });

  it("refuses a short SHA, a foreign namespace or shell text in the correlation id", () => {
    expect(validate({ RELEASE_SHA: "0123456" })).not.toBe(0);
    expect(validate({ NAMESPACE: "kube-system" })).not.toBe(0);
    expect(validate({ NAMESPACE: "staging-fedcba9" })).not.toBe(0);
    expect(validate({ CORRELATION_ID: "$(reboot)" })).not.toBe(0);
  });
});

describe("deploy-production: Validate the inputs", () => {
  const validate = (env: Record<string, string>) =>
    runShellStep(
      script(production, "Validate the inputs"),
      { GITHUB_SHA: "f".repeat(40), GITHUB_RUN_ID: "777", ...env },
      tmpdir(),
    );

  it("takes the dispatched SHA, reason and correlation id", () => {
    const outcome = validate({
      EVENT_NAME: "workflow_dispatch",
      DISPATCH_SHA: SHA,
      DISPATCH_REASON: "rollback",
      DISPATCH_CORRELATION_ID: "rd-7",
    });
    expect(outcome.status).toBe(0);
    expect(outcome.outputs).toEqual({ sha: SHA, reason: "rollback", correlation_id: "rd-7" });
  });

  it("takes the pushed commit as a release on push", () => {
    const outcome = validate({ EVENT_NAME: "push" });
    expect(outcome.outputs).toEqual({ sha: "f".repeat(40), reason: "release", correlation_id: "push-777" });
  });

  it("refuses a dispatched SHA that is not 40 hex characters", () => {
    const outcome = validate({
      EVENT_NAME: "workflow_dispatch",
      DISPATCH_SHA: "main",
      DISPATCH_REASON: "release",
      DISPATCH_CORRELATION_ID: "rd-7",
    });
    expect(outcome.status).not.toBe(0);
    expect(outcome.outputs).toEqual({});
  });
});
