import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGitHubClient, type GitHubClient } from "./client";
import { mergePull, PullHeadChangedError, PullNotMergeableError } from "./merge-pull";
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
    log: silentLog,
    cache: new ReadCache(),
  });
});

const MERGE = "/repos/acme/shop/pulls/7/merge";
const params = { owner: "acme", repo: "shop", pull_number: 7, sha: "c".repeat(40) };

describe("mergePull", () => {
  it("merges with merge_method merge, guarded by the accepted SHA", async () => {
    fake.script("PUT", MERGE, {
      status: 200,
      body: { sha: "d".repeat(40), merged: true, message: "Pull Request successfully merged" },
    });

    const result = await mergePull(gh, params);

    expect(result.merged).toBe(true);
    expect(fake.requests[0]?.body).toEqual({ sha: params.sha, merge_method: "merge" });
  });

  it("reports a moved head (409) as PullHeadChangedError, once", async () => {
    fake.script("PUT", MERGE, {
      status: 409,
      body: { message: "Head branch was modified. Review and try the merge again." },
    });

    await expect(mergePull(gh, params)).rejects.toBeInstanceOf(PullHeadChangedError);
    expect(fake.requests).toHaveLength(1);
  });

  it("tells a transient 405 (base moved) from a lasting one (required check)", async () => {
    fake.script(
      "PUT",
      MERGE,
      { status: 405, body: { message: "Base branch was modified. Review and try the merge again." } },
      { status: 405, body: { message: 'Required status check "ci" is expected.' } },
    );

    const transient: unknown = await mergePull(gh, params).catch((e: unknown) => e);
    const lasting: unknown = await mergePull(gh, params).catch((e: unknown) => e);

    expect(transient).toBeInstanceOf(PullNotMergeableError);
    expect((transient as PullNotMergeableError).transient).toBe(true);
    expect((lasting as PullNotMergeableError).transient).toBe(false);
    expect(fake.requests).toHaveLength(2);
  });
});
