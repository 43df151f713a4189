/**
 * The store adapter of the article pipeline: one article, one transaction, and one such transaction
 * at a time per database (an advisory lock), so concurrent ingests never store an event twice. An
 * article whose bytes are already stored is skipped (content hash), so re-ingesting changes nothing. Its events merge
 * into stored ones (curated included) when they are the same event, or are added; links found in
 * the text and reversal links are added; every analyst override is re-applied before commit.
 * A dry run does all of it and rolls back, so its report says exactly what would change.
 */
import { createHash } from "node:crypto";
import { and, eq, gte, inArray, lte, ne, or, sql } from "drizzle-orm";
import { buildActorIndex, type ActorIndex } from "../lib/pipeline/actors";
import { EXTRA_ACTORS } from "../lib/pipeline/actor-aliases";
import { addDays } from "../lib/pipeline/dates";
import { titleOf } from "../lib/pipeline/events";
import { runPipeline } from "../lib/pipeline/index";
import { reversalLinks, REVERSAL_WINDOW_DAYS } from "../lib/pipeline/links";
import { assignToStored, combineTelling, spanRanges, type StoredEvent } from "../lib/pipeline/merge";
import type { GeocodeFn } from "../lib/pipeline/places";
import type { ReadOutcome } from "../lib/pipeline/read-file";
import type { ExtractedEvent } from "../lib/pipeline/types";
import type { ArticleReport } from "../lib/review-api";
import { linkId, type Actor, type ClaimStatus, type Family, type Place } from "../lib/schema";
import type { Db } from "./client";
import { applyOverrides } from "./overrides";
import { actors, articles, events, eventSources, links, places } from "./schema";

export type IngestOptions = {
  published?: string;
  outlet?: string;
  url?: string;
  dryRun?: boolean;
  /** Checked just before commit, after yielding to the event loop so a pending signal is seen: true rolls the article back (Ctrl-C). */
  shouldAbort?: () => boolean;
};

export type { ArticleReport };

/** A report for a file before anything is known of it; callers fill in what happened. */
export const emptyReport = (file: string, dryRun: boolean): ArticleReport => ({
  file,
  status: "rejected",
  dryRun,
  articleId: null,
  reason: null,
  title: null,
  published: null,
  publishedInferred: false,
  publishedFrom: null,
  eventsNew: [],
  eventsMerged: [],
  captionsIgnored: 0,
  links: 0,
  unresolvedPlaces: [],
  warnings: [],
  ms: 0,
});

class Rollback extends Error {}

/** The advisory lock every article transaction takes ("STRK"); PGlite honours it too. */
const INGEST_LOCK_KEY = 0x5354524b;

async function storedArticle(db: Db, hash: string, articleId: string): Promise<string | null> {
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .where(or(eq(articles.contentHash, hash), eq(articles.id, articleId)))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Lets pending events (a signal, a timer) run before going on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Actor index from the store's actors, which the curated seed loads, plus the pipeline's extras. */
export async function loadActorIndex(db: Db): Promise<ActorIndex> {
  const rows = await db.select().from(actors);
  const list: Actor[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as Actor["kind"],
    aliases: r.aliases,
    ...(r.country ? { country: r.country } : {}),
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.color ? { color: r.color } : {}),
  }));
  return buildActorIndex(list);
}

type Stored = StoredEvent & { placeName: string };

function storedPlace(r: typeof events.$inferSelect): Place {
  return {
    name: r.placeName,
    lat: r.geom.lat,
    lon: r.geom.lon,
    precision: r.geoPrecision as Place["precision"],
    kind: r.placeKind as Place["kind"],
    country: r.country,
    ...(r.areaKm ? { areaKm: r.areaKm } : {}),
    confidence: 1,
    source: "store",
  };
}

const toStored = (r: typeof events.$inferSelect): Stored => ({
  id: r.id,
  family: r.family as Family,
  dateStart: r.dateStart,
  dateEnd: r.dateEnd,
  datePrecision: r.datePrecision as Stored["datePrecision"],
  attacker: r.attacker,
  target: r.target,
  place: storedPlace(r),
  provenance: r.provenance,
  claim: r.claim as ClaimStatus,
  placeName: r.placeName,
});

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

export async function ingestArticle(
  db: Db,
  read: Extract<ReadOutcome, { ok: true }>,
  geocode: GeocodeFn,
  index: ActorIndex,
  opts: IngestOptions = {},
): Promise<ArticleReport> {
  const t0 = performance.now();
  const report = emptyReport(read.file, Boolean(opts.dryRun));
  const articleId = `a-${read.hash.slice(0, 16)}`;
  report.articleId = articleId;

  const unchanged = (id: string) => {
    report.status = "unchanged";
    report.articleId = id;
    report.reason = `already stored as ${id}`;
    report.ms = performance.now() - t0;
    return report;
  };
  const already = await storedArticle(db, read.hash, articleId);
  if (already) return unchanged(already);

  const meta = {
    ...read.article.meta,
    ...(opts.published ? { published: opts.published } : {}),
    ...(opts.outlet ? { outlet: opts.outlet } : {}),
    ...(opts.url ? { url: opts.url } : {}),
  };
  const result = runPipeline({ ...read.article, meta }, { geocode, actors: index });
  Object.assign(report, {
    title: result.title,
    published: result.published,
    publishedInferred: result.publishedInferred,
    publishedFrom: result.publishedFrom,
    unresolvedPlaces: result.unresolvedPlaces,
    warnings: result.warnings,
  });

  let storedMeanwhile: string | null = null;
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      // One article transaction at a time per database, across processes: merging reads the events
      // another ingest may be writing, so two overlapping ones would each add the same event.
      await t.execute(sql`select pg_advisory_xact_lock(${INGEST_LOCK_KEY})`);
      storedMeanwhile = await storedArticle(t, read.hash, articleId);
      if (storedMeanwhile) throw new Rollback();
      await t.insert(articles).values({
        id: articleId,
        contentHash: read.hash,
        title: result.title,
        outlet: meta.outlet ?? null,
        url: meta.url ?? null,
        published: result.published,
        publishedInferred: result.publishedInferred,
        fileName: read.file.split(/[\\/]/).pop() ?? read.file,
        text: read.article.text,
      });
      await ensureActors(t, result.events, index);

      const idOf = new Map<number, string>();
      const target = await assignStored(t, result.events, index);
      for (const e of result.events) {
        const s = target.get(e.key);
        if (s) {
          await mergeInto(t, s, e, articleId, index);
          idOf.set(e.key, s.id);
          if (!report.eventsMerged.includes(s.id)) report.eventsMerged.push(s.id);
        } else if (e.weakOnly) {
          // A caption alone is weak evidence: it may support a known event, never create one.
          report.captionsIgnored++;
        } else {
          const id = await insertEvent(t, e, articleId, index);
          idOf.set(e.key, id);
          report.eventsNew.push(id);
        }
      }

      for (const l of result.links) {
        const from = idOf.get(l.from);
        const to = idOf.get(l.to);
        if (!from || !to || from === to) continue;
        const row = { kind: l.kind, method: "cue", confidence: l.confidence, articleId, spanStart: l.span.start, spanEnd: l.span.end, note: `cue: ${l.cue}` };
        const existing = await t.select({ method: links.method }).from(links).where(eq(links.id, linkId(from, to)));
        if (!existing.length) {
          await t.insert(links).values({ id: linkId(from, to), fromEvent: from, toEvent: to, ...row });
          report.links++;
        } else if (existing[0]!.method === "reversal") {
          // Words in a text are better evidence than the reversal guess they confirm.
          await t.update(links).set(row).where(eq(links.id, linkId(from, to)));
        }
      }
      report.links += await addReversalLinks(t, [...new Set(idOf.values())], index);
      await applyOverrides(t);
      // The pipeline and the store can run without ever yielding; a SIGINT handler only runs when the loop turns.
      if (opts.shouldAbort) await yieldToEventLoop();
      if (opts.dryRun || opts.shouldAbort?.()) throw new Rollback();
    });
    report.status = "ingested";
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    if (storedMeanwhile) return unchanged(storedMeanwhile);
    report.status = opts.dryRun && !opts.shouldAbort?.() ? "ingested" : "aborted";
  }
  report.ms = performance.now() - t0;
  return report;
}

/** Which stored event each of the article's events is (lib/pipeline/merge.ts decides); this only reads the candidates. */
async function assignStored(db: Db, evs: ExtractedEvent[], index: ActorIndex): Promise<Map<number, Stored>> {
  const nearby = new Map<number, Stored[]>();
  for (const e of evs) nearby.set(e.key, await nearbyEvents(db, e.dateStart, e.dateEnd));
  return assignToStored(evs, (e) => nearby.get(e.key) ?? [], index);
}

/** Extra actors (Houthis, the United Kingdom…) enter the store the first time an event names them. */
async function ensureActors(db: Db, evs: ExtractedEvent[], index: ActorIndex) {
  const named = new Set(evs.flatMap((e) => [e.attacker, e.target]).filter((x): x is string => Boolean(x)));
  for (const a of EXTRA_ACTORS) {
    if (!named.has(a.id) || !index.actors.has(a.id)) continue;
    await db
      .insert(actors)
      .values({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, parent: a.parent ?? null, aliases: a.aliases, color: a.color ?? null })
      .onConflictDoNothing();
  }
}

/** Stored events whose dates could overlap, with a month of slack on each side. */
async function nearbyEvents(db: Db, start: string, end: string): Promise<Stored[]> {
  const rows = await db
    .select()
    .from(events)
    .where(and(lte(events.dateStart, addDays(end, 31)), gte(events.dateEnd, addDays(start, -31))));
  return rows.map(toStored);
}

async function placeId(db: Db, e: ExtractedEvent): Promise<number | null> {
  if (!e.place) return null;
  const p = e.place;
  const key = `${(e.placeMention ?? p.name).trim().toLowerCase()}|${(p.country ?? "").toLowerCase()}`;
  const row = {
    name: p.name,
    kind: p.kind,
    country: p.country,
    precision: p.precision,
    geom: { lon: p.lon, lat: p.lat },
    areaKm: p.areaKm ?? null,
    confidence: p.confidence,
    source: p.source,
  };
  const [r] = await db.insert(places).values({ key, ...row }).onConflictDoUpdate({ target: places.key, set: row }).returning({ id: places.id });
  return r?.id ?? null;
}

async function addSources(db: Db, eventId: string, e: ExtractedEvent, articleId: string) {
  let figures = true;
  for (const ev of e.evidence) {
    // Figures go on the first body sentence only, so a source counts once in the range.
    const withFigures = figures && !ev.weak;
    if (withFigures) figures = false;
    await db
      .insert(eventSources)
      .values({
        eventId,
        articleId,
        spanStart: ev.span.start,
        spanEnd: ev.span.end,
        weak: ev.weak,
        killedLow: withFigures ? (e.killed?.low ?? null) : null,
        killedHigh: withFigures ? (e.killed?.high ?? null) : null,
        injuredLow: withFigures ? (e.injured?.low ?? null) : null,
        injuredHigh: withFigures ? (e.injured?.high ?? null) : null,
      })
      .onConflictDoNothing();
  }
}

/** The event's figures are the range over all its sources: disagreeing reports stay visible. */
async function refreshFigures(db: Db, eventId: string) {
  const rows = await db.select().from(eventSources).where(eq(eventSources.eventId, eventId));
  const range = (low: number | null, high: number | null) => (low !== null && high !== null ? { low, high } : null);
  const k = spanRanges(rows.map((r) => range(r.killedLow, r.killedHigh)));
  const i = spanRanges(rows.map((r) => range(r.injuredLow, r.injuredHigh)));
  await db
    .update(events)
    .set({ killedLow: k?.low ?? null, killedHigh: k?.high ?? null, injuredLow: i?.low ?? null, injuredHigh: i?.high ?? null, updatedAt: new Date() })
    .where(eq(events.id, eventId));
}

async function insertEvent(db: Db, e: ExtractedEvent, articleId: string, index: ActorIndex): Promise<string> {
  const hash = createHash("sha256").update(`${articleId}:${e.evidence[0]!.span.start}:${e.key}`).digest("hex").slice(0, 8);
  const id = `x-${e.dateStart}-${slug(e.family)}-${hash}`;
  const p = e.place!;
  await db.insert(events).values({
    id,
    title: titleOf(e, index),
    dateStart: e.dateStart,
    dateEnd: e.dateEnd,
    datePrecision: e.datePrecision,
    family: e.family,
    attacker: e.attacker,
    target: e.target,
    targetLabel: null,
    placeName: e.placeMention ?? p.name,
    placeId: await placeId(db, e),
    geom: { lon: p.lon, lat: p.lat },
    origin: e.origin,
    geoPrecision: p.precision,
    placeKind: p.kind,
    country: p.country,
    areaKm: p.areaKm ?? null,
    killedLow: e.killed?.low ?? null,
    killedHigh: e.killed?.high ?? null,
    injuredLow: e.injured?.low ?? null,
    injuredHigh: e.injured?.high ?? null,
    claim: e.claim,
    note: `Extracted from ${articleId} (confidence ${e.confidence}).`,
    status: "extracted",
    provenance: "extracted",
    confidence: e.confidence,
  });
  await addSources(db, id, e, articleId);
  return id;
}

/** A new telling of a stored event: its source is added; what changes is combineTelling's (lib/pipeline/merge.ts) to say. */
async function mergeInto(db: Db, s: Stored, e: ExtractedEvent, articleId: string, index: ActorIndex) {
  await addSources(db, s.id, e, articleId);
  const c = combineTelling(s, e, index);
  if (c) {
    const place = c.place!;
    await db
      .update(events)
      .set({
        dateStart: c.dateStart,
        dateEnd: c.dateEnd,
        datePrecision: c.datePrecision,
        family: c.family,
        attacker: c.attacker,
        target: c.target,
        claim: c.claim,
        title: titleOf({ ...c, placeMention: c.moved ? e.placeMention : s.placeName }, index),
        ...(c.moved
          ? {
              geom: { lon: place.lon, lat: place.lat },
              placeName: e.placeMention ?? place.name,
              placeId: await placeId(db, e),
              geoPrecision: place.precision,
              placeKind: place.kind,
              country: place.country,
              areaKm: place.areaKm ?? null,
            }
          : {}),
        updatedAt: new Date(),
      })
      .where(eq(events.id, s.id));
  }
  await refreshFigures(db, s.id);
}

/** Reversal links among the events this article touched and their neighbours in time. */
async function addReversalLinks(db: Db, touched: string[], index: ActorIndex): Promise<number> {
  if (!touched.length) return 0;
  const mine = await db.select().from(events).where(inArray(events.id, touched));
  const lo = addDays(mine.map((e) => e.dateStart).sort()[0]!, -REVERSAL_WINDOW_DAYS - 31);
  const hi = addDays(mine.map((e) => e.dateEnd).sort().at(-1)!, REVERSAL_WINDOW_DAYS + 31);
  const near = await db
    .select()
    .from(events)
    .where(and(lte(events.dateStart, hi), gte(events.dateEnd, lo), ne(events.status, "rejected")));
  const ids = near.map((e) => e.id);
  const existing = ids.length
    ? await db.select({ from: links.fromEvent, to: links.toEvent, kind: links.kind }).from(links).where(or(inArray(links.fromEvent, ids), inArray(links.toEvent, ids)))
    : [];
  const touchedSet = new Set(touched);
  const found = reversalLinks(
    near.map((e) => ({ id: e.id, dateStart: e.dateStart, dateEnd: e.dateEnd, family: e.family as Family, attacker: e.attacker, target: e.target })),
    new Set(ids),
    existing,
    index,
  ).filter((l) => (touchedSet.has(l.from) || touchedSet.has(l.to)) && !existing.some((x) => x.from === l.to && x.to === l.from));
  let n = 0;
  for (const l of found) {
    const r = await db
      .insert(links)
      .values({
        id: linkId(l.from, l.to),
        fromEvent: l.from,
        toEvent: l.to,
        kind: l.kind,
        method: "reversal",
        confidence: l.confidence,
        note: `the target struck back within ${l.delayDays} days`,
      })
      .onConflictDoNothing()
      .returning({ id: links.id });
    n += r.length;
  }
  return n;
}
