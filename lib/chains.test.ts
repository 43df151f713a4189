import { describe, expect, it } from "vitest";
import { computeChains, daysBetween } from "./chains";

const ev = (id: string, dateStart: string) => ({ id, dateStart });

describe("computeChains", () => {
  it("names each connected component after its earliest event, ignoring link direction", () => {
    const events = [ev("c", "2020-01-03"), ev("a", "2019-12-27"), ev("b", "2019-12-29"), ev("x", "2023-04-06"), ev("y", "2023-04-07"), ev("lonely", "2021-01-01")];
    const chains = computeChains([{ from: "b", to: "c" }, { from: "a", to: "b" }, { from: "x", to: "y" }], events);
    expect(Object.fromEntries(chains)).toEqual({ a: "a", b: "a", c: "a", x: "x", y: "x" });
    expect(chains.has("lonely")).toBe(false);
  });

  it("breaks date ties by id so the result does not depend on input order", () => {
    const events = [ev("q", "2020-01-01"), ev("p", "2020-01-01")];
    expect(computeChains([{ from: "q", to: "p" }], events).get("q")).toBe("p");
    expect(computeChains([{ from: "p", to: "q" }], [...events].reverse()).get("q")).toBe("p");
  });
});

describe("daysBetween", () => {
  it("counts whole days across month and year ends", () => {
    expect(daysBetween("2019-12-27", "2020-01-03")).toBe(7);
    expect(daysBetween("2020-01-03", "2019-12-27")).toBe(-7);
    expect(daysBetween("2020-03-29", "2020-03-30")).toBe(1);
  });
});
