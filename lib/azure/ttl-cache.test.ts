import { describe, expect, it } from "vitest";
import { createTtlCache } from "./ttl-cache";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("createTtlCache", () => {
  it("shares one load between concurrent callers of the same key", async () => {
    const cache = createTtlCache();
    const gate = deferred<string>();
    let loads = 0;
    const load = () => {
      loads++;
      return gate.promise;
    };
    const readers = Array.from({ length: 10 }, () => cache.getOrLoad("k", load, () => 1_000));
    gate.resolve("value");
    expect(await Promise.all(readers)).toEqual(Array(10).fill("value"));
    expect(loads).toBe(1);
  });

  it("serves from memory until the TTL passes, then loads again", async () => {
    let now = 0;
    const cache = createTtlCache({ now: () => now });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.getOrLoad("k", load, () => 100)).toBe(1);
    now = 99;
    expect(await cache.getOrLoad("k", load, () => 100)).toBe(1);
    now = 100;
    expect(await cache.getOrLoad("k", load, () => 100)).toBe(2);
  });

  it("keeps each value for the TTL that value asks for", async () => {
    let now = 0;
    const cache = createTtlCache({ now: () => now });
    const ttlFor = (v: { ok: boolean }) => (v.ok ? 1_000 : 10);
    await cache.getOrLoad("bad", () => Promise.resolve({ ok: false }), ttlFor);
    now = 10;
    let reloaded = false;
    await cache.getOrLoad("bad", () => ((reloaded = true), Promise.resolve({ ok: true })), ttlFor);
    expect(reloaded).toBe(true);
  });

  it("does not keep a rejected load, so the next caller retries", async () => {
    const cache = createTtlCache();
    await expect(
      cache.getOrLoad(
        "k",
        () => Promise.reject(new Error("down")),
        () => 1_000,
      ),
    ).rejects.toThrow("down");
    expect(
      await cache.getOrLoad(
        "k",
        () => Promise.resolve("up"),
        () => 1_000,
      ),
    ).toBe("up");
  });

  it("evicts the oldest entry beyond its size limit", async () => {
    const cache = createTtlCache({ maxEntries: 2 });
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await cache.getOrLoad("a", load, () => 1_000);
    await cache.getOrLoad("b", load, () => 1_000);
    await cache.getOrLoad("c", load, () => 1_000);
    expect(await cache.getOrLoad("b", load, () => 1_000)).toBe(2);
    expect(await cache.getOrLoad("a", load, () => 1_000)).toBe(4);
  });
});
