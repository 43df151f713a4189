/**
 * Integration: migrations, seed loading, queries — against embedded PGlite and, when reachable,
 * a real PostgreSQL + PostGIS. Uses a small hand-made dataset and a table geocoder so failures
 * point at the store, not at the gazetteer (the real curated data has its own test).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { CuratedDataset } from "../lib/curated";
import { StrikelineError } from "../lib/errors";
import type { Store } from "./client";
import { getEventDetail, listEvents, listLinks } from "./queries";
import { events } from "./schema";
import { loadCurated, validateCurated, type GeocodeFn } from "./seed";
import { storeCases } from "./test-stores";

const places: Record<string, [number, number, 1 | 2 | 3 | 4, string]> = {
  "near Kirkuk": [35.47, 44.39, 2, "IQ"],
  Baghdad: [33.31, 44.36, 1, "IQ"],
  "western Iraq": [34.0, 41.5, 3, "IQ"],
  Tehran: [35.69, 51.39, 1, "IR"],
};
const geocode: GeocodeFn = (mention) => {
  const p = places[mention];
  if (!p) return { resolved: false, mention, reason: "not in the test table" };
  return {
    resolved: true, mention, name: mention, lat: p[0], lon: p[1], precision: p[2], kind: "city", country: p[3],
    confidence: 0.9, alternatives: [{ name: `${mention} (other)`, lat: 0, lon: 0, kind: "town", country: null, score: 0.1 }],
    source: "curated", ...(p[2] > 1 ? { area: { type: "radius" as const, km: 25 } } : {}),
  };
};

const src = (start: number, end: number, killed?: number) => ({
  seed: "t1.txt", outlet: "Test Wire", published: "2020-01-05", evidence: [{ start, end }],
  ...(killed !== undefined ? { killed: { low: killed, high: killed } } : {}),
});
const dataset = (): CuratedDataset =>
  validateCurated({
    actors: [
      { id: "kh", name: "Kata'ib Hezbollah", kind: "group", aliases: ["KH"], color: "#aa0000" },
      { id: "us", name: "United States", kind: "state", country: "US", aliases: ["U.S."] },
      { id: "iran", name: "Iran", kind: "state", country: "IR", aliases: [] },
    ],
    events: [
      { id: "a-rockets", title: "Rockets on a base", dateStart: "2019-12-27", datePrecision: "day", family: "rocket", attacker: "kh", target: "us",
        place: { mention: "near Kirkuk", context: "Iraq" }, claim: "attributed", note: "Rocket attack on a base near Kirkuk.", sources: [src(0, 10, 1), { ...src(20, 30, 2), seed: "t2.txt", outlet: "Other Wire" }] },
      { id: "b-strikes", title: "Strikes on militia sites", dateStart: "2019-12-29", datePrecision: "day", family: "airstrike", attacker: "us", target: "kh",
        place: { mention: "western Iraq" }, claim: "claimed", note: "Answering air strikes on militia sites.", sources: [src(40, 50)] },
      { id: "c-month", title: "Something in March", dateStart: "2020-03-01", dateEnd: "2020-03-31", datePrecision: "month", family: "drone", attacker: "iran", target: "us",
        place: { mention: "Tehran" }, claim: "unknown", note: "An event dated only to its month.", sources: [src(60, 70)] },
    ],
    links: [{ from: "a-rockets", to: "b-strikes", kind: "retaliation", confidence: 0.9, evidence: { seed: "t1.txt", span: { start: 40, end: 50 } }, note: "Stated as a response." }],
  });

const seedsDir = null;

for (const c of await storeCases()) {
  describe.skipIf(c.skip !== null)(`store on ${c.kind}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await c.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("applies the migrations: PostGIS, an SRID-4326 point column and a GiST index", async () => {
      const r = await store.db.execute(sql`select
        (select count(*)::int from pg_extension where extname = 'postgis') as postgis,
        (select srid from geometry_columns where f_table_name = 'events' and f_geometry_column = 'geom') as srid,
        (select indexdef from pg_indexes where indexname = 'events_geom_gist') as gist`);
      const row = (r as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
      expect(row.postgis).toBe(1);
      expect(row.srid).toBe(4326);
      expect(String(row.gist)).toMatch(/USING gist/i);
    });

    it("loads a dataset and serves it as GeoJSON with per-source figures folded into a range", async () => {
      await loadCurated(store.db, { dataset: dataset(), geocode, seedsDir });
      const fs = await listEvents(store.db, { status: "visible" });
      expect(fs.map((f) => f.id)).toEqual(["a-rockets", "b-strikes", "c-month"]);
      const a = fs[0]!;
      expect(a.geometry.coordinates).toEqual([44.39, 35.47]);
      expect(a.properties).toMatchObject({ killed: { low: 1, high: 2 }, geoPrecision: 2, areaKm: 25, attackerName: "Kata'ib Hezbollah", attackerColor: "#aa0000", sourceCount: 2, outlets: ["Other Wire", "Test Wire"], chainId: "a-rockets" });
      expect(fs[2]!.properties.chainId).toBeNull();
    });

    it("loading twice changes nothing", async () => {
      const snapshot = async () =>
        JSON.stringify((await store.db.execute(sql`select
          (select json_agg(e order by e.id) from (select id, title, date_start, geo_precision, killed_low, killed_high, status, place_id from events) e) as events,
          (select json_agg(s order by s.id) from event_sources s) as sources,
          (select json_agg(l order by l.id) from links l) as links,
          (select json_agg(p order by p.id) from places p) as places`) as unknown as { rows: unknown[] }).rows);
      const before = await snapshot();
      await loadCurated(store.db, { dataset: dataset(), geocode, seedsDir });
      expect(await snapshot()).toBe(before);
    });

    it("keeps an analyst's rejection across a reload", async () => {
      await store.db.update(events).set({ status: "rejected" }).where(sql`${events.id} = 'c-month'`);
      await loadCurated(store.db, { dataset: dataset(), geocode, seedsDir });
      expect((await listEvents(store.db, { status: "visible" })).map((f) => f.id)).not.toContain("c-month");
      expect((await listEvents(store.db, { status: "all" })).map((f) => f.id)).toContain("c-month");
      await store.db.update(events).set({ status: "reviewed" }).where(sql`${events.id} = 'c-month'`);
    });

    it("rejects a dataset with an unresolvable place and writes nothing", async () => {
      const bad = dataset();
      bad.events.push({ ...bad.events[0]!, id: "d-nowhere", place: { mention: "Atlantis" } });
      await expect(loadCurated(store.db, { dataset: bad, geocode, seedsDir })).rejects.toThrow(/Atlantis/);
      expect((await listEvents(store.db, { status: "all" })).map((f) => f.id)).not.toContain("d-nowhere");
    });

    it("rolls back the whole load when a row fails in the database", async () => {
      const bad = dataset();
      bad.events[0]!.title = "Renamed, must not stick";
      // An evidence span with start >= end passes no schema; forge one past zod to hit the CHECK constraint.
      (bad.events[1]!.sources[0]!.evidence[0] as { start: number; end: number }).start = 99;
      await expect(loadCurated(store.db, { dataset: bad, geocode, seedsDir })).rejects.toThrow();
      const [a] = await listEvents(store.db, { status: "visible" });
      expect(a!.properties.title).toBe("Rockets on a base");
    });

    it("filters by date window overlap, family, attacker and bounding box", async () => {
      const ids = async (q: Parameters<typeof listEvents>[1]) => (await listEvents(store.db, q)).map((f) => f.id);
      expect(await ids({ status: "visible", from: "2020-03-15", to: "2020-03-16" })).toEqual(["c-month"]);
      expect(await ids({ status: "visible", to: "2019-12-28" })).toEqual(["a-rockets"]);
      expect(await ids({ status: "visible", families: ["airstrike", "drone"] })).toEqual(["b-strikes", "c-month"]);
      expect(await ids({ status: "visible", attackers: ["us"] })).toEqual(["b-strikes"]);
      expect(await ids({ status: "visible", bbox: [43, 35, 45, 36] })).toEqual(["a-rockets"]);
    });

    it("lists links with their response delay, only when both ends are in view", async () => {
      const all = await listLinks(store.db, { status: "visible" });
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ from: "a-rockets", to: "b-strikes", kind: "retaliation", method: "curated", delayDays: 2, chainId: "a-rockets" });
      expect(await listLinks(store.db, { status: "visible", to: "2019-12-28" })).toEqual([]);
    });

    it("details an event with its sources, alternatives and chain neighbours", async () => {
      const d = await getEventDetail(store.db, "b-strikes");
      expect(d?.previous.map((l) => l.from)).toEqual(["a-rockets"]);
      expect(d?.next).toEqual([]);
      expect(d?.alternatives[0]?.name).toBe("western Iraq (other)");
      expect(d?.sources[0]).toMatchObject({ outlet: "Test Wire", quote: null, span: { start: 40, end: 50 } });
      expect(await getEventDetail(store.db, "nope")).toBeNull();
    });
  });
}

describe("validateCurated", () => {
  it("names the unknown actor or event a dataset refers to", () => {
    const d = dataset();
    expect(() => validateCurated({ ...d, events: [{ ...d.events[0]!, attacker: "ghost" }] })).toThrow(/unknown actor ghost/);
    expect(() => validateCurated({ ...d, links: [{ ...d.links[0]!, to: "ghost" }] })).toThrow(StrikelineError);
    expect(() => validateCurated({ ...d, events: [d.events[0], d.events[0]] })).toThrow(/appears twice/);
  });
});
