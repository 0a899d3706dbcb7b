import type { components } from "@octokit/openapi-types";
import { describe, expect, it } from "vitest";
import { GitHubForbiddenError } from "@/lib/github/errors";
import type { Environment } from "@/lib/github/get-environment";
import type { EnvironmentsPage } from "@/lib/github/list-environments";
import type { ReadOutcome } from "./check";
import { environmentReadiness } from "./environments";

function environment(
  name: string,
  rules: Environment["protection_rules"] = [],
  branchPolicy = false,
): Environment {
  return {
    id: 1,
    node_id: "E_1",
    name,
    url: `https://api.github.com/repos/acme/shop/environments/${name}`,
    html_url: `https://github.com/acme/shop/deployments/activity_log?environments_filter=${name}`,
    created_at: "2025-08-28T08:30:00Z",
    updated_at: "2025-08-28T08:30:00Z",
    protection_rules: rules,
    deployment_branch_policy: branchPolicy
      ? { protected_branches: true, custom_branch_policies: false }
      : null,
  };
}

// Only the fields the mapping reads; the rest of a user or team does not matter here.
const user = (login: string) => ({ login }) as components["schemas"]["simple-user"];
const team = (slug: string) => ({ slug }) as components["schemas"]["team"];

const reviewers = (preventSelfReview: boolean): NonNullable<Environment["protection_rules"]> => [
  { id: 2, node_id: "G_2", type: "wait_timer", wait_timer: 5 },
  {
    id: 3,
    node_id: "G_3",
    type: "required_reviewers",
    prevent_self_review: preventSelfReview,
    reviewers: [
      { type: "User", reviewer: user("lee-lead") },
      { type: "Team", reviewer: team("release-leads") },
    ],
  },
  { id: 4, node_id: "G_4", type: "branch_policy" },
];

const others = (...names: string[]): ReadOutcome<EnvironmentsPage> => ({
  ok: true,
  value: { environments: names.map((n) => environment(n)), totalCount: names.length, hasNext: false },
});

describe("environmentReadiness", () => {
  it("fails a missing environment, naming the ones that exist and how to create it", () => {
    const result = environmentReadiness({
      key: "production",
      name: "production",
      read: { ok: true, value: null },
      others: others("prod", "staging"),
    });

    expect(result.protection).toBeNull();
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toMatchObject({
      id: "environment.production.exists",
      status: "fail",
      level: "required",
    });
    expect(result.checks[0]?.detail).toContain("(it has `prod`, `staging`)");
    expect(result.checks[0]?.fix).toContain("Settings → Environments → New environment");
    expect(result.checks[0]?.fix).toContain("ENVIRONMENT_PRODUCTION");
  });

  it("reports an environment it could not read as unknown", () => {
    const error = new GitHubForbiddenError("Resource not accessible by integration", { status: 403 });
    const result = environmentReadiness({ key: "staging", name: "staging", read: { ok: false, error } });

    expect(result.checks[0]).toMatchObject({ status: "unknown" });
    expect(result.checks[0]?.detail).toContain("403");
  });

  it("passes production with required reviewers and lists its protection rules in words", () => {
    const result = environmentReadiness({
      key: "production",
      name: "production",
      read: { ok: true, value: environment("production", reviewers(false), true) },
    });

    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ["environment.production.exists", "pass"],
      ["environment.production.reviewers", "pass"],
    ]);
    expect(result.protection).toEqual([
      { label: "Required reviewers", value: "lee-lead, team release-leads" },
      { label: "Self-review", value: "allowed (whoever started a deploy may approve it)" },
      { label: "Wait timer", value: "5 minutes before each deploy starts" },
      { label: "Deployment branches", value: "protected branches only" },
    ]);
  });

  it("warns (advisory fail) when production has no required reviewers", () => {
    const result = environmentReadiness({
      key: "production",
      name: "production",
      read: { ok: true, value: environment("production") },
    });

    const review = result.checks.find((c) => c.id === "environment.production.reviewers");
    expect(review).toMatchObject({ status: "fail", level: "advisory" });
    expect(review?.fix).toContain("Required reviewers");
    expect(result.protection?.[0]).toEqual({ label: "Required reviewers", value: "none" });
  });

  it("asks nothing more of staging than that it exists", () => {
    const result = environmentReadiness({
      key: "staging",
      name: "staging",
      read: { ok: true, value: environment("staging") },
    });

    expect(result.checks.map((c) => [c.id, c.status])).toEqual([["environment.staging.exists", "pass"]]);
    expect(result.protection).toContainEqual({ label: "Deployment branches", value: "any branch" });
  });
});
