import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, type GitHubClient } from "./client";
import { dispatchWorkflow } from "./dispatch-workflow";
import { GitHubError, GitHubTimeoutError } from "./errors";
import { ReadCache } from "./read-cache";
import { silentLog, startFakeGitHub, type FakeGitHub } from "./testing/fake-github-http";

let fake: FakeGitHub;
let gh: GitHubClient;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  gh = createGitHubClient({
    baseUrl: fake.url,
    auth: { kind: "token", token: "t" },
    timeoutMs: 500,
    log: silentLog,
    cache: new ReadCache(),
  });
});

const DISPATCHES = "/repos/acme/shop/actions/workflows/deploy-production.yml/dispatches";
const params = {
  owner: "acme",
  repo: "shop",
  workflow: "deploy-production.yml",
  ref: "main",
  inputs: { sha: "a".repeat(40), reason: "rollback", correlation_id: "rd-123" },
};

describe("dispatchWorkflow", () => {
  it("returns the created run when GitHub reports it", async () => {
    fake.script("POST", DISPATCHES, {
      status: 200,
      body: { workflow_run_id: 42, run_url: "https://api/runs/42", html_url: "https://web/runs/42" },
    });

    const result = await dispatchWorkflow(gh, params);

    expect(result).toEqual({ runId: 42, runUrl: "https://api/runs/42", htmlUrl: "https://web/runs/42" });
    expect(fake.requests[0]?.body).toEqual({ ref: "main", inputs: params.inputs, return_run_details: true });
  });

  it("sends once more without return_run_details when GHES rejects the parameter, and reports no run id", async () => {
    fake.script(
      "POST",
      DISPATCHES,
      { status: 422, body: { message: 'Invalid request.\n\n"return_run_details" is not a permitted key.' } },
      { status: 204 },
    );

    const result = await dispatchWorkflow(gh, params);

    expect(result).toEqual({ runId: null });
    expect(fake.requests.map((r) => r.body)).toEqual([
      { ref: "main", inputs: params.inputs, return_run_details: true },
      { ref: "main", inputs: params.inputs },
    ]);
  });

  it("does not send again after any other 422", async () => {
    fake.script("POST", DISPATCHES, {
      status: 422,
      body: { message: 'Unexpected inputs provided: ["oops"]' },
    });

    await expect(dispatchWorkflow(gh, params)).rejects.toMatchObject({ kind: "invalid", status: 422 });
    expect(fake.requests).toHaveLength(1);
  });

  it("reports a timeout as an unknown outcome and never sends the dispatch twice", async () => {
    fake.script("POST", DISPATCHES, "hang");

    const error: unknown = await dispatchWorkflow(gh, params).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GitHubTimeoutError);
    expect((error as GitHubTimeoutError).outcomeUnknown).toBe(true);
    expect(fake.requests).toHaveLength(1);
  });

  it("does not retry a dispatch GitHub failed with a server error", async () => {
    fake.script("POST", DISPATCHES, { status: 502, body: { message: "Bad Gateway" } });

    await expect(dispatchWorkflow(gh, params)).rejects.toBeInstanceOf(GitHubError);
    expect(fake.requests).toHaveLength(1);
  });

  it("refuses a SHA as ref before asking GitHub", async () => {
    await expect(dispatchWorkflow(gh, { ...params, ref: "b".repeat(40) })).rejects.toThrow(/branch or tag/);
    expect(fake.requests).toHaveLength(0);
  });
});
