import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SIM_URL, signInAs } from "./support";

async function simState(): Promise<{ seeded: { candidateSha: string } }> {
  const res = await fetch(`${SIM_URL}/_sim/state`);
  if (!res.ok) throw new Error(`GET /_sim/state → ${res.status}`);
  return (await res.json()) as { seeded: { candidateSha: string } };
}

test("a lead filters the audit log to one release's events and downloads them as CSV", async ({
  page,
  browser,
}) => {
  // Something real to audit: QA tries to accept the waiting release with the checklist half done.
  // The refusal is recorded, and the release stays undecided for the other browser tests.
  const sha = (await simState()).seeded.candidateSha;
  await signInAs(page, "quinn-qa", `/releases/${sha}`);
  const form = page.getByRole("form", { name: "Accept the release" });
  await form.getByRole("checkbox", { name: "Browse the frontend" }).check();
  await form.getByRole("button", { name: "Accept release" }).click();
  await expect(form.getByRole("alert")).toContainText("Tick every checklist item");

  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, "lee-lead", "/audit");
  await expect(lead.getByRole("heading", { name: "Audit" })).toBeVisible();

  // Bad input is explained, not a crash.
  await lead.goto("/audit?sha=xyz&from=2026-13-01");
  await expect(lead.getByRole("alert").filter({ hasText: "These filters cannot be applied" })).toBeVisible();
  const badForm = lead.getByRole("form", { name: "Filter audit events" });
  await expect(badForm.getByLabel("Commit SHA or prefix")).toHaveAccessibleDescription(
    "Enter a commit SHA or its first 4 or more hex characters",
  );
  await expect(badForm.getByLabel("From (UTC day)")).toHaveAttribute("aria-invalid", "true");
  await expect(lead.getByRole("table")).toHaveCount(0);

  // Filter with the form, as a person would: a SHA prefix.
  await lead.goto("/audit");
  const filters = lead.getByRole("form", { name: "Filter audit events" });
  await filters.getByLabel("Commit SHA or prefix").fill(sha.slice(0, 10));
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(lead).toHaveURL(new RegExp(`[?&]sha=${sha.slice(0, 10)}`));

  const table = lead.getByRole("table", { name: "Audit events, newest first" });
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  for (let i = 0; i < count; i++) {
    await expect(
      rows
        .nth(i)
        .getByRole("link", { name: sha.slice(0, 7) })
        .first(),
    ).toBeVisible();
  }
  const refused = rows.filter({ hasText: "release.accept" }).filter({ hasText: "refused" }).first();
  await expect(refused).toContainText("quinn-qa");
  await expect(refused).toContainText("viewer, qa");
  await expect(refused).toContainText("Tick every checklist item");
  // Sign-ins are audited too, but they concern no release.
  await expect(table).not.toContainText("auth.sign_in");

  const [download] = await Promise.all([
    lead.waitForEvent("download"),
    lead.getByRole("link", { name: /^Export these \d+ events? as CSV$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^audit-events-${sha.slice(0, 10)}-\\d{8}T\\d{6}Z\\.csv$`),
  );
  const csv = await readFile(await download.path(), "utf8");
  const bad = await lead.request.get("/api/audit/export?sha=not-hex");
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: string; errors: Record<string, string> };
  expect(body.error).toBe("invalid_filters");
  expect(body.errors.sha).toContain("commit SHA");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe(
    "time_utc,actor,actor_roles,action,target_type,target_id,sha,outcome,reason,request_id,event_id",
  );
  const data = lines.slice(1).filter((l) => l !== "");
  expect(data).toHaveLength(count);
  for (const line of data) expect(line).toContain(`,${sha},`);
  expect(data.some((l) => /,quinn-qa,viewer qa,release\.accept,release,/.test(l))).toBe(true);
  expect(
    data.some((l) => l.includes(`release.accept,release,${sha},${sha},refused,`) && l.includes("Tick every")),
  ).toBe(true);
});

test("a viewer sees the refusal page and gets 403 from the export", async ({ page }) => {
  await signInAs(page, "vic-viewer", "/audit");
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  const res = await page.request.get("/api/audit/export");
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ error: "forbidden" });
});

test("QA reads the log but is offered no export, and the export answers 403", async ({ page }) => {
  await signInAs(page, "quinn-qa", "/audit");
  await expect(page.getByRole("table", { name: "Audit events, newest first" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Export .* as CSV/ })).toHaveCount(0);
  await expect(page.getByText("Your roles do not allow exporting the log (audit.export).")).toBeVisible();
  const res = await page.request.get("/api/audit/export");
  expect(res.status()).toBe(403);
});
