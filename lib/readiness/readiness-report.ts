import { createAzureCredential } from "@/lib/azure/credential";
import { createLogsClient, type LogsQueryPort } from "@/lib/azure/logs-client";
import { getConfig, type Config } from "@/lib/config/config";
import type { GitHubClient } from "@/lib/github/client";
import { combineFreshness, freshnessOf, type Cached, type Freshness } from "@/lib/github/freshness";
import { getEnvironment } from "@/lib/github/get-environment";
import { getFileContents } from "@/lib/github/get-file-contents";
import { listEnvironments } from "@/lib/github/list-environments";
import { listRepoHooks } from "@/lib/github/list-repo-hooks";
import { listWorkflows, type WorkflowsPage } from "@/lib/github/list-workflows";
import { repoRef, serverGitHub } from "@/lib/server/github";
import type { WorkflowRole } from "@/lib/setup/workflow-contract";
import { workspaceReadiness, type WorkspaceReadiness } from "./app-insights";
import type { ReadinessCheck, ReadOutcome } from "./check";
import { describeReadFailure } from "./describe-read-failure";
import { environmentReadiness, type EnvironmentReadiness, type PipelineEnvironment } from "./environments";
import { pingWorkspace, type PingOutcome } from "./ping-workspace";
import { readRepository, type RepositoryFacts } from "./read-repository";
import { rolesReadiness, type RolesReadiness } from "./roles";
import { settle } from "./settle";
import { summarizeReadiness, type ReadinessSummary } from "./summary";
import { webhookReadiness, type WebhookReadiness } from "./webhook";
import { companionsToRead, workflowPath, workflowReadiness, type WorkflowReadiness } from "./workflows";

export interface ReadinessReport {
  repository: {
    fullName: string;
    htmlUrl: string | null;
    defaultBranch: string | null;
    /** Why the repository itself could not be read; every GitHub check is then unknown. */
    problem: string | null;
  };
  workflows: WorkflowReadiness[];
  environments: EnvironmentReadiness[];
  webhook: WebhookReadiness;
  appInsights: WorkspaceReadiness[];
  roles: RolesReadiness;
  summary: ReadinessSummary;
  freshness: { stale: boolean; fetchedAtIso: string; error?: string };
}

const WORKFLOW_ROLES: readonly WorkflowRole[] = ["ciStaging", "teardown", "productionDeploy"];
const PIPELINE_ENVIRONMENTS: readonly PipelineEnvironment[] = ["staging", "production"];

/**
 * Every readiness check of the target repository, read with the server's GitHub identity. Reads that
 * fail become `unknown` checks with the reason, so the page always shows what could be told.
 */
export async function getReadinessReport(): Promise<ReadinessReport> {
  const config = getConfig();
  const gh = serverGitHub();
  const ref = repoRef();
  const parts: Freshness[] = [];
  const read = <T>(cached: () => Promise<Cached<T>>): Promise<ReadOutcome<T>> =>
    settle(async () => {
      const result = await cached();
      parts.push(freshnessOf(result));
      return result.data;
    });

  const [repository, registered, environments, hooks, appInsights] = await Promise.all([
    read(() => readRepository(gh, ref)),
    read(() => listWorkflows(gh, ref)),
    gatherEnvironments(gh, ref, config, read),
    read(() => listRepoHooks(gh, ref)),
    gatherWorkspaces(config),
  ]);
  const workflows = await gatherWorkflows(gh, ref, config, repository, registered, read);
  const webhook = webhookReadiness({
    hooks,
    secretConfigured: config.github.webhookSecrets.length > 0,
    appUrl: config.appUrl,
  });
  const roles = rolesReadiness(config);

  const checks: ReadinessCheck[] = [
    ...workflows.flatMap((w) => w.checks),
    ...environments.flatMap((e) => e.checks),
    ...webhook.checks,
    ...appInsights.flatMap((w) => w.checks),
    ...roles.checks,
  ];
  const freshness =
    parts.length > 0 ? combineFreshness(parts) : { stale: false as const, fetchedAt: new Date() };
  return {
    repository: {
      fullName: repository.ok ? repository.value.fullName : `${ref.owner}/${ref.repo}`,
      htmlUrl: repository.ok ? repository.value.htmlUrl : null,
      defaultBranch: repository.ok ? repository.value.defaultBranch : null,
      problem: repository.ok ? null : describeReadFailure(repository.error),
    },
    workflows,
    environments,
    webhook,
    appInsights,
    roles,
    summary: summarizeReadiness(checks),
    freshness: {
      stale: freshness.stale,
      fetchedAtIso: freshness.fetchedAt.toISOString(),
      ...(freshness.stale ? { error: freshness.error } : {}),
    },
  };
}

type Reader = <T>(cached: () => Promise<Cached<T>>) => Promise<ReadOutcome<T>>;
type RepoRef = { owner: string; repo: string };

async function gatherWorkflows(
  gh: GitHubClient,
  ref: RepoRef,
  config: Config,
  repository: ReadOutcome<RepositoryFacts>,
  registered: ReadOutcome<WorkflowsPage>,
  read: Reader,
): Promise<WorkflowReadiness[]> {
  const defaultBranch = repository.ok ? repository.value.defaultBranch : null;
  const readFile = (path: string) =>
    repository.ok
      ? read(() => getFileContents(gh, { ...ref, path, ref: repository.value.defaultBranch }))
      : Promise.resolve({ ok: false as const, error: repository.error });

  return Promise.all(
    WORKFLOW_ROLES.map(async (role) => {
      const file = config.github.workflows[role];
      const contents = await readFile(workflowPath(file));
      const wanted = contents.ok && contents.value ? companionsToRead(role, contents.value.text) : [];
      const companions = new Map(
        await Promise.all(wanted.map(async (path) => [path, await readFile(path)] as const)),
      );
      return workflowReadiness({
        role,
        file,
        defaultBranch,
        contents,
        registered,
        companions,
        branches: config.github.branches,
      });
    }),
  );
}

async function gatherEnvironments(
  gh: GitHubClient,
  ref: RepoRef,
  config: Config,
  read: Reader,
): Promise<EnvironmentReadiness[]> {
  const reads = await Promise.all(
    PIPELINE_ENVIRONMENTS.map(async (key) => {
      const name = config.github.environments[key];
      return { key, name, read: await read(() => getEnvironment(gh, { ...ref, environment_name: name })) };
    }),
  );
  // The full list only helps when one is missing: it names the environments that do exist.
  const anyMissing = reads.some((r) => r.read.ok && r.read.value === null);
  const others = anyMissing ? await read(() => listEnvironments(gh, ref)) : undefined;
  return reads.map((r) => environmentReadiness({ ...r, ...(others ? { others } : {}) }));
}

async function gatherWorkspaces(config: Config): Promise<WorkspaceReadiness[]> {
  const { endpoint, workspaces, timeoutMs } = config.azure;
  return Promise.all(
    PIPELINE_ENVIRONMENTS.map(async (key) => {
      const workspaceId = workspaces[key];
      const ping = workspaceId ? await pingConfigured(config, workspaceId, timeoutMs) : null;
      return workspaceReadiness({ key, workspaceId, endpoint, ping });
    }),
  );
}

async function pingConfigured(config: Config, workspaceId: string, timeoutMs: number): Promise<PingOutcome> {
  let client: LogsQueryPort;
  try {
    client = logsClient(config);
  } catch (error) {
    // A bad endpoint or credential setting surfaces when the client is built.
    return {
      ok: false,
      reason: `the Log Analytics client could not be set up: ${error instanceof Error ? error.message : String(error)}`,
      statusCode: undefined,
    };
  }
  return pingWorkspace(client, workspaceId, timeoutMs);
}

const holder = globalThis as unknown as { releaseDeskReadinessLogs?: LogsQueryPort };

/**
 * One client per process, so its credential's token cache outlives a page view. No retries: the
 * setup page reports a failure rather than hide it behind a slower success.
 */
function logsClient(config: Config): LogsQueryPort {
  holder.releaseDeskReadinessLogs ??= createLogsClient(createAzureCredential(config.azure.credential), {
    endpoint: config.azure.endpoint,
    maxRetries: 0,
  });
  return holder.releaseDeskReadinessLogs;
}
