/**
 * Integration of the interchange importers with the store, on PGlite and (when reachable)
 * PostgreSQL: expected counts for the ACLED and UCDP samples, updates instead of duplicates,
 * retiring what the source deleted, dry runs and interrupts that change nothing, reversal links
 * over imported events, and export → import → export giving the same file for every format.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportFormat } from "../lib/api";
import { exportView } from "../lib/export";
import { parseImport, type ImportFormat } from "../lib/interchange/index";
import type { Store } from "./client";
import { exportExtras, importEvents, type ImportOptions } from "./import";
import { loadActorIndex } from "./ingest";
import { queryView } from "./queries";
import { events, links } from "./schema";
import { storeCases } from "./test-stores";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "..", "lib", "interchange", "fixtures", name), "utf8");
const ACLED = fixture("acled-sample.csv");

for (const c of await storeCases()) {
  describe.skipIf(c.skip !== null)(`import on ${c.kind}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await c.open();
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    const wipe = async () => {
      await store.db.execute(sql`delete from links`);
      await store.db.execute(sql`delete from events`);
      await store.db.execute(sql`delete from actors`);
    };
    const load = async (text: string, format: ImportFormat, opts: ImportOptions = {}) => {
      const index = await loadActorIndex(store.db);
      return importEvents(store.db, parseImport(text, format, index), index, opts);
    };
    const stored = async () => (await store.db.select().from(events).orderBy(events.id)).map((e) => e.id);
    const exported = async (format: ExportFormat) => {
      const { events: evs, links: ls } = await queryView(store.db, { status: "visible" });
      return exportView(format, evs, ls, await exportExtras(store.db, evs.map((e) => e.id))).body;
    };

    it("imports the ACLED sample: 10 events, 5 rows skipped with reasons, new actors, reversal arcs", async () => {
      await wipe();
      const r = await load(ACLED, "acled");
      expect(r).toMatchObject({ status: "imported", rows: 15, added: 10, updated: 0, retired: 0 });
      expect(r.skipped.map((s) => s.line)).toEqual([12, 13, 14, 15, 16]);
      expect(r.actorsAdded).toBeGreaterThan(5);
      expect(await stored()).toHaveLength(10);
      const arcs = await store.db.select().from(links).orderBy(links.id);
      expect(arcs.map((l) => l.id)).toEqual(expect.arrayContaining(["acled-irq1002--acled-irq1003", "acled-lbn2001--acled-lbn2002"]));
      expect(arcs.every((l) => l.method === "reversal" && l.kind === "retaliation" && l.confidence > 0)).toBe(true);
      expect(r.linksInferred).toBe(arcs.length);
      const view = await queryView(store.db, { status: "visible" });
      expect(view.events.find((e) => e.id === "acled-lbn2002")!.properties).toMatchObject({ provenance: "imported", chainId: "acled-lbn2001", attackerName: "Israel" });
    });

    it("re-importing an updated export updates rows instead of duplicating them", async () => {
      const changed = ACLED.replace("killing three members.\",3,", "killing four members.\",4,");
      expect(changed).not.toBe(ACLED);
      const r = await load(changed, "acled");
      expect(r).toMatchObject({ added: 0, updated: 10, linksInferred: 0 });
      expect(await stored()).toHaveLength(10);
      const [row] = await store.db.select().from(events).where(eq(events.id, "acled-lbn2002"));
      expect([row!.killedLow, row!.killedHigh, row!.note]).toEqual([4, 4, expect.stringContaining("four members")]);
    });

    it("retires rows the source deleted with --retire-missing, and a later file holding them brings them back", async () => {
      const without = ACLED.split("\r\n").filter((l) => !l.startsWith("IRQ1005,")).join("\r\n");
      const r = await load(without, "acled", { retireMissing: true });
      expect(r).toMatchObject({ updated: 9, retired: 1 });
      const [gone] = await store.db.select().from(events).where(eq(events.id, "acled-irq1005"));
      expect(gone!.status).toBe("rejected");
      expect(gone!.retiredAt).not.toBeNull();
      expect((await queryView(store.db, { status: "visible" })).events.map((e) => e.id)).not.toContain("acled-irq1005");
      expect((await load(ACLED, "acled", { retireMissing: true })).retired).toBe(0);
      const [back] = await store.db.select().from(events).where(eq(events.id, "acled-irq1005"));
      expect([back!.status, back!.retiredAt]).toEqual(["extracted", null]);
      await expect(load("event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,latitude,longitude,geo_precision,fatalities\r\n", "acled", { retireMissing: true })).rejects.toThrow(/nothing was changed/);
      expect(await stored()).toHaveLength(10);
    });

    it("a dry run and an interrupted import leave the store as it was", async () => {
      await wipe();
      const dry = await load(ACLED, "acled", { dryRun: true });
      expect(dry).toMatchObject({ status: "imported", dryRun: true, added: 10 });
      const cut = await load(ACLED, "acled", { shouldAbort: () => true });
      expect(cut.status).toBe("aborted");
      expect(await stored()).toEqual([]);
    });

    it("never overwrites an event another source owns", async () => {
      await wipe();
      await load(ACLED, "acled");
      const csv = "id,dateStart,lon,lat,family,provenance\r\nacled-irq1001,2024-01-04,44.4,33.3,drone,curated\r\n";
      const r = await load(csv, "csv");
      expect(r.added + r.updated).toBe(0);
      expect(r.skipped).toEqual([{ line: 2, reason: "event acled-irq1001 is already in the store from acled; it is not overwritten" }]);
      const [row] = await store.db.select().from(events).where(eq(events.id, "acled-irq1001"));
      expect(row!.provenance).toBe("imported");
    });

    it("imports the UCDP GED sample: 5 events, 3 skipped, a reversal arc between the Kataib Hezbollah and US strikes", async () => {
      await wipe();
      const r = await load(fixture("ucdp-ged-sample.csv"), "ucdp");
      expect(r).toMatchObject({ rows: 8, added: 5 });
      expect(r.skipped.map((s) => s.line)).toEqual([5, 6, 7]);
      const arcs = await store.db.select({ id: links.id }).from(links);
      expect(arcs.map((l) => l.id)).toContain("ucdp-400003--ucdp-400007");
    });

    for (const [format, back] of [["geojson", "geojson"], ["csv", "csv"], ["acled-csv", "acled"]] as const)
      it(`export → import → export gives the same ${format} file`, async () => {
        await wipe();
        await load(ACLED, "acled");
        const first = await exported(format);
        await wipe();
        const r = await load(first.replace(/^\uFEFF/, ""), back);
        expect(r.skipped).toEqual([]);
        expect(r.added).toBe(10);
        expect(await exported(format)).toBe(first);
      });

    it("exports links as LineStrings from origin to effect, with delay and kind", async () => {
      const fc = JSON.parse(await exported("links-geojson"));
      const l = fc.features.find((f: { id: string }) => f.id === "acled-lbn2001--acled-lbn2002");
      expect(l.geometry).toEqual({ type: "LineString", coordinates: [[35.7167, 33.2667], [35.4667, 33.1167]] });
      expect(l.properties).toMatchObject({ from: "acled-lbn2001", to: "acled-lbn2002", kind: "retaliation", delayDays: 1, fromDate: "2023-10-08", toDate: "2023-10-09" });
      const kml = await exported("kml");
      expect(kml).toContain('<Placemark id="event-acled-lbn2002"><name>Drone strike by Israel on Hezbollah, Aitaroun</name>');
      expect(kml).toContain("<TimeSpan><begin>2023-10-09</begin><end>2023-10-09</end></TimeSpan><styleUrl>#family-drone</styleUrl>");
    });
  });
}
