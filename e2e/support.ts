import { expect, type Page } from "@playwright/test";

export const SIM_URL = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4110}`;

/** Signs in through the app's real next-auth GitHub flow against the simulator's OAuth pages. */
export async function signInAs(page: Page, login: string, returnTo = "/") {
  await page.goto(returnTo);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${login}\\b`) }).click();
}

/** Calls the simulator's control API (`/_sim/…`) and returns its JSON answer. */
export async function sim<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${SIM_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}`);
  return (await res.json()) as T;
}

/** Steps the simulated world's clock. */
export const advance = (seconds: number) => sim("POST", "/_sim/advance", { seconds });

/**
 * Makes fresh-release SHAs for one spec file. A reset world replays its random sequence, so the
 * first push after a reset has the same SHA every time, and the app's database (which outlives
 * resets) would show it as already decided. Pushes to a branch without CI first move the sequence
 * on: each spec file starts at its own `scratchOffset` and counts up by one per release.
 */
export function freshReleases(scratchOffset: number) {
  let pushed = 0;
  /** A release of its own, pushed to testing and deployed to staging successfully. */
  return async function deployFreshRelease(label: string): Promise<string> {
    for (let i = 0; i < scratchOffset + pushed; i++) {
      await sim("POST", "/_sim/push", { branch: "e2e-scratch", openPull: false });
    }
    pushed++;
    const { sha } = await sim<{ sha: string }>("POST", "/_sim/push", {
      branch: "testing",
      message: `${label} ${Date.now()}`,
    });
    await expect
      .poll(async () => {
        await advance(600);
        const state = await sim<{ staging: { sha: string; state: string } | null }>("GET", "/_sim/state");
        return state.staging?.sha === sha ? state.staging.state : "deploying";
      })
      .toBe("success");
    return sha;
  };
}
