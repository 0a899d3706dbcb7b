"use client";

import { Notice } from "@/components/notice";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="space-y-4">
      <Notice tone="error" title="This page could not be shown">
        <p>Something failed while loading it. Reference: {error.digest ?? "none"}.</p>
      </Notice>
      <button type="button" onClick={reset} className="rounded bg-slate-900 px-4 py-2 text-sm text-white">
        Try again
      </button>
    </div>
  );
}
