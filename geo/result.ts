/**
 * The shape of a geocoding answer, shared by the resolver, the CLI and the app. Declared once as
 * zod schemas; the TypeScript types are inferred from them.
 */
import { z } from "zod";
import { GeoPrecision, PlaceKind } from "../lib/schema";

/** Which gazetteer a winning entry came from. */
export const GEO_SOURCES = ["geonames", "curated", "airports", "naturalearth", "uscensus", "countrystatecity"] as const;
export const GeoSource = z.enum(GEO_SOURCES);
export type GeoSource = z.infer<typeof GeoSource>;

const Lat = z.number().min(-90).max(90);
const Lon = z.number().min(-180).max(180);
const Country = z.string().length(2).nullable();

const Position = z.array(z.number()).min(2);
export const AreaGeometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(Position))) }),
]);
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** Where the place may be: a circle around the point, or a shape. */
export const GeoArea = z.discriminatedUnion("type", [
  z.object({ type: z.literal("radius"), km: z.number().positive() }),
  z.object({ type: z.literal("polygon"), geometry: AreaGeometry }),
]);
export type GeoArea = z.infer<typeof GeoArea>;

export const GeoAlternative = z.object({
  name: z.string(),
  lat: Lat,
  lon: Lon,
  kind: PlaceKind,
  country: Country,
  /** Share of the ranking mass this reading got (0..1), comparable with `confidence`. */
  score: z.number().min(0).max(1),
});
export type GeoAlternative = z.infer<typeof GeoAlternative>;

export const ResolvedGeocode = z.object({
  resolved: z.literal(true),
  mention: z.string(),
  name: z.string().min(1),
  lat: Lat,
  lon: Lon,
  precision: GeoPrecision,
  kind: PlaceKind,
  /** ISO 3166-1 alpha-2; null for open sea. */
  country: Country,
  confidence: z.number().min(0).max(1),
  alternatives: z.array(GeoAlternative).max(3),
  area: GeoArea.optional(),
  /**
   * A size for the map: the radius (km) of a circle of the same area as `area`, equal to
   * `area.km` for a circle; absent when the answer has no area (a point).
   */
  radiusKm: z.number().positive().optional(),
  source: GeoSource,
});
export type ResolvedGeocode = z.infer<typeof ResolvedGeocode>;

export const UnresolvedGeocode = z.object({
  resolved: z.literal(false),
  mention: z.string(),
  reason: z.string().min(1),
});
export type UnresolvedGeocode = z.infer<typeof UnresolvedGeocode>;

export const GeocodeResult = z.discriminatedUnion("resolved", [ResolvedGeocode, UnresolvedGeocode]);
export type GeocodeResult = z.infer<typeof GeocodeResult>;

export interface GeocodeOptions {
  /** Text around the mention (a sentence, the article, or just "Iraq"): its countries and places steer the choice. */
  context?: string;
}

export interface Geocoder {
  geocode(mention: string, opts?: GeocodeOptions): GeocodeResult;
}
