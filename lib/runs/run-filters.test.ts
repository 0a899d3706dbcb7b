import { describe, expect, it } from "vitest";
import { parseRunFilters } from "./run-filters";

const WORKFLOWS = ["ci-staging.yml", "staging-teardown.yml", "deploy-production.yml"];
const SHA = "a".repeat(40);

describe("run filters from the URL", () => {
  it("accepts every filter and defaults the page to 1", () => {
    expect(
      parseRunFilters(
        {
          workflow: "ci-staging.yml",
          branch: "testing",
          status: "failure",
          actor: "dana-dev",
          sha: SHA.toUpperCase(),
        },
        WORKFLOWS,
      ),
    ).toEqual({
      ok: true,
      filters: {
        workflow: "ci-staging.yml",
        branch: "testing",
        status: "failure",
        actor: "dana-dev",
        sha: SHA,
        page: 1,
      },
    });
  });

  it("treats empty fields as no filter", () => {
    expect(
      parseRunFilters({ workflow: "", branch: "", status: "", actor: "", sha: "", page: "2" }, WORKFLOWS),
    ).toEqual({
      ok: true,
      filters: { page: 2 },
    });
  });

  it("reports a short SHA with a clear message and drops only that filter", () => {
    const result = parseRunFilters({ sha: "abc1234", branch: "testing" }, WORKFLOWS);
    expect(result).toEqual({
      ok: false,
      errors: { sha: "Enter the full 40-character commit SHA" },
      filters: { branch: "testing", page: 1 },
    });
  });

  it("refuses a workflow that is not one of the pipeline's", () => {
    const result = parseRunFilters({ workflow: "other.yml" }, WORKFLOWS);
    expect(result.ok).toBe(false);
    expect(result.filters.workflow).toBeUndefined();
    if (!result.ok) expect(result.errors.workflow).toContain("ci-staging.yml");
  });

  it("refuses an unknown status and a page out of range", () => {
    const result = parseRunFilters({ status: "exploded", page: "0" }, WORKFLOWS);
    expect(result.ok).toBe(false);
    expect(result.filters).toEqual({ page: 1 });
  });
});
