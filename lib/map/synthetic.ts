/**
 * Synthetic events and links in the API's shapes, for the scale bench (app/bench, bench/browser-scrub.ts).
 * Deterministic for a given (n, seed): places scatter around real hubs of the region, dates over
 * five years, and about one event in forty answers an earlier one.
 */
import type { EventFeature, LinkOut } from "../api";
import { FAMILIES } from "../schema";
import { DAY_MS, dayOf, isoOf } from "./time";

/** mulberry32: tiny, fast, good enough to scatter points. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HUBS: [string, number, number, number][] = [
  // name, lon, lat, spread in degrees
  ["Baghdad", 44.37, 33.31, 0.6],
  ["Kirkuk", 44.39, 35.47, 0.5],
  ["Erbil", 44.01, 36.19, 0.5],
  ["Anbar", 42.0, 33.6, 1.5],
  ["Damascus", 36.29, 33.51, 0.6],
  ["Aleppo", 37.16, 36.2, 0.6],
  ["Deir ez-Zor", 40.14, 35.34, 0.8],
  ["Beirut", 35.5, 33.89, 0.3],
  ["South Lebanon", 35.4, 33.25, 0.3],
  ["Gaza", 34.45, 31.45, 0.15],
  ["Sanaa", 44.21, 15.35, 0.8],
  ["Hodeidah", 42.95, 14.8, 0.6],
  ["Red Sea", 40.5, 16.5, 1.5],
  ["Gulf of Oman", 58.6, 24.6, 1.0],
  ["Tehran", 51.42, 35.69, 0.8],
];

const ATTACKERS: [string, string, string][] = [
  ["united-states", "United States", "#1e3a8a"],
  ["israel", "Israel", "#0e7490"],
  ["iran", "Iran", "#15803d"],
  ["kataib-hezbollah", "Kata'ib Hezbollah", "#b91c1c"],
  ["hezbollah", "Hezbollah", "#ca8a04"],
  ["houthis", "Houthis", "#7e22ce"],
];

export const SYNTHETIC_START = "2019-06-01";
const SPAN_DAYS = 5 * 365;

export function syntheticData(n: number, seed = 1): { events: EventFeature[]; links: LinkOut[] } {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const start = dayOf(SYNTHETIC_START);
  const events: EventFeature[] = [];
  for (let i = 0; i < n; i++) {
    const [hub, lon, lat, spread] = pick(HUBS);
    const [attacker, attackerName, attackerColor] = pick(ATTACKERS);
    const family = pick(FAMILIES);
    const day = start + Math.floor(rnd() * SPAN_DAYS);
    const killed = rnd() < 0.5 ? null : Math.floor(rnd() ** 3 * 60);
    const id = `syn-${i}`;
    const sea = hub === "Red Sea" || hub === "Gulf of Oman";
    events.push({
      type: "Feature",
      id,
      geometry: { type: "Point", coordinates: [lon + (rnd() - 0.5) * 2 * spread, lat + (rnd() - 0.5) * 2 * spread] },
      properties: {
        id,
        title: `Synthetic ${family} ${i}`,
        dateStart: isoOf(day),
        dateEnd: isoOf(day),
        datePrecision: "day",
        family,
        attacker,
        attackerName,
        attackerColor,
        target: null,
        targetName: null,
        targetLabel: null,
        placeName: hub,
        geoPrecision: sea ? 2 : 1,
        placeKind: sea ? "sea" : "city",
        country: null,
        areaKm: sea ? 40 : null,
        killed: killed === null ? null : { low: killed, high: killed },
        injured: null,
        claim: "unknown",
        note: "Synthetic event for the scale bench.",
        status: "extracted",
        provenance: "extracted",
        outlets: [],
        sourceCount: 0,
        chainId: null,
      },
    });
  }
  // Links answer an event with one of the next few (by date), within ten days.
  const byDay = [...events].sort((a, b) => (a.properties.dateStart < b.properties.dateStart ? -1 : 1));
  const links: LinkOut[] = [];
  for (let i = 0; i + 5 < byDay.length; i += 40) {
    const cause = byDay[i]!;
    const effect = byDay[i + 1 + Math.floor(rnd() * 5)]!;
    const delayDays = Math.round((Date.parse(effect.properties.dateStart) - Date.parse(cause.properties.dateStart)) / DAY_MS);
    if (delayDays > 10) continue;
    cause.properties.chainId = effect.properties.chainId = cause.id;
    links.push({
      id: `syn-link-${i}`,
      from: cause.id,
      to: effect.id,
      kind: "retaliation",
      method: "reversal",
      confidence: 0.5,
      status: "extracted",
      note: null,
      evidence: null,
      delayDays,
      chainId: cause.id,
    });
  }
  return { events, links };
}
