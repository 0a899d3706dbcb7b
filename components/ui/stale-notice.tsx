import { Notice } from "@/components/notice";

export interface FreshnessView {
  stale: boolean;
  fetchedAtIso: string;
  error?: string;
}

/** Shown when a page is rendered from the last good GitHub data because GitHub could not be asked. */
export function StaleNotice({ freshness }: { freshness: FreshnessView }) {
  if (!freshness.stale) return null;
  const at = freshness.fetchedAtIso.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  return (
    <div className="mb-4">
      <Notice tone="warning" title={`Showing data as of ${at} — GitHub unavailable`}>
        <p>{freshness.error ?? "GitHub did not answer."} The page will catch up when GitHub answers again.</p>
      </Notice>
    </div>
  );
}
