import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

const sized = (value: string) => async () => ({ value, bytes: value.length });

/** A computation that finishes when the test says so, counting how often it was started. */
function gate<T>() {
  let open!: (v: T) => void;
  let fail!: (e: Error) => void;
  let started = 0;
  const done = new Promise<T>((res, rej) => ((open = res), (fail = rej)));
  return { compute: () => (started++, done), open, fail, started: () => started };
}

describe("LruCache", () => {
  it("computes a key once and answers later requests from memory", async () => {
    const cache = new LruCache<string>(100);
    let calls = 0;
    const compute = async () => (calls++, { value: "a", bytes: 1 });
    expect(await cache.get("k", compute)).toBe("a");
    expect(await cache.get("k", compute)).toBe("a");
    expect(calls).toBe(1);
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
  });

  it("shares one computation between concurrent misses of the same key (single-flight)", async () => {
    const cache = new LruCache<string>(100);
    const g = gate<{ value: string; bytes: number }>();
    const answers = Promise.all(Array.from({ length: 20 }, () => cache.get("k", g.compute)));
    g.open({ value: "v", bytes: 1 });
    expect(await answers).toEqual(Array(20).fill("v"));
    expect(g.started()).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 19 });
  });

  it("does not share between different keys", async () => {
    const cache = new LruCache<string>(100);
    expect(await Promise.all([cache.get("a", sized("x")), cache.get("b", sized("y"))])).toEqual(["x", "y"]);
  });

  it("keeps no failure: every waiter sees it, and the next request computes again", async () => {
    const cache = new LruCache<string>(100);
    const g = gate<{ value: string; bytes: number }>();
    const waiting = [cache.get("k", g.compute), cache.get("k", g.compute)];
    g.fail(new Error("store down"));
    for (const w of waiting) await expect(w).rejects.toThrow("store down");
    expect(await cache.get("k", sized("back"))).toBe("back");
    expect(cache.stats().entries).toBe(1);
  });

  it("stays within its byte budget by evicting the least recently used", async () => {
    const cache = new LruCache<string>(10);
    await cache.get("a", sized("aaaa"));
    await cache.get("b", sized("bbbb"));
    await cache.get("a", sized("never")); // a is now the most recent
    await cache.get("c", sized("cccc")); // 12 bytes: b, the least recent, goes
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 8 });
    let recomputed = false;
    expect(await cache.get("a", async () => ((recomputed = true), { value: "new", bytes: 3 }))).toBe("aaaa");
    expect(recomputed).toBe(false);
    expect(await cache.get("b", sized("b2"))).toBe("b2");
    expect(cache.stats().bytes).toBeLessThanOrEqual(10);
  });

  it("serves but never keeps a value larger than the whole budget", async () => {
    const cache = new LruCache<string>(10);
    await cache.get("small", sized("s"));
    expect(await cache.get("huge", sized("x".repeat(11)))).toBe("x".repeat(11));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 1 });
  });

  it("with a zero budget keeps nothing but still shares what is in flight", async () => {
    const cache = new LruCache<string>(0);
    const g = gate<{ value: string; bytes: number }>();
    const both = Promise.all([cache.get("k", g.compute), cache.get("k", g.compute)]);
    g.open({ value: "v", bytes: 1 });
    expect(await both).toEqual(["v", "v"]);
    expect(g.started()).toBe(1);
    expect(cache.stats().entries).toBe(0);
  });
});
