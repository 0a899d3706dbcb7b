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

  describe("stale while revalidate", () => {
    it("answers an expired value at once and refreshes it with one background load", async () => {
      let now = 0;
      const cache = createTtlCache({ now: () => now, staleWhileRevalidateMs: 500 });
      const gate = deferred<number>();
      let loads = 0;
      const first = () => (loads++, Promise.resolve(1));
      expect(await cache.getOrLoad("k", first, () => 100)).toBe(1);
      now = 150;
      const slow = () => (loads++, gate.promise);
      // Expired 50 ms ago: every caller gets the old value without waiting; one load runs.
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => cache.getOrLoad("k", slow, () => 100)),
      );
      expect(answers).toEqual([1, 1, 1, 1, 1]);
      expect(loads).toBe(2);
      gate.resolve(2);
      await gate.promise;
      await Promise.resolve();
      expect(await cache.getOrLoad("k", slow, () => 100)).toBe(2);
      expect(loads).toBe(2);
    });

    it("waits for a fresh load once the value is older than the stale window", async () => {
      let now = 0;
      const cache = createTtlCache({ now: () => now, staleWhileRevalidateMs: 500 });
      let loads = 0;
      const load = () => Promise.resolve(++loads);
      expect(await cache.getOrLoad("k", load, () => 100)).toBe(1);
      now = 600;
      expect(await cache.getOrLoad("k", load, () => 100)).toBe(2);
    });

    it("keeps serving the stale value when the background refresh fails", async () => {
      let now = 0;
      const cache = createTtlCache({ now: () => now, staleWhileRevalidateMs: 500 });
      expect(
        await cache.getOrLoad(
          "k",
          () => Promise.resolve("old"),
          () => 100,
        ),
      ).toBe("old");
      now = 200;
      const failing = () => Promise.reject(new Error("down"));
      expect(await cache.getOrLoad("k", failing, () => 100)).toBe("old");
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(
        await cache.getOrLoad(
          "k",
          () => Promise.resolve("new"),
          () => 100,
        ),
      ).toBe("old");
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(
        await cache.getOrLoad(
          "k",
          () => Promise.resolve("newer"),
          () => 100,
        ),
      ).toBe("new");
    });

    it("without a stale window an expired value is never served", async () => {
      let now = 0;
      const cache = createTtlCache({ now: () => now });
      let loads = 0;
      const load = () => Promise.resolve(++loads);
      await cache.getOrLoad("k", load, () => 100);
      now = 101;
      expect(await cache.getOrLoad("k", load, () => 100)).toBe(2);
    });
  });
});
