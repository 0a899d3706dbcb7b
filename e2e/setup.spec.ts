import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test.describe("setup", () => {
  test("a lead sees every readiness check of the simulated repository pass", async ({ page }) => {
    await signInAs(page, "lee-lead", "/setup");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Setup", level: 1 })).toBeVisible();

    const summary = page.getByTestId("readiness-summary");
    await expect(summary).toBeVisible({ timeout: 30_000 });
    // Listing what did not pass makes a failure say which check and why.
    const notPassing = await page
      .locator('[data-testid="check-row"]:not([data-status="pass"])')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, " ")));
    expect(notPassing).toEqual([]);
    await expect(summary).toHaveAttribute("data-state", "ready");
    await expect(summary.getByRole("heading", { level: 2 })).toContainText("Ready");

    for (const section of [
      "Workflows",
      "Environments",
      "Webhook",
      "Application Insights",
      "Roles and access",
    ]) {
      await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
    }
    const expected = [
      "workflow.ciStaging.exists",
      "workflow.ciStaging.enabled",
      "workflow.ciStaging.contract.trigger.push.testing",
      "workflow.teardown.contract.input.correlation_id",
      "workflow.teardown.contract.run-name.inputs.correlation_id",
      "workflow.productionDeploy.contract.input.reason",
      "workflow.productionDeploy.contract.concurrency.queued",
      "workflow.productionDeploy.companion..github/actions/deploy-release/action.yml",
      "environment.staging.exists",
      "environment.production.exists",
      "environment.production.reviewers",
      "webhook.configured",
      "webhook.delivery",
      "app-insights.staging",
      "app-insights.production",
      "roles.qa",
      "roles.lead",
    ];
    for (const id of expected) {
      await expect(page.locator(`[data-check-id="${id}"]`), id).toHaveAttribute("data-status", "pass");
    }
    await expect(page.locator(`[data-check-id="webhook.configured"]`).getByText("Pass")).toBeVisible();

    const production = page.getByRole("definition").filter({ hasText: "lee-lead, ada-admin" });
    await expect(production).toBeVisible();
    await expect(page.getByRole("table", { name: "Webhook checks" })).toBeVisible();
    await expect(page.getByTestId("hook-row")).toContainText("/api/webhooks/github");
    await expect(page.getByRole("table", { name: "Who holds which role" })).toContainText("quinn-qa");
  });

  test("a viewer is refused the setup page and sees no checks", async ({ page }) => {
    await signInAs(page, "vic-viewer", "/setup");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByText("You do not have access to this page")).toBeVisible();
    await expect(page.getByText("do not allow setup.read")).toBeVisible();
    await expect(page.getByTestId("readiness-summary")).toHaveCount(0);
    await expect(page.getByTestId("check-row")).toHaveCount(0);
  });
});
