import type { Octokit as CoreOctokit, OctokitOptions } from "@octokit/core";
import type { EndpointDefaults } from "@octokit/types";
import { createAppAuth } from "@octokit/auth-app";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { GitHubTimeoutError } from "./errors";

export type GitHubAuth =
  | { kind: "token"; token: string }
  | { kind: "app"; appId: string | number; privateKey: string; installationId: number };

export interface GitHubLog {
  debug: (message: string) => unknown;
  info: (message: string) => unknown;
  warn: (message: string) => unknown;
  error: (message: string) => unknown;
}

export interface CreateOctokitOptions {
  /** `https://api.github.com`, `https://<ghes>/api/v3`, or the simulator's `http://127.0.0.1:4010/api/v3`. */
  baseUrl: string;
  auth: GitHubAuth;
  /** Per attempt; Octokit has none by default, so a hung GitHub would hang the page. Default 10 000. */
  timeoutMs?: number;
  /** Retries of reads after a 5xx or a dropped connection (writes: never). Default 1. */
  readRetries?: number;
  /** Times a read is retried after a rate-limit answer (writes: never). Default 2. */
  rateLimitRetries?: number;
  /** A read waits for a rate limit at most this long; beyond it the cache serves stale data. Default 15. */
  maxRateLimitWaitSeconds?: number;
  log?: GitHubLog;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Statuses that a retry cannot fix or that mean a write was refused on purpose. 405/409 are not in
 * plugin-retry's defaults, and a retried merge or dispatch must never happen by accident. 429 is the
 * throttling plugin's business (it knows the wait); letting plugin-retry retry it too doubles requests.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 405, 409, 410, 422, 429, 451];

const GatewayOctokit = Octokit.plugin(requestTimeout, throttling, retry, writesNeverRetried);
export type GitHubOctokit = InstanceType<typeof GatewayOctokit>;

/** The one place an Octokit is built. Takes explicit options: configuration is lib/config's job. */
export function createOctokit(options: CreateOctokitOptions): GitHubOctokit {
  const log = quietNotModified(options.log ?? defaultLog);
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const maxWait = options.maxRateLimitWaitSeconds ?? 15;

  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: Required<EndpointDefaults>,
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const what = `${request.method} ${request.url}`;
      if (!isRead(request.method)) {
        log.warn(`GitHub ${kind} on ${what}: a write is not retried`);
        return false;
      }
      if (retryCount >= rateLimitRetries) {
        log.warn(`GitHub ${kind} on ${what}: giving up after ${retryCount} retries`);
        return false;
      }
      if (retryAfter > maxWait) {
        log.warn(
          `GitHub ${kind} on ${what}: asked to wait ${retryAfter} s (more than ${maxWait} s), giving up`,
        );
        return false;
      }
      log.warn(
        `GitHub ${kind} on ${what}: retrying in ${retryAfter} s (${retryCount + 1}/${rateLimitRetries})`,
      );
      return true;
    };

  const auth =
    options.auth.kind === "token"
      ? { auth: options.auth.token }
      : {
          authStrategy: createAppAuth,
          auth: {
            appId: options.auth.appId,
            privateKey: options.auth.privateKey,
            installationId: options.auth.installationId,
          },
        };

  return new GatewayOctokit({
    ...auth,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    userAgent: "release-desk",
    log,
    requestTimeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    throttle: {
      onRateLimit: onLimit("rate limit"),
      onSecondaryRateLimit: onLimit("secondary rate limit"),
    },
    retry: { doNotRetry: DO_NOT_RETRY, retries: options.readRetries ?? 1 },
  });
}

function isRead(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/*
 * Both wraps below mutate `options` rather than pass a copy: before-after-hook binds every wrap to
 * the options of the original call, so whatever a wrap passes to the next one is ignored.
 */

/** The caller's own signal (if any), remembered so each attempt combines it with a new timeout. */
const callerSignals = new WeakMap<object, AbortSignal | undefined>();

/**
 * Gives every attempt its own `AbortSignal.timeout`. Registered before the throttling and retry
 * plugins, so it sits inside them and a retried read gets a fresh signal rather than one that
 * already expired. A timeout surfaces as GitHubTimeoutError, which has no `request` property, so
 * plugin-retry does not retry it (it would re-send a write whose outcome is unknown, and a hung
 * read is better answered from the cache than after more hangs).
 */
function requestTimeout(octokit: CoreOctokit, octokitOptions: OctokitOptions) {
  const configured: unknown = octokitOptions.requestTimeoutMs;
  const timeoutMs = typeof configured === "number" ? configured : DEFAULT_TIMEOUT_MS;
  octokit.hook.wrap("request", async (request, options) => {
    if (!callerSignals.has(options.request)) callerSignals.set(options.request, options.request.signal);
    const callerSignal = callerSignals.get(options.request);
    const timeout = AbortSignal.timeout(timeoutMs);
    options.request.signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    const timedOut = () => new GitHubTimeoutError(timeoutMs, { method: options.method, url: options.url });
    try {
      const response = await request(options);
      // @octokit/request swallows an abort while reading the body and returns an empty body.
      if (timeout.aborted) throw timedOut();
      return response;
    } catch (error) {
      if (timeout.aborted && !callerSignal?.aborted) throw timedOut();
      throw error;
    }
  });
}

/**
 * Outermost wrap: whatever a caller passes, a write reaches plugin-retry with `retries: 0`.
 * The write helpers pass it too; this keeps a future caller from re-sending a merge by accident.
 */
function writesNeverRetried(octokit: CoreOctokit) {
  octokit.hook.wrap("request", (request, options) => {
    if (!isRead(options.method)) options.request.retries = 0;
    return request(options);
  });
}

const noop = () => undefined;
const defaultLog: GitHubLog = {
  debug: noop,
  info: noop,
  warn: (message) => console.warn(`[github] ${message}`),
  error: (message) => console.error(`[github] ${message}`),
};

/**
 * @octokit/plugin-request-log logs every thrown request at error level, and Octokit throws on 304:
 * a healthy revalidation would otherwise print an error per page view.
 */
function quietNotModified(log: GitHubLog): GitHubLog {
  return {
    ...log,
    error: (message) => (/ - 304 with id /.test(message) ? log.debug(message) : log.error(message)),
  };
}
