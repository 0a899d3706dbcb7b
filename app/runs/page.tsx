import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/guard";
import { Forbidden } from "@/components/forbidden";
import { NotBuiltYet } from "@/components/not-built-yet";
import { PageTitle } from "@/components/page-title";

export const metadata: Metadata = { title: "Runs" };

export default async function Page() {
  const access = await requirePagePermission("runs.read", "/runs");
  if (!access.allowed) return <Forbidden message={access.message} />;
  return (
    <>
      <PageTitle>Runs</PageTitle>
      <NotBuiltYet feature="The pipeline runs list" issue={4} />
    </>
  );
}
