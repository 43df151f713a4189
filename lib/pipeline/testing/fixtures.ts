/**
 * Test support for the pipeline stages: a small article written for the tests (our own words,
 * invented details), a dictionary geocoder so pure tests need no gazetteer, and the curated actors.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { GeocodeResult } from "../../../geo/result";
import { CuratedDataset } from "../../curated";
import { buildActorIndex, type ActorIndex } from "../actors";
import type { GeocodeFn } from "../places";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../..");
export const seedsDir = path.resolve(repoRoot, "..", "shared", "seeds");

export function curatedActors(): ActorIndex {
  const raw = JSON.parse(fs.readFileSync(path.join(repoRoot, "data", "seed", "curated.json"), "utf8"));
  return buildActorIndex(CuratedDataset.parse(raw).actors);
}

const PLACES: Record<string, { name: string; lat: number; lon: number; precision: 1 | 2 | 3 | 4; kind: "base" | "city" | "country" | "region"; country: string; km?: number }> = {
  "camp taji": { name: "Camp Taji", lat: 33.53, lon: 44.28, precision: 1, kind: "base", country: "IQ" },
  "near kirkuk": { name: "near Kirkuk", lat: 35.47, lon: 44.39, precision: 2, kind: "city", country: "IQ", km: 25 },
  baghdad: { name: "Baghdad", lat: 33.31, lon: 44.37, precision: 1, kind: "city", country: "IQ" },
  iraq: { name: "Iraq", lat: 33.2, lon: 43.7, precision: 4, kind: "country", country: "IQ", km: 370 },
  "western iraq": { name: "western Iraq", lat: 33.4, lon: 41.6, precision: 3, kind: "region", country: "IQ", km: 220 },
  "eastern syria": { name: "eastern Syria", lat: 35.0, lon: 40.0, precision: 3, kind: "region", country: "SY", km: 200 },
  syria: { name: "Syria", lat: 35.0, lon: 38.5, precision: 4, kind: "country", country: "SY", km: 240 },
  "deir ez-zor": { name: "Deir ez-Zor", lat: 35.34, lon: 40.14, precision: 1, kind: "city", country: "SY" },
  "tower 22": { name: "Tower 22", lat: 33.32, lon: 38.72, precision: 1, kind: "base", country: "JO" },
  "near al qaim": { name: "near Al Qaim", lat: 34.37, lon: 41.09, precision: 2, kind: "city", country: "IQ", km: 25 },
  "al qaim": { name: "Al Qaim", lat: 34.37, lon: 41.09, precision: 1, kind: "city", country: "IQ" },
};

/** Resolves the handful of places the test articles name; everything else is unknown. */
export const fakeGeocode: GeocodeFn = (mention): GeocodeResult => {
  const key = mention.toLowerCase().replace(/^the\s+/, "").trim();
  const p = PLACES[key];
  if (!p) return { resolved: false, mention, reason: "not in the test gazetteer" };
  return {
    resolved: true,
    mention,
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    precision: p.precision,
    kind: p.kind,
    country: p.country,
    confidence: 0.9,
    alternatives: [],
    ...(p.km ? { area: { type: "radius" as const, km: p.km } } : {}),
    source: "curated",
  };
};

/** A short invented news page: chrome, a byline, two attacks and a response, a caption, related links, comments. */
export const SAMPLE_ARTICLE = [
  "Harbour Town Gazette",
  "Home | World | Region | Opinion",
  "",
  "Militia rockets hit a base north of the capital; U.S. answers with strikes",
  "",
  "By Jane Q. Writer",
  "March 12, 2021",
  "",
  "BAGHDAD — Kataib Hezbollah fired a salvo of 12 rockets at Camp Taji on Tuesday, killing two contractors and wounding five soldiers, officials said.",
  "",
  "In response, U.S. warplanes struck weapons depots of the group near Kirkuk two days later, the Pentagon said.",
  "",
  "Iran denied any role in the rocket attack.",
  "",
  "Photo: smoke rises over the base on March 9, 2021. (AP Photo)",
  "",
  "Related stories",
  "- Who are the militias of Iraq?",
  "",
  "Comments (3)",
  "reader_one: In 2019 they fired rockets at the embassy in Baghdad too, and nobody did a thing.",
  "",
].join("\n");
