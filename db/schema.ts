/**
 * The store: one schema for PGlite (embedded) and PostgreSQL (server), Postgres dialect.
 * Enumerations are checked by zod at the boundaries (lib/schema.ts) and by CHECK constraints here,
 * so a bad row cannot get in by any path.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { pointColumn } from "./geometry";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));
import {
  CLAIM_STATUSES,
  DATE_PRECISIONS,
  EVENT_STATUSES,
  FAMILIES,
  LINK_KINDS,
  LINK_METHODS,
  PLACE_KINDS,
} from "../lib/schema";
import { SOURCE_SYSTEMS } from "../lib/interchange/record";

export const articles = pgTable("articles", {
  /** `seed-<stem>` for curated seed articles, `a-<first 16 hex of sha256>` for ingested ones. */
  id: text("id").primaryKey(),
  contentHash: text("content_hash").unique(),
  title: text("title"),
  outlet: text("outlet"),
  url: text("url"),
  published: date("published", { mode: "string" }),
  /** True when the publication date was inferred from the text, not given. */
  publishedInferred: boolean("published_inferred").notNull().default(false),
  fileName: text("file_name"),
  /** The article text lives in the database only, never in the repository. */
  text: text("text"),
  ingestedAt: timestamp("ingested_at", { withTimezone: true }).notNull().defaultNow(),
});

export const actors = pgTable("actors", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  country: text("country"),
  parent: text("parent"),
  aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
  color: text("color"),
});

export const places = pgTable(
  "places",
  {
    id: serial("id").primaryKey(),
    /** Normalised mention + context key: the geocoder cache. */
    key: text("key").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    country: text("country"),
    precision: smallint("precision").notNull(),
    geom: pointColumn("geom").notNull(),
    areaKm: real("area_km"),
    confidence: real("confidence").notNull(),
    source: text("source").notNull(),
    alternatives: jsonb("alternatives").notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [check("places_kind_ck", sql`${t.kind} in (${inList(PLACE_KINDS)})`)],
);

export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    dateStart: date("date_start", { mode: "string" }).notNull(),
    dateEnd: date("date_end", { mode: "string" }).notNull(),
    datePrecision: text("date_precision").notNull(),
    family: text("family").notNull(),
    subtype: text("subtype"),
    attacker: text("attacker").references(() => actors.id),
    target: text("target").references(() => actors.id),
    targetLabel: text("target_label"),
    /** The place as the sources name it. */
    placeName: text("place_name").notNull(),
    placeId: integer("place_id").references(() => places.id),
    geom: pointColumn("geom").notNull(),
    origin: pointColumn("origin"),
    geoPrecision: smallint("geo_precision").notNull(),
    placeKind: text("place_kind").notNull(),
    country: text("country"),
    areaKm: real("area_km"),
    killedLow: integer("killed_low"),
    killedHigh: integer("killed_high"),
    injuredLow: integer("injured_low"),
    injuredHigh: integer("injured_high"),
    claim: text("claim").notNull(),
    note: text("note").notNull(),
    status: text("status").notNull().default("extracted"),
    /** curated (reviewed dataset), extracted (pipeline) or imported (another dataset's file). */
    provenance: text("provenance").notNull(),
    /** The pipeline's confidence in an extracted event (0..1); null for curated ones. Orders the review queue. */
    confidence: real("confidence"),
    /** For imported events: the dataset (acled, ucdp, geojson, csv, strikeline) and its own id of the row. */
    sourceSystem: text("source_system"),
    sourceId: text("source_id"),
    /** The dataset's citation of the event (ACLED `source`). */
    sourceLabel: text("source_label"),
    /** The import run that last wrote the row; rows an import of the same system did not write can be retired. */
    importRun: text("import_run"),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_geom_gist").using("gist", t.geom),
    index("events_date_start_idx").on(t.dateStart),
    index("events_date_end_idx").on(t.dateEnd),
    check("events_dates_ck", sql`${t.dateStart} <= ${t.dateEnd}`),
    check("events_family_ck", sql`${t.family} in (${inList(FAMILIES)})`),
    check("events_date_precision_ck", sql`${t.datePrecision} in (${inList(DATE_PRECISIONS)})`),
    check("events_claim_ck", sql`${t.claim} in (${inList(CLAIM_STATUSES)})`),
    check("events_status_ck", sql`${t.status} in (${inList(EVENT_STATUSES)})`),
    check("events_geo_precision_ck", sql`${t.geoPrecision} between 1 and 4`),
    check("events_killed_ck", sql`${t.killedLow} <= ${t.killedHigh}`),
    check("events_injured_ck", sql`${t.injuredLow} <= ${t.injuredHigh}`),
    uniqueIndex("events_source_uniq").on(t.sourceSystem, t.sourceId),
    check("events_source_system_ck", sql`${t.sourceSystem} in (${inList(SOURCE_SYSTEMS)})`),
    check("events_source_ck", sql`(${t.sourceSystem} is null) = (${t.sourceId} is null)`),
  ],
);

export const eventSources = pgTable(
  "event_sources",
  {
    id: serial("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Evidence span into articles.text; the quote is cut from the stored text at read time. */
    spanStart: integer("span_start").notNull(),
    spanEnd: integer("span_end").notNull(),
    killedLow: integer("killed_low"),
    killedHigh: integer("killed_high"),
    injuredLow: integer("injured_low"),
    injuredHigh: integer("injured_high"),
    /** Photo captions count only as weak evidence. */
    weak: boolean("weak").notNull().default(false),
  },
  (t) => [
    uniqueIndex("event_sources_uniq").on(t.eventId, t.articleId, t.spanStart),
    index("event_sources_article_idx").on(t.articleId),
    check("event_sources_span_ck", sql`${t.spanStart} < ${t.spanEnd}`),
  ],
);

export const links = pgTable(
  "links",
  {
    /** `<from>--<to>`: one link per ordered pair. */
    id: text("id").primaryKey(),
    fromEvent: text("from_event")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    toEvent: text("to_event")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    method: text("method").notNull(),
    confidence: real("confidence").notNull(),
    articleId: text("article_id").references(() => articles.id, { onDelete: "set null" }),
    spanStart: integer("span_start"),
    spanEnd: integer("span_end"),
    note: text("note"),
    status: text("status").notNull().default("extracted"),
  },
  (t) => [
    uniqueIndex("links_pair_uniq").on(t.fromEvent, t.toEvent),
    index("links_to_idx").on(t.toEvent),
    check("links_kind_ck", sql`${t.kind} in (${inList(LINK_KINDS)})`),
    check("links_method_ck", sql`${t.method} in (${inList(LINK_METHODS)})`),
    check("links_status_ck", sql`${t.status} in (${inList(EVENT_STATUSES)})`),
    check("links_distinct_ck", sql`${t.fromEvent} <> ${t.toEvent}`),
    check("links_confidence_ck", sql`${t.confidence} between 0 and 1`),
  ],
);

/**
 * The correction log: every analyst action is one row, never rewritten except to mark it undone.
 * The effective correction of a target is the latest live row per field (`changes`), re-applied
 * in one set-based pass after every ingest and seed, so no re-ingest can undo it.
 */
export const overrides = pgTable(
  "overrides",
  {
    id: serial("id").primaryKey(),
    /** OVERRIDE_ACTIONS in lib/overrides.ts */
    action: text("action").notNull(),
    /** Event id, or `<from>--<to>` for link actions. */
    targetId: text("target_id").notNull(),
    /** What the analyst gave, as validated. */
    payload: jsonb("payload").notNull().default(sql`'{}'::jsonb`),
    /** The columns this entry sets on its target (derived from action + payload in lib/overrides.ts). */
    changes: jsonb("changes").notNull().default(sql`'{}'::jsonb`),
    /** The target's correctable fields before the first entry touched it; what undo goes back to. */
    previous: jsonb("previous"),
    reason: text("reason"),
    author: text("author").notNull().default("cli"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneBy: text("undone_by"),
  },
  (t) => [index("overrides_target_idx").on(t.targetId, t.id)],
);
