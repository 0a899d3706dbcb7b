import { Octokit } from "@octokit/rest";
import { startSimulator, type RunningSimulator } from "@/simulator/server";
import type { SimulatorOptions } from "@/simulator/options";

/** A fixed clock origin so assertions on history (dates, ranges) are reproducible. */
export const TEST_START = new Date("2026-03-20T12:00:00Z");

export function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  // No timer and no TLS: tests step time with /_sim/advance and the Azure part has its own tests.
  return startSimulator({ port: 0, tlsPort: null, tickMs: 0, start: TEST_START, ...options });
}

export interface SeenResponse {
  method: string;
  template: string;
  status: number;
  data: unknown;
  headers: Record<string, string | number | undefined>;
}

/** Octokit for a demo user's fixed token (`sim-token-<login>`), or a raw token. */
export function octokitAs(
  sim: RunningSimulator,
  who: { login?: string; token?: string },
  seen?: SeenResponse[],
): Octokit {
  const octokit = new Octokit({
    auth: who.token ?? `sim-token-${who.login ?? ""}`,
    baseUrl: sim.apiUrl,
    request: { retries: 0 },
  });
  if (seen) {
    // Records every answer with its route template, so each can be checked against the spec.
    octokit.hook.wrap("request", async (request, options) => {
      const template = String(options.url);
      const method = String(options.method);
      try {
        const res = await request(options);
        seen.push({ method, template, status: res.status, data: res.data, headers: res.headers });
        return res;
      } catch (err) {
        const e = err as { status?: number; response?: { data?: unknown; headers?: Record<string, string> } };
        if (typeof e.status === "number") {
          seen.push({
            method,
            template,
            status: e.status,
            data: e.response?.data,
            headers: e.response?.headers ?? {},
          });
        }
        throw err;
      }
    });
  }
  return octokit;
}

/** Calls a `/_sim/*` control endpoint. */
export async function control<T = unknown>(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function advance(sim: RunningSimulator, seconds: number): Promise<void> {
  await control(sim, "POST", "/_sim/advance", { seconds });
}

/** Status of a request that Octokit turns into an exception (4xx/5xx and 304). */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    const res = (await p) as { status: number };
    return res.status;
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (typeof status === "number") return status;
    throw err;
  }
}

export interface SimState {
  now: string;
  branches: Record<string, string>;
  staging: {
    deploymentId: number;
    sha: string;
    namespace: string;
    state: string;
    images: Record<string, string>;
  } | null;
  production: { deploymentId: number; sha: string; releaseSha: string; reason: string; state: string } | null;
  openPull: { number: number; headSha: string; baseSha: string } | null;
  liveNamespaces: { name: string; sha: string }[];
  seeded: {
    badSha: string;
    badMergeSha: string;
    rollbackRunId: number;
    rollbackTargetSha: string;
    failedDeployRunId: number | null;
    candidateSha: string;
    candidatePullNumber: number;
    candidateNamespace: string;
    candidateCiRunId: number;
  };
  counts: { runs: number; deployments: number; commits: number; pulls: number };
}

export function simState(sim: RunningSimulator): Promise<SimState> {
  return control<SimState>(sim, "GET", "/_sim/state");
}
