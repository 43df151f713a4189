/**
 * Pure steps of the offline basemap build (scripts/build-basemap.ts does the file work).
 * Natural Earth countries at 1:10m for the region the app is about, 1:50m for the rest of the
 * world, GeoNames cities by population, and curated names of seas, all as small GeoJSON files.
 */
import * as turf from "@turf/turf";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from "geojson";

/** Countries whose centroid lies here get the detailed 1:10m outline. [west, south, east, north] */
export const REGION_BBOX = [20, 5, 70, 45] as const;
/** Cities are labelled inside this (slightly wider) box only. */
export const CITY_BBOX = [18, 3, 75, 48] as const;

type Bbox = readonly [number, number, number, number];

export const inBbox = ([x, y]: Position, [w, s, e, n]: Bbox) => x! >= w && x! <= e && y! >= s && y! <= n;

export function isRegionCountry(f: Feature<Geometry>): boolean {
  return inBbox(turf.centroid(f).geometry.coordinates, REGION_BBOX);
}

/** Rounds coordinates to `digits` decimals (5 ≈ 1 m, 3 ≈ 100 m) and drops repeated points. */
export function roundGeometry<G extends Geometry>(g: G, digits: number): G {
  const k = 10 ** digits;
  const r = (p: Position): Position => [Math.round(p[0]! * k) / k, Math.round(p[1]! * k) / k];
  const ring = (ps: Position[]): Position[] =>
    ps.map(r).filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]);
  switch (g.type) {
    case "Point":
      return { ...g, coordinates: r(g.coordinates) };
    case "LineString":
    case "MultiPoint":
      return { ...g, coordinates: ring(g.coordinates) };
    case "Polygon":
    case "MultiLineString":
      return { ...g, coordinates: g.coordinates.map(ring) };
    case "MultiPolygon":
      return { ...g, coordinates: g.coordinates.map((p) => p.map(ring)) };
    default:
      return g;
  }
}

/** The largest part of a (multi)polygon, where a country's name belongs. */
function largestPolygon(g: Polygon | MultiPolygon): Feature<Polygon> {
  if (g.type === "Polygon") return turf.polygon(g.coordinates);
  let best = turf.polygon(g.coordinates[0]!);
  let bestArea = turf.area(best);
  for (const coords of g.coordinates.slice(1)) {
    const p = turf.polygon(coords);
    const a = turf.area(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  return best;
}

/**
 * Where to write a country's name: the centre of mass of its largest part, or a point surely
 * inside it when that centre falls outside (crescent-shaped coasts).
 * `minzoom` grows as the country shrinks so that small states are named once there is room.
 */
export function countryLabel(f: Feature<Polygon | MultiPolygon, { name: string }>): Feature<Point, { name: string; minzoom: number; areaKm2: number }> {
  const main = largestPolygon(f.geometry);
  let at = turf.centerOfMass(main);
  if (!turf.booleanPointInPolygon(at, main)) at = turf.pointOnFeature(main);
  const areaKm2 = turf.area(f) / 1e6;
  const minzoom = areaKm2 > 1_000_000 ? 2 : areaKm2 > 200_000 ? 3 : areaKm2 > 30_000 ? 4 : areaKm2 > 5_000 ? 5 : 6;
  return turf.point(roundGeometry(at.geometry, 3).coordinates, { name: f.properties.name, minzoom, areaKm2: Math.round(areaKm2) });
}

export type City = {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};

/** A city's first zoom by population; capitals come early because readers orient by them. */
export function cityMinzoom(c: Pick<City, "population" | "featureCode">): number {
  if (c.featureCode === "PPLC") return 3;
  // A section of a city (a district of Baghdad, "Al Mawşil al Jadīdah" of Mosul): a neighbourhood
  // name once streets would show, never competing with the city itself.
  if (c.featureCode === "PPLX") return 10;
  const p = c.population;
  return p >= 2_000_000 ? 4 : p >= 500_000 ? 5 : p >= 200_000 ? 6 : p >= 50_000 ? 7 : p >= 15_000 ? 8 : p >= 5_000 ? 9 : 10;
}

/** GeoNames feature codes of places that no longer are: historical and abandoned. */
const NOT_LABELLED = new Set(["PPLH", "PPLQ"]);

export function cityFeatures(cities: readonly City[], minPopulation: number): FeatureCollection<Point> {
  const features = cities
    .filter((c) => c.population >= minPopulation && !NOT_LABELLED.has(c.featureCode) && inBbox(c.loc.coordinates, CITY_BBOX))
    // Neighbourhoods sort after every town: the label order is the placement priority.
    .sort((a, b) => Number(a.featureCode === "PPLX") - Number(b.featureCode === "PPLX") || b.population - a.population)
    .map((c) =>
      turf.point(roundGeometry({ type: "Point", coordinates: c.loc.coordinates }, 4).coordinates, {
        name: c.name,
        capital: c.featureCode === "PPLC",
        population: c.featureCode === "PPLX" ? 0 : c.population,
        minzoom: cityMinzoom(c),
      }),
    );
  return turf.featureCollection(features);
}

export type FontFile = { file: string; unicodeRange: string[] };

/**
 * Reads the @font-face rules of a Fontsource CSS file into file names and unicode ranges, so the
 * map's `font-faces` uses exactly the subsets the package declares.
 */
export function parseFontsourceCss(css: string): FontFile[] {
  const out: FontFile[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file && range) out.push({ file, unicodeRange: range.split(",").map((s) => s.trim()) });
  }
  return out;
}

/**
 * The page's own @font-face rules, over the very files the map draws its labels with: the
 * browser then downloads each font once, for the text and the labels alike (the map's fetch of
 * a file the page already loaded is answered from the HTTP cache). Arabic files are their own
 * family, as in Fontsource; a file's name says its weight and style ("…-600-normal.woff2").
 */
export function pageFontCss(files: readonly FontFile[], base: string): string {
  const rules = new Map<string, string>();
  for (const f of files) {
    const m = /-(\d{3})-(normal|italic)\.woff2$/.exec(f.file);
    if (!m) continue;
    const family = f.file.startsWith("noto-sans-arabic-") ? "Noto Sans Arabic" : "Noto Sans";
    rules.set(
      f.file,
      `@font-face{font-family:"${family}";font-style:${m[2]};font-weight:${m[1]};font-display:swap;` +
        `src:url(${base}/fonts/${f.file}) format("woff2");unicode-range:${f.unicodeRange.join(",")}}`,
    );
  }
  return [...rules.values()].join("\n") + "\n";
}

export type Airport = { name: string; iata: string | null; latitude: number; longitude: number; type: string };

/** Airports (OpenFlights) as labels from zoom 8: strikes often name one, or the base on it. */
export function airportFeatures(airports: readonly Airport[]): FeatureCollection<Point> {
  return turf.featureCollection(
    airports
      .filter((a) => a.type === "airport" && inBbox([a.longitude, a.latitude], CITY_BBOX))
      .map((a) => turf.point(roundGeometry({ type: "Point", coordinates: [a.longitude, a.latitude] }, 4).coordinates, { name: a.name })),
  );
}
