import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test.describe("overview and production history", () => {
  test("shows the staging and production cards and the release waiting for acceptance", async ({ page }) => {
    await signInAs(page, "quinn-qa");
    const staging = page.getByTestId("env-staging");
    await expect(staging.getByText("Ready")).toBeVisible();
    await expect(staging.getByText(/^staging-[0-9a-f]{7}$/)).toBeVisible();
    const production = page.getByTestId("env-production");
    await expect(production.getByText("Ready")).toBeVisible();
    await expect(production.locator("a[title]").first()).toHaveAttribute("title", /^[0-9a-f]{40}$/);
    await expect(page.getByRole("heading", { name: "Release waiting for acceptance" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the release" })).toHaveAttribute(
      "href",
      /^\/releases\/[0-9a-f]{40}$/,
    );
    await expect(page.getByRole("table", { name: "Latest pipeline runs" })).toBeVisible();
  });

  test("production history lists releases and marks the rollback distinctly", async ({ page }) => {
    await signInAs(page, "lee-lead", "/production");
    const rows = page.getByTestId("history-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(5);
    await expect(page.getByRole("table").getByText("Release").first()).toBeVisible();
    const rollback = rows.filter({ hasText: /^.*Rollback/ }).first();
    await expect(rollback).toBeVisible();
    await expect(rollback).toContainText("lee-lead");
    // Exactly one deployment is what production runs now; earlier successes read "Succeeded".
    await expect(rows.filter({ hasText: "Live" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Succeeded" }).first()).toBeVisible();
  });
});
