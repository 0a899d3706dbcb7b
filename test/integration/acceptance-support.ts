import type { Viewer } from "@/lib/auth/viewer";
import type { Role } from "@/lib/config/config";
import type { Database } from "@/lib/db/database";
import type { retryOperation as RetryOperation } from "@/lib/operations/retry-operation";
import type { runDueOperations as RunDueOperations } from "@/lib/operations/run-due-operations";
import type { acceptRelease as AcceptRelease } from "@/lib/releases/accept-release";
import type { rejectRelease as RejectRelease } from "@/lib/releases/reject-release";
import type { RunningSimulator } from "@/simulator/server";
import { createTestDatabase } from "../support/postgres";
import { advance, control, simState, startTestSimulator, type SimState } from "./simulator-helpers";

export const API = "/api/v3/repos/acme/shop";
export const MERGE_PATH = /^\/api\/v3\/repos\/acme\/shop\/pulls\/\d+\/merge$/;
export const TEARDOWN_DISPATCH = `${API}/actions/workflows/staging-teardown.yml/dispatches`;

export interface Call {
  method: string;
  path: string;
  status: number;
  login: string | null;
  fault: string | null;
}

export interface AcceptanceWorld {
  sim: RunningSimulator;
  db: Database;
  lib: {
    acceptRelease: typeof AcceptRelease;
    rejectRelease: typeof RejectRelease;
    runDueOperations: typeof RunDueOperations;
    retryOperation: typeof RetryOperation;
    checklist: string[];
  };
  close: () => Promise<void>;
}

export const viewer = (login: string, roles: Role[]): Viewer => ({ login, name: null, image: null, roles });

/**
 * Simulator + a fresh PostgreSQL database + the app's configuration pointing at both. The world's
 * clock starts at the real now, on every reset too: the worker looks runs up by creation time on the
 * app's clock.
 */
export async function startAcceptanceWorld(extraEnv: Record<string, string> = {}): Promise<AcceptanceWorld> {
  const sim = await startTestSimulator({ start: undefined });
  const db = await createTestDatabase();
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: sim.apiUrl,
    GITHUB_WEB_URL: sim.url,
    GITHUB_CLIENT_ID: "sim-client-id",
    GITHUB_CLIENT_SECRET: "sim-client-secret",
    GITHUB_TOKEN: "sim-server-token",
    NEXTAUTH_SECRET: "acceptance-test-secret-at-least-32-characters",
    GITHUB_TIMEOUT_MS: "1500",
    GITHUB_CACHE_MIN_REVALIDATE_MS: "0",
    ROLE_QA: "quinn-qa,dana-dev,ada-admin",
    ROLE_LEAD: "lee-lead",
    ...extraEnv,
  });
  // The modules read their configuration on first use, so they are imported once it is set.
  const [{ getDatabase }, { encryptToken }, accept, reject, run, retry, { getConfig }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/auth/token-crypto"),
    import("@/lib/releases/accept-release"),
    import("@/lib/releases/reject-release"),
    import("@/lib/operations/run-due-operations"),
    import("@/lib/operations/retry-operation"),
    import("@/lib/config/config"),
  ]);
  const database = await getDatabase();
  // Each person's token as sign-in would have stored it: the worker acts with it.
  const secret = getConfig().authSecret;
  let githubId = 5100;
  for (const login of ["quinn-qa", "ada-admin", "dana-dev", "vic-viewer", "lee-lead"]) {
    await database.prisma.user.create({
      data: {
        githubId: BigInt(++githubId),
        login,
        accessTokenEnc: encryptToken(`sim-token-${login}`, secret),
      },
    });
  }
  return {
    sim,
    db: database,
    lib: {
      acceptRelease: accept.acceptRelease,
      rejectRelease: reject.rejectRelease,
      runDueOperations: run.runDueOperations,
      retryOperation: retry.retryOperation,
      checklist: getConfig().acceptance.checklist,
    },
    close: async () => {
      await database.driver.close();
      await sim.close();
      await db.drop();
    },
  };
}

export async function simCalls(sim: RunningSimulator): Promise<Call[]> {
  return (await control<{ calls: Call[] }>(sim, "GET", "/_sim/calls")).calls;
}

export function writes(calls: Call[]) {
  return {
    merges: calls.filter((c) => c.method === "PUT" && MERGE_PATH.test(c.path)),
    dispatches: calls.filter((c) => c.method === "POST" && c.path === TEARDOWN_DISPATCH),
  };
}

/** Runs the worker (and the world's clock) until no operation is pending or running. */
export async function drain(
  sim: RunningSimulator,
  runDueOperations: () => Promise<unknown>,
  /** How many operations are still to settle. */
  unfinished: () => Promise<number>,
  timeoutMs = 25_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await runDueOperations();
    if ((await unfinished()) === 0) return;
    await advance(sim, 120);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("operations did not finish in time");
}

/**
 * Starts a test from the seeded world: no decisions or operations in the database and an empty call
 * log. Returns the simulator's state right after the reset.
 */
export async function resetAcceptanceWorld(world: AcceptanceWorld): Promise<SimState> {
  await control(world.sim, "POST", "/_sim/reset");
  await world.db.prisma.operation.deleteMany();
  await world.db.prisma.releaseDecision.deleteMany();
  const state = await simState(world.sim);
  await control(world.sim, "DELETE", "/_sim/calls");
  return state;
}
