import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/guard";
import { Forbidden } from "@/components/forbidden";
import { NotBuiltYet } from "@/components/not-built-yet";
import { PageTitle } from "@/components/page-title";

export const metadata: Metadata = { title: "Audit" };

export default async function Page() {
  const access = await requirePagePermission("audit.read", "/audit");
  if (!access.allowed) return <Forbidden message={access.message} />;
  return (
    <>
      <PageTitle>Audit</PageTitle>
      <NotBuiltYet feature="The audit log page" issue={7} />
    </>
  );
}
