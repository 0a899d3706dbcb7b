import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guard";
import { Forbidden } from "@/components/forbidden";
import { NotBuiltYet } from "@/components/not-built-yet";
import { PageTitle } from "@/components/page-title";

export const metadata: Metadata = { title: "Release" };

export default async function ReleasePage({ params }: { params: Promise<{ sha: string }> }) {
  const { sha } = await params;
  const access = await requirePagePermission("releases.read", `/releases/${sha}`);
  if (!access.allowed) return <Forbidden message={access.message} />;
  if (!/^[0-9a-f]{40}$/.test(sha)) notFound();
  return (
    <>
      <PageTitle subtitle={<span className="font-mono">{sha}</span>}>Release</PageTitle>
      <NotBuiltYet feature="The release page with acceptance sign-off" issue={6} />
    </>
  );
}
