import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Store } from "./client";
import { dataVersion, queryView } from "./queries";
import { events } from "./schema";
import { writeSynthetic } from "./synth";
import { storeCases } from "./test-stores";

for (const c of await storeCases()) {
  describe.skipIf(c.skip !== null)(`synthetic events on ${c.kind}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await c.open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it("writes n events with their links in batches, readable by the view queries", async () => {
      const before = await dataVersion(store.db);
      const r = await writeSynthetic(store.db, 3_000, { seed: 5, batchSize: 1_000 });
      expect(r.events).toBe(3_000);
      expect(r.links).toBeGreaterThan(300);
      const view = await queryView(store.db, { status: "visible" });
      expect(view.counts.total).toBe(3_000);
      expect(view.links).toHaveLength(r.links);
      // Replies form chains, and chain ids come from the cached index of the new data version.
      expect(view.events.filter((e) => e.properties.chainId !== null).length).toBeGreaterThan(r.links);
      expect(await dataVersion(store.db)).not.toBe(before);
    });

    it("replaces the previous synthetic events and leaves real ones alone", async () => {
      await store.db.execute(sql`insert into events (id, title, date_start, date_end, date_precision, family, place_name, geom, geo_precision, place_kind, claim, note, provenance)
        values ('real-one', 'Real', '2020-01-01', '2020-01-01', 'day', 'rocket', 'Somewhere', ST_SetSRID(ST_MakePoint(44, 33), 4326), 1, 'city', 'unknown', '', 'curated')`);
      const r = await writeSynthetic(store.db, 1_200, { seed: 6 });
      expect(r.replaced).toBe(3_000);
      const [row] = await store.db.select({ n: sql<number>`count(*)::int` }).from(events);
      expect(row!.n).toBe(1_201);
    });
  });
}
