/**
 * Shapes served by the HTTP API (/api/events, /api/links) and consumed by the page.
 * One definition, used by route handlers, the client and the tests.
 */
import { z } from "zod";
import {
  ClaimStatus,
  DatePrecision,
  EventStatus,
  Family,
  GeoPrecision,
  IsoDate,
  LinkKind,
  LinkMethod,
  PlaceKind,
  Range,
} from "./schema";
import type { ViewSelection } from "./url-state";

export const SourceOut = z.object({
  articleId: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  published: IsoDate.nullable(),
  fileName: z.string().nullable(),
  span: z.object({ start: z.number().int(), end: z.number().int() }),
  /** Cut from the stored article text at read time; null when the text is not stored. */
  quote: z.string().nullable(),
  killed: Range.nullable(),
  injured: Range.nullable(),
  weak: z.boolean(),
});
export type SourceOut = z.infer<typeof SourceOut>;

export const EventProperties = z.object({
  id: z.string(),
  title: z.string(),
  dateStart: IsoDate,
  dateEnd: IsoDate,
  datePrecision: DatePrecision,
  family: Family,
  attacker: z.string().nullable(),
  attackerName: z.string().nullable(),
  attackerColor: z.string().nullable(),
  target: z.string().nullable(),
  targetName: z.string().nullable(),
  targetLabel: z.string().nullable(),
  placeName: z.string(),
  geoPrecision: GeoPrecision,
  placeKind: PlaceKind,
  country: z.string().nullable(),
  areaKm: z.number().nullable(),
  /** Range over all sources; null when no source gives a figure. */
  killed: Range.nullable(),
  injured: Range.nullable(),
  claim: ClaimStatus,
  note: z.string(),
  status: EventStatus,
  provenance: z.enum(["curated", "extracted", "imported"]),
  outlets: z.array(z.string()),
  sourceCount: z.number().int(),
  /** Chain this event belongs to (id of its earliest event), null when unlinked. */
  chainId: z.string().nullable(),
});
export type EventProperties = z.infer<typeof EventProperties>;

export const EventFeature = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  geometry: z.object({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: EventProperties,
});
export type EventFeature = z.infer<typeof EventFeature>;

export const EventCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(EventFeature),
  /** "12 of 28 events": shown by the filters, of all events (a GeoJSON foreign member). */
  counts: z.object({ shown: z.number().int(), total: z.number().int() }).optional(),
});
export type EventCollection = z.infer<typeof EventCollection>;

export const LinkOut = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  kind: LinkKind,
  method: LinkMethod,
  confidence: z.number(),
  status: EventStatus,
  note: z.string().nullable(),
  evidence: z
    .object({
      articleId: z.string(),
      span: z.object({ start: z.number().int(), end: z.number().int() }),
      quote: z.string().nullable(),
    })
    .nullable(),
  /** Days from the start of the cause to the start of the effect. */
  delayDays: z.number().int(),
  chainId: z.string(),
});
export type LinkOut = z.infer<typeof LinkOut>;

export const LinkList = z.object({ links: z.array(LinkOut) });

export const EventDetail = z.object({
  event: EventFeature,
  sources: z.array(SourceOut),
  alternatives: z.array(
    z.object({ name: z.string(), lat: z.number(), lon: z.number(), kind: z.string(), country: z.string().nullable(), score: z.number() }),
  ),
  previous: z.array(LinkOut),
  next: z.array(LinkOut),
});
export type EventDetail = z.infer<typeof EventDetail>;

/**
 * Parameters the API takes beyond the page's (lib/url-state.ts): a bounding box for map clients
 * and rejected events for review tools. The page never writes them; parseView would drop them.
 */
export const ApiParams = z.strictObject({
  bbox: z
    .string()
    .transform((s) => s.split(",").map(Number))
    .pipe(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]))
    .optional(),
  status: z.enum(["visible", "all"]).default("visible"),
});
export type ApiParams = z.infer<typeof ApiParams>;

/**
 * Downloads of a view (lib/export.ts): geojson (events as Points and links as LineStrings), csv
 * (Strikeline's columns), acled-csv (ACLED's), kml (Google Earth, with time spans), links-geojson.
 */
export const EXPORT_FORMATS = ["geojson", "csv", "acled-csv", "kml", "links-geojson"] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportParams = ApiParams.extend({ format: ExportFormat.default("geojson") });

/**
 * What the store filters on: the page's filters and playback cursor (any left out filter nothing)
 * plus the API's own parameters. /api/events, /api/links and /api/export all read it from the page's URL parameters.
 */
export type EventsQuery = Partial<ViewSelection> & ApiParams;

/**
 * /api/aggregates: what a view shows, counted for a map at `zoom` instead of listed, so the
 * payload depends on the viewport and the zoom, not on the number of events. Cells are a grid of
 * `cellDeg` degrees (lib/map/aggregate.ts cellOf); `f` counts per family in FAMILIES order.
 */
export const AggregateCell = z.object({
  cx: z.number().int(),
  cy: z.number().int(),
  /** Mean position of the cell's events, so a marker sits where they are, not at the cell's corner. */
  lon: z.number(),
  lat: z.number(),
  n: z.number().int(),
  f: z.array(z.number().int()),
});
export type AggregateCell = z.infer<typeof AggregateCell>;

export const AggregateOut = z.object({
  zoom: z.number().int(),
  cellDeg: z.number(),
  families: z.array(Family),
  cells: z.array(AggregateCell),
  /** Events per start day over the view's filters and window, bounding box and playback cursor left out: the timeline's histogram. */
  days: z.array(z.object({ day: IsoDate, n: z.number().int() })),
  /** Links with both ends shown, counted per pair of cells (a cell to itself included). */
  arcs: z.array(z.object({ from: z.tuple([z.number().int(), z.number().int()]), to: z.tuple([z.number().int(), z.number().int()]), n: z.number().int() })),
  counts: z.object({ shown: z.number().int(), total: z.number().int() }),
  /**
   * With `series=days`: each cell's events per start day (days since 1970-01-01, ascending) over
   * the view's filters, window and box, playback cursor left out, so the page moves the cursor
   * over them without asking again: a cell's count at a cursor is the sum over the cursor's span.
   */
  series: z.array(z.object({ cx: z.number().int(), cy: z.number().int(), days: z.array(z.number().int()), n: z.array(z.number().int()) })).optional(),
});
export type AggregateOut = z.infer<typeof AggregateOut>;

export const MAX_AGGREGATE_ZOOM = 16;
export const AggregateParams = ApiParams.extend({ zoom: z.coerce.number().int().min(0).max(MAX_AGGREGATE_ZOOM), series: z.literal("days").optional() });
