/**
 * One gazetteer entry as the source adapters produce it at build time, and the prior that ranks
 * entries before any context is known. Kept apart from the loader so that the build step and the
 * runtime agree on one definition.
 */
import type { GeoPrecision, PlaceKind } from "../lib/schema";
import type { AreaGeometry, GeoSource } from "./result";

export interface GazRecord {
  name: string;
  /** Other spellings: aliases, transliterations, exonyms. The name itself need not repeat here. */
  aliases: string[];
  lat: number;
  lon: number;
  kind: PlaceKind;
  country: string | null;
  /** GeoNames admin1 code ("13" for Kirkuk governorate, "GA" for Georgia US); lets context favour a province. */
  admin1: string | null;
  /** GeoNames admin2 code, build time only: groups a district's towns to place the district. */
  admin2?: string;
  /** People living there, build time only, where the source says: a county is ranked by its towns'. */
  population?: number;
  source: GeoSource;
  /** Log-scale importance before context: population, feature class, how notable the source is. */
  prior: number;
  /** Extent of the place; 0 for a point-like site. */
  radiusKm: number;
  precision: GeoPrecision;
  shape?: AreaGeometry;
}

/** Population on a log scale: a capital of millions ≈ 4.2, a village of 500 ≈ 1.6. */
export function populationPrior(population: number): number {
  return 0.6 * Math.log10(Math.max(population, 0) + 100);
}

/** A city's built-up radius grows roughly with the square root of its population. */
export function cityRadiusKm(population: number): number {
  return Math.min(30, Math.max(1.5, 3 * Math.sqrt(Math.max(population, 0) / 100_000)));
}
