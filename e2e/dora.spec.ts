import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("production shows the four DORA metrics with their definitions, over a period chosen in the URL", async ({
  page,
}) => {
  await signInAs(page, "vic-viewer", "/production");
  const panel = page.getByTestId("dora-panel");
  await expect(panel.getByRole("heading", { name: /DORA metrics · last 30 days/ })).toBeVisible();
  for (const title of [
    "Deployment frequency",
    "Change lead time",
    "Change fail rate",
    "Failed deployment recovery time",
  ]) {
    await expect(panel.getByText(title, { exact: true })).toBeVisible();
  }
  // The seeded history has a failed deploy (auto-rolled back) and a lead's rollback.
  await expect(panel).toContainText(/\d+ of \d+ release deploys failed or were rolled back/);
  await expect(panel).toContainText("A release replaced by a newer one is not a failure");

  const periods = panel.getByRole("navigation", { name: "DORA period" });
  await expect(periods.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "true");
  await periods.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/[?&]doraDays=7\b/);
  await expect(panel.getByRole("heading", { name: /last 7 days/ })).toBeVisible();
  // Paging the history keeps the chosen period.
  await page.getByRole("navigation", { name: "History pages" }).getByRole("link", { name: /Next/ }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(page).toHaveURL(/[?&]doraDays=7\b/);
  await expect(panel.getByRole("heading", { name: /last 7 days/ })).toBeVisible();

  // Anything else in the URL falls back to the default period instead of failing.
  await page.goto("/production?doraDays=abc");
  await expect(page.getByTestId("dora-panel").getByRole("heading", { name: /last 30 days/ })).toBeVisible();
});
