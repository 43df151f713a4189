import { describe, expect, it } from "vitest";
import type { Place } from "../schema";
import { assignToStored, combineDates, combineTelling, familiesCompatible, MERGE_THRESHOLD, sameEventScore, spanRanges, type Comparable, type StoredEvent } from "./merge";
import type { ExtractedEvent } from "./types";
import { curatedActors } from "./testing/fixtures";

const index = curatedActors();
const place = (lat: number, lon: number, precision: Place["precision"] = 1, areaKm?: number): Place => ({
  name: "p",
  lat,
  lon,
  precision,
  kind: "city",
  country: "IQ",
  confidence: 1,
  source: "test",
  ...(areaKm ? { areaKm } : {}),
});
const ev = (o: Partial<Comparable>): Comparable => ({
  family: "airstrike",
  dateStart: "2020-01-03",
  dateEnd: "2020-01-03",
  datePrecision: "day",
  attacker: "united-states",
  target: "qassem-soleimani",
  place: place(33.26, 44.23),
  ...o,
});

describe("sameEventScore", () => {
  it("merges tellings of one strike that differ in family word, precision and detail", () => {
    const told = ev({ family: "missile", dateStart: "2020-01-01", dateEnd: "2020-12-31", datePrecision: "year", attacker: null, place: place(33.31, 44.37) });
    expect(sameEventScore(ev({}), told, index)).toBeGreaterThanOrEqual(MERGE_THRESHOLD);
  });

  it("keeps apart different victims, opposite sides, distant places and other dates", () => {
    expect(sameEventScore(ev({}), ev({ target: "kataib-hezbollah" }), index)).toBe(0);
    expect(sameEventScore(ev({}), ev({ attacker: "qassem-soleimani", target: "united-states" }), index)).toBe(0);
    expect(sameEventScore(ev({}), ev({ place: place(36.2, 37.1) }), index)).toBe(0);
    expect(sameEventScore(ev({}), ev({ dateStart: "2020-01-10", dateEnd: "2020-01-10" }), index)).toBe(0);
    expect(sameEventScore(ev({}), ev({ family: "meeting" }), index)).toBe(0);
  });

  it("knows which families can be one event", () => {
    expect(familiesCompatible("airstrike", "assassination")).toBe(true);
    expect(familiesCompatible("maritime", "drone")).toBe(true);
    expect(familiesCompatible("riot", "airstrike")).toBe(false);
  });

  it("narrows dates to their overlap", () => {
    expect(combineDates({ dateStart: "2020-01-01", dateEnd: "2020-01-31", datePrecision: "month" }, { dateStart: "2020-01-02", dateEnd: "2020-01-03", datePrecision: "day" })).toEqual({
      dateStart: "2020-01-02",
      dateEnd: "2020-01-03",
      datePrecision: "day",
    });
  });
});

const told = (key: number, o: Partial<ExtractedEvent> = {}): ExtractedEvent => ({
  ...(ev({}) as Omit<Comparable, "family">),
  key,
  family: "airstrike",
  placeMention: "p",
  origin: null,
  killed: null,
  injured: null,
  claim: "unknown",
  evidence: [{ span: { start: 0, end: 10 }, weak: false }],
  weakOnly: false,
  confidence: 0.9,
  title: "t",
  group: key,
  ...o,
});
const stored = (id: string, o: Partial<StoredEvent> = {}): StoredEvent => ({ ...ev({}), id, provenance: "extracted", claim: "unknown", ...o });

describe("merge policy between an article and the store", () => {
  it("assigns best pairs one to one; only captions may join an event already claimed", () => {
    const a = told(0);
    const b = told(1, { place: place(33.27, 44.24) });
    const caption = told(2, { weakOnly: true, evidence: [{ span: { start: 20, end: 30 }, weak: true }] });
    const s1 = stored("s1");
    const got = assignToStored([a, b, caption], () => [s1], index);
    expect([...got.entries()].map(([k, s]) => [k, s.id]).sort()).toEqual([[0, "s1"], [2, "s1"]]);
  });

  it("combines a telling into an extracted event: narrower date, more precise place, firmer claim, deeper actor", () => {
    const s = stored("s", { dateStart: "2020-01-01", dateEnd: "2020-01-31", datePrecision: "month", place: place(33.3, 44.4, 4, 300), attacker: "iran", claim: "attributed" });
    const c = combineTelling(s, told(0, { attacker: "quds-force", claim: "claimed", place: place(33.26, 44.23, 1) }), index)!;
    expect(c).toMatchObject({ dateStart: "2020-01-03", dateEnd: "2020-01-03", attacker: "quds-force", claim: "claimed", moved: true });
    expect(c.place).toMatchObject({ precision: 1 });
  });

  it("keeps curated facts and events told only by captions as they are, and figures as a range over sources", () => {
    expect(combineTelling(stored("c", { provenance: "curated" }), told(0), index)).toBeNull();
    expect(combineTelling(stored("s"), told(0, { weakOnly: true }), index)).toBeNull();
    expect(spanRanges([{ low: 3, high: 3 }, null, { low: 5, high: 8 }])).toEqual({ low: 3, high: 8 });
  });
});
