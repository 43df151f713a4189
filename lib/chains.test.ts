import { describe, expect, it } from "vitest";
import { ChainForest, daysBetween } from "./chains";

describe("ChainForest", () => {
  it("names each connected component after its smallest number (its earliest event), whatever the links' direction and order", () => {
    // 0 … 5 in date order; links 2→1, 0→1 (one chain), 4→3 (another), 5 alone.
    for (const links of [[[2, 1], [0, 1], [4, 3]], [[4, 3], [1, 0], [1, 2]], [[3, 4], [0, 1], [2, 1]]]) {
      const f = new ChainForest(6);
      for (const [a, b] of links) f.join(a!, b!);
      expect([...f.roots(0, 6)]).toEqual([0, 0, 0, 3, 3, 5]);
    }
  });

  it("keeps the earliest root when two long chains meet in the middle", () => {
    const f = new ChainForest(10);
    for (let i = 9; i > 5; i--) f.join(i, i - 1); // 5 … 9
    for (let i = 1; i < 4; i++) f.join(i, i + 1); // 1 … 4
    expect(f.root(9)).toBe(5);
    f.join(7, 3);
    expect([...f.roots(0, 10)]).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect([...f.roots(8, 10)]).toEqual([1, 1]);
  });
});

describe("daysBetween", () => {
  it("counts whole days across month and year ends", () => {
    expect(daysBetween("2019-12-27", "2020-01-03")).toBe(7);
    expect(daysBetween("2020-01-03", "2019-12-27")).toBe(-7);
    expect(daysBetween("2020-03-29", "2020-03-30")).toBe(1);
  });
});
