/**
 * The hand-curated supplement (geo/data/curated-places.json), validated with zod at build time.
 * Long waters are given as a centre line and turned into a polygon here with Turf; a few regions
 * borrow their polygon from country-coder (Gaza Strip, West Bank).
 */
import fs from "node:fs";
import path from "node:path";
import { feature as ccFeature } from "@rapideditor/country-coder";
import * as turf from "@turf/turf";
import { z } from "zod";
import { GeoPrecision, PlaceKind } from "../../lib/schema";
import type { GazRecord } from "../record";
import { equivalentRadiusKm, roundGeometry } from "./naturalearth";

export const CURATED_FILE = path.join("geo", "data", "curated-places.json");

const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const CuratedPlace = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    kind: PlaceKind,
    country: z.string().length(2).nullable(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    radiusKm: z.number().positive().optional(),
    axis: z.array(LonLat).min(2).optional(),
    halfWidthKm: z.number().positive().optional(),
    shape: z.string().regex(/^Q\d+$/).optional(),
    precision: GeoPrecision.optional(),
    /** For embassies: whose mission it is and in which city, so "the X embassy in Y" finds it. */
    embassyOf: z.string().length(2).optional(),
    host: z.string().optional(),
    note: z.string().min(10),
  })
  .refine((p) => !p.axis || p.halfWidthKm, "an axis needs halfWidthKm");
export type CuratedPlace = z.infer<typeof CuratedPlace>;

export const CuratedFile = z.object({ about: z.string(), places: z.array(CuratedPlace) });

/** Curated entries outrank namesakes: they exist because strike reports name them. */
const CURATED_PRIOR: Record<PlaceKind, number> = {
  city: 5,
  town: 4,
  suburb: 4.5,
  base: 5,
  airport: 5,
  embassy: 5,
  site: 4.5,
  sea: 6,
  region: 5.5,
  province: 5,
  country: 6.5,
};

const DEFAULT_PRECISION: Record<PlaceKind, GeoPrecision> = {
  city: 1, town: 1, suburb: 1, base: 1, airport: 1, embassy: 1, site: 1,
  sea: 3, region: 3, province: 3, country: 4,
};

/** The synthetic name under which "the <country's> embassy in <city>" finds a curated embassy. */
export function embassyKey(country: string, host: string): string {
  return `embassy ${country} ${host}`;
}

function shapeOf(p: CuratedPlace): GazRecord["shape"] {
  if (p.shape) {
    const g = ccFeature(p.shape)?.geometry;
    if (g?.type !== "Polygon" && g?.type !== "MultiPolygon") throw new Error(`country-coder has no shape for ${p.shape} (${p.name})`);
    return roundGeometry(g);
  }
  if (p.axis && p.halfWidthKm) {
    const buffered = turf.buffer(turf.lineString(p.axis), p.halfWidthKm, { units: "kilometers" });
    if (!buffered) throw new Error(`cannot buffer the axis of ${p.name}`);
    return roundGeometry(buffered.geometry);
  }
  return undefined;
}

export function loadCurated(root: string): GazRecord[] {
  const file = CuratedFile.parse(JSON.parse(fs.readFileSync(path.join(root, CURATED_FILE), "utf8")));
  return file.places.map((p) => {
    const shape = shapeOf(p);
    return {
      name: p.name,
      aliases: p.embassyOf && p.host ? [...p.aliases, embassyKey(p.embassyOf, p.host)] : p.aliases,
      lat: p.lat,
      lon: p.lon,
      kind: p.kind,
      country: p.country,
      admin1: null,
      source: "curated",
      prior: CURATED_PRIOR[p.kind],
      radiusKm: p.radiusKm ?? (shape ? equivalentRadiusKm(shape) : 1),
      precision: p.precision ?? DEFAULT_PRECISION[p.kind],
      ...(shape ? { shape } : {}),
    };
  });
}
