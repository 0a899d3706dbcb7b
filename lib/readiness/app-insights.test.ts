import { describe, expect, it } from "vitest";
import { workspaceReadiness } from "./app-insights";

const ENDPOINT = "https://api.loganalytics.io/v1";

describe("workspaceReadiness", () => {
  it("fails an unconfigured workspace, naming the variable to set", () => {
    const result = workspaceReadiness({
      key: "production",
      workspaceId: undefined,
      endpoint: ENDPOINT,
      ping: null,
    });

    expect(result.workspaceId).toBeNull();
    expect(result.checks[0]).toMatchObject({
      id: "app-insights.production",
      status: "fail",
      level: "required",
    });
    expect(result.checks[0]?.detail).toContain("AZURE_WORKSPACE_PRODUCTION is not set");
    expect(result.checks[0]?.fix).toContain("Set AZURE_WORKSPACE_PRODUCTION");
  });

  it("passes a workspace that answered, saying how fast and where", () => {
    const result = workspaceReadiness({
      key: "staging",
      workspaceId: "ws-1",
      endpoint: ENDPOINT,
      ping: { ok: true, elapsedMs: 42 },
    });

    expect(result.checks[0]).toMatchObject({
      status: "pass",
      detail: `answered a trivial query in 42 ms (${ENDPOINT})`,
    });
  });

  it("fails with the reason and a fix that fits the status", () => {
    const result = workspaceReadiness({
      key: "staging",
      workspaceId: "ws-1",
      endpoint: ENDPOINT,
      ping: { ok: false, reason: "no read access to workspace ws-1 (403 …)", statusCode: 403 },
    });

    expect(result.checks[0]).toMatchObject({
      status: "fail",
      detail: "no read access to workspace ws-1 (403 …)",
      fix: "Grant Release Desk's Azure identity the Log Analytics Reader role on the workspace.",
    });
  });

  it("points at the endpoint and credential when there was no answer at all", () => {
    const result = workspaceReadiness({
      key: "staging",
      workspaceId: "ws-1",
      endpoint: ENDPOINT,
      ping: { ok: false, reason: "could not reach Log Analytics (ECONNREFUSED …)", statusCode: undefined },
    });

    expect(result.checks[0]?.fix).toContain("AZURE_LOGS_ENDPOINT is reachable");
  });
});
