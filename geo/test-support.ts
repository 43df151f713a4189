/** Test support for the geocoder's tests: unwrap a resolution, measure how far it landed. */
import * as turf from "@turf/turf";
import type { GeocodeResult, ResolvedGeocode } from "./result";

export function resolved(r: GeocodeResult): ResolvedGeocode {
  if (!r.resolved) throw new Error(`unresolved: ${r.mention} (${r.reason})`);
  return r;
}

/** Great-circle distance in km from a result to a reference point. */
export const km = (r: { lat: number; lon: number }, lat: number, lon: number) => turf.distance([r.lon, r.lat], [lon, lat]);
