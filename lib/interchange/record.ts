/**
 * What every importer hands the store: events and links in Strikeline's vocabulary, whatever the
 * foreign shape was, plus the rows it could not take with their line and reason. Nothing past the
 * importers sees an ACLED, UCDP or GeoJSON shape.
 */
import { z } from "zod";
import { EventProperties } from "../api";
import { Actor, ClaimStatus, DatePrecision, EventStatus, Family, GeoPrecision, IsoDate, LinkKind, LinkMethod, PlaceKind, Range, Slug } from "../schema";

export const IMPORT_FORMATS = ["acled", "ucdp", "geojson", "csv"] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Where an imported event came from; `strikeline` is a file Strikeline wrote, whose ids are kept as they are. */
export const SOURCE_SYSTEMS = ["acled", "ucdp", "geojson", "csv", "strikeline"] as const;
export const SourceSystem = z.enum(SOURCE_SYSTEMS);
export type SourceSystem = z.infer<typeof SourceSystem>;

export const ImportedEvent = z
  .object({
    id: Slug,
    sourceSystem: SourceSystem,
    /** The id the source gives the row (ACLED event_id_cnty, UCDP id, a feature id). */
    sourceId: z.string().min(1),
    title: z.string().min(1),
    dateStart: IsoDate,
    dateEnd: IsoDate,
    datePrecision: DatePrecision,
    family: Family,
    subtype: z.string().nullable(),
    attacker: Slug.nullable(),
    target: Slug.nullable(),
    targetLabel: z.string().nullable(),
    placeName: z.string().min(1),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    geoPrecision: GeoPrecision,
    placeKind: PlaceKind,
    country: z.string().length(2).nullable(),
    areaKm: z.number().positive().nullable(),
    killed: Range.nullable(),
    injured: Range.nullable(),
    claim: ClaimStatus,
    note: z.string(),
    status: EventStatus,
    provenance: EventProperties.shape.provenance,
    /** The source's own citation (ACLED `source`, outlets of a Strikeline export). */
    sourceLabel: z.string().nullable(),
    /** First line of the row in a CSV file (1 = the header); a GeoJSON feature's number (1 = the first). */
    line: z.number().int().min(1),
  })
  .refine((e) => e.dateStart <= e.dateEnd, { message: "the start date is after the end date", path: ["dateEnd"] });
export type ImportedEvent = z.infer<typeof ImportedEvent>;

/** A link a file states (a Strikeline export's LineStrings or respondsTo column), by event ids. */
export const ImportedLink = z.object({
  from: Slug,
  to: Slug,
  kind: LinkKind,
  method: LinkMethod,
  confidence: z.number().min(0).max(1),
  note: z.string().nullable(),
  line: z.number().int().min(1),
});
export type ImportedLink = z.infer<typeof ImportedLink>;

/** A row that was skipped: where it is (a CSV line, a GeoJSON feature's number) and why, in words a user can act on. */
export type RowIssue = { line: number; unit?: "feature"; reason: string };

export type ParsedImport = {
  events: ImportedEvent[];
  links: ImportedLink[];
  /** Actors the file names that the store does not know yet, created on import. */
  newActors: Actor[];
  issues: RowIssue[];
  /** Data rows read (good and bad). */
  rows: number;
};

/** Event id of an imported row: a Strikeline file keeps its ids; a foreign one is namespaced by its system. */
export function importedEventId(system: SourceSystem, sourceId: string): string {
  if (system === "strikeline") return sourceId;
  const slug = sourceId.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${system}-${slug}`.slice(0, 120);
}

/** zod's first complaint as one line: "latitude: must be at most 90". */
export function firstIssue(e: z.ZodError): string {
  const i = e.issues[0]!;
  return i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message;
}

/**
 * What an export needs beyond the API's event shape: where an imported event came from (so an
 * ACLED id leaves as the same ACLED id), the source's subtype, and the kinds of its actors.
 */
export type EventExtra = {
  source: { system: SourceSystem; sourceId: string; label: string | null } | null;
  subtype: string | null;
  attackerKind: string | null;
  targetKind: string | null;
};
