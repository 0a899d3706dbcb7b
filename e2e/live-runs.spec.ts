import { expect, test } from "@playwright/test";
import { SIM_URL, signInAs } from "./support";

test.describe("live runs", () => {
  test("a push to testing appears on the open runs page and progresses to Succeeded without a reload", async ({
    page,
    request,
  }) => {
    await signInAs(page, "vic-viewer", "/runs");
    await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
    await expect(page.getByTestId("live-status")).toHaveText("Live");

    // A reload or navigation would drop this marker and fire `load` (router.refresh() changes history
    // in place, which Playwright reports as framenavigated, so that event proves nothing).
    await page.evaluate(() => {
      (window as unknown as { liveMarker: string }).liveMarker = "still here";
    });
    let loads = 0;
    page.on("load", () => loads++);

    const pushed = await request.post(`${SIM_URL}/_sim/push`, { data: { branch: "testing", ci: "success" } });
    expect(pushed.status()).toBe(201);
    const { runIds } = (await pushed.json()) as { runIds: number[] };
    const runId = runIds[0];
    expect(runId).toBeDefined();

    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row.getByText(/Queued|In progress/)).toBeVisible();

    // Step the world in stages; each step's webhooks should refresh the row in place.
    let sawInProgress = false;
    for (let step = 0; step < 30; step++) {
      const advanced = await request.post(`${SIM_URL}/_sim/advance`, { data: { seconds: 60 } });
      expect(advanced.ok()).toBe(true);
      const text = (await row.textContent({ timeout: 2_000 })) ?? "";
      if (/In progress/.test(text)) sawInProgress = true;
      if (/Succeeded/.test(text)) break;
      await page.waitForTimeout(400);
    }
    await expect(row.getByText("Succeeded")).toBeVisible({ timeout: 5_000 });
    expect(sawInProgress).toBe(true);

    expect(loads).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe(
      "still here",
    );
    await expect(page.getByTestId("live-status")).toHaveText("Live");
  });
});
