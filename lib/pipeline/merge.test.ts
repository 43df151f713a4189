import { describe, expect, it } from "vitest";
import type { Place } from "../schema";
import { combineDates, familiesCompatible, MERGE_THRESHOLD, sameEventScore, type Comparable } from "./merge";
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
