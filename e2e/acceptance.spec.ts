import { expect, test, type Page } from "@playwright/test";
import { advance, freshReleases, sim, signInAs } from "./support";

// acceptance.spec.ts counts up from 0; other specs that decide releases start further on.
const deployFreshRelease = freshReleases(0);

/** Advances the world's clock until the step reads `state` (the page refreshes itself meanwhile). */
async function waitForStep(page: Page, kind: string, state: string) {
  await expect(async () => {
    await advance(300);
    await expect(page.getByTestId(`step-${kind}`)).toContainText(state, { timeout: 2_500 });
  }).toPass({ timeout: 45_000 });
}

/**
 * QA accepts a fresh release while a branch rule refuses the first merge (403: not transient), so
 * the merge step ends up needing attention. Returns the release's SHA.
 */
async function acceptWithMergeRefused(page: Page, label: string): Promise<string> {
  const sha = await deployFreshRelease(label);
  await sim("POST", "/_sim/faults", {
    method: "PUT",
    path: "/api/v3/repos/*/*/pulls/*/merge",
    kind: "status",
    status: 403,
    count: 1,
  });
  await signInAs(page, "quinn-qa", `/releases/${sha}`);
  const form = page.getByRole("form", { name: "Accept the release" });
  // `all()` does not wait: let the form render its checklist first.
  await expect(form.getByRole("checkbox")).toHaveCount(5);
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "Accept release" }).click();
  await expect(page.getByTestId("step-merge")).toContainText("Needs attention");
  return sha;
}

test.afterEach(async () => {
  await sim("POST", "/_sim/reset");
});

test("QA ticks the checklist and accepts: merge, teardown, then production runs the release", async ({
  page,
}) => {
  const sha = await deployFreshRelease("feat: acceptance e2e");
  await signInAs(page, "quinn-qa", `/releases/${sha}`);
  await expect(page).toHaveURL(new RegExp(`/releases/${sha}$`));

  const form = page.getByRole("form", { name: "Accept the release" });
  const boxes = form.getByRole("checkbox");
  await expect(boxes).toHaveCount(5);
  await form.getByRole("checkbox", { name: "Browse the frontend" }).check();
  for (const box of await boxes.all()) await box.check();
  await form.getByLabel("Notes (optional)").fill("orders flow end to end");
  await form.getByRole("button", { name: "Accept release" }).click();

  const decision = page.getByTestId("release-decision");
  await expect(decision).toContainText("Accepted");
  await expect(decision).toContainText("quinn-qa");
  await expect(decision).toContainText("orders flow end to end");

  await waitForStep(page, "merge", "Succeeded");
  await waitForStep(page, "teardown", "Succeeded");
  await expect(page.getByTestId("step-teardown").getByRole("link", { name: /^Run \d+$/ })).toBeVisible();

  await expect(async () => {
    await advance(300);
    await expect(page.getByTestId("release-production")).toContainText("Ready", { timeout: 2_500 });
  }).toPass({ timeout: 45_000 });

  await page.reload();
  await expect(page.getByTestId("release-staging")).toContainText("Torn down");
  const state = await sim<{ openPull: unknown; production: { releaseSha: string; sha: string } }>(
    "GET",
    "/_sim/state",
  );
  expect(state.openPull).toBeNull();
  expect(state.production.releaseSha).toBe(sha);
  await expect(page.getByTestId("release-production")).toContainText(state.production.sha.slice(0, 7));
  await expect(page.getByRole("button", { name: "Accept release" })).toHaveCount(0);
});

test("QA rejects with a reason: nothing is merged and staging is torn down", async ({ page }) => {
  const sha = await deployFreshRelease("feat: rejection e2e");
  await signInAs(page, "quinn-qa", `/releases/${sha}`);

  const form = page.getByRole("form", { name: "Reject the release" });
  await form.getByLabel("Reason for rejecting (required)").fill("order status never updates");
  await form.getByRole("button", { name: "Reject release" }).click();

  const decision = page.getByTestId("release-decision");
  await expect(decision).toContainText("Rejected");
  await expect(decision).toContainText("order status never updates");
  await expect(page.getByTestId("step-merge")).toHaveCount(0);
  await waitForStep(page, "teardown", "Succeeded");

  const state = await sim<{ openPull: { headSha: string } | null }>("GET", "/_sim/state");
  expect(state.openPull?.headSha).toBe(sha);
});

test("a merge GitHub refuses needs attention; QA retries it and the release goes on", async ({ page }) => {
  await acceptWithMergeRefused(page, "feat: retry e2e");
  await expect(page.getByTestId("step-teardown")).toContainText("Pending");
  const retry = page.getByRole("form", { name: "Retry: Merge the pull request" });
  await retry.getByRole("button", { name: "Retry" }).click();

  await waitForStep(page, "merge", "Succeeded");
  await waitForStep(page, "teardown", "Succeeded");
  await expect(page.getByRole("form", { name: /^Retry:/ })).toHaveCount(0);
  const calls = await sim<{ calls: { method: string; path: string; status: number; login: string }[] }>(
    "GET",
    "/_sim/calls",
  );
  const merges = calls.calls.filter((c) => c.method === "PUT" && c.path.endsWith("/merge"));
  expect(merges.map((c) => [c.status, c.login])).toEqual([
    [403, "quinn-qa"],
    [200, "quinn-qa"],
  ]);
});

test("QA gives up a merge GitHub refuses: it and the teardown waiting for it end, with the reason", async ({
  page,
}) => {
  const sha = await acceptWithMergeRefused(page, "feat: give-up e2e");

  // Folded away under Retry; opened and used from the keyboard.
  await page.getByText("Give up this step instead…").focus();
  await page.keyboard.press("Enter");
  const giveUp = page.getByRole("form", { name: "Give up: Merge the pull request" });
  await giveUp.getByLabel(/Why give up\?/).fill("branch rule needs an admin; merging by hand");
  await giveUp.getByRole("button", { name: "Give up" }).click();

  await expect(page.getByTestId("step-merge")).toContainText("Failed");
  await expect(page.getByTestId("step-merge")).toContainText(
    "given up by quinn-qa: branch rule needs an admin; merging by hand",
  );
  await expect(page.getByTestId("step-teardown")).toContainText("Failed");
  await expect(page.getByTestId("step-teardown")).toContainText(
    "not run: the merge it waited for was given up",
  );
  await expect(page.getByRole("form", { name: /^(Retry|Give up):/ })).toHaveCount(0);
  const state = await sim<{ openPull: { headSha: string } | null }>("GET", "/_sim/state");
  expect(state.openPull?.headSha).toBe(sha);
});

test("a viewer sees the release waiting for QA, with no form to decide", async ({ page }) => {
  await signInAs(page, "vic-viewer");
  await page.getByRole("link", { name: "Open the release" }).click();
  await expect(page.getByText("Waiting for QA to accept or reject this release.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept release" })).toHaveCount(0);
});
