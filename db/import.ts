/**
 * The store adapter of the interchange importers: writes what lib/interchange reshaped, in one
 * transaction (a failure or Ctrl-C leaves the store as it was). Events are upserted by their
 * source id, so re-importing an updated export updates rows instead of duplicating them; with
 * retireMissing, rows of the same source that this file no longer holds are retired (status
 * rejected, retired_at set) and come back if a later file holds them again. Reversal links are
 * then inferred over the imported events, and analysts' overrides re-applied.
 */
import { randomBytes } from "node:crypto";
import { and, eq, gte, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { StrikelineError } from "../lib/errors";
import { inferReversals } from "../lib/interchange/links";
import type { EventExtra, ImportedEvent, ParsedImport, RowIssue, SourceSystem } from "../lib/interchange/record";
import type { ActorIndex } from "../lib/pipeline/actors";
import { addDays } from "../lib/pipeline/dates";
import { REVERSAL_WINDOW_DAYS } from "../lib/pipeline/links";
import { linkId, type Family } from "../lib/schema";
import type { Db } from "./client";
import { applyOverrides } from "./overrides";
import { actors, events, links } from "./schema";

export type ImportOptions = {
  retireMissing?: boolean;
  dryRun?: boolean;
  /** Called after each batch with rows written so far: drives the progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches: true rolls the whole import back (Ctrl-C). */
  shouldAbort?: () => boolean;
};

export type ImportReport = {
  status: "imported" | "aborted";
  dryRun: boolean;
  rows: number;
  added: number;
  updated: number;
  retired: number;
  actorsAdded: number;
  linksStated: number;
  linksInferred: number;
  skipped: RowIssue[];
  ms: number;
  /** Of ms: writing the events, and finding and writing reversal links (the benchmark prints both). */
  writeMs: number;
  linksMs: number;
};

const BATCH = 500;
/** Rows per upsert statement (one array per column, so large batches are cheap) and per progress step. */
const UPSERT_BATCH = 5000;
class Rollback extends Error {}

/**
 * Every column an import writes, with its SQL type and where it comes from. Rows go in as one
 * array per column through unnest: a 500-row multi-values insert spends more time in the query
 * builder than in the database.
 */
const COLUMNS: [string, string, (e: ImportedEvent) => string | number | null][] = [
  ["id", "text", (e) => e.id],
  ["title", "text", (e) => e.title],
  ["date_start", "date", (e) => e.dateStart],
  ["date_end", "date", (e) => e.dateEnd],
  ["date_precision", "text", (e) => e.datePrecision],
  ["family", "text", (e) => e.family],
  ["subtype", "text", (e) => e.subtype],
  ["attacker", "text", (e) => e.attacker],
  ["target", "text", (e) => e.target],
  ["target_label", "text", (e) => e.targetLabel],
  ["place_name", "text", (e) => e.placeName],
  ["geom", "text", (e) => `SRID=4326;POINT(${e.lon} ${e.lat})`],
  ["geo_precision", "smallint", (e) => e.geoPrecision],
  ["place_kind", "text", (e) => e.placeKind],
  ["country", "text", (e) => e.country],
  ["area_km", "real", (e) => e.areaKm],
  ["killed_low", "integer", (e) => e.killed?.low ?? null],
  ["killed_high", "integer", (e) => e.killed?.high ?? null],
  ["injured_low", "integer", (e) => e.injured?.low ?? null],
  ["injured_high", "integer", (e) => e.injured?.high ?? null],
  ["claim", "text", (e) => e.claim],
  ["note", "text", (e) => e.note],
  ["status", "text", (e) => e.status],
  ["provenance", "text", (e) => e.provenance],
  ["source_system", "text", (e) => e.sourceSystem],
  ["source_id", "text", (e) => e.sourceId],
  ["source_label", "text", (e) => e.sourceLabel],
];
const WRITTEN = [...COLUMNS.map(([c]) => c), "import_run", "retired_at", "updated_at"];

/** Insert or update by id; a re-imported row also comes back from retirement. */
async function upsert(db: Db, rows: ImportedEvent[], run: string) {
  const arrays = COLUMNS.map(([, type, get]) => sql`${sql.param(rows.map(get))}::${sql.raw(type)}[]`);
  const pick = COLUMNS.map(([c]) => sql.raw(c === "geom" ? "u.geom::geometry" : `u.${c}`));
  await db.execute(sql`
    insert into events (${sql.raw(WRITTEN.join(", "))})
    select ${sql.join(pick, sql`, `)}, ${run}, null, now()
    from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(COLUMNS.map(([c]) => c).join(", "))})
    on conflict (id) do update set ${sql.raw(WRITTEN.filter((c) => c !== "id").map((c) => `${c} = excluded.${c}`).join(", "))}`);
}

export async function importEvents(db: Db, parsed: ParsedImport, index: ActorIndex, opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now();
  const unit = parsed.issues[0]?.unit;
  const report: ImportReport = { status: "imported", dryRun: Boolean(opts.dryRun), rows: parsed.rows, added: 0, updated: 0, retired: 0, actorsAdded: 0, linksStated: 0, linksInferred: 0, skipped: [...parsed.issues], ms: 0, writeMs: 0, linksMs: 0 };
  if (opts.retireMissing && !parsed.events.length)
    throw new StrikelineError("rejected", "no row of the file could be imported; --retire-missing would retire every event of the source, so nothing was changed");
  const run = `run-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      report.actorsAdded = await addActors(t, parsed, index);
      const written: ImportedEvent[] = [];
      for (let i = 0; i < parsed.events.length; i += UPSERT_BATCH) {
        if (opts.shouldAbort?.()) throw new Rollback();
        const batch = parsed.events.slice(i, i + UPSERT_BATCH);
        const stored = await t
          .select({ id: events.id, sourceSystem: events.sourceSystem, sourceId: events.sourceId })
          .from(events)
          .where(sql`${events.id} = any(${sql.param(batch.map((e) => e.id))}::text[])`);
        const byId = new Map(stored.map((s) => [s.id, s]));
        const ours = batch.filter((e) => {
          const s = byId.get(e.id);
          if (!s || (s.sourceSystem === e.sourceSystem && s.sourceId === e.sourceId)) return true;
          report.skipped.push({ line: e.line, ...(unit ? { unit } : {}), reason: `event ${e.id} is already in the store from ${s.sourceSystem ?? "Strikeline's own data"}; it is not overwritten` });
          return false;
        });
        if (ours.length) await upsert(t, ours, run);
        report.updated += ours.filter((e) => byId.has(e.id)).length;
        report.added += ours.filter((e) => !byId.has(e.id)).length;
        written.push(...ours);
        opts.onProgress?.(Math.min(i + UPSERT_BATCH, parsed.events.length), parsed.events.length);
      }
      if (opts.retireMissing) report.retired = await retire(t, [...new Set(written.map((e) => e.sourceSystem))], run);
      report.linksStated = await addStatedLinks(t, parsed, new Set(written.map((e) => e.id)), report, unit);
      report.writeMs = performance.now() - t0;
      report.linksInferred = await addReversals(t, written, index);
      report.linksMs = performance.now() - t0 - report.writeMs;
      await applyOverrides(t);
      if (opts.dryRun || opts.shouldAbort?.()) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    if (!opts.dryRun) report.status = "aborted";
  }
  report.skipped.sort((a, b) => a.line - b.line);
  report.ms = performance.now() - t0;
  return report;
}

/** Actors the events name that the store lacks: the file's new ones, and the pipeline's extras. */
async function addActors(db: Db, parsed: ParsedImport, index: ActorIndex): Promise<number> {
  const named = [...new Set(parsed.events.flatMap((e) => [e.attacker, e.target]).filter((x): x is string => Boolean(x)))];
  if (!named.length) return 0;
  const have = new Set<string>();
  for (let i = 0; i < named.length; i += BATCH)
    for (const r of await db.select({ id: actors.id }).from(actors).where(inArray(actors.id, named.slice(i, i + BATCH)))) have.add(r.id);
  const created = new Map(parsed.newActors.map((a) => [a.id, a]));
  const rows = named
    .filter((id) => !have.has(id))
    .map((id) => created.get(id) ?? index.actors.get(id))
    .filter((a) => a !== undefined)
    .map((a) => ({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, parent: a.parent ?? null, aliases: a.aliases, color: a.color ?? null }));
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(actors).values(rows.slice(i, i + BATCH)).onConflictDoNothing();
  return rows.length;
}

async function retire(db: Db, systems: SourceSystem[], run: string): Promise<number> {
  if (!systems.length) return 0;
  const r = await db
    .update(events)
    .set({ status: "rejected", retiredAt: new Date(), updatedAt: new Date() })
    .where(and(inArray(events.sourceSystem, systems), ne(events.importRun, run), isNull(events.retiredAt)))
    .returning({ id: events.id });
  return r.length;
}

/** Links the file states (a Strikeline export's LineStrings, a respondsTo column), when both ends are in the store. */
async function addStatedLinks(db: Db, parsed: ParsedImport, written: Set<string>, report: ImportReport, unit: RowIssue["unit"]): Promise<number> {
  if (!parsed.links.length) return 0;
  const ends = [...new Set(parsed.links.flatMap((l) => [l.from, l.to]))];
  const present = new Set(written);
  for (let i = 0; i < ends.length; i += BATCH)
    for (const r of await db.select({ id: events.id }).from(events).where(inArray(events.id, ends.slice(i, i + BATCH)))) present.add(r.id);
  let n = 0;
  for (const l of parsed.links) {
    const missing = [l.from, l.to].find((id) => !present.has(id));
    if (missing || l.from === l.to) {
      report.skipped.push({ line: l.line, ...(unit ? { unit } : {}), reason: missing ? `link ${l.from} → ${l.to}: no event ${missing}` : `link from ${l.from} to itself` });
      continue;
    }
    const r = await db
      .insert(links)
      .values({ id: linkId(l.from, l.to), fromEvent: l.from, toEvent: l.to, kind: l.kind, method: l.method, confidence: l.confidence, note: l.note, status: "extracted" })
      .onConflictDoNothing()
      .returning({ id: links.id });
    n += r.length;
  }
  return n;
}

/** Reversal links into the imported events from them and their neighbours in time, as the article pipeline finds them. */
async function addReversals(db: Db, written: ImportedEvent[], index: ActorIndex): Promise<number> {
  if (!written.length) return 0;
  const starts = written.map((e) => e.dateStart).sort();
  const lo = addDays(starts[0]!, -REVERSAL_WINDOW_DAYS - 366);
  const hi = addDays(starts.at(-1)!, REVERSAL_WINDOW_DAYS);
  const near = await db
    .select({ id: events.id, dateStart: events.dateStart, dateEnd: events.dateEnd, family: events.family, attacker: events.attacker, target: events.target })
    .from(events)
    .where(and(lte(events.dateStart, hi), gte(events.dateEnd, lo), ne(events.status, "rejected")));
  const ids = new Set(near.map((e) => e.id));
  const touched = new Set(written.map((e) => e.id).filter((id) => ids.has(id)));
  const existing = (
    await db
      .select({ from: links.fromEvent, to: links.toEvent, kind: links.kind })
      .from(links)
      // A link into an event of the window: what hasCause and the no-reverse rule look at.
      .innerJoin(events, eq(events.id, links.toEvent))
      .where(and(lte(events.dateStart, hi), gte(events.dateEnd, lo)))
  ).filter((l) => ids.has(l.from) || ids.has(l.to));
  const found = inferReversals(near.map((e) => ({ ...e, family: e.family as Family })), touched, existing, index);
  let n = 0;
  for (let i = 0; i < found.length; i += UPSERT_BATCH) {
    const batch = found.slice(i, i + UPSERT_BATCH);
    const col = (get: (l: (typeof found)[number]) => string | number) => sql.param(batch.map(get));
    const r = await db.execute<{ id: string }>(sql`
      insert into links (id, from_event, to_event, kind, method, confidence, note)
      select u.f || '--' || u.t, u.f, u.t, u.k, 'reversal', u.c, 'the target struck back within ' || u.d || ' days'
      from unnest(${col((l) => l.from)}::text[], ${col((l) => l.to)}::text[], ${col((l) => l.kind)}::text[], ${col((l) => l.confidence)}::real[], ${col((l) => l.delayDays)}::int[]) as u(f, t, k, c, d)
      on conflict do nothing
      returning id`);
    n += rowsOf(r).length;
  }
  return n;
}

/** node-postgres answers execute() with a result object, PGlite with one too, both holding rows. */
const rowsOf = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;

/** What exports need beyond the API's event shape, for the events of a view. */
export async function exportExtras(db: Db, ids: readonly string[]): Promise<Map<string, EventExtra>> {
  const out = new Map<string, EventExtra>();
  const kinds = new Map((await db.select({ id: actors.id, kind: actors.kind }).from(actors)).map((a) => [a.id, a.kind]));
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db
      .select({ id: events.id, system: events.sourceSystem, sourceId: events.sourceId, label: events.sourceLabel, subtype: events.subtype, attacker: events.attacker, target: events.target })
      .from(events)
      .where(inArray(events.id, ids.slice(i, i + BATCH)));
    for (const r of rows)
      out.set(r.id, {
        source: r.system && r.sourceId ? { system: r.system as SourceSystem, sourceId: r.sourceId, label: r.label } : null,
        subtype: r.subtype,
        attackerKind: r.attacker ? (kinds.get(r.attacker) ?? null) : null,
        targetKind: r.target ? (kinds.get(r.target) ?? null) : null,
      });
  }
  return out;
}
