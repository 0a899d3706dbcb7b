import type { PrismaClient } from "@/lib/db/generated/client";

export type Claim = "new" | "retry" | "duplicate";

/** A delivery stuck in `received` this long (the process died mid-way) may be processed again. */
const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * Records a delivery and decides, atomically, whether this request is the one to process it.
 * The unique `delivery_id` makes concurrent copies race on one INSERT (ON CONFLICT DO NOTHING):
 * exactly one wins. A redelivery of a failed (or abandoned) one reclaims it with a conditional
 * UPDATE, which again only one of several concurrent requests can match.
 */
export async function claimDelivery(
  prisma: PrismaClient,
  delivery: { deliveryId: string; event: string; action: string | null },
  now = new Date(),
): Promise<Claim> {
  const inserted = await prisma.webhookDelivery.createMany({
    data: [{ ...delivery, status: "received", receivedAt: now }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return "new";

  const reclaimed = await prisma.webhookDelivery.updateMany({
    where: {
      deliveryId: delivery.deliveryId,
      OR: [
        { status: "failed" },
        { status: "received", receivedAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
      ],
    },
    data: { status: "received", error: null, receivedAt: now, processedAt: null },
  });
  return reclaimed.count === 1 ? "retry" : "duplicate";
}
