import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { Notice } from "@/components/notice";
import { SignInButton } from "./sign-in-button";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "That GitHub account is not allowed to use Release Desk.",
  OAuthCallback: "GitHub did not complete the sign-in. Please try again.",
  OAuthSignin: "Could not start signing in with GitHub. Please try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }>;
}) {
  const { callbackUrl, error, signedOut } = await searchParams;
  // Only same-site paths: an absolute callback URL would make this an open redirect.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  if (await getViewer()) redirect(target);
  return (
    <div className="mx-auto max-w-md space-y-6 pt-10">
      <h1 className="text-2xl font-semibold">Sign in to Release Desk</h1>
      {signedOut ? <Notice tone="info" title="You are signed out." /> : null}
      {error ? <Notice tone="error" title={ERRORS[error] ?? "Sign-in failed. Please try again."} /> : null}
      <p className="text-slate-700">
        Release Desk uses your GitHub account, so merges and deployments you start are recorded under your
        name.
      </p>
      <SignInButton callbackUrl={target} />
    </div>
  );
}
