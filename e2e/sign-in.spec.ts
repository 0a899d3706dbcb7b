import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

const PEOPLE = [
  { login: "quinn-qa", roles: "viewer, qa" },
  { login: "lee-lead", roles: "viewer, lead" },
  { login: "ada-admin", roles: "viewer, admin" },
  { login: "dana-dev", roles: "viewer" },
  { login: "vic-viewer", roles: "viewer" },
];

test.describe("signing in through GitHub (simulated)", () => {
  for (const person of PEOPLE) {
    test(`${person.login} signs in and sees their roles in the header`, async ({ page }) => {
      await signInAs(page, person.login);
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
      const header = page.getByTestId("current-user");
      await expect(header).toContainText(person.login);
      await expect(page.getByTestId("current-roles")).toHaveText(person.roles);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "Simulator mode" })).toBeVisible();
    });
  }

  test("a person who is not allowed is refused and gets no session", async ({ page }) => {
    await signInAs(page, "olly-outsider");
    await expect(page).toHaveURL(/\/not-allowed/);
    await expect(page.getByText("@olly-outsider is not allowed to use Release Desk.")).toBeVisible();
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(401);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "vic-viewer");
    await expect(page.getByTestId("current-user")).toContainText("vic-viewer");
    expect((await page.request.get("/api/me")).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=1/);
    await expect(page.getByText("You are signed out.")).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("pages send an unauthenticated visitor to sign-in and APIs answer 401 JSON", async ({
    page,
    request,
  }) => {
    await page.goto("/runs");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fruns/);
    const response = await request.get("/api/me");
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
  });

  test("a viewer is refused a page their roles do not allow", async ({ page }) => {
    await signInAs(page, "vic-viewer", "/setup");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByText("You do not have access to this page")).toBeVisible();
    await expect(page.getByText("do not allow setup.read")).toBeVisible();
  });
});
