import path from "node:path";
import { describe, expect, it } from "vitest";
import { fakeDigest, stepNamed, workflowsDir } from "./templates-workflow-steps";

/**
 * The bundled workflows' actions/github-script steps, run against a fake GitHub that records what it
 * was asked. The script text is the step's own, executed as github-script does: an async function
 * body with `github`, `context` and `core` in scope.
 */

const SHA = "0123456789abcdef0123456789abcdef01234567";
const MERGE = "fedcba9876543210fedcba9876543210fedcba98";
const MAIN_BEFORE = "1111111111111111111111111111111111111111";
const services = ["product_service", "order_service", "customer_service", "frontend"];
const imagesFrom = (seed: string) =>
  Object.fromEntries(services.map((service) => [service, fakeDigest(seed)]));

interface FakeDeployment {
  id: number;
  sha: string;
  environment: string;
  payload: unknown;
}

interface Call {
  method: string;
  params: Record<string, unknown>;
}

class FakeGitHub {
  readonly calls: Call[] = [];
  constructor(
    private readonly deployments: FakeDeployment[],
    private readonly statuses: Record<number, string[]>,
    private readonly parents: Record<string, string[]> = {},
  ) {}

  private record(method: string, params: Record<string, unknown>) {
    this.calls.push({ method, params });
  }

  readonly rest = {
    repos: {
      // Newest first, as GitHub lists them.
      listDeployments: (params: { environment?: string; sha?: string }) => {
        this.record("listDeployments", params);
        const data = this.deployments
          .filter((d) => (params.environment ? d.environment === params.environment : true))
          .filter((d) => (params.sha ? d.sha === params.sha : true))
          .sort((a, b) => b.id - a.id);
        return Promise.resolve({ data });
      },
      listDeploymentStatuses: (params: { deployment_id: number }) => {
        this.record("listDeploymentStatuses", params);
        return Promise.resolve({
          data: (this.statuses[params.deployment_id] ?? []).map((state) => ({ state })),
        });
      },
      getCommit: (params: { ref: string }) => {
        this.record("getCommit", params);
        const parents = (this.parents[params.ref] ?? [MAIN_BEFORE]).map((sha) => ({ sha }));
        return Promise.resolve({ data: { sha: params.ref, parents } });
      },
      createDeploymentStatus: (params: Record<string, unknown>) => {
        this.record("createDeploymentStatus", params);
        return Promise.resolve({ data: {} });
      },
    },
  };

  readonly paginate = async <P>(method: (params: P) => Promise<{ data: unknown[] }>, params: P) =>
    (await method(params)).data;
}

class FakeCore {
  readonly outputs: Record<string, string> = {};
  failed: string | undefined;
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  setFailed(message: string) {
    this.failed = message;
  }
  info() {}
  warning() {}
}

type ScriptFunction = (...args: unknown[]) => Promise<unknown>;
// github-script compiles the step's text the same way: as the body of an async function.
const AsyncFunction = (async () => {}).constructor as unknown as new (...args: string[]) => ScriptFunction;

async function runScript(
  workflow: string,
  stepName: string,
  github: FakeGitHub,
  env: Record<string, string>,
) {
  const script = stepNamed(path.join(workflowsDir, workflow), stepName).with?.script;
  if (!script) throw new Error(`step "${stepName}" has no script`);
  const core = new FakeCore();
  const context = { repo: { owner: "acme", repo: "shop" }, serverUrl: "https://github.com", runId: 99 };
  await new AsyncFunction("github", "context", "core", "process", script)(github, context, core, { env });
  return core;
}

describe("deploy-production: Find the digests accepted for this SHA", () => {
  const resolve = (github: FakeGitHub, sha: string) =>
    runScript("deploy-production.yml", "Find the digests accepted for this SHA", github, {
      RELEASE_SHA: sha,
      SERVICES: services.join(" "),
    });

  it("finds the staging digests of the accepted head behind a merge commit", async () => {
    const github = new FakeGitHub(
      [
        {
          id: 1,
          sha: SHA,
          environment: "staging",
          payload: { namespace: "staging-0123456", images: imagesFrom("a") },
        },
        // A later staging deploy of the same commit that failed its smoke checks is not what QA accepted.
        {
          id: 2,
          sha: SHA,
          environment: "staging",
          payload: { namespace: "staging-0123456", images: imagesFrom("b") },
        },
      ],
      { 1: ["in_progress", "success", "inactive"], 2: ["in_progress", "failure"] },
      { [MERGE]: [MAIN_BEFORE, SHA] },
    );
    const core = await resolve(github, MERGE);
    expect(core.failed).toBeUndefined();
    expect(JSON.parse(core.outputs.images ?? "{}")).toEqual(imagesFrom("a"));
    expect(core.outputs.accepted_sha).toBe(SHA);
    expect(
      github.calls.filter((call) => call.method === "listDeployments").map((call) => call.params),
    ).toEqual([
      { owner: "acme", repo: "shop", environment: "production", sha: MERGE, per_page: 100 },
      { owner: "acme", repo: "shop", environment: "staging", sha: MERGE, per_page: 100 },
      { owner: "acme", repo: "shop", environment: "production", sha: SHA, per_page: 100 },
      { owner: "acme", repo: "shop", environment: "staging", sha: SHA, per_page: 100 },
    ]);
  });

  it("redeploys what production ran for that SHA when rolling back, reading string payloads too", async () => {
    const github = new FakeGitHub(
      [
        {
          id: 5,
          sha: MERGE,
          environment: "production",
          payload: JSON.stringify({
            namespace: "shop-production",
            images: imagesFrom("c"),
            accepted_sha: SHA,
          }),
        },
      ],
      { 5: ["in_progress", "success", "inactive"] },
    );
    const core = await resolve(github, MERGE);
    expect(JSON.parse(core.outputs.images ?? "{}")).toEqual(imagesFrom("c"));
  });

  it("fails, naming the SHA, when no successful deployment records every digest", async () => {
    const { frontend: _missing, ...partial } = imagesFrom("d");
    const github = new FakeGitHub(
      [
        {
          id: 7,
          sha: SHA,
          environment: "staging",
          payload: { namespace: "staging-0123456", images: partial },
        },
      ],
      { 7: ["success"] },
    );
    const core = await resolve(github, SHA);
    expect(core.failed).toContain(`No successful staging or production deployment of ${SHA}`);
    expect(core.outputs.images).toBeUndefined();
  });
});

describe("deploy-production: Find the previous successful production release", () => {
  it("picks the newest production deployment that went green, other than this one", async () => {
    const github = new FakeGitHub(
      [
        { id: 10, sha: MAIN_BEFORE, environment: "production", payload: { images: imagesFrom("e") } },
        {
          id: 11,
          sha: SHA,
          environment: "production",
          payload: { images: imagesFrom("f"), accepted_sha: SHA },
        },
        { id: 12, sha: MERGE, environment: "production", payload: { images: imagesFrom("a") } },
        { id: 13, sha: MERGE, environment: "production", payload: { images: imagesFrom("a") } },
      ],
      { 10: ["success", "inactive"], 11: ["success"], 12: ["failure"], 13: ["in_progress"] },
    );
    const core = await runScript(
      "deploy-production.yml",
      "Find the previous successful production release",
      github,
      {
        DEPLOYMENT_ID: "13",
      },
    );
    expect(core.outputs).toEqual({ sha: SHA, images: JSON.stringify(imagesFrom("f")), accepted_sha: SHA });
  });
});

describe("staging-teardown: Mark the staging deployments inactive", () => {
  it("marks every staging deployment of the SHA inactive, with the correlation id", async () => {
    const github = new FakeGitHub(
      [
        { id: 21, sha: SHA, environment: "staging", payload: {} },
        { id: 22, sha: SHA, environment: "staging", payload: {} },
        { id: 23, sha: MERGE, environment: "staging", payload: {} },
        { id: 24, sha: SHA, environment: "production", payload: {} },
      ],
      {},
    );
    await runScript("staging-teardown.yml", "Mark the staging deployments inactive", github, {
      RELEASE_SHA: SHA,
      NAMESPACE: "staging-0123456",
      CORRELATION_ID: "rd-42",
    });
    const statuses = github.calls
      .filter((call) => call.method === "createDeploymentStatus")
      .map((call) => call.params);
    expect(statuses.map((params) => [params.deployment_id, params.state])).toEqual([
      [22, "inactive"],
      [21, "inactive"],
    ]);
    expect(statuses[0]?.description).toBe("staging-0123456 deleted [rd-42]");
  });
});
