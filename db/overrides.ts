/**
 * Analyst overrides: corrections kept apart from the data they correct (overrides table), applied
 * after every ingest and seed so a re-ingest can never undo them, and exportable as a file so a
 * rebuilt store gets them back. One override per (action, target); adding again replaces it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { StrikelineError } from "../lib/errors";
import { DatePrecision, GeoPrecision, IsoDate, LinkKind } from "../lib/schema";
import type { Db } from "./client";
import { events, links, overrides } from "./schema";

const EventId = z.string().min(1).max(200);
const LinkId = z.string().regex(/^.+--.+$/, "a link id is <from>--<to>");
const Reason = z.string().max(500).optional();

export const OverrideInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("reject-event"), targetId: EventId, payload: z.object({}).default({}), reason: Reason }),
  z.object({ action: z.literal("confirm-link"), targetId: LinkId, payload: z.object({}).default({}), reason: Reason }),
  z.object({ action: z.literal("reject-link"), targetId: LinkId, payload: z.object({}).default({}), reason: Reason }),
  z.object({
    action: z.literal("add-link"),
    targetId: LinkId,
    payload: z.object({ kind: LinkKind.default("response"), confidence: z.number().min(0).max(1).default(1), note: z.string().max(400).optional() }).default({ kind: "response", confidence: 1 }),
    reason: Reason,
  }),
  z.object({
    action: z.literal("move-place"),
    targetId: EventId,
    payload: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), name: z.string().min(1).optional(), precision: GeoPrecision.default(1) }),
    reason: Reason,
  }),
  z.object({
    action: z.literal("fix-date"),
    targetId: EventId,
    payload: z
      .object({ dateStart: IsoDate, dateEnd: IsoDate.optional(), datePrecision: DatePrecision.default("day") })
      .refine((p) => !p.dateEnd || p.dateStart <= p.dateEnd, "dateEnd must not be before dateStart"),
    reason: Reason,
  }),
]);
export type OverrideInput = z.infer<typeof OverrideInput>;
export const OVERRIDE_ACTIONS = ["reject-event", "confirm-link", "reject-link", "add-link", "move-place", "fix-date"] as const;

export const OverridesFile = z.object({
  strikeline: z.literal("overrides"),
  version: z.literal(1),
  overrides: z.array(OverrideInput),
});
export type OverridesFile = z.infer<typeof OverridesFile>;

const splitLink = (id: string) => {
  const i = id.indexOf("--");
  return { from: id.slice(0, i), to: id.slice(i + 2) };
};

export function parseOverride(raw: unknown): OverrideInput {
  const r = OverrideInput.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new StrikelineError("bad_request", `Invalid override at ${i.path.join(".") || "(root)"}: ${i.message}`, r.error.issues);
  }
  return r.data;
}

/** Stores (or replaces) an override and applies it at once. */
export async function addOverride(db: Db, input: OverrideInput): Promise<{ applied: boolean }> {
  return db.transaction(async (tx) => {
    const row = { payload: input.payload, reason: input.reason ?? null, createdAt: new Date() };
    await tx
      .insert(overrides)
      .values({ action: input.action, targetId: input.targetId, ...row })
      .onConflictDoUpdate({ target: [overrides.action, overrides.targetId], set: row });
    const applied = await applyOne(tx as unknown as Db, input);
    return { applied };
  });
}

export async function removeOverride(db: Db, action: string, targetId: string): Promise<boolean> {
  const r = await db.delete(overrides).where(and(eq(overrides.action, action), eq(overrides.targetId, targetId))).returning({ id: overrides.id });
  return r.length > 0;
}

export async function listOverrides(db: Db): Promise<(OverrideInput & { createdAt: string })[]> {
  const rows = await db.select().from(overrides).orderBy(overrides.id);
  return rows.map((r) => ({
    ...parseOverride({ action: r.action, targetId: r.targetId, payload: r.payload, ...(r.reason ? { reason: r.reason } : {}) }),
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function exportOverrides(db: Db): Promise<OverridesFile> {
  const list = await listOverrides(db);
  return { strikeline: "overrides", version: 1, overrides: list.map(({ createdAt: _c, ...o }) => o) };
}

/** Imports a file of overrides (all or nothing) and applies them. */
export async function importOverrides(db: Db, raw: unknown): Promise<{ imported: number; applied: number }> {
  const r = OverridesFile.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new StrikelineError("rejected", `Not a Strikeline overrides file (${i.path.join(".") || "root"}: ${i.message})`, r.error.issues);
  }
  return db.transaction(async (tx) => {
    let applied = 0;
    for (const o of r.data.overrides) {
      const row = { payload: o.payload, reason: o.reason ?? null };
      await tx.insert(overrides).values({ action: o.action, targetId: o.targetId, ...row }).onConflictDoUpdate({ target: [overrides.action, overrides.targetId], set: row });
      if (await applyOne(tx as unknown as Db, o)) applied++;
    }
    return { imported: r.data.overrides.length, applied };
  });
}

/**
 * Applies one override; false when its target is not (yet) in the store — it stays recorded and
 * takes effect on the ingest that brings the target in.
 */
async function applyOne(db: Db, o: OverrideInput): Promise<boolean> {
  switch (o.action) {
    case "reject-event": {
      const r = await db.update(events).set({ status: "rejected", updatedAt: new Date() }).where(eq(events.id, o.targetId)).returning({ id: events.id });
      return r.length > 0;
    }
    case "confirm-link":
    case "reject-link": {
      const status = o.action === "confirm-link" ? "reviewed" : "rejected";
      const r = await db.update(links).set({ status }).where(eq(links.id, o.targetId)).returning({ id: links.id });
      return r.length > 0;
    }
    case "add-link": {
      const { from, to } = splitLink(o.targetId);
      const found = await db.select({ id: events.id }).from(events).where(inArray(events.id, [from, to]));
      if (found.length < 2 || from === to) return false;
      const row = { kind: o.payload.kind, method: "curated", confidence: o.payload.confidence, note: o.payload.note ?? o.reason ?? "added by an analyst", status: "reviewed" };
      await db.insert(links).values({ id: o.targetId, fromEvent: from, toEvent: to, ...row }).onConflictDoUpdate({ target: links.id, set: row });
      return true;
    }
    case "move-place": {
      const p = o.payload;
      const set = { geom: { lon: p.lon, lat: p.lat }, geoPrecision: p.precision, areaKm: null, placeId: null, updatedAt: new Date(), ...(p.name ? { placeName: p.name } : {}) };
      const r = await db.update(events).set(set).where(eq(events.id, o.targetId)).returning({ id: events.id });
      return r.length > 0;
    }
    case "fix-date": {
      const p = o.payload;
      const r = await db
        .update(events)
        .set({ dateStart: p.dateStart, dateEnd: p.dateEnd ?? p.dateStart, datePrecision: p.datePrecision, updatedAt: new Date() })
        .where(eq(events.id, o.targetId))
        .returning({ id: events.id });
      return r.length > 0;
    }
  }
}

/** Re-applies every stored override; run at the end of each ingest transaction. */
export async function applyOverrides(db: Db): Promise<number> {
  const rows = await db.select().from(overrides).orderBy(overrides.id);
  let n = 0;
  for (const r of rows) {
    const o = OverrideInput.safeParse({ action: r.action, targetId: r.targetId, payload: r.payload });
    if (o.success && (await applyOne(db, o.data))) n++;
  }
  return n;
}
