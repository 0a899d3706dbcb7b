import { expect, test, type Page } from "@playwright/test";
import { advance, freshReleases, sim, signInAs } from "./support";

// Where the e2e stack's simulator delivers webhooks (scripts/stack.ts), to restore after a test.
const APP_WEBHOOK_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/api/webhooks/github`;
const WEBHOOK_SECRET =
  (process.env.GITHUB_WEBHOOK_SECRET ?? "").split(",")[0]?.trim() || "demo-webhook-secret";

interface Deliveries {
  url: string | null;
  deliveries: { id: string; event: string }[];
}

// Far from acceptance.spec.ts's SHAs (it counts up from 0), so no release here is already decided.
const deployFreshRelease = freshReleases(20);

/** Marks the page; a reload or navigation would drop the mark. */
async function mark(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { reconcilerMark: string }).reconcilerMark = "still here";
  });
}

async function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { reconcilerMark?: string }).reconcilerMark === "still here",
  );
}

// Other specs may leave pushes behind (live-runs does): start from the seeded world.
test.beforeEach(async () => {
  await sim("POST", "/_sim/reset");
});

test.afterEach(async () => {
  await sim("POST", "/_sim/webhooks", { url: APP_WEBHOOK_URL, secret: WEBHOOK_SECRET });
  await sim("POST", "/_sim/reset");
});

test("with webhooks off, a rejected release's teardown still completes on screen through the reconciler", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await sim("POST", "/_sim/webhooks", { url: null });
  const deliveredBefore = (await sim<Deliveries>("GET", "/_sim/webhooks")).deliveries.map((d) => d.id);

  const sha = await deployFreshRelease("feat: reconciler e2e");

  // Someone watches the overview meanwhile: nothing but the reconciler can tell that page about
  // the teardown (no webhook arrives, and the page has no step of its own to follow).
  const watcherContext = await browser.newContext();
  const overview = await watcherContext.newPage();
  await signInAs(overview, "vic-viewer", "/");
  await expect(overview.getByTestId("live-status")).toHaveText("Live");
  const stagingCard = overview.getByTestId("env-staging");
  await expect(stagingCard).toContainText(sha.slice(0, 7));
  await expect(stagingCard).toContainText("Ready");
  await mark(overview);

  await signInAs(page, "quinn-qa", `/releases/${sha}`);
  await mark(page);
  const form = page.getByRole("form", { name: "Reject the release" });
  await form.getByLabel("Reason for rejecting (required)").fill("checkout never loads");
  await form.getByRole("button", { name: "Reject release" }).click();
  await expect(page.getByTestId("release-decision")).toContainText("Rejected");

  await expect(async () => {
    await advance(300);
    await expect(page.getByTestId("step-teardown")).toContainText("Succeeded", { timeout: 2_500 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByTestId("step-teardown").getByRole("link", { name: /^Run \d+$/ })).toBeVisible();
  await expect(page.getByTestId("release-staging")).toContainText("Torn down", { timeout: 20_000 });

  // One reconcile interval (15 s by default) at most, without a reload.
  await expect(stagingCard).toContainText("Torn down", { timeout: 25_000 });
  expect(await stillMarked(overview)).toBe(true);
  expect(await stillMarked(page)).toBe(true);
  await watcherContext.close();

  const after = await sim<Deliveries>("GET", "/_sim/webhooks");
  expect(after.url).toBeNull();
  expect(after.deliveries.map((d) => d.id)).toEqual(deliveredBefore);
});

test("the production page shows an accepted release's deploy as it happens, without a reload", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const sha = await deployFreshRelease("feat: live production e2e");

  const leadContext = await browser.newContext();
  const production = await leadContext.newPage();
  await signInAs(production, "lee-lead", "/production");
  await expect(production.getByTestId("live-status")).toHaveText("Live");
  const rows = production.getByTestId("history-row");
  await expect(rows.first()).toBeVisible();
  const newestBefore = await rows.first().getAttribute("data-sha");
  await mark(production);

  await signInAs(page, "quinn-qa", `/releases/${sha}`);
  const form = page.getByRole("form", { name: "Accept the release" });
  // `all()` does not wait: let the form render its checklist first.
  await expect(form.getByRole("checkbox")).toHaveCount(5);
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "Accept release" }).click();
  await expect(page.getByTestId("release-decision")).toContainText("Accepted");

  await expect(async () => {
    await advance(300);
    const state = await sim<{ production: { sha: string; releaseSha: string } }>("GET", "/_sim/state");
    expect(state.production.releaseSha).toBe(sha);
    expect(state.production.sha).not.toBe(newestBefore);
    await expect(rows.first()).toHaveAttribute("data-sha", state.production.sha, { timeout: 2_500 });
  }).toPass({ timeout: 60_000 });
  expect(await stillMarked(production)).toBe(true);
  await leadContext.close();
});
