import { getGeocoder } from "@/geo";
import type { GeoPrecision, PlaceKind } from "@/lib/schema";
import { GazetteerParams } from "@/lib/review-api";
import { gateRead } from "../editor";
import { parseQuery, requestUrl, respond } from "../respond";

export const dynamic = "force-dynamic";

/** An alternative reading names one place; how precise a pin on it is follows from its kind. */
const precisionOfKind = (kind: PlaceKind): GeoPrecision => (kind === "country" ? 4 : kind === "province" || kind === "region" || kind === "sea" ? 3 : 1);

/** Place search for the review editor: the geocoder's best reading and its alternatives. The gazetteer loads on first use. */
export function GET(req: Request) {
  return respond(async () => {
    gateRead(req);
    const { q, context } = parseQuery(GazetteerParams, requestUrl(req).searchParams);
    const r = (await getGeocoder()).geocode(q, context ? { context } : {});
    if (!r.resolved) return { results: [] };
    return {
      results: [
        { name: r.name, lat: r.lat, lon: r.lon, kind: r.kind, country: r.country, precision: r.precision, score: r.confidence },
        ...r.alternatives.map((a) => ({ ...a, precision: precisionOfKind(a.kind) })),
      ],
    };
  });
}
