/** Shown while the checks run: some ask GitHub and Azure and may take a few seconds. */
export function CheckingNotice() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 text-slate-600">
      <span
        className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-slate-700"
        aria-hidden
      />
      Checking the repository, its environments, webhook and Application Insights…
    </div>
  );
}
