import type { Deployment } from "@/lib/github/list-deployments";

/** What our pipeline puts in a deployment's payload (see templates/ and the workflow contract). */
export interface PipelinePayload {
  namespace: string | null;
  images: Record<string, string>;
  reason: "release" | "rollback" | null;
  /** The testing SHA QA accepted, for a merge-commit deploy (payload `accepted_sha`). */
  acceptedSha: string | null;
  correlationId: string | null;
  triggeredBy: string | null;
  autoRollback: boolean;
  runId: number | null;
}

/** Reads the payload defensively: it is whatever the workflow wrote, possibly a JSON string. */
export function pipelinePayload(deployment: Deployment): PipelinePayload {
  let raw: unknown = deployment.payload;
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      raw = {};
    }
  }
  const p = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const images: Record<string, string> = {};
  if (p.images && typeof p.images === "object") {
    for (const [service, digest] of Object.entries(p.images as Record<string, unknown>)) {
      if (typeof digest === "string") images[service] = digest;
    }
  }
  const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return {
    namespace: str(p.namespace),
    images,
    reason:
      p.reason === "release"
        ? "release"
        : p.reason === "rollback" || p.reason === "auto-rollback"
          ? "rollback"
          : null,
    acceptedSha: str(p.accepted_sha) ?? str(p.release_sha),
    correlationId: str(p.correlation_id),
    triggeredBy: str(p.triggered_by),
    // The pipeline's own "redeploy the previous release after a failed deploy".
    autoRollback: p.reason === "auto-rollback" || p.auto_rollback === true,
    runId:
      typeof p.run_id === "number"
        ? p.run_id
        : Number.isFinite(Number(p.run_id)) && p.run_id
          ? Number(p.run_id)
          : null,
  };
}
