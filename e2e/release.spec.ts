import { expect, test } from "@playwright/test";
import { SIM_URL, signInAs } from "./support";

// Other specs push new releases; this one reads the seeded world's waiting release.
test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/_sim/reset`);
});

test("the waiting release shows its staging state, commits, pull request, CI run and staging health", async ({
  page,
}) => {
  await signInAs(page, "quinn-qa");
  await page.getByRole("link", { name: "Open the release" }).click();
  await expect(page).toHaveURL(/\/releases\/[0-9a-f]{40}$/);
  const sha = page.url().split("/").pop() ?? "";

  const staging = page.getByTestId("release-staging");
  await expect(staging.getByText("Ready")).toBeVisible();
  await expect(staging.getByText(`staging-${sha.slice(0, 7)}`)).toBeVisible();
  await expect(staging.getByRole("list", { name: "Image digests" }).getByRole("listitem")).toHaveCount(4);

  await expect(page.getByText("Head is this release")).toBeVisible();
  const commits = page.getByRole("list", { name: "Commits" }).getByRole("listitem");
  await expect(commits.first()).toBeVisible();
  await expect(commits.last().locator("a[title]")).toHaveAttribute("title", sha);
  await expect(page.getByRole("table", { name: "The CI and staging run of this release" })).toContainText(
    "Succeeded",
  );
  await expect(page.getByText("This is not the release in staging now")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Staging health/ })).toBeVisible();
  await expect(page.getByRole("form", { name: "Accept the release" })).toBeVisible();
});

test("an older SHA says it is not the release in staging and links to the current one", async ({ page }) => {
  await signInAs(page, "vic-viewer", "/production");
  const olderSha = await page.getByTestId("history-row").nth(3).getAttribute("data-sha");
  await page.goto(`/releases/${olderSha}`);
  await expect(page.getByText("This is not the release in staging now")).toBeVisible();
  await expect(page.getByText("Your roles do not include reading the audit log.")).toBeVisible();
});
