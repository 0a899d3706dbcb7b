import type { ReactNode } from "react";
import type { ReadinessReport } from "@/lib/readiness/readiness-report";
import { Notice } from "@/components/notice";
import { StaleNotice } from "@/components/ui/stale-notice";
import { CheckTable } from "./check-table";
import { HookTable } from "./hook-table";
import { InlineCode } from "./inline-code";
import { ProtectionFacts } from "./protection-facts";
import { ReadinessSummary } from "./readiness-summary";
import { RoleTable } from "./role-table";

export function ReadinessReportView({ report }: { report: ReadinessReport }) {
  const { repository } = report;
  const fileUrl = (path: string) =>
    repository.htmlUrl && repository.defaultBranch
      ? `${repository.htmlUrl}/blob/${encodeURIComponent(repository.defaultBranch)}/${path}`
      : null;
  return (
    <>
      <StaleNotice freshness={report.freshness} />
      {repository.problem ? (
        <div className="mb-4">
          <Notice tone="error" title={`The repository ${repository.fullName} could not be read`}>
            <p>
              {repository.problem}. It may not exist, or the server&apos;s token (GITHUB_TOKEN or the GitHub
              App) cannot see it; the checks that need it are marked Unknown.
            </p>
          </Notice>
        </div>
      ) : null}
      <ReadinessSummary summary={report.summary} />

      <Section id="workflows" title="Workflows">
        <p className="mb-3 text-sm text-slate-700">
          The three workflows Release Desk drives, read from the default branch
          {repository.defaultBranch ? (
            <>
              {" "}
              <code className="font-mono">{repository.defaultBranch}</code>
            </>
          ) : null}{" "}
          (GitHub takes triggers and dispatch inputs from there only).
        </p>
        {report.workflows.map((workflow) => {
          const url = fileUrl(workflow.path);
          return (
            <Subsection key={workflow.role} id={`workflow-${workflow.role}`}>
              <h3 id={`workflow-${workflow.role}-heading`} className="mb-2 font-semibold">
                {workflow.title}:{" "}
                {url ? (
                  <a href={url} className="font-mono text-sm text-blue-800 underline">
                    {workflow.path}
                  </a>
                ) : (
                  <span className="font-mono text-sm">{workflow.path}</span>
                )}
              </h3>
              <CheckTable
                caption={`Checks of ${workflow.title} (${workflow.path})`}
                checks={workflow.checks}
              />
            </Subsection>
          );
        })}
      </Section>

      <Section id="environments" title="Environments">
        {report.environments.map((environment) => (
          <Subsection key={environment.key} id={`environment-${environment.key}`}>
            <h3 id={`environment-${environment.key}-heading`} className="mb-2 font-semibold">
              {environment.key === "staging" ? "Staging" : "Production"}: environment{" "}
              {environment.htmlUrl ? (
                <a href={environment.htmlUrl} className="font-mono text-sm text-blue-800 underline">
                  {environment.name}
                </a>
              ) : (
                <span className="font-mono text-sm">{environment.name}</span>
              )}
            </h3>
            <CheckTable caption={`Checks of environment ${environment.name}`} checks={environment.checks} />
            {environment.protection ? (
              <div className="mt-3 rounded border border-slate-200 bg-white p-3">
                <h4 className="mb-2 text-sm font-semibold">Protection rules</h4>
                <ProtectionFacts
                  label={`Protection rules of ${environment.name}`}
                  facts={environment.protection}
                />
              </div>
            ) : null}
          </Subsection>
        ))}
      </Section>

      <Section id="webhook" title="Webhook">
        <p className="mb-3 text-sm text-slate-700">
          Release Desk expects deliveries at{" "}
          <code className="font-mono [overflow-wrap:anywhere]">{report.webhook.expectedUrl}</code>; without
          them it still catches up by polling GitHub, only later.
        </p>
        <CheckTable caption="Webhook checks" checks={report.webhook.checks} />
        {report.webhook.hooks ? (
          <Subsection id="webhook-list">
            <h3 id="webhook-list-heading" className="mb-2 mt-4 font-semibold">
              Webhooks of the repository
            </h3>
            <HookTable hooks={report.webhook.hooks} />
          </Subsection>
        ) : null}
      </Section>

      <Section id="app-insights" title="Application Insights">
        <dl className="mb-3 grid grid-cols-[11rem_1fr] gap-y-1 text-sm">
          {report.appInsights.map((workspace) => (
            <div key={workspace.key} className="contents">
              <dt className="text-slate-600">
                {workspace.key === "staging" ? "Staging" : "Production"} workspace
              </dt>
              <dd className="font-mono text-xs">{workspace.workspaceId ?? "not set"}</dd>
            </div>
          ))}
        </dl>
        <CheckTable
          caption="Application Insights workspaces answer a query"
          checks={report.appInsights.flatMap((workspace) => workspace.checks)}
        />
      </Section>

      <Section id="roles" title="Roles and access">
        <CheckTable caption="Role checks" checks={report.roles.checks} />
        <div className="mt-4">
          <RoleTable roles={report.roles} />
        </div>
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-10" data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold">
        <InlineCode text={title} />
      </h2>
      {children}
    </section>
  );
}

function Subsection({ id, children }: { id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-6">
      {children}
    </section>
  );
}
