/**
 * Bulk writer for synthetic events (lib/synth.ts). One statement per batch on either store: the
 * batch travels as a single JSON parameter and json_to_recordset turns it into rows, so a batch
 * of ten thousand events is one round trip and one parse, not thousands of bound parameters.
 */
import { sql } from "drizzle-orm";
import { SYNTH_ACTORS, SYNTH_PREFIX, synthesize } from "../lib/synth";
import { refreshChains } from "./chains";
import { refreshRollups } from "./rollup";
import { readCuratedFile } from "./seed";
import type { Db } from "./client";

export type SynthReport = { events: number; links: number; replaced: number; seconds: number };

/**
 * Replaces the store's synthetic events (real ones are never touched) with `n` new ones; each
 * batch is its own transaction, so an interrupted run leaves whole batches only.
 */
export async function writeSynthetic(
  db: Db,
  n: number,
  opts: { seed?: number; batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<SynthReport> {
  const t0 = performance.now();
  await upsertActors(db);
  // Links go with their events (on delete cascade).
  const removed = await db.execute(sql`delete from events where id like ${`${SYNTH_PREFIX}%`}`);
  let events = 0;
  let links = 0;
  for (const batch of synthesize(n, opts)) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into events (id, title, date_start, date_end, date_precision, family, attacker, target, place_name, geom,
          geo_precision, place_kind, country, area_km, killed_low, killed_high, injured_low, injured_high, claim, note, status, provenance)
        select id, title, "dateStart", "dateEnd", "datePrecision", family, attacker, target, "placeName",
          ST_SetSRID(ST_MakePoint(lon, lat), 4326), "geoPrecision", "placeKind", country, "areaKm",
          "killedLow", "killedHigh", "injuredLow", "injuredHigh", claim, note, 'extracted', 'extracted'
        from json_to_recordset(${JSON.stringify(batch.events)}::json) as x(
          id text, title text, "dateStart" date, "dateEnd" date, "datePrecision" text, family text, attacker text, target text,
          "placeName" text, lon float8, lat float8, "geoPrecision" smallint, "placeKind" text, country text, "areaKm" real,
          "killedLow" int, "killedHigh" int, "injuredLow" int, "injuredHigh" int, claim text, note text)`);
      if (batch.links.length)
        await tx.execute(sql`
          insert into links (id, from_event, to_event, kind, method, confidence, status)
          select id, "from", "to", 'retaliation', 'reversal', 0.5, 'extracted'
          from json_to_recordset(${JSON.stringify(batch.links)}::json) as x(id text, "from" text, "to" text)`);
    });
    events += batch.events.length;
    links += batch.links.length;
    opts.onBatch?.(events);
  }
  // Fresh statistics, so the planner sees the new size at once rather than after autovacuum.
  await db.execute(sql`analyze events`);
  await db.execute(sql`analyze links`);
  // Counted now, so the first view after a load does not wait for them.
  await refreshRollups(db);
  await refreshChains(db);
  return { events, links, replaced: rowCount(removed), seconds: (performance.now() - t0) / 1000 };
}

/** The synthetic events name real actors; make sure they exist even in a store that was never seeded. */
async function upsertActors(db: Db): Promise<void> {
  const wanted = new Set<string>(SYNTH_ACTORS);
  const rows = readCuratedFile().actors.filter((a) => wanted.has(a.id));
  await db.execute(sql`
    insert into actors (id, name, kind, country, color)
    select id, name, kind, country, color from json_to_recordset(${JSON.stringify(rows.map((a) => ({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, color: a.color ?? null })))}::json)
      as x(id text, name text, kind text, country text, color text)
    on conflict (id) do nothing`);
}

/** Affected rows as node-postgres and PGlite each report them. */
function rowCount(r: unknown): number {
  const o = r as { rowCount?: number | null; affectedRows?: number };
  return Number(o.rowCount ?? o.affectedRows ?? 0);
}
