import type { RepoHook, RepoHooksPage } from "@/lib/github/list-repo-hooks";
import { failed, notKnown, passed, type ReadinessCheck, type ReadOutcome } from "./check";
import { describeReadFailure } from "./describe-read-failure";

/** Where Release Desk receives GitHub's webhooks. */
export const WEBHOOK_PATH = "/api/webhooks/github";
/** Without these Release Desk learns of finished runs and deployments only by polling. */
export const REQUIRED_EVENTS = ["workflow_run", "deployment_status"] as const;

export interface WebhookReadinessInput {
  hooks: ReadOutcome<RepoHooksPage>;
  /** GITHUB_WEBHOOK_SECRET holds at least one secret. */
  secretConfigured: boolean;
  /** NEXTAUTH_URL, to say where the hook should deliver. */
  appUrl: string | undefined;
}

export interface HookView {
  id: number;
  url: string;
  active: boolean;
  events: string[];
  contentType: string;
  lastDelivery: string;
  /** Delivers to Release Desk's webhook path. */
  pointsHere: boolean;
}

export interface WebhookReadiness {
  expectedUrl: string;
  /** Null when the hooks could not be listed. */
  hooks: HookView[] | null;
  checks: ReadinessCheck[];
}

const CONFIGURED = { id: "webhook.configured", title: "A webhook delivers to Release Desk" };
const DELIVERY = {
  id: "webhook.delivery",
  title: "The last delivery was accepted",
  level: "advisory" as const,
};

export function webhookReadiness(input: WebhookReadinessInput): WebhookReadiness {
  const expectedUrl = input.appUrl
    ? `${input.appUrl.replace(/\/+$/, "")}${WEBHOOK_PATH}`
    : `https://<release desk>${WEBHOOK_PATH}`;
  const addHook = `Under Settings → Webhooks → Add webhook: Payload URL ${expectedUrl}, content type application/json, secret = the value of GITHUB_WEBHOOK_SECRET, events “Workflow runs” and “Deployment statuses” (also useful: Workflow jobs, Deployments, Pull requests, Pushes), Active.`;

  if (!input.hooks.ok) {
    const error = input.hooks.error;
    const refused = error.kind === "forbidden" || error.kind === "not-found";
    return {
      expectedUrl,
      hooks: null,
      checks: [
        notKnown(
          CONFIGURED,
          refused
            ? `the server's token may not list the repository's webhooks (${describeReadFailure(error)}); GitHub shows them to repository admins only`
            : `could not list the repository's webhooks: ${describeReadFailure(error)}`,
          refused
            ? `Give the token read access to webhooks (classic token: the read:repo_hook scope; fine-grained token or GitHub App: “Webhooks: read”), or check by hand. ${addHook}`
            : "Check again when GitHub answers.",
        ),
      ],
    };
  }

  const hooks = input.hooks.value.hooks;
  const views = hooks.map(hookView);
  const candidates = hooks.filter(pointsHere);
  if (candidates.length === 0) {
    const found = views.map((v) => v.url).filter((url) => url !== "");
    return {
      expectedUrl,
      hooks: views,
      checks: [
        failed(
          CONFIGURED,
          hooks.length === 0
            ? "the repository has no webhooks, so Release Desk learns of runs and deployments only by polling"
            : `none of the repository's webhooks delivers to …${WEBHOOK_PATH} (found: ${found.join(", ") || "none with a URL"})`,
          addHook,
        ),
      ],
    };
  }

  const ranked = candidates
    .map((hook) => ({ hook, problems: problemsOf(hook, input.secretConfigured) }))
    .sort((a, b) => a.problems.length - b.problems.length);
  const best = ranked[0]!;
  const url = best.hook.config.url ?? "";
  const elsewhere =
    input.appUrl && !url.startsWith(input.appUrl.replace(/\/+$/, ""))
      ? ` Note: it does not start with NEXTAUTH_URL (${input.appUrl}); fine behind a proxy that forwards it.`
      : "";
  const configured =
    best.problems.length === 0
      ? passed(
          CONFIGURED,
          `webhook ${best.hook.id} delivers ${eventList(best.hook)} to ${url} (active, JSON, signed).${elsewhere}`,
        )
      : failed(
          CONFIGURED,
          `webhook ${best.hook.id} (${url}): ${best.problems.map((p) => p.detail).join("; ")}.${elsewhere}`,
          best.problems.map((p) => p.fix).join(" "),
        );
  return { expectedUrl, hooks: views, checks: [configured, deliveryCheck(best.hook)] };
}

interface Problem {
  detail: string;
  fix: string;
}

function problemsOf(hook: RepoHook, secretConfigured: boolean): Problem[] {
  const problems: Problem[] = [];
  if (!hook.active) {
    problems.push({ detail: "it is inactive", fix: "Tick “Active” on the webhook." });
  }
  const missing = hook.events.includes("*")
    ? []
    : REQUIRED_EVENTS.filter((event) => !hook.events.includes(event));
  if (missing.length > 0) {
    problems.push({
      detail: `it does not send ${missing.join(" or ")}`,
      fix: `Select the events ${missing.map(eventLabel).join(" and ")} on the webhook.`,
    });
  }
  if (hook.config.content_type !== undefined && hook.config.content_type !== "json") {
    problems.push({
      detail: `it sends ${hook.config.content_type}-encoded payloads`,
      fix: "Set the webhook's content type to application/json.",
    });
  }
  // GitHub returns "********" for a secret that is set and leaves the field out otherwise.
  if (!hook.config.secret) {
    problems.push({
      detail: "it has no secret, so its deliveries are unsigned and cannot be verified",
      fix: "Set the webhook's secret to the value of GITHUB_WEBHOOK_SECRET.",
    });
  }
  if (!secretConfigured) {
    problems.push({
      detail: "Release Desk has no GITHUB_WEBHOOK_SECRET, so it cannot verify any delivery",
      fix: "Set GITHUB_WEBHOOK_SECRET to the webhook's secret.",
    });
  }
  return problems;
}

function deliveryCheck(hook: RepoHook): ReadinessCheck {
  const { code, status, message } = hook.last_response;
  if (code !== null && code >= 200 && code < 300)
    return passed(DELIVERY, `the last delivery was answered ${code}`);
  if (code === null && (status === null || status === "unused")) {
    return passed(DELIVERY, "no deliveries yet: GitHub sends the first one when a run or deployment changes");
  }
  const said = [code, message].filter((part) => part !== null && part !== "").join(" ");
  const fix =
    code === 401 || code === 403
      ? "The secrets probably differ: set the webhook's secret to the value of GITHUB_WEBHOOK_SECRET, then redeliver."
      : code === 404
        ? `Check that the payload URL ends in ${WEBHOOK_PATH} and that this Release Desk is the one deployed there.`
        : code === null
          ? "GitHub could not reach the URL: make Release Desk reachable from GitHub (firewall, DNS, TLS certificate)."
          : "See Settings → Webhooks → Recent deliveries for the response, and redeliver once fixed.";
  return failed(DELIVERY, `the last delivery failed (${said || status || "no answer"})`, fix);
}

function pointsHere(hook: RepoHook): boolean {
  const url = hook.config.url;
  if (!url) return false;
  return url.split(/[?#]/, 1)[0]!.replace(/\/+$/, "").endsWith(WEBHOOK_PATH);
}

function hookView(hook: RepoHook): HookView {
  const { code, status, message } = hook.last_response;
  return {
    id: hook.id,
    url: hook.config.url ?? "",
    active: hook.active,
    events: hook.events,
    contentType: hook.config.content_type ?? "not stated",
    lastDelivery:
      code === null && (status === null || status === "unused")
        ? "none yet"
        : [code, message ?? status].filter((part) => part !== null).join(" "),
    pointsHere: pointsHere(hook),
  };
}

function eventList(hook: RepoHook): string {
  return hook.events.includes("*") ? "every event" : hook.events.join(", ");
}

function eventLabel(event: (typeof REQUIRED_EVENTS)[number]): string {
  return event === "workflow_run" ? "“Workflow runs”" : "“Deployment statuses”";
}
