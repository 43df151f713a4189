/**
 * GeoJSON FeatureCollections in (RFC 7946: lon/lat, no crs). Point features are events, their
 * properties read as mapped fields (Strikeline's names by default; `--map` renames); a range
 * property `{low, high}` reads as its two fields (killed → killedLow, killedHigh). LineString
 * features with `from` and `to` are links, as Strikeline's export writes them.
 */
import { z } from "zod";
import { StrikelineError } from "../errors";
import type { ActorIndex } from "../pipeline/actors";
import { LinkKind, LinkMethod } from "../schema";
import { reconciler } from "./actors";
import { flatValue, fromMapped, type FieldMap } from "./mapped";
import { firstIssue, ImportedLink, type ImportedEvent, type ParsedImport, type RowIssue } from "./record";

const Feature = z.object({
  type: z.literal("Feature"),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});
const Coordinates = z.tuple([z.number(), z.number()]).rest(z.number());
const Collection = z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) });

export function parseGeoJson(text: string, actors: ActorIndex, map: FieldMap = {}): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new StrikelineError("rejected", `not JSON: ${(e as Error).message}`);
  }
  const fc = Collection.safeParse(json);
  if (!fc.success) throw new StrikelineError("rejected", `not a GeoJSON FeatureCollection (${firstIssue(fc.error)})`);
  if ((json as { crs?: unknown }).crs) throw new StrikelineError("rejected", "the file declares a crs: RFC 7946 GeoJSON is lon/lat WGS 84 only; reproject it first");
  const resolve = reconciler(actors);
  const events: ImportedEvent[] = [];
  const links: ImportedLink[] = [];
  const issues: RowIssue[] = [];
  fc.data.features.forEach((raw, i) => {
    const n = i + 1;
    const bad = (reason: string) => issues.push({ line: n, unit: "feature", reason });
    const f = Feature.safeParse(raw);
    if (!f.success) return bad(`not a Feature (${firstIssue(f.error)})`);
    const props = f.data.properties ?? {};
    const geom = f.data.geometry;
    if (geom?.type === "LineString" && "from" in props && "to" in props) {
      const l = ImportedLink.safeParse({
        from: props.from,
        to: props.to,
        kind: LinkKind.safeParse(props.kind).data ?? "response",
        method: LinkMethod.safeParse(props.method).data ?? "curated",
        confidence: typeof props.confidence === "number" ? props.confidence : 0.8,
        note: typeof props.note === "string" ? props.note : null,
        line: n,
      });
      return l.success ? void links.push(l.data) : bad(`link: ${firstIssue(l.error)}`);
    }
    if (geom?.type !== "Point") return bad(`geometry ${geom ? geom.type : "null"}: an event needs a Point`);
    const c = Coordinates.safeParse(geom.coordinates);
    if (!c.success) return bad(`coordinates: ${firstIssue(c.error)}`);
    const values: Record<string, string | undefined> = { id: flatValue(f.data.id) };
    for (const [k, v] of Object.entries(props)) {
      if (v && typeof v === "object" && !Array.isArray(v) && "low" in v && "high" in v) {
        values[`${k}Low`] = flatValue(v.low);
        values[`${k}High`] = flatValue(v.high);
      } else values[k] = flatValue(v);
    }
    values[map.lon ?? "lon"] = String(c.data[0]);
    values[map.lat ?? "lat"] = String(c.data[1]);
    const r = fromMapped(values, n, { system: "geojson", map, resolve });
    if (typeof r === "string") return bad(r);
    events.push(r.event);
    links.push(...r.links);
  });
  return { events, links, newActors: resolve.created(), issues, rows: fc.data.features.length };
}
