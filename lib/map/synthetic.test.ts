import { describe, expect, it } from "vitest";
import { EventCollection, LinkList } from "../api";
import { syntheticData } from "./synthetic";

describe("synthetic data", () => {
  it("is deterministic and shaped like the API", () => {
    const a = syntheticData(500, 7);
    expect(syntheticData(500, 7)).toEqual(a);
    expect(() => EventCollection.parse({ type: "FeatureCollection", features: a.events })).not.toThrow();
    expect(() => LinkList.parse({ links: a.links })).not.toThrow();
    expect(a.links.length).toBeGreaterThan(5);
    const ids = new Set(a.events.map((e) => e.id));
    for (const l of a.links) expect(ids.has(l.from) && ids.has(l.to) && l.delayDays >= 0).toBe(true);
  });
});
