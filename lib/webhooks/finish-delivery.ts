import type { PrismaClient } from "@/lib/db/generated/client";

/** Marks a claimed delivery processed, or failed with the reason (a redelivery may then retry it). */
export async function finishDelivery(
  prisma: PrismaClient,
  deliveryId: string,
  outcome: { ok: true } | { ok: false; error: string },
): Promise<void> {
  await prisma.webhookDelivery.updateMany({
    where: { deliveryId, status: "received" },
    data: outcome.ok
      ? { status: "processed", processedAt: new Date(), error: null }
      : { status: "failed", processedAt: new Date(), error: outcome.error.slice(0, 2_000) },
  });
}
