import { describe, expect, it } from "vitest";
import { freshRead } from "./fresh-read";

/** A store whose reads capture the value when they start and finish when the test releases them. */
function slowStore() {
  let value = 1;
  const pending: { release: () => void; fail: (e: Error) => void }[] = [];
  const read = () => {
    const seen = value;
    return new Promise<number>((resolve, reject) => pending.push({ release: () => resolve(seen), fail: reject }));
  };
  const settle = async () => {
    // Each released read may start the next one on a later microtask.
    for (let i = 0; i < 10; i++) {
      while (pending.length) pending.shift()!.release();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { read, write: (v: number) => (value = v), pending, settle };
}

describe("freshRead", () => {
  it("serves every caller that arrives during a read with one next read", async () => {
    const s = slowStore();
    let reads = 0;
    const shared = freshRead(() => (reads++, s.read()));
    const answers = Promise.all(Array.from({ length: 10 }, () => shared()));
    await s.settle();
    expect(await answers).toEqual(Array(10).fill(1));
    expect(reads).toBe(2);
  });

  it("never answers a caller from a read that started before it arrived", async () => {
    const s = slowStore();
    const shared = freshRead(s.read);
    const early = shared(); // starts reading the value 1
    s.write(2); // a write completes while that read is still in flight
    const late = shared();
    await s.settle();
    expect([await early, await late]).toEqual([1, 2]);
  });

  it("reads again for callers after the last read settled", async () => {
    const s = slowStore();
    let reads = 0;
    const shared = freshRead(() => (reads++, s.read()));
    const first = shared();
    await s.settle();
    await first;
    s.write(3);
    const second = shared();
    await s.settle();
    expect([await first, await second, reads]).toEqual([1, 3, 2]);
  });

  it("a failed read fails only its own callers; those waiting get the next read", async () => {
    const s = slowStore();
    const shared = freshRead(s.read);
    const failing = shared();
    const waiting = shared();
    s.pending.shift()!.fail(new Error("connection lost"));
    await expect(failing).rejects.toThrow("connection lost");
    await s.settle();
    expect(await waiting).toBe(1);
  });
});
