/**
 * Integration: the correction log on both stores — every action, undo in any order, and
 * corrections that survive re-seed and re-ingest; import idempotence and its caps.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOverride, type OverrideInput } from "../lib/overrides";
import { fakeGeocode, SAMPLE_ARTICLE } from "../lib/pipeline/testing/fixtures";
import { decodeArticle } from "../lib/pipeline/read-file";
import type { Store } from "./client";
import { ingestArticle, loadActorIndex } from "./ingest";
import { addOverride, applyOverrides, exportOverrides, importOverrides, listOverrides, overrideLog, removeOverride, undoOverride } from "./overrides";
import { events, links } from "./schema";
import { loadCurated } from "./seed";
import { dataset, geocode } from "./test-fixtures";
import { storeCases } from "./test-stores";

const o = (raw: Record<string, unknown>): OverrideInput => parseOverride(raw);

for (const c of await storeCases()) {
  describe.skipIf(c.skip !== null)(`correction log on ${c.kind}`, () => {
    let store: Store;
    const seed = async () => {
      await store.db.transaction(async (tx) => {
        await loadCurated(tx as never, { dataset: dataset(), geocode, seedsDir: null });
        await applyOverrides(tx as never);
      });
    };
    const ev = async (id: string) => (await store.db.select().from(events).where(eq(events.id, id)))[0]!;
    const link = async (id: string) => (await store.db.select().from(links).where(eq(links.id, id)))[0];

    beforeAll(async () => {
      store = await c.open();
      await seed();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("moves a place twice and undoes in either order, back to the geocoded place", async () => {
      const before = await ev("a-rockets");
      const a = await addOverride(store.db, o({ action: "move-place", targetId: "a-rockets", payload: { lat: 35.5, lon: 44.4, name: "K-1 Air Base", precision: 1 } }), { author: "ana" });
      const b = await addOverride(store.db, o({ action: "move-place", targetId: "a-rockets", payload: { lat: 36, lon: 44, precision: 2 } }), { author: "ben" });
      expect(a.applied && b.applied).toBe(true);
      expect((await ev("a-rockets")).geom).toEqual({ lon: 44, lat: 36 });
      expect((await ev("a-rockets")).placeName).toBe("K-1 Air Base");
      await undoOverride(store.db, a.entry.id, { author: "ben" });
      const mid = await ev("a-rockets");
      expect([mid.geom, mid.geoPrecision, mid.placeName]).toEqual([{ lon: 44, lat: 36 }, 2, before.placeName]);
      await undoOverride(store.db, b.entry.id);
      const after = await ev("a-rockets");
      expect([after.geom, after.geoPrecision, after.areaKm, after.placeId, after.placeName]).toEqual([before.geom, before.geoPrecision, before.areaKm, before.placeId, before.placeName]);
      await expect(undoOverride(store.db, b.entry.id)).rejects.toMatchObject({ code: "conflict" });
      await expect(undoOverride(store.db, 999_999)).rejects.toMatchObject({ code: "not_found" });
    });

    it("logs every action with author and time, newest first, undone ones marked", async () => {
      const log = await overrideLog(store.db, { target: "a-rockets" });
      expect(log.map((e) => [e.action, e.author, e.undoneBy !== null])).toEqual([
        ["move-place", "ben", true],
        ["move-place", "ana", true],
      ]);
      expect(Date.parse(log[0]!.time)).toBeGreaterThan(Date.now() - 60_000);
      expect(await overrideLog(store.db, { before: log[0]!.id, limit: 1 })).toEqual([log[1]]);
    });

    it("edits fields, confirms and rejects events; all survive a re-seed; undo restores them", async () => {
      const before = await ev("b-strikes");
      const cBefore = (await ev("c-month")).status;
      const edit = await addOverride(store.db, o({ action: "edit-event", targetId: "b-strikes", payload: { family: "drone", attacker: "iran", killed: { low: 3, high: 5 }, claim: "denied" } }));
      const date = await addOverride(store.db, o({ action: "fix-date", targetId: "b-strikes", payload: { dateStart: "2019-12-30", datePrecision: "day" } }));
      await addOverride(store.db, o({ action: "confirm-event", targetId: "b-strikes" }));
      const reject = await addOverride(store.db, o({ action: "reject-event", targetId: "c-month", reason: "no such event" }));
      await expect(addOverride(store.db, o({ action: "edit-event", targetId: "b-strikes", payload: { attacker: "nobody-known" } }))).rejects.toThrow(/Unknown actor "nobody-known"/);

      const check = async () => {
        const b = await ev("b-strikes");
        expect([b.family, b.attacker, b.killedLow, b.killedHigh, b.claim, b.dateStart, b.dateEnd, b.status]).toEqual(["drone", "iran", 3, 5, "denied", "2019-12-30", "2019-12-30", "reviewed"]);
        expect((await ev("c-month")).status).toBe("rejected");
      };
      await check();
      await seed();
      await check();

      await undoOverride(store.db, edit.entry.id);
      await undoOverride(store.db, date.entry.id);
      await undoOverride(store.db, reject.entry.id);
      const b = await ev("b-strikes");
      expect([b.family, b.attacker, b.killedLow, b.claim, b.dateStart, b.status]).toEqual([before.family, before.attacker, before.killedLow, before.claim, before.dateStart, "reviewed"]);
      expect((await ev("c-month")).status).toBe(cBefore);
      await seed();
      expect((await ev("c-month")).status).toBe(cBefore);
      expect((await ev("b-strikes")).family).toBe(before.family);
    });

    it("adds a link and undo removes it; rejecting a stored link and undoing restores it", async () => {
      const add = await addOverride(store.db, o({ action: "add-link", targetId: "b-strikes--c-month", payload: { kind: "escalation", confidence: 0.4 } }));
      expect(await link("b-strikes--c-month")).toMatchObject({ kind: "escalation", confidence: 0.4, method: "curated", status: "reviewed" });
      await undoOverride(store.db, add.entry.id);
      expect(await link("b-strikes--c-month")).toBeUndefined();
      await seed();
      expect(await link("b-strikes--c-month")).toBeUndefined();

      const stored = await link("a-rockets--b-strikes");
      await addOverride(store.db, o({ action: "reject-link", targetId: "a-rockets--b-strikes" }));
      await seed();
      expect((await link("a-rockets--b-strikes"))!.status).toBe("rejected");
      expect(await removeOverride(store.db, "reject-link", "a-rockets--b-strikes")).toBe(true);
      expect(await link("a-rockets--b-strikes")).toEqual(stored);
      expect(await removeOverride(store.db, "reject-link", "a-rockets--b-strikes")).toBe(false);
    });

    it("keeps corrections of extracted events across a re-ingest that merges into them", async () => {
      const read = (text: string, name: string) => {
        const r = decodeArticle(new TextEncoder().encode(text), name);
        if (!r.ok) throw new Error(r.message);
        return r;
      };
      const index = await loadActorIndex(store.db);
      const first = await ingestArticle(store.db, read(SAMPLE_ARTICLE, "sample.txt"), fakeGeocode, index);
      const id = first.eventsNew.find((e) => e.includes("rocket"))!;
      expect(id).toBeTruthy();
      await addOverride(store.db, o({ action: "move-place", targetId: id, payload: { lat: 33.6, lon: 44.2, name: "Taji, north gate", precision: 1 } }));
      await addOverride(store.db, o({ action: "edit-event", targetId: id, payload: { killed: { low: 2, high: 2 } } }));
      // Another outlet tells the same attack (our own words) with other figures: it merges into the event.
      const retold = "Second outlet\n\nMarch 12, 2021\n\nBAGHDAD — Rockets launched by Kataib Hezbollah struck Camp Taji on Tuesday; four contractors died there, a coalition spokesman said.\n";
      const second = await ingestArticle(store.db, read(retold, "retold.txt"), fakeGeocode, await loadActorIndex(store.db));
      expect(second.eventsMerged).toContain(id);
      const e = await ev(id);
      expect([e.geom, e.placeName, e.killedLow, e.killedHigh]).toEqual([{ lon: 44.2, lat: 33.6 }, "Taji, north gate", 2, 2]);
      expect(e.confidence).toBeGreaterThan(0);
    });

    it("exports what is in force; importing it again adds nothing; a bad file changes nothing", async () => {
      const file = await exportOverrides(store.db);
      expect(file.overrides.every((x) => x.action !== "reject-link")).toBe(true);
      const before = (await overrideLog(store.db, { limit: 500 })).length;
      expect(await importOverrides(store.db, JSON.parse(JSON.stringify(file)))).toMatchObject({ imported: 0, skipped: file.overrides.length });
      const bad = { ...file, overrides: [...file.overrides, { action: "move-place", targetId: "a-rockets", payload: { lat: 91, lon: 0 } }] };
      await expect(importOverrides(store.db, bad)).rejects.toThrow(/overrides\.\d+\.payload\.lat/);
      const tooMany = { strikeline: "overrides", version: 1, overrides: Array.from({ length: 100_001 }, () => ({ action: "confirm-event", targetId: "a-rockets" })) };
      await expect(importOverrides(store.db, tooMany)).rejects.toThrow(/at most 100000/);
      expect((await overrideLog(store.db, { limit: 500 })).length).toBe(before);
      expect((await listOverrides(store.db)).length).toBe(file.overrides.length);
    });

    it("re-applies a few thousand imported overrides in one pass, rewriting no row when nothing changed", async () => {
      const ids = (await store.db.select({ id: events.id }).from(events)).map((r) => r.id);
      const many = Array.from({ length: 3000 }, (_, i) => ({ action: "fix-date", targetId: ids[i % ids.length]!, payload: { dateStart: "2020-02-01", datePrecision: "month", dateEnd: `2020-02-${String(1 + (i % 28)).padStart(2, "0")}` } }));
      const r = await importOverrides(store.db, { strikeline: "overrides", version: 1, overrides: many });
      expect(r.imported).toBe(3000);
      // Latest entry per target wins.
      const last = many.filter((m) => m.targetId === ids[0]).at(-1)!;
      expect((await ev(ids[0]!)).dateEnd).toBe(last.payload.dateEnd);
      expect(await applyOverrides(store.db)).toBe(0);
      const changed = await store.db.execute(sql`select count(*)::int as n from events where date_start = '2020-02-01'`);
      expect((changed as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(ids.length);
    });
  });
}
