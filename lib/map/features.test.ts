import { describe, expect, it } from "vitest";
import { drawnSet } from "./drawn";
import { buildIndex, mercatorX, mercatorY } from "./event-index";
import { eventRadius, uncertaintyKm } from "./event-style";
import { abbreviate, drawnCollections } from "./features";
import { SAMPLE_EVENTS } from "./fixtures/sample";
import { syntheticData } from "./synthetic";

const region = { x0: mercatorX(30), x1: mercatorX(62), y0: mercatorY(40), y1: mercatorY(10), zoom: 4 };

describe("overlay features", () => {
  it("draws each event with its colour, size, family and sea mark, and an area where imprecise", () => {
    const index = buildIndex(SAMPLE_EVENTS);
    const c = drawnCollections(index, drawnSet(index, [0, index.events.length], region));
    expect(c.points.features).toHaveLength(SAMPLE_EVENTS.length);
    const tanker = c.points.features.find((f) => f.properties.id === "tanker-attack")!;
    expect(tanker.properties).toMatchObject({ family: "maritime", color: "#15803d", sea: true, chain: "syria-strike" });
    expect(c.areas.features.map((f) => f.properties!.id)).toEqual(expect.arrayContaining(["k1-rockets", "tanker-attack"]));
    expect(c.areas.features.map((f) => f.properties!.id)).not.toContain("taji-rockets");
    expect(c.cells.features).toEqual([]);
  });

  it("draws cells, not events, for a crowded view", () => {
    const index = buildIndex(syntheticData(5000).events);
    const c = drawnCollections(index, drawnSet(index, [0, 5000], region, 100));
    expect(c.points.features).toEqual([]);
    expect(c.cells.features.reduce((s, f) => s + Number(f.properties!.count), 0)).toBe(5000);
  });

  it("sizes by casualties on a log scale and keeps areas to imprecise places", () => {
    expect(eventRadius({ killed: null, injured: null })).toBe(6);
    expect(eventRadius({ killed: { low: 3, high: 3 }, injured: null })).toBeCloseTo(11);
    expect(eventRadius({ killed: { low: 1e6, high: 1e6 }, injured: null })).toBe(22);
    expect(uncertaintyKm({ geoPrecision: 1, areaKm: 5 })).toBeNull();
    expect(uncertaintyKm({ geoPrecision: 3, areaKm: 120 })).toBe(120);
  });

  it("abbreviates counts", () => {
    expect([abbreviate(7), abbreviate(1234), abbreviate(25_400)]).toEqual(["7", "1.2k", "25k"]);
  });
});
