import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/guard";
import { Forbidden } from "@/components/forbidden";
import { NotBuiltYet } from "@/components/not-built-yet";
import { PageTitle } from "@/components/page-title";

export const metadata: Metadata = { title: "Setup" };

export default async function Page() {
  const access = await requirePagePermission("setup.read", "/setup");
  if (!access.allowed) return <Forbidden message={access.message} />;
  return (
    <>
      <PageTitle>Setup</PageTitle>
      <NotBuiltYet feature="The repository readiness check" issue={9} />
    </>
  );
}
