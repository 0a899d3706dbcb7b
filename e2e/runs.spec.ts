import { expect, test } from "@playwright/test";
import { SIM_URL, signInAs } from "./support";

test.describe("runs", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "vic-viewer", "/runs");
    await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  });

  test("lists runs newest first with status in words, and pages through them", async ({ page }) => {
    const rows = page.getByTestId("run-row");
    await expect(rows).toHaveCount(25);
    await expect(rows.first().getByText(/Succeeded|Failed|In progress|Queued|Cancelled/)).toBeVisible();
    const firstId = await rows.first().getAttribute("data-run-id");
    await page.getByRole("navigation", { name: "Runs pages" }).getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(page.getByText("Page 2")).toBeVisible();
    const secondPageFirst = await page.getByTestId("run-row").first().getAttribute("data-run-id");
    expect(Number(secondPageFirst)).toBeLessThan(Number(firstId));
  });

  test("filters by workflow and status through the URL", async ({ page }) => {
    await page.getByLabel("Workflow").selectOption("deploy-production.yml");
    await page.getByLabel("Status").selectOption("success");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/workflow=deploy-production\.yml/);
    await expect(page).toHaveURL(/status=success/);
    const rows = page.getByTestId("run-row");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      await expect(row.getByText("Succeeded")).toBeVisible();
      await expect(row).toContainText(/deploy-production|Deploy production/i);
    }
  });

  test("a short SHA filter is refused with a clear message and no results are faked", async ({ page }) => {
    await page.getByLabel("Commit SHA").fill("abc1234");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByText("Enter the full 40-character commit SHA")).toBeVisible();
    await expect(page.getByLabel("Commit SHA")).toHaveAttribute("aria-invalid", "true");
  });

  test("filtering by a full SHA finds that commit's runs", async ({ page }) => {
    const sha = await page.getByTestId("run-row").first().locator("a[title]").getAttribute("title");
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    await page.goto(`/runs?sha=${sha}`);
    const rows = page.getByTestId("run-row");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all())
      await expect(row.locator("a[title]")).toHaveAttribute("title", sha ?? "");
  });

  test("a run shows its jobs and steps as a timeline with durations", async ({ page }) => {
    await page.goto("/runs?workflow=ci-staging.yml&status=success");
    await page.getByTestId("run-row").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/runs\/\d+$/);
    const jobs = page.getByTestId("job");
    await expect(jobs.first()).toBeVisible();
    expect(await jobs.count()).toBeGreaterThanOrEqual(5);
    await jobs.first().locator("summary").click();
    await expect(
      page
        .getByRole("list", { name: /^Steps of / })
        .first()
        .getByRole("listitem")
        .first(),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Open this run on GitHub" })).toHaveAttribute(
      "href",
      /\/actions\/runs\/\d+/,
    );
    await expect(page.getByRole("heading", { name: "Deployments created by this run" })).toBeVisible();
  });

  test("when GitHub rate-limits, the page shows the last good data with a notice", async ({
    page,
    request,
  }) => {
    const before = await page.getByTestId("run-row").count();
    expect(before).toBeGreaterThan(0);
    await request.post(`${SIM_URL}/_sim/faults`, {
      // The list reads each pipeline workflow's runs.
      data: { path: "/api/v3/repos/acme/shop/actions/workflows/*/runs", kind: "rate-limit", count: 20 },
    });
    try {
      // Past the minimum revalidation interval the app asks GitHub again and is refused.
      await page.waitForTimeout(1_500);
      await page.reload();
      await expect(page.getByText(/Showing data as of .* — GitHub unavailable/)).toBeVisible();
      await expect(page.getByTestId("run-row")).toHaveCount(before);
    } finally {
      await request.delete(`${SIM_URL}/_sim/faults`);
    }
  });
});
