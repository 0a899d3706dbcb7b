import { describe, expect, it } from "vitest";
import type { Deployment, DeploymentStatus } from "@/lib/github/list-deployments";
import { toDoraDeployment } from "./to-dora-deployment";

// Only the fields the mapping reads; the rest of GitHub's shapes do not matter here.
const deployment = (payload: unknown) =>
  ({ id: 7, sha: "abc", payload, created_at: "2026-11-01T10:00:00Z" }) as unknown as Deployment;
const status = (state: string) =>
  ({ state, created_at: "2026-11-01T10:20:00Z" }) as unknown as DeploymentStatus;

describe("a GitHub production deployment as DORA sees it", () => {
  it("names the kind from the pipeline's payload", () => {
    const kind = (payload: unknown) =>
      toDoraDeployment({ deployment: deployment(payload), latestStatus: null }).kind;
    expect(kind({ reason: "release" })).toBe("release");
    expect(kind({ reason: "rollback" })).toBe("rollback");
    expect(kind({ reason: "auto-rollback" })).toBe("auto-rollback");
    expect(kind(JSON.stringify({ reason: "rollback", auto_rollback: true }))).toBe("auto-rollback");
    expect(kind({})).toBe("unknown");
  });

  it("reads the latest status, with a finish time only for a final one", () => {
    const of = (state: string | null) =>
      toDoraDeployment({ deployment: deployment({}), latestStatus: state ? status(state) : null });
    expect(of("success")).toMatchObject({
      state: "success",
      createdAt: Date.parse("2026-11-01T10:00:00Z"),
      finishedAt: Date.parse("2026-11-01T10:20:00Z"),
    });
    expect(of("error")).toMatchObject({ state: "failure", finishedAt: Date.parse("2026-11-01T10:20:00Z") });
    expect(of("inactive")).toMatchObject({ state: "inactive", finishedAt: null });
    expect(of("in_progress")).toMatchObject({ state: "in_progress", finishedAt: null });
    expect(of("queued")).toMatchObject({ state: "in_progress" });
    expect(of(null)).toMatchObject({ state: "none", finishedAt: null });
  });
});
