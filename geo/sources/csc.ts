/**
 * The countries-states-cities database (@countrystatecity/countries, ODbL 1.0; attributed in
 * the README): a conventional point for every country, the one gazetteers and news corpora place
 * it at, and 5,308 first- and second-level divisions with a point each. Only the divisions no
 * other source has are kept (about 1,200: Bangladeshi districts, new Algerian provinces…); for the
 * rest Natural Earth's label points were measured to fit GeoWebNews as well or better.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { COMPASS_WORD, isLatinKey, normalizeName } from "../normalize";
import type { GazRecord } from "../record";

export const CSC_DIR = path.join("node_modules", "@countrystatecity", "countries", "dist", "data");

const Coordinate = z.coerce.number().min(-180).max(180);
const Country = z.object({ iso2: z.string(), latitude: Coordinate, longitude: Coordinate });
const State = z.object({
  name: z.string(),
  country_code: z.string(),
  iso3166_2: z.string().nullish(),
  type: z.string().nullish(),
  latitude: Coordinate.nullish(),
  longitude: Coordinate.nullish(),
});
export type CscState = z.infer<typeof State>;

export interface CscPoints {
  /** ISO alpha-2 → [lat, lon]. */
  countries: Map<string, [number, number]>;
  /** Every division that has a point. */
  states: CscState[];
}

export function loadCscPoints(root: string): CscPoints {
  const dir = path.join(root, CSC_DIR);
  const countries = new Map<string, [number, number]>();
  for (const c of z.array(Country).parse(JSON.parse(fs.readFileSync(path.join(dir, "countries.json"), "utf8")))) {
    countries.set(c.iso2, [c.latitude, c.longitude]);
  }
  const states: CscState[] = [];
  for (const d of fs.readdirSync(dir)) {
    const file = path.join(dir, d, "states.json");
    if (!fs.existsSync(file)) continue;
    for (const s of z.array(State).parse(JSON.parse(fs.readFileSync(file, "utf8")))) {
      if (s.latitude != null && s.longitude != null) states.push(s);
    }
  }
  return { countries, states };
}

/** A division known only by its point: ranked like a district, sized like one. */
const DIVISION_PRIOR = 2.6;
const DIVISION_RADIUS_KM = 25;

/** The divisions as gazetteer records; the builder drops those another source already has. */
export function cscDivisions(states: readonly CscState[]): GazRecord[] {
  return states
    .filter((s) => isLatinKey(normalizeName(s.name)) && !COMPASS_WORD.test(normalizeName(s.name)) && s.country_code !== "US")
    .map((s) => ({
      name: s.name,
      aliases: [],
      lat: s.latitude ?? 0,
      lon: s.longitude ?? 0,
      kind: "province" as const,
      country: s.country_code,
      admin1: null,
      source: "countrystatecity" as const,
      prior: DIVISION_PRIOR,
      radiusKm: DIVISION_RADIUS_KM,
      precision: 3 as const,
    }));
}
