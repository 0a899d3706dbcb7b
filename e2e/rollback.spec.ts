import { expect, test, type APIRequestContext } from "@playwright/test";
import { SIM_URL, signInAs } from "./support";

interface SimState {
  production: { sha: string; releaseSha: string; reason: string; state: string } | null;
  staging: { sha: string; state: string } | null;
  openPull: { number: number; headSha: string } | null;
}

async function simState(request: APIRequestContext): Promise<SimState> {
  return (await (await request.get(`${SIM_URL}/_sim/state`)).json()) as SimState;
}

const advance = (request: APIRequestContext, seconds: number) =>
  request.post(`${SIM_URL}/_sim/advance`, { data: { seconds } });

async function shipDegradedRelease(request: APIRequestContext): Promise<string> {
  const pushed = await request.post(`${SIM_URL}/_sim/push`, {
    data: { branch: "testing", message: `Cache order lookups ${Date.now()}`, degraded: true },
  });
  const { sha } = (await pushed.json()) as { sha: string };
  await expect
    .poll(async () => {
      await advance(request, 600);
      const state = await simState(request);
      return state.staging?.sha === sha ? state.staging.state : "deploying";
    })
    .toBe("success");
  const pull = (await simState(request)).openPull;
  expect(pull?.headSha).toBe(sha);
  const merged = await request.put(`${SIM_URL}/api/v3/repos/acme/shop/pulls/${pull?.number}/merge`, {
    headers: { authorization: "Bearer sim-token-quinn-qa" },
    data: { sha, merge_method: "merge" },
  });
  expect(merged.status()).toBe(200);
  await expect
    .poll(async () => {
      await advance(request, 300);
      const state = await simState(request);
      return state.production?.releaseSha === sha ? state.production.state : "deploying";
    })
    .toBe("success");
  return sha;
}

test.beforeEach(async ({ request }) => {
  await request.post(`${SIM_URL}/_sim/reset`);
});

test.afterEach(async ({ request }) => {
  await request.post(`${SIM_URL}/_sim/reset`);
});

test("the lead rolls production back from a bad deploy to the deployment before it, and health recovers", async ({
  page,
  request,
}) => {
  // A release through the whole pipeline, then a rollback run: several world hours, advanced in steps.
  test.setTimeout(150_000);
  // A release that degrades health goes the whole way: CI and staging, merge, production deploy.
  const bad = await shipDegradedRelease(request);
  const badMergeSha = (await simState(request)).production?.sha ?? "";
  expect(badMergeSha).toMatch(/^[0-9a-f]{40}$/);

  // The overview offers the way back once the deploy turned production unhealthy.
  await signInAs(page, "lee-lead");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("rollback-offer")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000, intervals: [1_000] });
  await expect(page.getByTestId("rollback-offer")).toContainText(
    `Production turned unhealthy after deploying ${badMergeSha.slice(0, 7)}`,
  );

  await page.goto("/production");
  const rows = page.getByTestId("history-row");
  await expect(rows.first()).toHaveAttribute("data-sha", badMergeSha);
  await expect(rows.first()).toContainText("Live");
  // The deployment before the bad one.
  const before = rows.nth(1);
  const target = (await before.getAttribute("data-sha")) ?? "";
  expect(target).toMatch(/^[0-9a-f]{40}$/);
  await expect(rows.first().getByRole("link", { name: /^Roll back to this/ })).toHaveCount(0);
  await before.getByRole("link", { name: /^Roll back to this/ }).click();

  await expect(page).toHaveURL(new RegExp(`/production/rollback/${target}$`));
  await expect(
    page.getByRole("heading", { name: `Roll production back to ${target.slice(0, 7)}` }),
  ).toBeVisible();
  await expect(page.getByTestId("rollback-current")).toContainText(badMergeSha.slice(0, 7));
  await expect(page.getByTestId("rollback-target")).toContainText(target.slice(0, 7));
  const undone = page.getByRole("list", { name: "Commits that will be undone" }).getByRole("listitem");
  await expect(undone.first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Commits that will be undone" })).toContainText(
    bad.slice(0, 7),
  );
  const images = page.getByRole("table", { name: "Image digest per service, now and after the rollback" });
  await expect(images.getByTestId("image-row")).toHaveCount(4);
  await expect(images).toContainText("changes");
  await expect(images).toContainText(/sha256:[0-9a-f]+/);
  await expect(page.getByText("Target's recorded health")).toBeVisible();

  const form = page.getByRole("form", { name: "Confirm the rollback" });
  await form.getByLabel("Reason for rolling back (required)").fill("order_service failures after deploy");
  await form.getByLabel("Incident link (optional)").fill("https://status.acme.example/incidents/42");
  await form.getByRole("button", { name: `Roll back to ${target.slice(0, 7)}` }).click();

  const progress = page.getByTestId("rollback-progress");
  await expect(progress).toBeVisible();
  await expect(progress).toContainText("order_service failures after deploy");
  await expect(async () => {
    await advance(request, 120);
    await expect(progress).toContainText("Succeeded", { timeout: 2_500 });
  }).toPass({ timeout: 60_000 });
  await expect(progress).toContainText(`Production runs ${target.slice(0, 7)} again.`);
  await expect(progress.getByRole("link", { name: /^Run \d+$/ })).toBeVisible();

  const state = await simState(request);
  expect(state.production).toMatchObject({ sha: target, reason: "rollback", state: "success" });

  // History marks it: a rollback by the lead, why, from the bad release to the target.
  await page.goto("/production");
  const top = page.getByTestId("history-row").first();
  await expect(top).toHaveAttribute("data-sha", target);
  await expect(top).toHaveAttribute("data-kind", "rollback");
  await expect(top).toContainText("Live");
  await expect(top).toContainText("lee-lead");
  await expect(top.getByTestId("rollback-kind")).toContainText("Rollback");
  await expect(top.getByTestId("rollback-kind")).toContainText(
    `from ${badMergeSha.slice(0, 7)} → to ${target.slice(0, 7)}`,
  );
  await expect(top.getByTestId("rollback-kind")).toContainText("order_service failures after deploy");

  // Health restored: production's verdict over the last 15 minutes reads healthy again.
  await advance(request, 1200);
  await expect(async () => {
    await page.goto("/?window=15m");
    await expect(page.getByTestId("env-production-health")).toContainText("Healthy", { timeout: 1_500 });
  }).toPass({ timeout: 20_000, intervals: [1_000] });
  await expect(page.getByTestId("rollback-offer")).toHaveCount(0);
});

test("a viewer sees the history without a way to roll back, and the confirmation refuses them", async ({
  page,
}) => {
  await signInAs(page, "vic-viewer", "/production");
  await expect(page.getByTestId("history-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^Roll back to this/ })).toHaveCount(0);
  const older = (await page.getByTestId("history-row").nth(1).getAttribute("data-sha")) ?? "";
  await page.goto(`/production/rollback/${older}`);
  await expect(page.getByText("do not allow production.rollback")).toBeVisible();
  await expect(page.getByRole("form", { name: "Confirm the rollback" })).toHaveCount(0);
});
