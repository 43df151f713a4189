/**
 * The database pushes the cheap filters down (db/queries.ts) and lib/filter.ts applies them all;
 * the page runs lib/filter.ts alone on every event. These tests hold the two paths to the same
 * answer — events, links and counts — over the curated dataset and many generated views, on
 * PGlite and, when reachable, PostgreSQL. A store this small would answer from memory
 * (viewsInMemoryUpTo): the tests send every view to SQL, and hold the in-memory answer to it.
 */
import { rng } from "../lib/testing/rng";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { EventFeature, LinkOut } from "../lib/api";
import { eventMatcher, filterView } from "../lib/filter";
import { buildIndex, rangeOf } from "../lib/map/event-index";
import { INITIAL_PLAYBACK, visibleSpan, windowOf } from "../lib/map/playback";
import { dayOf } from "../lib/map/time";
import { CLAIM_STATUSES, FAMILIES } from "../lib/schema";
import { DEFAULT_VIEW, normalizeView, parseView, serializeView, type View } from "../lib/url-state";
import type { Store } from "./client";
import { countView, listEvents, listLinks, queryView, viewsInMemoryUpTo } from "./queries";
import { events as eventsTable } from "./schema";
import { loadCurated, readCuratedFile, type GeocodeFn } from "./seed";
import { storeCases } from "./test-stores";

const COUNTRIES = ["IQ", "SY", "IR", "LB", "IL", "PS", null] as const;

/** Spreads the mentions over a few countries and places, deterministically; where exactly does not matter here. */
const geocode: GeocodeFn = (mention) => {
  let h = 0;
  for (const ch of mention) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return {
    resolved: true, mention, name: mention, lat: 25 + (h % 1500) / 100, lon: 35 + ((h >>> 8) % 2000) / 100, precision: 1, kind: "city",
    country: COUNTRIES[h % COUNTRIES.length]!, confidence: 0.9, alternatives: [], source: "test",
  } as unknown as ReturnType<GeocodeFn>;
};


/** Views built from the values the data holds, so most filters select something. */
function viewsFor(all: readonly EventFeature[], n: number): View[] {
  const r = rng(2024);
  const props = all.map((f) => f.properties);
  const days = props.flatMap((p) => [p.dateStart, p.dateEnd]);
  const actors = [...new Set(props.flatMap((p) => [p.attacker, p.target]).filter((a): a is string => a !== null))];
  const countries = [...new Set(props.map((p) => p.country).filter((c): c is string => c !== null))];
  const outlets = [...new Set(props.flatMap((p) => p.outlets))];
  const chains = [...new Set(props.map((p) => p.chainId).filter((c): c is string => c !== null))];
  const words = props.flatMap((p) => p.title.split(/\s+/)).filter((w) => /^[\p{L}'’-]{4,}$/u.test(w));
  const kinds: (() => Partial<View>)[] = [
    () => {
      const [d1, d2] = [r.next() < 0.7 ? r.pick(days) : null, r.next() < 0.7 ? r.pick(days) : null];
      return d1 && d2 && d1 > d2 ? { from: d2, to: d1 } : { from: d1, to: d2 };
    },
    () => ({ families: r.some(FAMILIES, 3, 1) }),
    () => ({ attackers: r.some(actors, 2, 1) }),
    () => ({ targets: r.some(actors, 2, 1) }),
    () => ({ countries: r.some(countries, 2, 1) }),
    () => ({ chain: r.next() < 0.5 ? "linked" : r.pick(chains) }),
    () => ({ minKilled: r.pick([1, 2, 3, 5, 10, 50, 500]) }),
    () => ({ claims: r.some(CLAIM_STATUSES, 2, 1) }),
    () => ({ outlets: r.some(outlets, 2, 1) }),
    () => ({ q: r.pick(words).toUpperCase() }),
  ];
  const out: View[] = [];
  // One to three filters at a time: with all of them together almost every view would be empty.
  for (let i = 0; i < n; i++) out.push(normalizeView(Object.assign({ ...DEFAULT_VIEW }, ...Array.from({ length: r.int(1, 3) }, () => r.pick(kinds)()))));
  return out;
}

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

/** What the page lists for a view, computed as app/components/StrikelineApp.tsx does: index, playback span, range. */
function pageShows(all: readonly EventFeature[], view: View): string[] {
  const index = buildIndex(all, eventMatcher({ ...view, from: null, to: null }));
  const ctx = { domain: index.domain, eventDays: index.day };
  const cursor = view.cursor === null ? null : dayOf(view.cursor);
  const span = visibleSpan({ ...INITIAL_PLAYBACK, window: windowOf(view.from, view.to, ctx.domain), cursor, mode: view.mode, slideDays: view.slideDays }, ctx);
  const [lo, hi] = rangeOf(index, span[0], span[1]);
  return ids(index.events.slice(lo, hi));
}

/** The same views with a playback cursor (inside, before and after the data), in both modes. */
function withCursor(all: readonly EventFeature[], views: readonly View[]): View[] {
  const r = rng(7);
  const days = all.map((f) => f.properties.dateStart);
  return views.map((v) =>
    normalizeView({
      ...v,
      cursor: r.chance(0.9) ? r.pick(days) : r.pick(["2000-01-01", "2099-12-31"]),
      mode: r.chance(0.5) ? "window" : "cumulative",
      slideDays: r.pick([1, 7, 30, 365]),
    }),
  );
}

for (const c of await storeCases()) {
  describe.skipIf(c.skip !== null)(`view queries on ${c.kind}`, () => {
    let store: Store;
    let all: EventFeature[];
    let allLinks: LinkOut[];
    beforeAll(async () => {
      store = await c.open();
      viewsInMemoryUpTo(store.db, 0);
      await loadCurated(store.db, { dataset: readCuratedFile(), geocode, seedsDir: null });
      // The seed's casualty figures are single numbers; ranges tell "highest figure" apart from "lowest".
      await store.db.update(eventsTable).set({ killedLow: 0 }).where(sql`${eventsTable.killedHigh} >= 2`);
      await store.db.update(eventsTable).set({ killedLow: 5, killedHigh: 60 }).where(sql`${eventsTable.killedHigh} is null and ${eventsTable.family} = 'airstrike'`);
      ({ events: all, links: allLinks } = await queryView(store.db, { status: "visible" }));
    });
    afterAll(async () => {
      await store?.close();
    });

    it("serves the whole dataset when nothing is filtered", async () => {
      const r = await queryView(store.db, { ...DEFAULT_VIEW, status: "visible" });
      expect(r.counts).toEqual({ shown: all.length, total: all.length });
      expect(all.length).toBeGreaterThanOrEqual(20);
      expect(allLinks.length).toBeGreaterThan(0);
    });

    it("gives the same events, links and counts as the pure filter over every event, for many views", async () => {
      let nonEmpty = 0;
      for (const view of viewsFor(all, 250)) {
        const db = await queryView(store.db, { ...view, status: "visible" });
        const pure = filterView(all, allLinks, view);
        const label = serializeView(view);
        expect(ids(db.events), label).toEqual(ids(pure.events));
        expect(ids(db.links), label).toEqual(ids(pure.links));
        expect(db.counts, label).toEqual(pure.counts);
        if (pure.counts.shown > 0 && pure.counts.shown < all.length) nonEmpty++;
      }
      // The generated views must actually exercise the filters, not all select nothing.
      expect(nonEmpty).toBeGreaterThan(100);
    });

    it("returns what the page lists for views with a playback cursor (t, mode, win)", async () => {
      let narrowed = 0;
      for (const view of withCursor(all, viewsFor(all, 150))) {
        const label = serializeView(view);
        if (view.from !== null && all.some((f) => f.properties.dateStart < view.from! && f.properties.dateEnd >= view.from!)) continue;
        const db = await queryView(store.db, { ...view, status: "visible" });
        expect(ids(db.events), label).toEqual(pageShows(all, view));
        expect(ids(db.links), label).toEqual(ids(filterView(all, allLinks, view).links));
        expect(db.counts.shown, label).toBe(db.events.length);
        if (db.events.length < filterView(all, allLinks, { ...view, cursor: null }).events.length) narrowed++;
      }
      expect(narrowed).toBeGreaterThan(30);
    });

    it("counts a view without listing it exactly as listing it does (link previews, every page load)", async () => {
      for (const view of withCursor(all, viewsFor(all, 60)).concat(viewsFor(all, 60))) {
        const q = { ...view, status: "visible" as const };
        expect(await countView(store.db, q), serializeView(view)).toEqual((await queryView(store.db, q)).counts);
      }
    });

    it("a shared link with t= lists on the page exactly what /api/events returns", async () => {
      const { view } = parseView(new URLSearchParams("t=2020-01-03"));
      const db = await queryView(store.db, { ...view, status: "visible" });
      expect(ids(db.events)).toEqual(pageShows(all, view));
      expect(db.events.length).toBeGreaterThan(0);
      expect(db.events.length).toBeLessThan(all.length);
      expect(db.events.every((e) => e.properties.dateStart <= "2020-01-03")).toBe(true);
    });

    it("agrees on hand-picked views too, parsed from URLs as the API receives them", async () => {
      for (const qs of ["f=rocket", "chain=linked", "minK=1", "q=soleimani", "q=KATAIB", "src=Reason", "from=2020-01-01&to=2020-01-31", "claim=claimed&f=airstrike"]) {
        const { view } = parseView(new URLSearchParams(qs));
        const db = await queryView(store.db, { ...view, status: "visible" });
        expect(ids(db.events), qs).toEqual(ids(filterView(all, allLinks, view).events));
        expect(db.counts.shown, qs).toBeGreaterThan(0);
      }
    });

    it("listEvents and listLinks apply the same filters", async () => {
      const { view } = parseView(new URLSearchParams("chain=linked&q=strike"));
      const pure = filterView(all, allLinks, view);
      expect(ids(await listEvents(store.db, { ...view, status: "visible" }))).toEqual(ids(pure.events));
      expect(ids(await listLinks(store.db, { ...view, status: "visible" }))).toEqual(ids(pure.links));
    });

    it("a small store's in-memory answer is the SQL answer, for every kind of view and both statuses", async () => {
      const views = withCursor(all, viewsFor(all, 120)).concat(viewsFor(all, 120), [DEFAULT_VIEW]);
      const victim = all[1]!.id;
      await store.db.update(eventsTable).set({ status: "rejected" }).where(sql`${eventsTable.id} = ${victim}`);
      const answers = async () => {
        const out = [];
        for (const view of views)
          for (const status of ["visible", "all"] as const) {
            const r = await queryView(store.db, { ...view, status });
            out.push([serializeView(view), status, ids(r.events), ids(r.links), r.counts, await countView(store.db, { ...view, status })]);
          }
        return out;
      };
      try {
        const bySql = await answers();
        viewsInMemoryUpTo(store.db, 10_000);
        expect(await answers()).toEqual(bySql);
        // A bounding box is always PostGIS's: the same answer either way too.
        const box = { ...DEFAULT_VIEW, status: "visible" as const, bbox: [30, 20, 45, 35] as [number, number, number, number] };
        const inMemory = ids((await queryView(store.db, box)).events);
        viewsInMemoryUpTo(store.db, 0);
        expect(inMemory).toEqual(ids((await queryView(store.db, box)).events));
      } finally {
        viewsInMemoryUpTo(store.db, 0);
        await store.db.update(eventsTable).set({ status: "reviewed" }).where(sql`${eventsTable.id} = ${victim}`);
      }
    });

    it("counts rejected events in the total only with status=all", async () => {
      const victim = all[0]!.id;
      await store.db.update(eventsTable).set({ status: "rejected" }).where(sql`${eventsTable.id} = ${victim}`);
      try {
        const visible = await queryView(store.db, { status: "visible" });
        const everything = await queryView(store.db, { status: "all" });
        expect(visible.counts).toEqual({ shown: all.length - 1, total: all.length - 1 });
        expect(everything.counts).toEqual({ shown: all.length, total: all.length });
        expect(ids(visible.events)).not.toContain(victim);
      } finally {
        await store.db.update(eventsTable).set({ status: "reviewed" }).where(sql`${eventsTable.id} = ${victim}`);
      }
    });
  });
}
