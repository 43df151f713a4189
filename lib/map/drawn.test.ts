import { describe, expect, it } from "vitest";
import { drawnSet, isDrawn, latOf, lonOf, padViewport, sameDrawn, type Viewport } from "./drawn";
import { buildIndex, mercatorX, mercatorY } from "./event-index";
import { syntheticData } from "./synthetic";

const region: Viewport = { x0: mercatorX(30), x1: mercatorX(62), y0: mercatorY(40), y1: mercatorY(10), zoom: 4 };

describe("drawn set", () => {
  it("draws every event of a small range", () => {
    const index = buildIndex(syntheticData(50).events);
    const d = drawnSet(index, [0, 50], region);
    expect(d.kind).toBe("points");
    if (d.kind === "points") expect(d.indices.length).toBe(50);
  });

  it("draws only the events in the viewport when the range is large but the view is not", () => {
    const index = buildIndex(syntheticData(5000).events);
    const gaza: Viewport = { x0: mercatorX(34.2), x1: mercatorX(34.7), y0: mercatorY(31.7), y1: mercatorY(31.2), zoom: 10 };
    const d = drawnSet(index, [0, 5000], gaza);
    expect(d.kind).toBe("points");
    if (d.kind === "points") {
      expect(d.indices.length).toBeGreaterThan(0);
      expect(d.indices.length).toBeLessThan(1000);
    }
  });

  it("aggregates to cells when the viewport holds too many, keeping every event counted once", () => {
    const index = buildIndex(syntheticData(20_000).events);
    const d = drawnSet(index, [0, 20_000], region);
    expect(d.kind).toBe("cells");
    if (d.kind !== "cells") return;
    expect(d.cells.reduce((s, c) => s + c.count, 0)).toBe(d.count);
    expect(d.count).toBeGreaterThan(15_000);
    expect(d.cells.length).toBeLessThan(600);
  });

  it("bounds the drawn features at 100k events", () => {
    const index = buildIndex(syntheticData(100_000).events);
    const t = performance.now();
    const d = drawnSet(index, [0, 100_000], region);
    const ms = performance.now() - t;
    expect(d.kind).toBe("cells");
    if (d.kind === "cells") expect(d.cells.length).toBeLessThan(600);
    expect(ms).toBeLessThan(500); // a loose guard; the bench reports real timings
  });

  it("tells which events are drawn on their own", () => {
    const index = buildIndex(syntheticData(100).events);
    const points = drawnSet(index, [10, 20], region);
    expect([9, 10, 19, 20].map((i) => isDrawn(points, i))).toEqual([false, true, true, false]);
    const cells = drawnSet(buildIndex(syntheticData(5000).events), [0, 5000], region, 100);
    expect(isDrawn(cells, 0)).toBe(false);
  });

  it("compares drawn sets by content", () => {
    const index = buildIndex(syntheticData(100).events);
    expect(sameDrawn(drawnSet(index, [0, 10], region), drawnSet(index, [0, 10], region))).toBe(true);
    expect(sameDrawn(drawnSet(index, [0, 10], region), drawnSet(index, [0, 11], region))).toBe(false);
    expect(sameDrawn(null, drawnSet(index, [0, 10], region))).toBe(false);
  });

  it("converts Mercator back to degrees and pads viewports", () => {
    expect(lonOf(mercatorX(44.4))).toBeCloseTo(44.4);
    expect(latOf(mercatorY(33.3))).toBeCloseTo(33.3);
    const p = padViewport({ x0: 0, x1: 1, y0: 0, y1: 1, zoom: 0 }, 0.5);
    expect([p.x0, p.x1]).toEqual([-0.5, 1.5]);
  });
});
