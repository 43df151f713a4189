/**
 * The on-disk layout of the prebuilt gazetteer (geo/build/), shared by the builder and the loader.
 * Columns rather than objects, and the name index as a sorted key list with postings: one
 * JSON.parse of flat arrays and no per-key work at load, several times faster than building
 * a Map of half a million names.
 */
import path from "node:path";
import { z } from "zod";
import { AreaGeometry } from "./result";

/** Bump when the layout or the meaning of a column changes; a stale index is then rebuilt. */
export const INDEX_VERSION = 10;

export const BUILD_DIR = path.join("geo", "build");
export const INDEX_FILE = path.join(BUILD_DIR, "gazetteer.json");
export const SHAPES_FILE = path.join(BUILD_DIR, "shapes.json");

export interface IndexFile {
  version: number;
  counts: Record<string, number>;
  name: string[];
  lat: number[];
  lon: number[];
  /** Index into PLACE_KINDS. */
  kind: number[];
  /** ISO alpha-2 or "" for none. */
  country: string[];
  admin1: string[];
  /** Index into GEO_SOURCES. */
  source: number[];
  prior: number[];
  radius: number[];
  precision: number[];
  /** Every normalised lookup key, sorted (code-unit order), unique: binary-searched at run time. */
  keyList: string[];
  /** Place ids of keyList[i] are postings[keyStart[i]] … postings[keyStart[i + 1] - 1]. */
  keyStart: number[];
  postings: number[];
  /** Per place, the position in keyList of its primary name's key. */
  primary: number[];
  /** "CC.admin1" → [lat, lon, radiusKm] of the GeoNames places in that first-level division. */
  admin1Stats: Record<string, [number, number, number]>;
}

/** Only the header is checked at load: validating 200k rows would cost more than loading them. */
export const IndexHeader = z.object({ version: z.literal(INDEX_VERSION) }).passthrough();

export const ShapesFile = z.object({
  /** Place id (as a string) → polygon. */
  places: z.record(z.string(), AreaGeometry),
  land: AreaGeometry,
});
export type ShapesFile = z.infer<typeof ShapesFile>;

/**
 * What the loader checks of the shape file: its layout and each shape's type, not every
 * coordinate. The file is this builder's own output, and checking 10 MB of coordinates with zod
 * took longer than parsing them.
 */
const ShapeHeader = z.object({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.unknown()) });
export const ShapesHeader = z.object({ places: z.record(z.string(), ShapeHeader), land: ShapeHeader });
