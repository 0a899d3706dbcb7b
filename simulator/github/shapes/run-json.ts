import type { Urls } from "../../urls";
import type { Run } from "../../world/types";
import type { World } from "../../world/world";
import { runShape } from "./run";

const MAX = 3000;
const cache = new Map<string, Buffer>();
const owners = new WeakMap<World, number>();
let nextWorld = 1;

/**
 * A run encoded as JSON bytes. A completed attempt never changes, so its bytes are cached (LRU):
 * pages of 100 runs (~1 MB) at 10,000+ runs are otherwise mostly serialisation and UTF-8 encoding.
 */
export function runJson(urls: Urls, world: World, run: Run, at: number): Buffer {
  const attempt = run.attempts[run.attempts.length - 1];
  const done =
    attempt?.completedAt !== null && attempt?.completedAt !== undefined && attempt.completedAt <= at;
  if (!done) return Buffer.from(JSON.stringify(runShape(urls, world, run, at)));
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
  const text = Buffer.from(JSON.stringify(runShape(urls, world, run, at)));
  cache.set(key, text);
  if (cache.size > MAX) cache.delete(cache.keys().next().value as string);
  return text;
}
