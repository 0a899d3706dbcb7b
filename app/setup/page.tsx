import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/lib/auth/guard";
import { getConfig } from "@/lib/config/config";
import { Forbidden } from "@/components/forbidden";
import { PageTitle } from "@/components/page-title";
import { CheckingNotice } from "@/components/setup/checking-notice";
import { SetupReport } from "./setup-report";

export const metadata: Metadata = { title: "Setup" };

export default async function SetupPage() {
  const access = await requirePagePermission("setup.read", "/setup");
  if (!access.allowed) return <Forbidden message={access.message} />;
  const { owner, repo } = getConfig().github;
  return (
    <>
      <PageTitle
        subtitle={
          <>
            Whether <span className="font-mono">{`${owner}/${repo}`}</span> has what Release Desk needs: its
            workflows, environments, webhook, Application Insights workspaces and roles.{" "}
            <a href="/setup" className="text-blue-800 underline">
              Check again
            </a>
          </>
        }
      >
        Setup
      </PageTitle>
      <Suspense fallback={<CheckingNotice />}>
        <SetupReport />
      </Suspense>
    </>
  );
}
