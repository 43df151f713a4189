/**
 * The SQL aggregates (db/aggregate.ts) against the reference: lib/filter's events for the same
 * view, counted in memory (lib/map/aggregate.ts), over generated views of curated plus synthetic
 * events, on PGlite and, when reachable, PostgreSQL.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AggregateOut, EventFeature, LinkOut } from "../lib/api";
import { filterView, startDomain } from "../lib/filter";
import { aggregateFeatures } from "../lib/map/aggregate";
import { cursorSpan } from "../lib/map/playback";
import { dayOf } from "../lib/map/time";
import { CLAIM_STATUSES, FAMILIES } from "../lib/schema";
import { rng } from "../lib/testing/rng";
import { DEFAULT_VIEW, normalizeView, serializeView, type View } from "../lib/url-state";
import { aggregateView } from "./aggregate";
import type { Store } from "./client";
import { queryView } from "./queries";
import { writeSynthetic } from "./synth";
import { storeCases } from "./test-stores";

type Bbox = [number, number, number, number];

function views(all: readonly EventFeature[], n: number): { view: View; zoom: number; bbox?: Bbox }[] {
  const r = rng(11);
  const props = all.map((f) => f.properties);
  const days = props.map((p) => p.dateStart);
  const actors = [...new Set(props.map((p) => p.attacker).filter((a): a is string => a !== null))];
  const words = ["gaza", "rocket", "baghdad", "strike"];
  const kinds: (() => Partial<View>)[] = [
    () => ({ from: r.pick(days), to: null }),
    () => ({ from: null, to: r.pick(days) }),
    () => ({ families: r.some(FAMILIES, 3, 1) }),
    () => ({ attackers: r.some(actors, 2, 1) }),
    () => ({ countries: r.some(["IQ", "SY", "LB", "PS", "IL"], 2, 1) }),
    () => ({ chain: "linked" }),
    () => ({ minKilled: r.pick([1, 3, 10]) }),
    () => ({ claims: r.some(CLAIM_STATUSES, 2, 1) }),
    () => ({ cursor: r.pick(days), mode: r.chance(0.5) ? "window" : "cumulative", slideDays: r.pick([7, 30, 365]) }),
    () => ({ q: r.pick(words) }),
  ];
  return Array.from({ length: n }, () => {
    const view = normalizeView(Object.assign({ ...DEFAULT_VIEW }, ...Array.from({ length: r.int(0, 3) }, () => r.pick(kinds)())));
    const zoom = r.int(1, 10);
    const bbox: Bbox | undefined = r.chance(0.3) ? [r.int(30, 40), r.int(25, 33), r.int(41, 50), r.int(34, 40)] : undefined;
    return { view, zoom, bbox };
  });
}

const inBox = (b: Bbox | undefined) => (f: EventFeature) => {
  const [lon, lat] = f.geometry.coordinates;
  return !b || (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]);
};

/** Cells without their mean positions (compared apart, as sums in another order round differently). */
const counted = (a: AggregateOut) => ({ ...a, cells: a.cells.map(({ lon: _x, lat: _y, ...c }) => c) });

for (const c of await storeCases()) {
  describe.skipIf(c.skip !== null)(`aggregates on ${c.kind}`, () => {
    let store: Store;
    let all: EventFeature[];
    let allLinks: LinkOut[];
    beforeAll(async () => {
      store = await c.open();
      await writeSynthetic(store.db, 2_500, { seed: 9 });
      ({ events: all, links: allLinks } = await queryView(store.db, { status: "visible" }));
    });
    afterAll(async () => {
      await store?.close();
    });

    it("counts per cell, family, day and cell pair exactly what lib/filter shows, for many views", async () => {
      let split = 0;
      for (const { view, zoom, bbox } of views(all, 60)) {
        const label = `${serializeView(view)} zoom=${zoom} bbox=${bbox}`;
        const got = await aggregateView(store.db, { ...view, bbox, status: "visible", zoom });
        const boxed = all.filter(inBox(bbox));
        // The page's playback domain is the whole store's, whatever the bounding box.
        const shown = filterView(boxed, allLinks, view, startDomain(all));
        // The timeline's histogram counts the filtered events wherever the map looks.
        const windowed = filterView(all, allLinks, { ...view, cursor: null }).events;
        const want = aggregateFeatures(shown.events, windowed, shown.links, zoom, all.length);
        expect(counted(got), label).toEqual(counted(want));
        got.cells.forEach((cell, i) => {
          expect(cell.lon, label).toBeCloseTo(want.cells[i]!.lon, 3);
          expect(cell.lat, label).toBeCloseTo(want.cells[i]!.lat, 3);
        });
        if (got.cells.length > 1 && got.counts.shown < all.length) split++;
      }
      expect(split).toBeGreaterThan(20);
    });

    it("gives each cell's events per day, so the count at a cursor is a sum over the cursor's span", async () => {
      const r = rng(8);
      const days = all.map((f) => f.properties.dateStart);
      for (const { view: v, zoom, bbox } of views(all, 25)) {
        const view = { ...v, cursor: v.cursor ?? r.pick(days) };
        const label = `${serializeView(view)} zoom=${zoom} bbox=${bbox}`;
        const { series } = await aggregateView(store.db, { ...view, cursor: null, bbox, status: "visible", zoom, series: "days" });
        const at = await aggregateView(store.db, { ...view, bbox, status: "visible", zoom });
        const [lo, hi] = cursorSpan(view, startDomain(all))!.map(dayOf);
        const summed = series!
          .map(({ cx, cy, days: ds, n }) => ({ cx, cy, n: ds.reduce((sum, d, i) => sum + (d >= lo! && d <= hi! ? n[i]! : 0), 0) }))
          .filter((c) => c.n > 0);
        expect(summed, label).toEqual(at.cells.map(({ cx, cy, n }) => ({ cx, cy, n })));
      }
    });

    it("sums the rollups inside the box and reads its edges exactly, also after a write", async () => {
      const r = rng(5);
      const check = async (events: EventFeature[], links: LinkOut[]) => {
        for (let i = 0; i < 40; i++) {
          const view = normalizeView({ ...DEFAULT_VIEW, families: r.chance(0.4) ? r.some(FAMILIES, 3, 1) : [] });
          const status = r.chance(0.5) ? "visible" : "all";
          const zoom = r.int(1, 8);
          const w = 30 + r.next() * 10;
          const s = 25 + r.next() * 8;
          const bbox: Bbox | undefined = r.chance(0.8) ? [w, s, w + 0.5 + r.next() * 12, s + 0.5 + r.next() * 8] : undefined;
          const label = `${serializeView(view)} ${status} zoom=${zoom} bbox=${bbox}`;
          const got = await aggregateView(store.db, { ...view, bbox, status, zoom });
          const pool = status === "visible" ? events.filter((e) => e.properties.status !== "rejected") : events;
          const live = status === "visible" ? links.filter((l) => l.status !== "rejected") : links;
          const shown = filterView(pool.filter(inBox(bbox)), live, view);
          const windowed = filterView(pool, live, view).events;
          expect(counted(got), label).toEqual(counted(aggregateFeatures(shown.events, windowed, shown.links, zoom, pool.length)));
        }
      };
      await check(all, allLinks);
      // A write moves the data version: the next view rebuilds the rollups before summing them.
      await store.db.execute(sql`update events set status = 'rejected' where id in (select id from events order by id limit 300)`);
      await store.db.execute(sql`update links set status = 'rejected' where id in (select id from links order by id limit 100)`);
      const after = await queryView(store.db, { status: "all" });
      await check(after.events, after.links);
    });

    it("reads a zoomed-out view from the rollups, not the events", async () => {
      const before = await aggregateView(store.db, { status: "all", zoom: 4 });
      // Only a rollup read sees a change made to the rollup behind the data version's back.
      const first = sql`(cx, cy, family, rejected) = (select cx, cy, family, rejected from rollup_cells order by 1, 2, 3, 4 limit 1)`;
      await store.db.execute(sql`update rollup_cells set n = n + 1 where ${first}`);
      const after = await aggregateView(store.db, { status: "all", zoom: 4 });
      expect(after.counts.shown).toBe(before.counts.shown + 1);
      await store.db.execute(sql`update rollup_cells set n = n - 1 where ${first}`);
    });

    it("answers in a size set by the zoom, not by the number of events", async () => {
      const world = await aggregateView(store.db, { status: "all", zoom: 2 });
      expect(world.counts.shown).toBe(all.length);
      expect(world.cells.length).toBeLessThan(40);
      expect(world.cells.reduce((s, x) => s + x.n, 0)).toBe(all.length);
      expect(world.arcs.reduce((s, x) => s + x.n, 0)).toBe(allLinks.length);
    });
  });
}
