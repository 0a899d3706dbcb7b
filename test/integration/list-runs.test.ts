import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { listRuns as ListRuns } from "@/lib/runs/list-runs";
import type { RunningSimulator } from "@/simulator/server";
import { control, startTestSimulator } from "./simulator-helpers";

let sim: RunningSimulator;
let listRuns: typeof ListRuns;

beforeAll(async () => {
  sim = await startTestSimulator();
  Object.assign(process.env, {
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: sim.apiUrl,
    GITHUB_WEB_URL: sim.url,
    GITHUB_CLIENT_ID: "sim-client-id",
    GITHUB_CLIENT_SECRET: "sim-client-secret",
    GITHUB_TOKEN: "sim-server-token",
    NEXTAUTH_SECRET: "list-runs-test-secret-at-least-32-characters",
    GITHUB_CACHE_MIN_REVALIDATE_MS: "0",
    // The teardown is configured under a name the repository does not have (yet): its runs are not
    // the pipeline's, must not be listed, and the missing workflow must not break the list.
    WORKFLOW_STAGING_TEARDOWN: "not-added-yet.yml",
  });
  ({ listRuns } = await import("@/lib/runs/list-runs"));
  // Enough CI runs that one workflow needs more than one page of the merged read (50).
  for (let i = 0; i < 40; i++) await control(sim, "POST", "/_sim/push", { branch: "testing" });
});

afterAll(() => sim?.close());

describe("the runs list", () => {
  it("lists only the configured workflows' runs, newest first, across pages without gaps or repeats", async () => {
    const all = sim.world.runs.all;
    const byWorkflow = (key: string) => all.filter((r) => r.workflow === key).length;
    expect(byWorkflow("staging-teardown")).toBeGreaterThan(0);
    expect(byWorkflow("ci-staging")).toBeGreaterThan(50);
    const expectedTotal = byWorkflow("ci-staging") + byWorkflow("deploy-production");

    const first = await listRuns({ page: 1 }, 20);
    expect(first.totalCount).toBe(expectedTotal);
    const seen = [...first.rows];
    let view = first;
    for (let page = 2; view.hasNext; page++) {
      view = await listRuns({ page }, 20);
      seen.push(...view.rows);
    }
    expect(seen).toHaveLength(expectedTotal);
    expect(new Set(seen.map((r) => r.id)).size).toBe(expectedTotal);
    expect(new Set(seen.map((r) => r.workflow)).size).toBe(2);
    expect(seen.some((r) => /teardown/i.test(r.workflow))).toBe(false);
    const created = seen.map((r) => Date.parse(r.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("with a workflow filter, asks GitHub for that workflow's page only", async () => {
    const view = await listRuns({ page: 1, workflow: "ci-staging.yml" }, 5);
    expect(view.rows).toHaveLength(5);
    expect(new Set(view.rows.map((r) => r.workflow))).toEqual(new Set(["CI + staging"]));
  });
});
