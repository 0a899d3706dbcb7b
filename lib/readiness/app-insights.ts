import { failed, passed, type ReadinessCheck } from "./check";
import type { PipelineEnvironment } from "./environments";
import type { PingOutcome } from "./ping-workspace";

export const WORKSPACE_VARIABLES: Readonly<Record<PipelineEnvironment, string>> = {
  staging: "AZURE_WORKSPACE_STAGING",
  production: "AZURE_WORKSPACE_PRODUCTION",
};

export interface WorkspaceReadinessInput {
  key: PipelineEnvironment;
  /** Undefined when the variable is not set. */
  workspaceId: string | undefined;
  /** The Log Analytics endpoint queried (AZURE_LOGS_ENDPOINT). */
  endpoint: string;
  /** Null when there was nothing to ping (no workspace configured). */
  ping: PingOutcome | null;
}

export interface WorkspaceReadiness {
  key: PipelineEnvironment;
  workspaceId: string | null;
  checks: ReadinessCheck[];
}

export function workspaceReadiness(input: WorkspaceReadinessInput): WorkspaceReadiness {
  const variable = WORKSPACE_VARIABLES[input.key];
  const head = { id: `app-insights.${input.key}`, title: `The ${input.key} workspace answers a query` };
  const base = { key: input.key, workspaceId: input.workspaceId ?? null };
  if (!input.workspaceId) {
    return {
      ...base,
      checks: [
        failed(
          head,
          `not configured: ${variable} is not set, so ${input.key} health shows “not configured”`,
          `Set ${variable} to the Workspace ID (a GUID, on the Log Analytics workspace's Overview) of the workspace behind ${input.key}'s Application Insights, and give Release Desk's Azure identity the Log Analytics Reader role on it.`,
        ),
      ],
    };
  }
  const ping = input.ping;
  if (ping?.ok) {
    return {
      ...base,
      checks: [passed(head, `answered a trivial query in ${ping.elapsedMs} ms (${input.endpoint})`)],
    };
  }
  return {
    ...base,
    checks: [
      failed(head, ping ? ping.reason : "the workspace was not queried", fixFor(ping?.statusCode, variable)),
    ],
  };
}

function fixFor(statusCode: number | undefined, variable: string): string {
  switch (statusCode) {
    case 401:
      return "Check AZURE_CREDENTIAL: with workload identity, the pod needs AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE and a federated credential for its service account.";
    case 403:
      return "Grant Release Desk's Azure identity the Log Analytics Reader role on the workspace.";
    case 404:
      return `Check that ${variable} is the Workspace ID (not the resource id or the Application Insights connection string) and that AZURE_LOGS_ENDPOINT ends in /v1.`;
    case 400:
    case 200:
      return "Check that AZURE_LOGS_ENDPOINT points at Log Analytics (https://api.loganalytics.io/v1, or your cloud's equivalent).";
    case undefined:
      return "Check that AZURE_LOGS_ENDPOINT is reachable from Release Desk and that AZURE_CREDENTIAL can get a token.";
    default:
      return statusCode >= 500 || statusCode === 429
        ? "Log Analytics is busy or unavailable: check again shortly."
        : "See the reason above.";
  }
}
