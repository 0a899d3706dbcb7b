import { describe, expect, it } from "vitest";
import { GitHubForbiddenError, GitHubNotFoundError, GitHubUnavailableError } from "@/lib/github/errors";
import type { RepoHook } from "@/lib/github/list-repo-hooks";
import { webhookReadiness, type WebhookReadinessInput } from "./webhook";

const APP = "https://releases.acme.example";

function hook(overrides: Partial<RepoHook> & { config?: RepoHook["config"] } = {}): RepoHook {
  return {
    type: "Repository",
    id: 12,
    name: "web",
    active: true,
    events: ["workflow_run", "deployment_status", "deployment", "pull_request"],
    config: {
      url: `${APP}/api/webhooks/github`,
      content_type: "json",
      secret: "********",
      insecure_ssl: "0",
    },
    updated_at: "2026-01-01T00:00:00Z",
    created_at: "2026-01-01T00:00:00Z",
    url: "https://api.github.com/repos/acme/shop/hooks/12",
    test_url: "https://api.github.com/repos/acme/shop/hooks/12/test",
    ping_url: "https://api.github.com/repos/acme/shop/hooks/12/pings",
    last_response: { code: 200, status: "active", message: "OK" },
    ...overrides,
  };
}

function input(hooks: RepoHook[], overrides: Partial<WebhookReadinessInput> = {}): WebhookReadinessInput {
  return {
    hooks: { ok: true, value: { hooks, hasNext: false } },
    secretConfigured: true,
    appUrl: APP,
    ...overrides,
  };
}

const configured = (result: ReturnType<typeof webhookReadiness>) =>
  result.checks.find((c) => c.id === "webhook.configured");

describe("webhookReadiness", () => {
  it("is unknown, with the reason, when the token may not list hooks (403)", () => {
    const error = new GitHubForbiddenError("Must have admin rights to Repository.", { status: 403 });
    const result = webhookReadiness(input([], { hooks: { ok: false, error } }));

    expect(result.hooks).toBeNull();
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toMatchObject({ id: "webhook.configured", status: "unknown" });
    expect(result.checks[0]?.detail).toContain("may not list the repository's webhooks");
    expect(result.checks[0]?.detail).toContain("403: Must have admin rights to Repository.");
    expect(result.checks[0]?.fix).toContain("read:repo_hook");
    expect(result.checks[0]?.fix).toContain(`${APP}/api/webhooks/github`);
  });

  it("is unknown when GitHub hides the hooks (404 to non-admins)", () => {
    const error = new GitHubNotFoundError("Not Found", { status: 404 });
    const result = webhookReadiness(input([], { hooks: { ok: false, error } }));

    expect(result.checks[0]).toMatchObject({ status: "unknown" });
    expect(result.checks[0]?.detail).toContain("GitHub answered 404");
  });

  it("is unknown, not failing, when GitHub is unavailable", () => {
    const error = new GitHubUnavailableError("connect ECONNREFUSED", { status: 500 });
    const result = webhookReadiness(input([], { hooks: { ok: false, error } }));

    expect(result.checks[0]).toMatchObject({ status: "unknown", fix: "Check again when GitHub answers." });
  });

  it("fails with how to add one when the repository has no webhook", () => {
    const result = webhookReadiness(input([]));

    expect(configured(result)).toMatchObject({ status: "fail" });
    expect(configured(result)?.detail).toContain("has no webhooks");
    expect(configured(result)?.fix).toContain(`Payload URL ${APP}/api/webhooks/github`);
    expect(result.hooks).toEqual([]);
  });

  it("fails when no hook delivers to Release Desk, listing where they do deliver", () => {
    const result = webhookReadiness(
      input([hook({ config: { url: "https://ci.example/hook", content_type: "json" } })]),
    );

    expect(configured(result)?.status).toBe("fail");
    expect(configured(result)?.detail).toContain("found: https://ci.example/hook");
  });

  it("passes an active JSON hook with a secret sending workflow_run and deployment_status", () => {
    const result = webhookReadiness(input([hook()]));

    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ["webhook.configured", "pass"],
      ["webhook.delivery", "pass"],
    ]);
    expect(result.hooks?.[0]).toMatchObject({ pointsHere: true, lastDelivery: "200 OK" });
  });

  it("accepts a hook that sends every event", () => {
    const result = webhookReadiness(input([hook({ events: ["*"] })]));
    expect(configured(result)?.status).toBe("pass");
  });

  it("names each problem of the hook that points here, and the fix for each", () => {
    const result = webhookReadiness(
      input(
        [
          hook({
            active: false,
            events: ["push"],
            config: { url: `${APP}/api/webhooks/github/`, content_type: "form" },
          }),
        ],
        { secretConfigured: false },
      ),
    );

    const check = configured(result);
    expect(check?.status).toBe("fail");
    expect(check?.detail).toContain("it is inactive");
    expect(check?.detail).toContain("it does not send workflow_run or deployment_status");
    expect(check?.detail).toContain("form-encoded");
    expect(check?.detail).toContain("no secret");
    expect(check?.detail).toContain("Release Desk has no GITHUB_WEBHOOK_SECRET");
    expect(check?.fix).toContain("Tick “Active”");
    expect(check?.fix).toContain("application/json");
  });

  it("warns (advisory) when the last delivery was refused, suggesting the secrets differ", () => {
    const result = webhookReadiness(
      input([
        hook({ last_response: { code: 401, status: "failed", message: "Invalid HTTP Response: 401" } }),
      ]),
    );

    const delivery = result.checks.find((c) => c.id === "webhook.delivery");
    expect(configured(result)?.status).toBe("pass");
    expect(delivery).toMatchObject({ status: "fail", level: "advisory" });
    expect(delivery?.fix).toContain("secrets probably differ");
  });

  it("treats a hook that has never delivered as fine", () => {
    const result = webhookReadiness(
      input([hook({ last_response: { code: null, status: "unused", message: null } })]),
    );
    expect(result.checks.find((c) => c.id === "webhook.delivery")?.status).toBe("pass");
  });
});
