/**
 * The correction log in the store. Each analyst action appends one row (author, time); undo marks
 * a row undone and puts its target back as it was without it. What is in force is, per target and
 * field, the latest live row: applied in one set-based pass (a few statements whatever the number
 * of overrides) after every ingest and seed, so a re-ingest or re-seed can never undo a correction.
 * Before the first row touches a target its correctable fields are kept (`previous`): undo goes
 * back to them, then re-applies what is still live.
 */
import { and, desc, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { StrikelineError } from "../lib/errors";
import {
  changesOf,
  isLinkAction,
  LINK_ACTIONS,
  LogEntry,
  OVERRIDE_ACTIONS,
  parseOverride,
  parseOverridesFile,
  type OverrideInput,
  type OverridesFile,
} from "../lib/overrides";
import type { Db } from "./client";
import { actors, events, links, overrides } from "./schema";

type Field = { key: string; col: string; cast: string };
const field = (key: string, col: string, cast: string): Field => ({ key, col, cast });

/** Correctable event columns; `lon`/`lat` together set the point. */
const EVENT_FIELDS: Field[] = [
  field("status", "status", "text"),
  field("family", "family", "text"),
  field("attacker", "attacker", "text"),
  field("target", "target", "text"),
  field("targetLabel", "target_label", "text"),
  field("killedLow", "killed_low", "integer"),
  field("killedHigh", "killed_high", "integer"),
  field("injuredLow", "injured_low", "integer"),
  field("injuredHigh", "injured_high", "integer"),
  field("claim", "claim", "text"),
  field("placeName", "place_name", "text"),
  field("geoPrecision", "geo_precision", "smallint"),
  field("areaKm", "area_km", "real"),
  field("placeId", "place_id", "integer"),
  field("dateStart", "date_start", "date"),
  field("dateEnd", "date_end", "date"),
  field("datePrecision", "date_precision", "text"),
];
const LINK_FIELDS: Field[] = [
  field("status", "status", "text"),
  field("kind", "kind", "text"),
  field("confidence", "confidence", "real"),
  field("note", "note", "text"),
  field("method", "method", "text"),
];

type Kind = { table: "events" | "links"; fields: Field[]; actions: SQL; geom: boolean };
const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);
const EVENT_KIND: Kind = { table: "events", fields: EVENT_FIELDS, actions: list(OVERRIDE_ACTIONS.filter((a) => !isLinkAction(a))), geom: true };
const LINK_KIND: Kind = { table: "links", fields: LINK_FIELDS, actions: list(LINK_ACTIONS), geom: false };
const kindOf = (action: OverrideInput["action"]) => (isLinkAction(action) ? LINK_KIND : EVENT_KIND);

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const onlyTarget = (target: string | undefined) => (target === undefined ? sql`` : sql` and o.target_id = ${target}`);

/** The target's correctable fields as one JSON object (what undo returns to). */
function snapshotSql(k: Kind): SQL {
  const pairs = k.fields.map((f) => sql.raw(`'${f.key}', t.${f.col}`));
  if (k.geom) pairs.push(sql.raw(`'lon', ST_X(t.geom), 'lat', ST_Y(t.geom)`));
  else pairs.push(sql.raw(`'exists', true`));
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

/**
 * Sets each field named in `f` (a jsonb per target) on the rows of `source (target_id, f)`, and
 * only where something changes, so re-applying an unchanged log rewrites no row. Returns the count.
 */
async function setFields(db: Db, k: Kind, source: SQL): Promise<number> {
  const t = sql.raw(k.table);
  const picks = k.fields.map((f) => sql.raw(`case when s.f ? '${f.key}' then (s.f->>'${f.key}')::${f.cast} else t.${f.col} end as ${f.col}`));
  const cols = k.fields.map((f) => f.col);
  if (k.geom) {
    picks.push(sql.raw(`case when s.f ? 'lon' then ST_SetSRID(ST_MakePoint((s.f->>'lon')::float8, (s.f->>'lat')::float8), 4326) else t.geom end as geom`));
    cols.push("geom");
  }
  const sets = cols.map((c) => `${c} = nv.${c}`).join(", ") + (k.geom ? ", updated_at = now()" : "");
  const r = await db.execute(sql`
    with s as (${source}),
    nv as (select t.id, ${sql.join(picks, sql`, `)} from ${t} t join s on s.target_id = t.id),
    u as (
      update ${t} t set ${sql.raw(sets)} from nv
      where t.id = nv.id and (${sql.raw(cols.map((c) => `t.${c}`).join(", "))}) is distinct from (${sql.raw(cols.map((c) => `nv.${c}`).join(", "))})
      returning 1
    )
    select count(*)::int as n from u`);
  return rowsOf<{ n: number }>(r)[0]!.n;
}

/** Live corrections per target: the latest live row's value of each field. */
const liveChanges = (k: Kind, target: string | undefined) => sql`
  select target_id, jsonb_object_agg(key, value) as f from (
    select distinct on (o.target_id, c.key) o.target_id, c.key, c.value
    from overrides o cross join lateral jsonb_each(o.changes) c
    where o.undone_at is null and o.action in (${k.actions})${onlyTarget(target)}
    order by o.target_id, c.key, o.id desc
  ) l group by target_id`;

/** Keeps the fields of targets no row has touched yet, on their first row, before anything is applied. */
async function keepPrevious(db: Db, k: Kind, target: string | undefined): Promise<void> {
  const firsts = sql`select target_id, min(id) as id from overrides o where o.action in (${k.actions})${onlyTarget(target)} group by target_id having bool_and(o.previous is null)`;
  await db.execute(sql`
    update overrides o set previous = ${snapshotSql(k)}
    from (${firsts}) m join ${sql.raw(k.table)} t on t.id = m.target_id
    where o.id = m.id`);
  if (k.geom) return;
  // An added link that is not there yet: undo must delete it again.
  await db.execute(sql`
    update overrides o set previous = '{"exists": false}'::jsonb
    from (${firsts}) m
    where o.id = m.id and not exists (select 1 from links l where l.id = m.target_id)
      and exists (select 1 from overrides a where a.target_id = m.target_id and a.action = 'add-link' and a.undone_at is null)
      and exists (select 1 from events e where e.id = split_part(m.target_id, '--', 1))
      and exists (select 1 from events e where e.id = substr(m.target_id, strpos(m.target_id, '--') + 2))`);
}

/**
 * Applies every live override (or those of one target) in one set-based pass; run at the end of
 * each ingest and seed transaction. Returns how many rows it changed.
 */
export async function applyOverrides(db: Db, target?: string): Promise<number> {
  await keepPrevious(db, EVENT_KIND, target);
  await keepPrevious(db, LINK_KIND, target);
  let n = await setFields(db, EVENT_KIND, liveChanges(EVENT_KIND, target));
  await db.execute(sql`
    insert into links (id, from_event, to_event, kind, method, confidence, note, status)
    select a.target_id, split_part(a.target_id, '--', 1), substr(a.target_id, strpos(a.target_id, '--') + 2), 'response', 'curated', 1, 'added by an analyst', 'reviewed'
    from (select distinct o.target_id from overrides o where o.action = 'add-link' and o.undone_at is null${onlyTarget(target)}) a
    where exists (select 1 from events e where e.id = split_part(a.target_id, '--', 1))
      and exists (select 1 from events e where e.id = substr(a.target_id, strpos(a.target_id, '--') + 2))
    on conflict do nothing`);
  n += await setFields(db, LINK_KIND, liveChanges(LINK_KIND, target));
  return n;
}

async function targetExists(db: Db, o: Pick<OverrideInput, "action" | "targetId">): Promise<boolean> {
  const table = isLinkAction(o.action) ? links : events;
  const r = await db.select({ id: table.id }).from(table).where(eq(table.id, o.targetId)).limit(1);
  return r.length > 0;
}

/** Actor ids an edit names must exist (a foreign key): checked for all inputs in one query. */
async function checkActors(db: Db, inputs: OverrideInput[]): Promise<void> {
  const named = new Set<string>();
  for (const o of inputs) {
    if (o.action !== "edit-event") continue;
    if (o.payload.attacker) named.add(o.payload.attacker);
    if (o.payload.target) named.add(o.payload.target);
  }
  if (!named.size) return;
  const found = new Set((await db.select({ id: actors.id }).from(actors).where(inArray(actors.id, [...named]))).map((r) => r.id));
  const missing = [...named].find((id) => !found.has(id));
  if (missing) throw new StrikelineError("bad_request", `Unknown actor "${missing}"`, undefined, "payload");
}

type Row = typeof overrides.$inferSelect;
const toEntry = (r: Row): LogEntry =>
  LogEntry.parse({
    id: r.id,
    time: r.createdAt.toISOString(),
    author: r.author,
    action: r.action,
    targetId: r.targetId,
    payload: r.payload,
    reason: r.reason,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    undoneBy: r.undoneBy,
  });

const rowOf = (o: OverrideInput, author: string) => ({
  action: o.action,
  targetId: o.targetId,
  payload: o.payload,
  changes: changesOf(o),
  reason: o.reason ?? null,
  author,
});

/** Appends an override to the log and applies it at once. */
export async function addOverride(db: Db, input: OverrideInput, opts: { author?: string } = {}): Promise<{ entry: LogEntry; applied: boolean }> {
  await checkActors(db, [input]);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [row] = await t.insert(overrides).values(rowOf(input, opts.author ?? "cli")).returning();
    await applyOverrides(t, input.targetId);
    return { entry: toEntry(row!), applied: await targetExists(t, input) };
  });
}

/** Puts a target back as it was before any row touched it, then re-applies its live rows. */
async function reapplyTarget(db: Db, k: Kind, target: string): Promise<void> {
  const rows = await db
    .select({ previous: overrides.previous, changes: overrides.changes })
    .from(overrides)
    .where(and(eq(overrides.targetId, target), sql`${overrides.action} in (${k.actions})`))
    .orderBy(overrides.id);
  const base = rows.find((r) => r.previous)?.previous as Record<string, unknown> | undefined;
  if (!base) return;
  if (base.exists === false) await db.delete(links).where(eq(links.id, target));
  else {
    const touched = new Set(rows.flatMap((r) => Object.keys(r.changes as object)));
    if (k.geom && (touched.has("lon") || touched.has("lat"))) touched.add("lon").add("lat");
    const restore = Object.fromEntries(Object.entries(base).filter(([key]) => touched.has(key)));
    await setFields(db, k, sql`select ${target}::text as target_id, ${JSON.stringify(restore)}::jsonb as f`);
  }
  await applyOverrides(db, target);
}

/** Undoes one log entry: 404 when unknown, 409 when already undone. */
export async function undoOverride(db: Db, id: number, opts: { author?: string } = {}): Promise<LogEntry> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [row] = await t.select().from(overrides).where(eq(overrides.id, id)).for("update");
    if (!row) throw new StrikelineError("not_found", `No override with id ${id}`, undefined, "id");
    if (row.undoneAt) throw new StrikelineError("conflict", `Override ${id} was already undone at ${row.undoneAt.toISOString()}`, undefined, "id");
    const [done] = await t
      .update(overrides)
      .set({ undoneAt: new Date(), undoneBy: opts.author ?? "cli" })
      .where(eq(overrides.id, id))
      .returning();
    await reapplyTarget(t, kindOf(row.action as OverrideInput["action"]), row.targetId);
    return toEntry(done!);
  });
}

/** Undoes every live entry of one action on one target (`overrides remove`); false when there was none. */
export async function removeOverride(db: Db, action: string, targetId: string, opts: { author?: string } = {}): Promise<boolean> {
  const a = parseOverride({ action, targetId, payload: {} }).action;
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const gone = await t
      .update(overrides)
      .set({ undoneAt: new Date(), undoneBy: opts.author ?? "cli" })
      .where(and(eq(overrides.action, a), eq(overrides.targetId, targetId), isNull(overrides.undoneAt)))
      .returning({ id: overrides.id });
    if (gone.length) await reapplyTarget(t, kindOf(a), targetId);
    return gone.length > 0;
  });
}

/** The log, newest first. */
export async function overrideLog(db: Db, q: { limit?: number; before?: number; target?: string } = {}): Promise<LogEntry[]> {
  const rows = await db
    .select()
    .from(overrides)
    .where(and(q.before !== undefined ? lt(overrides.id, q.before) : undefined, q.target !== undefined ? eq(overrides.targetId, q.target) : undefined))
    .orderBy(desc(overrides.id))
    .limit(q.limit ?? 100);
  return rows.map(toEntry);
}

export type LiveOverride = OverrideInput & { id: number; author: string; createdAt: string };

/** What is in force: per action and target, the latest live entry, oldest first. */
export async function listOverrides(db: Db): Promise<LiveOverride[]> {
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`select distinct on (action, target_id) id from overrides where undone_at is null order by action, target_id, id desc`),
  );
  if (!rows.length) return [];
  const live = await db.select().from(overrides).where(inArray(overrides.id, rows.map((r) => r.id))).orderBy(overrides.id);
  return live.map((r) => ({
    ...parseOverride({ action: r.action, targetId: r.targetId, payload: r.payload, ...(r.reason ? { reason: r.reason } : {}) }),
    id: r.id,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function exportOverrides(db: Db): Promise<OverridesFile> {
  const live = await listOverrides(db);
  return { strikeline: "overrides", version: 1, overrides: live.map(({ id: _i, author: _a, createdAt: _c, ...o }) => o) };
}

const sameKey = (o: Pick<OverrideInput, "action" | "targetId">) => `${o.action}\u0000${o.targetId}`;
const sameContent = (o: Pick<OverrideInput, "payload" | "reason">) => JSON.stringify([o.payload, o.reason ?? null]);

/**
 * Imports a file of overrides, all or nothing: entries already in force as given are skipped (so
 * importing an export twice adds nothing), the rest are appended in bulk and applied in one pass.
 */
export async function importOverrides(db: Db, raw: unknown, opts: { author?: string } = {}): Promise<{ imported: number; skipped: number; applied: number }> {
  const file = parseOverridesFile(raw);
  await checkActors(db, file.overrides);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const inForce = new Map((await listOverrides(t)).map((o) => [sameKey(o), sameContent(o)]));
    const fresh: OverrideInput[] = [];
    for (const o of file.overrides) {
      if (inForce.get(sameKey(o)) === sameContent(o)) continue;
      inForce.set(sameKey(o), sameContent(o));
      fresh.push(o);
    }
    const author = opts.author ?? "cli";
    // One JSON parameter per chunk: far cheaper than a bound parameter per column and row.
    for (let i = 0; i < fresh.length; i += 20_000) {
      const rows = fresh.slice(i, i + 20_000).map((o, n) => ({ ...rowOf(o, author), n }));
      await t.execute(sql`
        insert into overrides (action, target_id, payload, changes, reason, author)
        select x."action", x."targetId", x."payload", x."changes", x."reason", x."author"
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("action" text, "targetId" text, payload jsonb, changes jsonb, reason text, author text, n int)
        order by x.n`);
    }
    await applyOverrides(t);
    const targets = [...new Set(fresh.map((o) => o.targetId))];
    const found = new Set<string>();
    for (let i = 0; i < targets.length; i += 5000) {
      const chunk = targets.slice(i, i + 5000);
      for (const r of await t.select({ id: events.id }).from(events).where(inArray(events.id, chunk))) found.add(r.id);
      for (const r of await t.select({ id: links.id }).from(links).where(inArray(links.id, chunk))) found.add(r.id);
    }
    const applied = fresh.filter((o) => found.has(o.targetId)).length;
    return { imported: fresh.length, skipped: file.overrides.length - fresh.length, applied };
  });
}
