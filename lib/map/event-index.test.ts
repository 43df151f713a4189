import { describe, expect, it } from "vitest";
import { lowerBound } from "./bisect";
import { buildIndex, mercatorX, mercatorY, rangeOf } from "./event-index";
import { SAMPLE_EVENTS } from "./fixtures/sample";
import { dayOf } from "./time";

describe("event index", () => {
  const index = buildIndex(SAMPLE_EVENTS);

  it("sorts events by start day and keeps the data's whole date range as domain", () => {
    const days = [...index.day];
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(index.domain).toEqual([dayOf("2019-12-27"), dayOf("2023-04-02")]);
    expect(index.pos.get("k1-rockets")).toBe(0);
  });

  it("finds the events of a day range by binary search, both ends inclusive", () => {
    const [lo, hi] = rangeOf(index, dayOf("2019-12-29"), dayOf("2020-01-03"));
    expect(index.events.slice(lo, hi).map((e) => e.id)).toEqual(["us-strikes-kh", "embassy-storming", "airport-strike"]);
    // A fractional cursor counts the day it is in.
    const [, hi2] = rangeOf(index, dayOf("2019-12-27"), dayOf("2019-12-29") + 0.5);
    expect(hi2).toBe(2);
  });

  it("filters without moving the domain", () => {
    const f = buildIndex(SAMPLE_EVENTS, (p) => p.family === "rocket");
    expect(f.events.map((e) => e.id)).toEqual(["k1-rockets", "taji-rockets"]);
    expect(f.domain).toEqual(index.domain);
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(SAMPLE_EVENTS);
    buildIndex(SAMPLE_EVENTS, (p) => p.family === "drone");
    expect(SAMPLE_EVENTS).toEqual(copy);
  });

  it("projects to Web Mercator in [0, 1]", () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5);
    expect(mercatorY(60)).toBeLessThan(0.5);
    expect(lowerBound(new Float64Array([1, 2, 2, 3]), 2)).toBe(1);
    expect(lowerBound(new Float64Array([1, 2, 2, 3]), 2, true)).toBe(3);
  });
});
