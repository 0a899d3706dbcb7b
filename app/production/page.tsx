import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/guard";
import { Forbidden } from "@/components/forbidden";
import { NotBuiltYet } from "@/components/not-built-yet";
import { PageTitle } from "@/components/page-title";

export const metadata: Metadata = { title: "Production" };

export default async function Page() {
  const access = await requirePagePermission("production.read", "/production");
  if (!access.allowed) return <Forbidden message={access.message} />;
  return (
    <>
      <PageTitle>Production</PageTitle>
      <NotBuiltYet feature="Production deployment history and rollback" issue={7} />
    </>
  );
}
