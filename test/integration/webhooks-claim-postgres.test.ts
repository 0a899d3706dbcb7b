import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { claimDelivery } from "@/lib/webhooks/claim-delivery";
import { finishDelivery } from "@/lib/webhooks/finish-delivery";
import { createTestDatabase } from "../support/postgres";

// PGlite runs one query at a time, so only a real server shows that the claim holds under concurrency.
let database: { url: string; drop: () => Promise<void> };
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openDatabase({ kind: "postgres", url: database.url });
});

afterAll(async () => {
  await db?.driver.close();
  await database?.drop();
});

const delivery = (deliveryId: string) => ({ deliveryId, event: "workflow_run", action: "completed" });

describe("claiming webhook deliveries on PostgreSQL", () => {
  it("lets exactly one of 10 concurrent copies of a delivery claim it", async () => {
    const id = randomUUID();
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => claimDelivery(db.prisma, delivery(id))),
    );
    expect(claims.filter((c) => c === "new")).toHaveLength(1);
    expect(claims.filter((c) => c === "duplicate")).toHaveLength(9);
  });

  it("lets exactly one of 10 concurrent redeliveries reclaim a failed delivery, none a processed one", async () => {
    const failed = randomUUID();
    expect(await claimDelivery(db.prisma, delivery(failed))).toBe("new");
    await finishDelivery(db.prisma, failed, { ok: false, error: "GitHub was down" });
    const retries = await Promise.all(
      Array.from({ length: 10 }, () => claimDelivery(db.prisma, delivery(failed))),
    );
    expect(retries.filter((c) => c === "retry")).toHaveLength(1);

    const processed = randomUUID();
    await claimDelivery(db.prisma, delivery(processed));
    await finishDelivery(db.prisma, processed, { ok: true });
    const again = await Promise.all(
      Array.from({ length: 10 }, () => claimDelivery(db.prisma, delivery(processed))),
    );
    expect(again.every((c) => c === "duplicate")).toBe(true);
    expect(await db.prisma.webhookDelivery.count({ where: { deliveryId: processed } })).toBe(1);
  });

  it("reclaims a delivery abandoned in `received` (the process died mid-way) after five minutes", async () => {
    const id = randomUUID();
    const then = new Date(Date.now() - 6 * 60_000);
    expect(await claimDelivery(db.prisma, delivery(id), then)).toBe("new");
    expect(await claimDelivery(db.prisma, delivery(id), new Date(then.getTime() + 60_000))).toBe("duplicate");
    expect(await claimDelivery(db.prisma, delivery(id))).toBe("retry");
  });
});
