/**
 * Test support for the store's integration tests: a small hand-made dataset and a table geocoder,
 * so failures point at the store, not at the gazetteer.
 */
import type { CuratedDataset } from "../lib/curated";
import { validateCurated, type GeocodeFn } from "./seed";

const places: Record<string, [number, number, 1 | 2 | 3 | 4, string]> = {
  "near Kirkuk": [35.47, 44.39, 2, "IQ"],
  Baghdad: [33.31, 44.36, 1, "IQ"],
  "western Iraq": [34.0, 41.5, 3, "IQ"],
  Tehran: [35.69, 51.39, 1, "IR"],
};
export const geocode: GeocodeFn = (mention) => {
  const p = places[mention];
  if (!p) return { resolved: false, mention, reason: "not in the test table" };
  return {
    resolved: true, mention, name: mention, lat: p[0], lon: p[1], precision: p[2], kind: "city", country: p[3],
    confidence: 0.9, alternatives: [{ name: `${mention} (other)`, lat: 0, lon: 0, kind: "town", country: null, score: 0.1 }],
    source: "curated", ...(p[2] > 1 ? { area: { type: "radius" as const, km: 25 } } : {}),
  };
};

const src = (start: number, end: number, killed?: number) => ({
  seed: "t1.txt", outlet: "Test Wire", published: "2020-01-05", evidence: [{ start, end }],
  ...(killed !== undefined ? { killed: { low: killed, high: killed } } : {}),
});
export const dataset = (): CuratedDataset =>
  validateCurated({
    actors: [
      { id: "kh", name: "Kata'ib Hezbollah", kind: "group", aliases: ["KH"], color: "#aa0000" },
      { id: "us", name: "United States", kind: "state", country: "US", aliases: ["U.S."] },
      { id: "iran", name: "Iran", kind: "state", country: "IR", aliases: [] },
    ],
    events: [
      { id: "a-rockets", title: "Rockets on a base", dateStart: "2019-12-27", datePrecision: "day", family: "rocket", attacker: "kh", target: "us",
        place: { mention: "near Kirkuk", context: "Iraq" }, claim: "attributed", note: "Rocket attack on a base near Kirkuk.", sources: [src(0, 10, 1), { ...src(20, 30, 2), seed: "t2.txt", outlet: "Other Wire" }] },
      { id: "b-strikes", title: "Strikes on militia sites", dateStart: "2019-12-29", datePrecision: "day", family: "airstrike", attacker: "us", target: "kh",
        place: { mention: "western Iraq" }, claim: "claimed", note: "Answering air strikes on militia sites.", sources: [src(40, 50)] },
      { id: "c-month", title: "Something in March", dateStart: "2020-03-01", dateEnd: "2020-03-31", datePrecision: "month", family: "drone", attacker: "iran", target: "us",
        place: { mention: "Tehran" }, claim: "unknown", note: "An event dated only to its month.", sources: [src(60, 70)] },
    ],
    links: [{ from: "a-rockets", to: "b-strikes", kind: "retaliation", confidence: 0.9, evidence: { seed: "t1.txt", span: { start: 40, end: 50 } }, note: "Stated as a response." }],
  });
