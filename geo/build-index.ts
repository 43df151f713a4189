/**
 * Builds the compact gazetteer under geo/build/ from the npm data packages and the curated
 * supplement. Run once after install (`npx tsx geo/build-index.ts`); the geocoder also runs it by
 * itself when the index is missing or stale, so tests and a fresh checkout still work.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as turf from "@turf/turf";
import { PLACE_KINDS } from "../lib/schema";
import { BUILD_DIR, INDEX_FILE, INDEX_VERSION, SHAPES_FILE, type IndexFile, type ShapesFile } from "./index-format";
import { expandedKey, nameKeys } from "./normalize";
import type { GazRecord } from "./record";
import { GEO_SOURCES } from "./result";
import { absorbSubunits, loadAdmin1 } from "./sources/admin1";
import { loadAdmin2 } from "./sources/admin2";
import { cscDivisions, loadCscPoints } from "./sources/csc";
import { loadAirports } from "./sources/airports";
import { loadCurated } from "./sources/curated";
import { loadGeoNames } from "./sources/geonames";
import { loadCountries, loadLand, loadSubunits, loadUsCounties } from "./sources/naturalearth";

/** A non-curated entry this close to a curated one with a shared name is the same place. */
const DUPLICATE_KM = 25;

/** Areas and points never duplicate each other: curated "Gaza" (the Strip) must not hide Gaza City. */
const AREAL_KINDS = new Set(["sea", "region", "province", "country"]);

function keysOf(r: Pick<GazRecord, "name" | "aliases">): string[] {
  const keys = new Set<string>();
  for (const n of [r.name, ...r.aliases]) {
    for (const k of nameKeys(n)) {
      keys.add(k);
      const long = expandedKey(k);
      if (long) keys.add(long);
    }
  }
  return [...keys];
}

/** The records under each of their name keys. */
function byNameKey(records: GazRecord[]): Map<string, GazRecord[]> {
  const byKey = new Map<string, GazRecord[]>();
  for (const r of records) {
    for (const k of keysOf(r)) {
      const list = byKey.get(k);
      if (list) list.push(r);
      else byKey.set(k, [r]);
    }
  }
  return byKey;
}

/** Drops the entries of `others` that a keeper sharing a name already stands for. */
function dropDuplicatesOf(keepers: GazRecord[], others: GazRecord[]): GazRecord[] {
  const byKey = byNameKey(keepers);
  return others.filter((r) => {
    const twin = keysOf(r)
      .flatMap((k) => byKey.get(k) ?? [])
      .find((c) => AREAL_KINDS.has(c.kind) === AREAL_KINDS.has(r.kind) && turf.distance([c.lon, c.lat], [r.lon, r.lat]) < DUPLICATE_KM + c.radiusKm);
    if (!twin) return true;
    // A province known only as a circle gets its twin's polygon. Its names are not taken over: a
    // governorate's "Damascus" would then outrank the city.
    if (!twin.shape && r.shape && twin.kind === r.kind && twin.country === r.country) twin.shape = r.shape;
    return false;
  });
}

/** A region named after a town inside it yields to the town by this much: "Kirkuk" is mostly the city. */
const NAMESAKE_MARGIN = 1;
/** A province yields only to a town of some standing (~100k, or a seat of ~30k); a district to any. */
const PROVINCE_NAMESAKE_MIN_PRIOR = 3.0;

/**
 * An airport's short name ("Heathrow") yields to a town of that name near the airport (it is then
 * the town's airport, as Dulles is) or to a town of some standing anywhere (~100k); a village far
 * away (Heathrow, Florida) only competes with it in the ranking.
 */
const AIRPORT_NAME_TOWN_KM = 30;
const AIRPORT_NAME_TOWN_PRIOR = 3.0;

function withoutTownNames(airports: GazRecord[], towns: GazRecord[]): GazRecord[] {
  const byKey = byNameKey(towns);
  const taken = (r: GazRecord, k: string) =>
    (byKey.get(k) ?? []).some((t) => t.prior >= AIRPORT_NAME_TOWN_PRIOR || turf.distance([r.lon, r.lat], [t.lon, t.lat]) <= AIRPORT_NAME_TOWN_KM);
  return airports.map((r) => ({ ...r, aliases: r.aliases.filter((a) => !keysOf({ name: a, aliases: [] }).some((k) => taken(r, k))) }));
}

function contains(r: GazRecord, t: GazRecord): boolean {
  return r.shape ? turf.booleanPointInPolygon([t.lon, t.lat], r.shape) : turf.distance([r.lon, r.lat], [t.lon, t.lat]) <= r.radiusKm;
}

/**
 * A region named after a town inside it yields to the town: a bare "Kirkuk" or "Mendoza" stays
 * the city (the region's prior drops below the town's) while "Kirkuk province" still finds the
 * region, and an alternate name that is really the capital's ("Sayda" for South Lebanon) goes.
 */
function yieldToNamesakeTowns(regions: GazRecord[], towns: GazRecord[], minTownPrior: number): GazRecord[] {
  const wanted = new Set(regions.flatMap((r) => keysOf(r)));
  const townsByKey = new Map<string, GazRecord[]>();
  for (const t of towns) {
    if (t.prior < minTownPrior) continue;
    for (const k of keysOf(t)) {
      if (!wanted.has(k)) continue;
      const list = townsByKey.get(k);
      if (list) list.push(t);
      else townsByKey.set(k, [t]);
    }
  }
  const insideTowns = (r: GazRecord, name: string) =>
    keysOf({ name, aliases: [] }).flatMap((k) => (townsByKey.get(k) ?? []).filter((t) => t.country === r.country && contains(r, t)));
  return regions.map((r) => {
    const aliases = r.aliases.filter((a) => insideTowns(r, a).length === 0);
    const own = insideTowns(r, r.name);
    const prior = own.length > 0 ? Math.min(r.prior, Math.max(...own.map((t) => t.prior)) - NAMESAKE_MARGIN) : r.prior;
    return { ...r, aliases, prior };
  });
}

/**
 * People in the US towns GeoNames lists, per "state.county" (GeoNames' admin2 is the county's
 * FIPS code); not their neighbourhoods, which GeoNames lists with people of their own.
 */
function usCountyPopulation(towns: GazRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of towns) {
    if (t.country !== "US" || !t.admin1 || !t.admin2 || t.kind === "suburb") continue;
    const k = `${t.admin1}.${t.admin2}`;
    out.set(k, (out.get(k) ?? 0) + (t.population ?? 0));
  }
  return out;
}

/** Centre and spread of each first-level division, from the towns GeoNames files under it. */
function admin1Stats(records: GazRecord[]): IndexFile["admin1Stats"] {
  const groups = new Map<string, GazRecord[]>();
  for (const r of records) {
    if (r.source !== "geonames" || AREAL_KINDS.has(r.kind) || !r.country || !r.admin1) continue;
    const k = `${r.country}.${r.admin1}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: IndexFile["admin1Stats"] = {};
  for (const [k, g] of groups) {
    const lat = g.reduce((s, r) => s + r.lat, 0) / g.length;
    const lon = g.reduce((s, r) => s + r.lon, 0) / g.length;
    const d = g.map((r) => turf.distance([lon, lat], [r.lon, r.lat])).sort((a, b) => a - b);
    const p80 = d[Math.floor(d.length * 0.8)] ?? 0;
    out[k] = [round(lat, 4), round(lon, 4), Math.max(15, Math.round(p80))];
  }
  return out;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Two processes may build at once (parallel test workers): a reader must never see half a file. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export interface BuildSummary {
  places: number;
  keys: number;
  counts: Record<string, number>;
  indexBytes: number;
  shapesBytes: number;
}

export function buildIndex(root: string = process.cwd()): BuildSummary {
  const curated = loadCurated(root);
  const csc = loadCscPoints(root);
  const countries = loadCountries(root, csc.countries);
  const airports = loadAirports(root);
  const geonames = loadGeoNames(root);
  const { regions, subunits } = absorbSubunits(
    yieldToNamesakeTowns(loadAdmin1(root), geonames, PROVINCE_NAMESAKE_MIN_PRIOR),
    loadSubunits(root),
    keysOf,
  );
  const areas = [...countries, ...subunits, ...loadUsCounties(root, usCountyPopulation(geonames)), ...regions];
  const admin2 = dropDuplicatesOf([...curated, ...areas], yieldToNamesakeTowns(loadAdmin2(root, geonames), geonames, 0));
  const divisions = dropDuplicatesOf([...curated, ...areas, ...admin2], yieldToNamesakeTowns(cscDivisions(csc.states), geonames, 0));
  const districts = [...admin2, ...divisions];
  const records = [...curated, ...dropDuplicatesOf(curated, [...areas, ...districts, ...withoutTownNames(airports, geonames), ...geonames])];

  const index: IndexFile = {
    version: INDEX_VERSION,
    counts: {},
    name: [], lat: [], lon: [], kind: [], country: [], admin1: [], source: [], prior: [], radius: [], precision: [],
    keyList: [], keyStart: [], postings: [], primary: [],
    admin1Stats: admin1Stats(records),
  };
  const shapes: ShapesFile = { places: {}, land: loadLand(root) };
  const byKey = new Map<string, number[]>();
  const primaryKeys: string[] = [];
  records.forEach((r, id) => {
    const keys = keysOf(r);
    primaryKeys.push(keys[0] ?? "");
    for (const k of keys) {
      const ids = byKey.get(k);
      if (ids) ids.push(id);
      else byKey.set(k, [id]);
    }
    index.name.push(r.name);
    index.lat.push(round(r.lat, 5));
    index.lon.push(round(r.lon, 5));
    index.kind.push(PLACE_KINDS.indexOf(r.kind));
    index.country.push(r.country ?? "");
    index.admin1.push(r.admin1 ?? "");
    index.source.push(GEO_SOURCES.indexOf(r.source));
    index.prior.push(round(r.prior, 3));
    index.radius.push(round(r.radiusKm, 1));
    index.precision.push(r.precision);
    index.counts[r.source] = (index.counts[r.source] ?? 0) + 1;
    if (r.shape) shapes.places[String(id)] = r.shape;
  });
  // Code-unit order, the order JavaScript's < compares in, which the loader's binary search relies on.
  index.keyList = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map(index.keyList.map((k, i) => [k, i]));
  for (const k of index.keyList) {
    index.keyStart.push(index.postings.length);
    index.postings.push(...(byKey.get(k) ?? []));
  }
  index.keyStart.push(index.postings.length);
  index.primary = primaryKeys.map((k) => position.get(k) ?? -1);
  const keyCount = index.postings.length;

  fs.mkdirSync(path.join(root, BUILD_DIR), { recursive: true });
  const indexJson = JSON.stringify(index);
  const shapesJson = JSON.stringify(shapes);
  // Write the shapes first: the index is the marker the loader checks, so it must land last.
  writeAtomically(path.join(root, SHAPES_FILE), shapesJson);
  writeAtomically(path.join(root, INDEX_FILE), indexJson);
  return { places: records.length, keys: keyCount, counts: index.counts, indexBytes: indexJson.length, shapesBytes: shapesJson.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  const s = buildIndex();
  const mb = (b: number) => (b / 1e6).toFixed(1);
  console.log(
    `geo index: ${s.places} places, ${s.keys} keys (${Object.entries(s.counts).map(([k, v]) => `${k} ${v}`).join(", ")}); ` +
      `${mb(s.indexBytes)} MB + ${mb(s.shapesBytes)} MB shapes in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
