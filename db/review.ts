/**
 * The review queue: extracted events and links nobody has confirmed or rejected yet, least
 * confident first, each with what an analyst needs to judge it (evidence spans into the stored
 * article texts, the geocoder's other readings of the place).
 */
import { asc, count, eq, inArray, sql } from "drizzle-orm";
import type { ReviewQueue } from "../lib/review-api";
import type { Db } from "./client";
import { getEventsByIds, getLinksByIds } from "./queries";
import { articles, events, eventSources, links, places } from "./schema";

export async function reviewQueue(db: Db, opts: { limit: number }): Promise<ReviewQueue> {
  // Curated events carry no confidence: they were reviewed when written, so they sort last.
  const picked = await db
    .select({ id: events.id, confidence: events.confidence })
    .from(events)
    .where(eq(events.status, "extracted"))
    .orderBy(sql`coalesce(${events.confidence}, 1)`, asc(events.dateStart), asc(events.id))
    .limit(opts.limit);
  const ids = picked.map((r) => r.id);
  const features = new Map((await getEventsByIds(db, ids)).map((f) => [f.id, f]));
  const srcRows = ids.length
    ? await db
        .select({ eventId: eventSources.eventId, articleId: eventSources.articleId, start: eventSources.spanStart, end: eventSources.spanEnd, weak: eventSources.weak })
        .from(eventSources)
        .where(inArray(eventSources.eventId, ids))
        .orderBy(asc(eventSources.articleId), asc(eventSources.spanStart))
    : [];
  const altRows = ids.length
    ? await db.select({ id: events.id, alternatives: places.alternatives }).from(events).innerJoin(places, eq(places.id, events.placeId)).where(inArray(events.id, ids))
    : [];
  const alternatives = new Map(altRows.map((r) => [r.id, r.alternatives as ReviewQueue["events"][number]["alternatives"]]));

  const pickedLinks = await db
    .select({ id: links.id })
    .from(links)
    .where(eq(links.status, "extracted"))
    .orderBy(asc(links.confidence), asc(links.id))
    .limit(opts.limit);
  const linkOrder = pickedLinks.map((r) => r.id);
  const linkOut = new Map((await getLinksByIds(db, linkOrder)).map((l) => [l.id, l]));
  const ends = [...new Set([...linkOut.values()].flatMap((l) => [l.from, l.to]))];
  const refs = new Map(
    (ends.length ? await db.select({ id: events.id, title: events.title, dateStart: events.dateStart }).from(events).where(inArray(events.id, ends)) : []).map((r) => [r.id, r]),
  );

  const articleIds = [...new Set([...srcRows.map((s) => s.articleId), ...[...linkOut.values()].flatMap((l) => (l.evidence ? [l.evidence.articleId] : []))])];
  const articleRows = articleIds.length
    ? await db
        .select({ id: articles.id, title: articles.title, outlet: articles.outlet, url: articles.url, published: articles.published, text: articles.text })
        .from(articles)
        .where(inArray(articles.id, articleIds))
    : [];

  const [eventsLeft] = await db.select({ n: count() }).from(events).where(eq(events.status, "extracted"));
  const [linksLeft] = await db.select({ n: count() }).from(links).where(eq(links.status, "extracted"));
  return {
    events: picked.flatMap((p) => {
      const event = features.get(p.id);
      if (!event) return [];
      return [
        {
          event,
          confidence: p.confidence ?? 1,
          sources: srcRows.filter((s) => s.eventId === p.id).map((s) => ({ articleId: s.articleId, span: { start: s.start, end: s.end }, weak: s.weak })),
          alternatives: alternatives.get(p.id) ?? [],
        },
      ];
    }),
    links: linkOrder.flatMap((id) => {
      const link = linkOut.get(id);
      const from = link && refs.get(link.from);
      const to = link && refs.get(link.to);
      return link && from && to ? [{ link, from, to }] : [];
    }),
    articles: Object.fromEntries(articleRows.map(({ id, ...a }) => [id, a])),
    counts: { events: Number(eventsLeft?.n ?? 0), links: Number(linksLeft?.n ?? 0) },
  };
}
