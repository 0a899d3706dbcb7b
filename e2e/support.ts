import { expect, type Page } from "@playwright/test";

export const SIM_URL = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4110}`;

/** Signs in through the app's real next-auth GitHub flow against the simulator's OAuth pages. */
export async function signInAs(page: Page, login: string, returnTo = "/") {
  await page.goto(returnTo);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${login}\\b`) }).click();
}
