/**
 * Loads the curated dataset (data/seed/curated.json) into the store through the same zod
 * validation and geocoder as everything else. One transaction: it loads whole or not at all.
 * Idempotent: loading twice changes nothing, and an analyst's status changes survive reloads.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { GeocodeResult, ResolvedGeocode } from "../geo";
import { CuratedDataset, type CuratedEvent } from "../lib/curated";
import { StrikelineError } from "../lib/errors";
import { fromRoot } from "../lib/paths";
import { linkId, type PlaceKind, type Range } from "../lib/schema";
import type { Db } from "./client";
import { actors, articles, events, eventSources, links, places } from "./schema";

export type GeocodeFn = (mention: string, opts?: { context?: string }) => GeocodeResult;

export type SeedReport = {
  actors: number;
  events: number;
  sources: number;
  links: number;
  articlesWithText: number;
  seedsDir: string | null;
};

export function readCuratedFile(file = fromRoot("data", "seed", "curated.json")): CuratedDataset {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new StrikelineError("rejected", `Cannot read curated dataset ${file}: ${(e as Error).message}`);
  }
  return validateCurated(raw);
}

/** Schema plus the cross-references a schema cannot express. */
export function validateCurated(raw: unknown): CuratedDataset {
  const parsed = CuratedDataset.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new StrikelineError("rejected", `Curated dataset invalid at ${i.path.join(".")}: ${i.message}`, parsed.error.issues);
  }
  const d = parsed.data;
  const actorIds = new Set(d.actors.map((a) => a.id));
  const eventIds = new Set<string>();
  for (const e of d.events) {
    if (eventIds.has(e.id)) throw new StrikelineError("rejected", `Curated event id ${e.id} appears twice`);
    eventIds.add(e.id);
    for (const who of [e.attacker, e.target])
      if (!actorIds.has(who)) throw new StrikelineError("rejected", `Event ${e.id} names unknown actor ${who}`);
    if (e.dateEnd && e.dateEnd < e.dateStart) throw new StrikelineError("rejected", `Event ${e.id} ends before it starts`);
  }
  for (const l of d.links)
    for (const end of [l.from, l.to])
      if (!eventIds.has(end)) throw new StrikelineError("rejected", `Link ${l.from} → ${l.to} names unknown event ${end}`);
  return d;
}

/** Seed article texts live outside the repository; their folder is optional. */
export function defaultSeedsDir(configured: string | undefined): string | null {
  const dir = configured ?? path.resolve(fromRoot(), "..", "shared", "seeds");
  return fs.existsSync(dir) ? dir : null;
}

const seedArticleId = (file: string) => `seed-${path.basename(file).replace(/\.[^.]+$/, "")}`;
const placeKey = (mention: string, context: string | undefined) =>
  `${mention.trim().toLowerCase()}|${(context ?? "").trim().toLowerCase()}`;

function spanRange(figures: (Range | undefined)[]): Range | null {
  const given = figures.filter((f): f is Range => f !== undefined);
  if (given.length === 0) return null;
  return { low: Math.min(...given.map((f) => f.low)), high: Math.max(...given.map((f) => f.high)) };
}

/** Where an event goes on the map: the geocoder's answer, or a reviewed override with its reason. */
type Located = {
  event: CuratedEvent;
  name: string;
  lat: number;
  lon: number;
  precision: 1 | 2 | 3 | 4;
  kind: PlaceKind;
  country: string | null;
  areaKm: number | null;
  confidence: number;
  alternatives: unknown[];
  source: string;
};

function locate(dataset: CuratedDataset, geocode: GeocodeFn): Located[] {
  const failures: string[] = [];
  const out: Located[] = [];
  for (const event of dataset.events) {
    const r = geocode(event.place.mention, { context: event.place.context });
    const o = event.place.override;
    if (o) {
      // The reviewer's coordinate wins; what the geocoder knew about the place (kind, precision) is kept.
      out.push({
        event, name: r.resolved ? r.name : event.place.mention, lat: o.lat, lon: o.lon,
        precision: r.resolved ? r.precision : 2, kind: r.resolved ? r.kind : "site", country: r.resolved ? r.country : null,
        areaKm: r.resolved ? areaKmOf(r) : null, confidence: 1, alternatives: r.resolved ? r.alternatives : [],
        source: `override: ${o.reason}`,
      });
    } else if (r.resolved) {
      out.push({
        event, name: r.name, lat: r.lat, lon: r.lon, precision: r.precision, kind: r.kind, country: r.country,
        areaKm: areaKmOf(r), confidence: r.confidence, alternatives: r.alternatives, source: r.source,
      });
    } else {
      failures.push(`${event.id}: "${event.place.mention}" (${r.reason})`);
    }
  }
  if (failures.length)
    throw new StrikelineError("rejected", `Curated places the geocoder cannot resolve:\n  ${failures.join("\n  ")}`);
  return out;
}

/** The size of an imprecise place for the map: a radius, or the equal-area radius of a polygon. */
function areaKmOf(r: ResolvedGeocode): number | null {
  if (r.radiusKm !== undefined) return r.radiusKm;
  return r.area?.type === "radius" ? r.area.km : null;
}

export async function loadCurated(
  db: Db,
  opts: { dataset: CuratedDataset; geocode: GeocodeFn; seedsDir: string | null },
): Promise<SeedReport> {
  const { dataset, seedsDir } = opts;
  const located = locate(dataset, opts.geocode);

  const seedFiles = new Map<string, { outlet: string; published: string }>();
  for (const e of dataset.events) for (const s of e.sources) seedFiles.set(s.seed, { outlet: s.outlet, published: s.published });
  for (const l of dataset.links) if (l.evidence && !seedFiles.has(l.evidence.seed)) seedFiles.set(l.evidence.seed, { outlet: "", published: "" });
  const texts = new Map<string, string>();
  if (seedsDir)
    for (const f of seedFiles.keys()) {
      const p = path.join(seedsDir, f);
      if (fs.existsSync(p)) texts.set(f, fs.readFileSync(p, "utf8"));
    }
  const checkSpan = (seed: string, span: { start: number; end: number }, what: string) => {
    const text = texts.get(seed);
    if (text && span.end > text.length)
      throw new StrikelineError("rejected", `${what}: evidence span ${span.start}–${span.end} lies past the end of ${seed}`);
  };

  return db.transaction(async (tx) => {
    for (const a of dataset.actors) {
      const row = { name: a.name, kind: a.kind, country: a.country ?? null, parent: a.parent ?? null, aliases: a.aliases, color: a.color ?? null };
      await tx.insert(actors).values({ id: a.id, ...row }).onConflictDoUpdate({ target: actors.id, set: row });
    }

    for (const [file, meta] of seedFiles) {
      const text = texts.get(file) ?? null;
      const row = {
        outlet: meta.outlet || null,
        published: meta.published || null,
        fileName: file,
        text,
        contentHash: text ? createHash("sha256").update(text).digest("hex") : null,
      };
      await tx.insert(articles).values({ id: seedArticleId(file), ...row }).onConflictDoUpdate({ target: articles.id, set: row });
    }

    let sourceCount = 0;
    for (const place of located) {
      const { event: e, lat, lon } = place;
      const key = placeKey(e.place.mention, e.place.context);
      const placeRow = {
        name: place.name,
        kind: place.kind,
        country: place.country,
        precision: place.precision,
        geom: { lon, lat },
        areaKm: place.areaKm,
        confidence: place.confidence,
        source: place.source,
        alternatives: place.alternatives,
      };
      const [p] = await tx
        .insert(places)
        .values({ key, ...placeRow })
        .onConflictDoUpdate({ target: places.key, set: placeRow })
        .returning({ id: places.id });
      const killed = spanRange(e.sources.map((s) => s.killed));
      const injured = spanRange(e.sources.map((s) => s.injured));
      const row = {
        title: e.title,
        dateStart: e.dateStart,
        dateEnd: e.dateEnd ?? e.dateStart,
        datePrecision: e.datePrecision,
        family: e.family,
        attacker: e.attacker,
        target: e.target,
        targetLabel: e.targetLabel ?? null,
        placeName: e.place.mention,
        placeId: p!.id,
        geom: { lon, lat },
        geoPrecision: place.precision,
        placeKind: place.kind,
        country: place.country,
        areaKm: placeRow.areaKm,
        killedLow: killed?.low ?? null,
        killedHigh: killed?.high ?? null,
        injuredLow: injured?.low ?? null,
        injuredHigh: injured?.high ?? null,
        claim: e.claim,
        note: e.note,
        provenance: "curated",
      };
      // status is left out of the update: an analyst's rejection must survive a reload.
      await tx.insert(events).values({ id: e.id, status: "reviewed", ...row }).onConflictDoUpdate({ target: events.id, set: row });

      const kept: number[] = [];
      for (const s of e.sources) {
        for (const span of s.evidence) {
          checkSpan(s.seed, span, e.id);
          const src = {
            killedLow: s.killed?.low ?? null,
            killedHigh: s.killed?.high ?? null,
            injuredLow: s.injured?.low ?? null,
            injuredHigh: s.injured?.high ?? null,
            spanEnd: span.end,
          };
          const [r] = await tx
            .insert(eventSources)
            .values({ eventId: e.id, articleId: seedArticleId(s.seed), spanStart: span.start, ...src })
            .onConflictDoUpdate({ target: [eventSources.eventId, eventSources.articleId, eventSources.spanStart], set: src })
            .returning({ id: eventSources.id });
          kept.push(r!.id);
          sourceCount++;
        }
      }
      // Sources of seed articles dropped from the curated entry go; sources from ingested articles stay.
      await tx
        .delete(eventSources)
        .where(
          and(
            eq(eventSources.eventId, e.id),
            sql`${eventSources.articleId} like 'seed-%'`,
            kept.length ? notInArray(eventSources.id, kept) : undefined,
          ),
        );
    }

    for (const l of dataset.links) {
      if (l.evidence) checkSpan(l.evidence.seed, l.evidence.span, `link ${l.from} → ${l.to}`);
      const row = {
        fromEvent: l.from,
        toEvent: l.to,
        kind: l.kind,
        method: "curated",
        confidence: l.confidence,
        articleId: l.evidence ? seedArticleId(l.evidence.seed) : null,
        spanStart: l.evidence?.span.start ?? null,
        spanEnd: l.evidence?.span.end ?? null,
        note: l.note,
      };
      await tx.insert(links).values({ id: linkId(l.from, l.to), status: "reviewed", ...row }).onConflictDoUpdate({ target: links.id, set: row });
    }

    const curatedIds = dataset.events.map((e) => e.id);
    const stale = await tx
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.provenance, "curated"), notInArray(events.id, curatedIds)));
    if (stale.length) await tx.delete(events).where(inArray(events.id, stale.map((s) => s.id)));

    return {
      actors: dataset.actors.length,
      events: located.length,
      sources: sourceCount,
      links: dataset.links.length,
      articlesWithText: texts.size,
      seedsDir,
    };
  });
}
