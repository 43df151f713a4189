/**
 * Strikeline's offline geocoder. `getGeocoder()` loads the prebuilt gazetteer once per process;
 * `geocode(mention, { context })` is synchronous after that.
 *
 *   const geo = await getGeocoder();
 *   geo.geocode("near Kirkuk", { context: "Iraq" });
 */
import { Resolver } from "./geocoder";
import { loadGazetteer } from "./gazetteer";
import type { Geocoder } from "./result";

export {
  AreaGeometry,
  GeoAlternative,
  GeoArea,
  GeocodeResult,
  GeoSource,
  ResolvedGeocode,
  UnresolvedGeocode,
  type GeocodeOptions,
  type Geocoder,
} from "./result";

let loading: Promise<Geocoder> | undefined;

/** The process-wide geocoder; the first call loads the index (building it if absent), later calls share it. */
export function getGeocoder(): Promise<Geocoder> {
  loading ??= loadGazetteer().then((gaz) => new Resolver(gaz));
  // A failed load is not cached, so a later call (after `npx tsx geo/build-index.ts`) can succeed.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
