import { z } from "zod";

/** An image digest as the registry reports it. */
export const imageDigestSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, "expected sha256:<64 hex>");

/**
 * The `payload` of a staging deployment, written by the CI + staging workflow: the namespace and the
 * digest of every service image it runs. Production deploys read the digests back from it, so it is
 * the record of what QA accepted. GitHub returns the payload as an object, or as a string when it was
 * created as one; callers parse strings first.
 */
export const stagingDeploymentPayloadSchema = z.object({
  namespace: z.string().regex(/^staging-[0-9a-f]{7}$/, "expected staging-<7 hex>"),
  images: z.record(z.string().min(1), imageDigestSchema).refine((images) => Object.keys(images).length > 0, {
    message: "at least one image",
  }),
});

export type StagingDeploymentPayload = z.infer<typeof stagingDeploymentPayloadSchema>;

/** The `payload` of a production deployment (deploy-production.yml): what runs and why. */
export const productionDeploymentPayloadSchema = z.object({
  namespace: z.string().min(1),
  images: z.record(z.string().min(1), imageDigestSchema),
  reason: z.enum(["release", "rollback", "auto-rollback"]),
  correlation_id: z.string().min(1),
  /** The SHA whose staging deployment the digests came from (a merge commit's second parent). */
  accepted_sha: z.string().regex(/^[0-9a-f]{40}$/),
  /** Who started the run (the lead for a rollback) and the run that deployed it. */
  triggered_by: z.string().min(1).optional(),
  run_id: z.number().int().positive().optional(),
});

export type ProductionDeploymentPayload = z.infer<typeof productionDeploymentPayloadSchema>;
