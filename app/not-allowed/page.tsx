import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/notice";

export const metadata: Metadata = { title: "Not allowed" };

export default async function NotAllowedPage({
  searchParams,
}: {
  searchParams: Promise<{ login?: string }>;
}) {
  const { login } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-4 pt-10">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <Notice
        tone="error"
        title={`${login ? `@${login}` : "This account"} is not allowed to use Release Desk.`}
      >
        <p>
          Ask a Release Desk administrator to add your GitHub login (or your organisation) to its
          configuration.
        </p>
      </Notice>
      <Link href="/signin" className="text-blue-700 underline">
        Sign in with another account
      </Link>
    </div>
  );
}
