/**
 * Read verbs over the store. Route handlers and the CLI call these; nothing else queries the
 * database for reading. Output shapes are the API schemas of lib/api.ts.
 */
import { and, asc, eq, gte, inArray, isNotNull, lte, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { EventDetail, EventFeature, EventsQuery, LinkOut, SourceOut } from "../lib/api";
import { daysBetween } from "../lib/chains";
import { filterView, startDomain, type FilterCounts, type FilterResult } from "../lib/filter";
import { freshRead } from "../lib/fresh-read";
import { cursorSpan } from "../lib/map/playback";
import { dayOf } from "../lib/map/time";
import { DEFAULT_VIEW, SELECTION_KEYS, type ViewSelection } from "../lib/url-state";
import type { Range } from "../lib/schema";
import { ensureChains } from "./chains";
import type { Db } from "./client";
import { actors, articles, events, eventSources, links, places } from "./schema";

const attackerActor = alias(actors, "attacker_actor");
const targetActor = alias(actors, "target_actor");

const range = (low: number | null, high: number | null): Range | null =>
  low === null || high === null ? null : { low, high };

/**
 * The conditions the database can apply cheaply, pushed down so it returns fewer rows. They must
 * keep every event lib/filter.ts keeps (it runs after, on what is returned): the matching tests
 * in db/view-query.test.ts hold the two to the same answers.
 */
export function eventWhere(q: EventsQuery): SQL | undefined {
  const nonEmpty = <T>(xs: readonly T[] | undefined): xs is readonly T[] => xs !== undefined && xs.length > 0;
  const parts: (SQL | undefined)[] = [
    visibleOnly(q),
    // Overlap of the event's date span with the window, so a month-precision event shows in any window touching that month.
    q.from ? gte(events.dateEnd, q.from) : undefined,
    q.to ? lte(events.dateStart, q.to) : undefined,
    nonEmpty(q.families) ? inArray(events.family, [...q.families]) : undefined,
    nonEmpty(q.attackers) ? inArray(events.attacker, [...q.attackers]) : undefined,
    nonEmpty(q.targets) ? inArray(events.target, [...q.targets]) : undefined,
    nonEmpty(q.countries) ? inArray(events.country, [...q.countries]) : undefined,
    nonEmpty(q.claims) ? inArray(events.claim, [...q.claims]) : undefined,
    // lib/filter reads a casualty range only when both ends are known.
    q.minKilled ? and(gte(events.killedHigh, q.minKilled), isNotNull(events.killedLow)) : undefined,
    q.bbox
      ? sql`${events.geom} && ST_MakeEnvelope(${q.bbox[0]}, ${q.bbox[1]}, ${q.bbox[2]}, ${q.bbox[3]}, 4326)`
      : undefined,
    // The same overlap as from/to above, in the form the place-and-time index (migration 0004) answers.
    q.bbox && (q.from || q.to)
      ? sql`daterange(${events.dateStart}, ${events.dateEnd}, '[]') && daterange(${q.from ?? null}::date, ${q.to ?? null}::date, '[]')`
      : undefined,
  ];
  return and(...parts);
}

const visibleOnly = (q: Pick<EventsQuery, "status">) => (q.status === "visible" ? ne(events.status, "rejected") : undefined);

/** The store's data version (migration 0004): every write to the viewed tables moves it. */
export async function dataVersion(db: Db): Promise<string> {
  // Raw SQL: the table is written by triggers only, so it has no Drizzle schema of its own.
  const r = (await db.execute(sql`select version::text as version from data_version`)) as unknown as { rows: { version: string }[] };
  return r.rows[0]?.version ?? "0";
}

const versionReads = new WeakMap<Db, () => Promise<string>>();

/**
 * The data version as every read asks for it: one query serves all the callers that arrive while
 * it runs, and none is answered from a query that started before it asked (lib/fresh-read.ts), so
 * a write that completed before a read began is always seen by it.
 */
export function currentVersion(db: Db): Promise<string> {
  let read = versionReads.get(db);
  if (!read) versionReads.set(db, (read = freshRead(() => dataVersion(db))));
  return read();
}

/** Events of the store that pass the pushed-down conditions only; queryView applies the rest. */
export async function selectEvents(db: Db, where: SQL | undefined): Promise<EventFeature[]> {
  await ensureChains(db);
  const rows = await db
    .select({
      e: events,
      attackerName: attackerActor.name,
      attackerColor: attackerActor.color,
      targetName: targetActor.name,
      outlets: sql<string[]>`coalesce((select array_agg(distinct a.outlet order by a.outlet) from ${eventSources} s join ${articles} a on a.id = s.article_id where s.event_id = ${events.id} and a.outlet is not null), '{}')`,
      sourceCount: sql<number>`(select count(distinct s.article_id)::int from ${eventSources} s where s.event_id = ${events.id})`,
      chainId: sql<string | null>`(select c.chain_id from event_chains c where c.event_id = ${events.id})`,
    })
    .from(events)
    .leftJoin(attackerActor, eq(attackerActor.id, events.attacker))
    .leftJoin(targetActor, eq(targetActor.id, events.target))
    .where(where)
    .orderBy(asc(events.dateStart), asc(events.id));
  return rows.map(({ e, ...r }) => ({
    type: "Feature" as const,
    id: e.id,
    geometry: { type: "Point" as const, coordinates: [round6(e.geom.lon), round6(e.geom.lat)] as [number, number] },
    properties: {
      id: e.id,
      title: e.title,
      dateStart: e.dateStart,
      dateEnd: e.dateEnd,
      datePrecision: e.datePrecision as EventFeature["properties"]["datePrecision"],
      family: e.family as EventFeature["properties"]["family"],
      attacker: e.attacker,
      attackerName: r.attackerName,
      attackerColor: r.attackerColor,
      target: e.target,
      targetName: r.targetName,
      targetLabel: e.targetLabel,
      placeName: e.placeName,
      geoPrecision: e.geoPrecision as 1 | 2 | 3 | 4,
      placeKind: e.placeKind as EventFeature["properties"]["placeKind"],
      country: e.country,
      areaKm: e.areaKm,
      killed: range(e.killedLow, e.killedHigh),
      injured: range(e.injuredLow, e.injuredHigh),
      claim: e.claim as EventFeature["properties"]["claim"],
      note: e.note,
      status: e.status as EventFeature["properties"]["status"],
      provenance: e.provenance as EventFeature["properties"]["provenance"],
      outlets: r.outlets ?? [],
      sourceCount: Number(r.sourceCount),
      chainId: r.chainId,
    },
  }));
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

type LinkRow = typeof links.$inferSelect & { fromStart: string; toStart: string; articleText: string | null; chainId: string | null };

function toLinkOut(l: LinkRow): LinkOut {
  return {
    id: l.id,
    from: l.fromEvent,
    to: l.toEvent,
    kind: l.kind as LinkOut["kind"],
    method: l.method as LinkOut["method"],
    confidence: l.confidence,
    status: l.status as LinkOut["status"],
    note: l.note,
    evidence:
      l.articleId && l.spanStart !== null && l.spanEnd !== null
        ? {
            articleId: l.articleId,
            span: { start: l.spanStart, end: l.spanEnd },
            quote: l.articleText ? l.articleText.slice(l.spanStart, l.spanEnd) : null,
          }
        : null,
    delayDays: daysBetween(l.fromStart, l.toStart),
    // A rejected link's ends may be in no chain: it is then named after its cause.
    chainId: l.chainId ?? l.fromEvent,
  };
}

const fromEv = alias(events, "from_ev");
const toEv = alias(events, "to_ev");

async function selectLinks(db: Db, where: SQL | undefined): Promise<LinkOut[]> {
  await ensureChains(db);
  const rows = await db
    .select({
      l: links,
      fromStart: fromEv.dateStart,
      toStart: toEv.dateStart,
      articleText: articles.text,
      chainId: sql<string | null>`(select c.chain_id from event_chains c where c.event_id = ${links.fromEvent})`,
    })
    .from(links)
    .innerJoin(fromEv, eq(fromEv.id, links.fromEvent))
    .innerJoin(toEv, eq(toEv.id, links.toEvent))
    .leftJoin(articles, eq(articles.id, links.articleId))
    .where(where)
    .orderBy(asc(fromEv.dateStart), asc(links.id));
  return rows.map((r) => toLinkOut({ ...r.l, fromStart: r.fromStart, toStart: r.toStart, articleText: r.articleText, chainId: r.chainId }));
}

/** Values derived from the whole store, kept per data version: they cost a full scan to compute. */
const versioned = new WeakMap<Db, { version: string; values: Map<string, Promise<unknown>> }>();

export async function perVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await currentVersion(db);
  let entry = versioned.get(db);
  if (entry?.version !== version) versioned.set(db, (entry = { version, values: new Map() }));
  let value = entry.values.get(key) as Promise<T> | undefined;
  if (!value) {
    const values = entry.values;
    values.set(key, (value = compute()));
    value.catch(() => values.delete(key));
  }
  return value;
}

/** Every event of the store (the rejected ones too with status=all): the "of total" of counts. */
export function countEvents(db: Db, q: Pick<EventsQuery, "status">): Promise<number> {
  return perVersion(db, `count:${q.status}`, async () => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(events).where(visibleOnly(q));
    return Number(row?.n ?? 0);
  });
}

/** The query's filters and playback settings, with every one left out set to "filter nothing". */
const selectionOf = (q: EventsQuery): ViewSelection =>
  Object.fromEntries(SELECTION_KEYS.map((k) => [k, q[k] ?? DEFAULT_VIEW[k]])) as ViewSelection;

/** First and last start day of the store's events (the playback domain of the page). */
async function startDomainOf(db: Db, q: EventsQuery): Promise<[number, number]> {
  const [row] = await db
    .select({ min: sql<string | null>`min(${events.dateStart})::text`, max: sql<string | null>`max(${events.dateStart})::text` })
    .from(events)
    .where(visibleOnly(q));
  return row?.min && row.max ? [dayOf(row.min), dayOf(row.max)] : [0, 0];
}

/**
 * The view's filters and playback cursor as pushed-down SQL (a superset of what lib/filter keeps),
 * with the playback domain when a cursor needs it.
 */
export async function viewWhere(db: Db, q: EventsQuery): Promise<{ selection: ViewSelection; domain: [number, number] | null; where: SQL | undefined }> {
  const selection = selectionOf(q);
  const domain = selection.cursor ? await startDomainOf(db, q) : null;
  const span = domain ? cursorSpan(selection, domain) : null;
  return { selection, domain, where: and(eventWhere(q), span ? and(gte(events.dateStart, span[0]), lte(events.dateStart, span[1])) : undefined) };
}

/** Whether SQL alone applies every filter of the view exactly: text search, outlets and single chains need lib/filter. */
export const sqlExact = (q: EventsQuery) => !q.q && !(q.outlets?.length ?? 0) && (q.chain ?? "all") in { all: 1, linked: 1 };

/** chain=linked in SQL: the event is an end of a live link, which is what gives it a chain id. */
export const linkedOnly = (q: EventsQuery): SQL | undefined =>
  q.chain === "linked"
    ? sql`exists (select 1 from ${links} l where l.status <> 'rejected' and (l.from_event = ${events.id} or l.to_event = ${events.id}))`
    : undefined;

/** "shown of total" for a view without reading its events, where SQL can count them exactly (a small store counts its in-memory copy). */
export async function countView(db: Db, q: EventsQuery): Promise<FilterCounts> {
  if (!sqlExact(q) || (await wholeStore(db, q))) return (await queryView(db, q)).counts;
  const [{ where }, total] = await Promise.all([viewWhere(db, q), countEvents(db, q)]);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(events).where(and(where, linkedOnly(q)));
  return { shown: Number(row?.n ?? 0), total };
}

/** Names of the given actors, by id. */
export async function actorNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await db.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, [...ids])) : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The title of one event anyone may see (not rejected), or null: it goes into the page's public share card. */
export async function eventTitle(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ title: events.title }).from(events).where(and(eq(events.id, id), visibleOnly({ status: "visible" })));
  return row?.title ?? null;
}

/**
 * A store of at most this many events answers a view without a bounding box from one copy of its
 * events and links per data version, filtered by lib/filter (which applies every filter anyway):
 * reads of distinct views then never queue on the database, which on PGlite is one connection
 * serving one query at a time. A bounding box stays with PostGIS, whose && on single-precision
 * boxes the in-memory filter would not reproduce exactly.
 */
const IN_MEMORY_EVENTS = 5_000;
const inMemoryLimits = new WeakMap<Db, number>();

/** The in-memory limit of one store; 0 sends every view to SQL (the tests of the pushed-down conditions). */
export function viewsInMemoryUpTo(db: Db, events: number): void {
  inMemoryLimits.set(db, events);
}

type WholeStore = { events: EventFeature[]; links: LinkOut[] };

/** Every event and link (the rejected ones too with status=all), when the store is small enough to hold them. */
async function wholeStore(db: Db, q: EventsQuery): Promise<WholeStore | null> {
  const limit = inMemoryLimits.get(db) ?? IN_MEMORY_EVENTS;
  if (q.bbox || limit === 0) return null;
  return perVersion(db, `whole:${q.status}:${limit}`, async () => {
    if ((await countEvents(db, { status: "all" })) > limit) return null;
    const [evs, ls] = await Promise.all([selectEvents(db, visibleOnly(q)), selectLinks(db, q.status === "visible" ? ne(links.status, "rejected") : undefined)]);
    return { events: evs, links: ls };
  });
}

/**
 * What a view shows: its events, the links between them, and "shown of total" where total counts
 * every event of the store (the rejected ones too with status=all, whatever the bounding box).
 */
export async function queryView(db: Db, q: EventsQuery): Promise<FilterResult> {
  const whole = await wholeStore(db, q);
  if (whole) {
    const selection = selectionOf(q);
    return filterView(whole.events, whole.links, selection, selection.cursor ? startDomain(whole.events) : null);
  }
  const { selection, domain, where } = await viewWhere(db, q);
  const [candidates, total] = await Promise.all([selectEvents(db, where), countEvents(db, q)]);
  // The ids travel as one JSON parameter: a bound parameter per id would overflow the statement (and drizzle's stack) at scale.
  const ids = sql`(select json_array_elements_text(${JSON.stringify(candidates.map((c) => c.id))}::json))`;
  const between = candidates.length
    ? await selectLinks(db, and(q.status === "visible" ? ne(links.status, "rejected") : undefined, sql`${links.fromEvent} in ${ids}`, sql`${links.toEvent} in ${ids}`))
    : [];
  const r = filterView(candidates, between, selection, domain);
  return { ...r, counts: { shown: r.counts.shown, total } };
}

export async function listEvents(db: Db, q: EventsQuery): Promise<EventFeature[]> {
  return (await queryView(db, q)).events;
}

/** Links whose two ends are both among the events the same query returns. */
export async function listLinks(db: Db, q: EventsQuery): Promise<LinkOut[]> {
  return (await queryView(db, q)).links;
}

/** Every actor, by name (the review editor's attacker and target pickers). */
export async function listActors(db: Db): Promise<{ id: string; name: string; kind: string; country: string | null }[]> {
  return db.select({ id: actors.id, name: actors.name, kind: actors.kind, country: actors.country }).from(actors).orderBy(asc(actors.name));
}

/** Events by id, whatever their status (the review queue), by date. */
export async function getEventsByIds(db: Db, ids: string[]): Promise<EventFeature[]> {
  return ids.length ? selectEvents(db, inArray(events.id, ids)) : [];
}

/** Links by id, whatever their status. */
export async function getLinksByIds(db: Db, ids: string[]): Promise<LinkOut[]> {
  return ids.length ? selectLinks(db, inArray(links.id, ids)) : [];
}

export async function getEventDetail(db: Db, id: string): Promise<EventDetail | null> {
  const [feature] = await selectEvents(db, eq(events.id, id));
  if (!feature) return null;
  const srcRows = await db
    .select({ s: eventSources, a: articles })
    .from(eventSources)
    .innerJoin(articles, eq(articles.id, eventSources.articleId))
    .where(eq(eventSources.eventId, id))
    .orderBy(asc(articles.published), asc(eventSources.spanStart));
  const sources: SourceOut[] = srcRows.map(({ s, a }) => ({
    articleId: a.id,
    outlet: a.outlet,
    title: a.title,
    url: a.url,
    published: a.published,
    fileName: a.fileName,
    span: { start: s.spanStart, end: s.spanEnd },
    quote: a.text ? a.text.slice(s.spanStart, s.spanEnd) : null,
    killed: range(s.killedLow, s.killedHigh),
    injured: range(s.injuredLow, s.injuredHigh),
    weak: s.weak,
  }));
  const [placeRow] = await db
    .select({ alternatives: places.alternatives })
    .from(events)
    .innerJoin(places, eq(places.id, events.placeId))
    .where(eq(events.id, id));
  const around = await selectLinks(db, and(ne(links.status, "rejected"), sql`(${links.fromEvent} = ${id} or ${links.toEvent} = ${id})`));
  return {
    event: feature,
    sources,
    alternatives: (placeRow?.alternatives as EventDetail["alternatives"] | undefined) ?? [],
    previous: around.filter((l) => l.to === id),
    next: around.filter((l) => l.from === id),
  };
}
