/**
 * Shapes of the write side of the HTTP API (adding reports, the review queue, overrides and their
 * log, gazetteer search, the editor session). One definition for the route handlers, the page and
 * the tests; the read side is lib/api.ts.
 */
import { z } from "zod";
import { EventFeature, LinkOut } from "./api";
import { GeoAlternative } from "../geo/result";
import { ImportFormat } from "./interchange/record";
import { LogEntry } from "./overrides";
import { PipelineWarning } from "./pipeline/types";
import { GeoPrecision, IsoDate, PlaceKind, PlausibleDate } from "./schema";

export const Session = z.object({ editor: z.boolean() });
export const SessionRequest = z.object({ token: z.string().min(1).max(400) });

/** What one article's ingest did (the CLI's per-file report, db/ingest.ts). */
export const ArticleReport = z.object({
  file: z.string(),
  status: z.enum(["ingested", "unchanged", "rejected", "failed", "aborted"]),
  dryRun: z.boolean(),
  articleId: z.string().nullable(),
  reason: z.string().nullable(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  publishedInferred: z.boolean(),
  publishedFrom: z.string().nullable(),
  eventsNew: z.array(z.string()),
  eventsMerged: z.array(z.string()),
  captionsIgnored: z.number().int(),
  links: z.number().int(),
  unresolvedPlaces: z.array(z.string()),
  warnings: z.array(PipelineWarning),
  ms: z.number(),
});
export type ArticleReport = z.infer<typeof ArticleReport>;
export const ReportResponse = z.object({ report: ArticleReport });

/** A report's details, from form fields or JSON; empty strings count as not given. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const ReportFields = z.strictObject({
  text: z.preprocess(blank, z.string().optional()),
  format: z.preprocess(blank, z.enum(["txt", "md", "html"]).default("txt")),
  title: z.preprocess(blank, z.string().trim().max(300).optional()),
  outlet: z.preprocess(blank, z.string().trim().max(200).optional()),
  url: z.preprocess(blank, z.string().trim().max(2000).regex(/^https?:\/\/\S+$/, "must be an http(s) address").optional()),
  published: z.preprocess(blank, PlausibleDate.optional()),
});
export type ReportFields = z.infer<typeof ReportFields>;

/** POST /api/imports: a dataset file (form field "file") and how to read it, as `strikeline import` takes it. */
export const ImportFields = z.strictObject({
  format: ImportFormat,
  map: z.preprocess(blank, z.string().max(2000).optional()),
  retireMissing: z.preprocess(blank, z.enum(["on", "true"]).optional()).transform(Boolean),
});
export type ImportFields = z.infer<typeof ImportFields>;

/** What an import did (db/import.ts ImportReport), as the CLI's `--json` prints it. */
export const ImportOutcome = z.object({
  file: z.string(),
  format: ImportFormat,
  status: z.enum(["imported", "aborted"]),
  dryRun: z.boolean(),
  rows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  retired: z.number().int(),
  actorsAdded: z.number().int(),
  linksStated: z.number().int(),
  linksInferred: z.number().int(),
  skipped: z.array(z.object({ line: z.number().int(), unit: z.literal("feature").optional(), reason: z.string() })),
  ms: z.number(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;
export const ImportResponse = z.object({ import: ImportOutcome });

export const ReviewParams = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const ReviewEvent = z.object({
  event: EventFeature,
  /** The pipeline's confidence in the event, 0..1. */
  confidence: z.number(),
  sources: z.array(z.object({ articleId: z.string(), span: z.object({ start: z.number().int(), end: z.number().int() }), weak: z.boolean() })),
  alternatives: z.array(GeoAlternative),
});
export type ReviewEvent = z.infer<typeof ReviewEvent>;

const EventRef = z.object({ id: z.string(), title: z.string(), dateStart: IsoDate });
export const ReviewLink = z.object({ link: LinkOut, from: EventRef, to: EventRef });
export type ReviewLink = z.infer<typeof ReviewLink>;

export const ReviewArticle = z.object({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  published: IsoDate.nullable(),
  /** Evidence spans are offsets into this text (JS string indices). */
  text: z.string().nullable(),
});

export const ReviewQueue = z.object({
  events: z.array(ReviewEvent),
  links: z.array(ReviewLink),
  articles: z.record(z.string(), ReviewArticle),
  /** Everything not yet reviewed, beyond the page returned. */
  counts: z.object({ events: z.number().int(), links: z.number().int() }),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const OverrideResponse = z.object({ entry: LogEntry, applied: z.boolean() });
export const UndoResponse = z.object({ entry: LogEntry });
export const LogParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
  target: z.string().min(1).max(401).optional(),
});
export const LogList = z.object({ entries: z.array(LogEntry) });

export const GazetteerParams = z.strictObject({ q: z.string().trim().min(1).max(200), context: z.string().max(2000).optional() });
export const GazetteerHit = z.object({
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  kind: PlaceKind,
  country: z.string().nullable(),
  /** Set for the best reading (the geocoder's own precision); alternatives are single places (1). */
  precision: GeoPrecision,
  score: z.number(),
});
export const GazetteerResults = z.object({ results: z.array(GazetteerHit) });

/** `GET /api/actors`: every actor in the store, for the attacker and target pickers. */
export const ActorList = z.object({ actors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), country: z.string().nullable() })) });
