/**
 * The chain table (db/chains.ts) against a reference: the connected components of the live links,
 * each named after its earliest event (then smallest id), worked out here over strings, on both
 * stores, before and after writes that merge chains, reject a link and add a tie on the first day.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "./client";
import { refreshChains } from "./chains";
import { queryView } from "./queries";
import { writeSynthetic } from "./synth";
import { storeCases } from "./test-stores";

/** Chain of every linked event by a plain union of strings, named by (date, id). */
function reference(evs: { id: string; dateStart: string }[], live: { from: string; to: string }[]): Map<string, string> {
  const start = new Map(evs.map((e) => [e.id, e.dateStart]));
  const parent = new Map<string, string>();
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const l of live) for (const id of [l.from, l.to]) if (!parent.has(id)) parent.set(id, id);
  for (const l of live) parent.set(find(l.from), find(l.to));
  const key = (x: string) => `${start.get(x)}|${x}`;
  const best = new Map<string, string>();
  for (const id of parent.keys()) {
    const r = find(id);
    if (!best.has(r) || key(id) < key(best.get(r)!)) best.set(r, id);
  }
  return new Map([...parent.keys()].map((id) => [id, best.get(find(id))!]));
}

for (const c of await storeCases()) {
  describe.skipIf(c.skip !== null)(`chains on ${c.kind}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await c.open();
      await writeSynthetic(store.db, 4_000, { seed: 9, batchSize: 1_500 });
    });
    afterAll(async () => {
      await store?.close();
    });

    async function expectReference() {
      const view = await queryView(store.db, { status: "all" });
      const live = view.links.filter((l) => l.status !== "rejected");
      const want = reference(
        view.events.map((e) => ({ id: e.id as string, dateStart: e.properties.dateStart })),
        live,
      );
      const got = new Map(view.events.filter((e) => e.properties.chainId !== null).map((e) => [e.id as string, e.properties.chainId!]));
      expect(got.size).toBe(want.size);
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
      for (const l of live) expect(l.chainId).toBe(want.get(l.from));
      return { view, want };
    }

    it("names every linked event's chain after its earliest event, as the reference does", async () => {
      const { want } = await expectReference();
      expect(new Set(want.values()).size).toBeGreaterThan(100);
      // Rebuilt once per data version: a second refresh finds the stamp current.
      expect(await refreshChains(store.db)).toBe(false);
    });

    it("follows writes: chains merged by a new link, split by a rejected one, renamed by an earlier tie", async () => {
      const { view, want } = await expectReference();
      const chains = [...new Set(want.values())];
      const [a, b] = [chains[10]!, chains[200]!];
      const memberOf = (chain: string) => [...want].find(([id, ch]) => ch === chain && id !== chain)![0];
      await store.db.execute(sql`insert into links (id, from_event, to_event, kind, method, confidence) values
        (${`${memberOf(a)}--${memberOf(b)}`}, ${memberOf(a)}, ${memberOf(b)}, 'retaliation', 'cue', 0.5)`);
      const merged = (await expectReference()).want;
      expect(merged.get(b)).toBe(merged.get(a));
      const link = view.links.find((l) => l.status !== "rejected")!;
      await store.db.execute(sql`update links set status = 'rejected' where id = ${link.id}`);
      await expectReference();
      // An event on the first day of a chain, with a smaller id than its first event, linked to it: the chain takes its name.
      const first = view.events.find((e) => e.id === chains[5])!;
      await store.db.execute(sql`insert into events (id, title, date_start, date_end, date_precision, family, place_name, geom, geo_precision, place_kind, claim, note, provenance)
        values ('0-early', 'Early', ${first.properties.dateStart}, ${first.properties.dateStart}, 'day', 'rocket', 'Somewhere', ST_SetSRID(ST_MakePoint(44, 33), 4326), 1, 'city', 'unknown', '', 'curated')`);
      await store.db.execute(sql`insert into links (id, from_event, to_event, kind, method, confidence) values (${`${chains[5]}--0-early`}, ${chains[5]}, '0-early', 'retaliation', 'cue', 0.5)`);
      const renamed = (await expectReference()).want;
      expect(renamed.get(chains[5]!)).toBe("0-early");
    });
  });
}
