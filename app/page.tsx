import { requirePagePermission } from "@/lib/auth/guard";
import { Forbidden } from "@/components/forbidden";
import { NotBuiltYet } from "@/components/not-built-yet";
import { PageTitle } from "@/components/page-title";

export default async function OverviewPage() {
  const access = await requirePagePermission("environments.read", "/");
  if (!access.allowed) return <Forbidden message={access.message} />;
  return (
    <>
      <PageTitle subtitle={`Signed in as ${access.viewer.login}`}>Overview</PageTitle>
      <NotBuiltYet feature="The staging and production overview" issue={4} />
    </>
  );
}
