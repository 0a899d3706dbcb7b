import { expect, test, type APIRequestContext } from "@playwright/test";
import { SIM_URL, signInAs } from "./support";

interface SimState {
  production: { sha: string } | null;
  seeded: { badSha: string; badMergeSha: string; rollbackTargetSha: string };
}

async function simState(request: APIRequestContext): Promise<SimState> {
  const res = await request.get(`${SIM_URL}/_sim/state`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as SimState;
}

const VERDICT = /Healthy|Degraded|Unhealthy|No data/;

test.describe("Application Insights health", () => {
  test.afterEach(async ({ request }) => {
    await request.delete(`${SIM_URL}/_sim/azure/faults`);
  });

  test("the overview shows each environment's verdict as text, and a panel per environment", async ({
    page,
    request,
  }) => {
    // The seeded bad release was rolled back, so production now runs a healthy one.
    const state = await simState(request);
    expect(state.production?.sha).not.toBe(state.seeded.badMergeSha);

    await signInAs(page, "vic-viewer");
    await page.goto("/?window=15m");
    for (const environment of ["staging", "production"]) {
      const row = page.getByTestId(`env-${environment}-health`);
      await expect(row).toContainText("Healthy");
      await expect(row).toContainText("all services within limits over the last 15 min");
    }

    const panel = page.getByTestId("health-production");
    await expect(panel.getByRole("heading", { name: "Production health" })).toBeVisible();
    await expect(panel).toContainText("last 15 min");
    const rows = panel.getByTestId("health-service-row");
    await expect(rows).toHaveCount(4);
    for (const service of ["frontend", "product_service", "order_service", "customer_service"]) {
      const row = rows.filter({ has: page.getByRole("rowheader", { name: service }) });
      await expect(row.getByRole("cell").first()).toContainText(VERDICT);
      await expect(row.getByRole("cell").nth(1)).toHaveText(/^\d+(\.\d)?\/min$/);
      await expect(row.getByRole("cell").nth(2)).toHaveText(/%$/);
      await expect(row.getByRole("cell").nth(3)).toHaveText(/ ms$/);
    }
    await expect(page.getByTestId("health-staging").getByTestId("health-service-row")).toHaveCount(4);
  });

  test("the window is chosen with plain links kept in the URL", async ({ page }) => {
    await signInAs(page, "vic-viewer");
    await page.goto("/?window=15m");
    const selector = page.getByRole("navigation", { name: "Health window" });
    await expect(selector.getByText("15 min")).toHaveAttribute("aria-current", "page");
    await selector.getByRole("link", { name: "24 h" }).click();
    await expect(page).toHaveURL(/[?&]window=24h\b/);
    await expect(page.getByTestId("health-production")).toContainText("last 24 h");
    await expect(page.getByTestId("env-production-health")).toContainText(
      /Healthy|Degraded|Unhealthy|No data/,
    );
  });

  test("a failing query shows health unknown with its reason, never healthy", async ({ page, request }) => {
    const fault = await request.post(`${SIM_URL}/_sim/azure/faults`, {
      data: { environment: "staging", queryName: "service-health", kind: "unavailable", count: 20 },
    });
    expect(fault.status()).toBe(201);

    await signInAs(page, "vic-viewer");
    const panel = page.getByTestId("health-staging");
    // An earlier read of this window may still be cached (HEALTH_CACHE_TTL_MS): reload until it expires.
    await expect(async () => {
      await page.goto("/?window=1h");
      await expect(panel).toContainText("Health unknown", { timeout: 1_000 });
    }).toPass({ timeout: 50_000, intervals: [2_000] });
    await expect(panel.getByTestId("health-message")).toContainText(/^health unknown: /);
    await expect(page.getByTestId("env-staging-health")).toContainText("Health unknown");
    await expect(page.getByTestId("env-staging-health")).not.toContainText("Healthy");
    // Production is read separately and is unaffected.
    await expect(page.getByTestId("env-production-health")).toContainText("Healthy");
  });

  test("a panel names the degraded service while production runs the bad release", async ({
    page,
    request,
  }) => {
    const { seeded } = await simState(request);
    try {
      const dispatch = await request.post(
        `${SIM_URL}/api/v3/repos/acme/shop/actions/workflows/deploy-production.yml/dispatches`,
        {
          headers: { authorization: "Bearer sim-token-lee-lead" },
          data: {
            ref: "main",
            inputs: { sha: seeded.badMergeSha, reason: "release", correlation_id: "e2e-health-bad" },
          },
        },
      );
      expect(dispatch.status()).toBe(204);
      // The run finishes well within 10 world minutes; the Logs fake reads the window ending at the
      // app's now as the world's latest minutes, so there is no waiting for real time to catch up.
      const advance = await request.post(`${SIM_URL}/_sim/advance`, { data: { seconds: 600 } });
      expect(advance.ok()).toBe(true);
      expect((await simState(request)).production?.sha).toBe(seeded.badMergeSha);

      await signInAs(page, "vic-viewer");
      const panel = page.getByTestId("health-production");
      const order = panel
        .getByTestId("health-service-row")
        .filter({ has: page.getByRole("rowheader", { name: "order_service" }) });
      // An earlier read of this window may still be cached (HEALTH_CACHE_TTL_MS): reload until it expires.
      await expect(async () => {
        await page.goto("/?window=15m");
        await expect(order.getByRole("cell").first()).toContainText(/Degraded|Unhealthy/, { timeout: 1_000 });
      }).toPass({ timeout: 15_000, intervals: [1_000] });
      await expect(panel.getByRole("list", { name: "Why" })).toContainText(
        /order_service (failure rate [\d.]+% > [\d.]+%|p95 )/,
      );
      await expect(page.getByTestId("env-production-health")).toContainText(/Degraded|Unhealthy/);
      await expect(page.getByTestId("env-production-health")).toContainText("order_service");
    } finally {
      await request.post(`${SIM_URL}/_sim/reset`);
    }
  });

  test("production history shows the bad release crossing a limit, and the rollback recovering", async ({
    page,
    request,
  }) => {
    const { seeded } = await simState(request);
    await signInAs(page, "lee-lead", "/production");
    await expect(page.getByRole("columnheader", { name: "Health 30 min before → after" })).toBeVisible();

    const bad = page.locator(`[data-testid="history-row"][data-sha="${seeded.badMergeSha}"]`);
    const badHealth = bad.getByTestId("deploy-health");
    await expect(badHealth).toContainText(/Before:\W*Healthy\W*after:\W*Unhealthy/);
    await expect(badHealth).toContainText(/order_service failure rate [\d.]+% → [\d.]+% \(crosses 5%\)/);

    const rollback = page
      .locator(`[data-testid="history-row"][data-sha="${seeded.rollbackTargetSha}"]`)
      .filter({ hasText: "Rollback" });
    await expect(rollback.getByTestId("deploy-health")).toContainText(
      /order_service failure rate [\d.]+% → [\d.]+% \(crosses 2%\)/,
    );
  });
});
