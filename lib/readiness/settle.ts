import { GitHubError } from "@/lib/github/errors";
import type { ReadOutcome } from "./check";

/**
 * Runs a gateway read and keeps its GitHubError as data, so one refused read fails one check rather
 * than the page. Anything else is a bug and is thrown on.
 */
export async function settle<T>(read: () => Promise<T>): Promise<ReadOutcome<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof GitHubError) return { ok: false, error };
    throw error;
  }
}
