import { expect, test } from "@playwright/test";

test("liveness and readiness answer JSON without signing in", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toMatchObject({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({
    status: "ready",
    database: { reachable: true, kind: "pglite" },
    migrations: { pending: [] },
  });
});
