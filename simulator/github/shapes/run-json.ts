import type { Urls } from "../../urls";
import type { Run } from "../../world/types";
import type { World } from "../../world/world";
import { runShape } from "./run";

const MAX = 5000;
const cache = new Map<string, string>();
const owners = new WeakMap<World, number>();
let nextWorld = 1;

/**
 * A run serialised as JSON. A completed attempt never changes, so its text is cached (LRU): pages of
 * 100 runs at 10,000+ runs are mostly re-serialisation otherwise.
 */
export function runJson(urls: Urls, world: World, run: Run, at: number): string {
  const attempt = run.attempts[run.attempts.length - 1];
  const done = attempt?.completedAt !== null && attempt?.completedAt !== undefined && attempt.completedAt <= at;
  if (!done) return JSON.stringify(runShape(urls, world, run, at));
  let worldId = owners.get(world);
  if (worldId === undefined) {
    worldId = nextWorld++;
    owners.set(world, worldId);
  }
  const key = `${worldId}|${urls.web}|${run.id}|${run.attempts.length}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const text = JSON.stringify(runShape(urls, world, run, at));
  cache.set(key, text);
  if (cache.size > MAX) cache.delete(cache.keys().next().value as string);
  return text;
}
