import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getRollbackOperation } from "@/lib/releases/get-rollback-operations";
import { getRollbackPlan } from "@/lib/releases/get-rollback-plan";
import { describeGitHubFailure } from "@/lib/runs/describe-failure";
import { repoWebUrl } from "@/lib/runs/list-runs";
import { Forbidden } from "@/components/forbidden";
import { DeployHealth } from "@/components/health/deploy-health";
import { Notice } from "@/components/notice";
import { PageTitle } from "@/components/page-title";
import { RollbackCommits } from "@/components/production/rollback-commits";
import { RollbackForm } from "@/components/production/rollback-form";
import { RollbackProgress } from "@/components/production/rollback-progress";
import { ShortSha } from "@/components/ui/short-sha";
import { StaleNotice } from "@/components/ui/stale-notice";
import { giveUpStepAction, retryStepAction } from "@/app/operations/actions";
import { requestRollbackAction } from "./actions";

export const metadata: Metadata = { title: "Roll back production" };

/** The same window the history uses for health before → after a deploy. */
const DEPLOY_HEALTH_WINDOW_MINUTES = 30;

export default async function RollbackPage({
  params,
  searchParams,
}: {
  params: Promise<{ sha: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { sha } = await params;
  const access = await requirePagePermission("production.rollback", `/production/rollback/${sha}`);
  if (!access.allowed) return <Forbidden message={access.message} />;
  if (!/^[0-9a-f]{40}$/.test(sha)) notFound();
  const operationId = (await searchParams).operation;
  const started = typeof operationId === "string" ? await getRollbackOperation(operationId) : null;

  let plan;
  try {
    plan = await getRollbackPlan(sha);
  } catch (error) {
    return (
      <>
        <PageTitle>Roll back production</PageTitle>
        <Notice tone="error" title="What this rollback would change could not be loaded">
          <p>{describeGitHubFailure(error)}</p>
        </Notice>
      </>
    );
  }
  const base = repoWebUrl();
  const roles = access.viewer.roles;
  const showForm = !started || !(started.active || started.state === "succeeded");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/production" className="text-blue-800 underline">
          ← Production
        </Link>
      </p>
      <PageTitle subtitle="Redeploys an earlier production release with the image digests it ran with.">
        Roll production back to {sha.slice(0, 7)}
      </PageTitle>
      <StaleNotice freshness={plan.freshness} />
      {started && started.targetSha === sha ? (
        <RollbackProgress
          op={started}
          commitBase={base}
          // Retrying or giving up a rollback decides what production runs: the rollback permission.
          retryAction={can(roles, "production.rollback") ? retryStepAction : null}
          giveUpAction={can(roles, "production.rollback") ? giveUpStepAction : null}
        />
      ) : null}

      <section aria-labelledby="shas-heading" className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="shas-heading" className="mb-3 text-lg font-semibold">
          Current → target
        </h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-600">Production runs now</dt>
          <dd data-testid="rollback-current">
            {plan.currentSha ? (
              <ShortSha sha={plan.currentSha} href={`${base}/commit/${plan.currentSha}`} />
            ) : (
              "nothing yet"
            )}
          </dd>
          <dt className="text-slate-600">After the rollback</dt>
          <dd data-testid="rollback-target">
            <ShortSha sha={sha} href={`${base}/commit/${sha}`} />
          </dd>
          <dt className="text-slate-600">Target&apos;s recorded health</dt>
          <dd>
            {plan.targetDeployedAtIso ? (
              <DeployHealth
                environment="production"
                deployTimeIso={plan.targetDeployedAtIso}
                windowMinutes={DEPLOY_HEALTH_WINDOW_MINUTES}
              />
            ) : (
              "no production deployment to judge"
            )}
          </dd>
        </dl>
      </section>

      <RollbackCommits
        heading="Commits that will be undone"
        list={plan.undone}
        empty="None: production runs nothing the target does not have."
      />
      <RollbackCommits heading="Commits that come back" list={plan.restored} empty={null} />

      <h2 className="mb-2 text-lg font-semibold">Images per service</h2>
      {plan.images.length === 0 ? (
        <p className="mb-6 text-sm text-slate-600">The deployments record no image digests.</p>
      ) : (
        <div className="mb-6 overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Image digest per service, now and after the rollback</caption>
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Service
                </th>
                <th scope="col" className="px-3 py-2">
                  Now
                </th>
                <th scope="col" className="px-3 py-2">
                  After
                </th>
                <th scope="col" className="px-3 py-2">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {plan.images.map((image) => (
                <tr key={image.service} data-testid="image-row">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {image.service}
                  </th>
                  <td className="px-3 py-2 font-mono text-xs break-all">{image.now ?? "—"}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all">{image.after ?? "—"}</td>
                  <td className="px-3 py-2">{image.changes ? "changes" : "unchanged"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {plan.blockers.length > 0 && showForm ? (
        <div className="mb-4">
          <Notice tone="warning" title="This rollback would be refused now">
            <ul className="list-disc pl-5">
              {plan.blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </Notice>
        </div>
      ) : null}
      {showForm ? <RollbackForm sha={sha} action={requestRollbackAction} /> : null}
    </>
  );
}
