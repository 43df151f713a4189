/**
 * Override benchmark (issue 14): import N overrides, re-apply them all (the pass every ingest and
 * seed ends with), and one article's ingest with and without them in the store — on PGlite and,
 * when reachable, PostgreSQL.
 *
 *   npx tsx bench/overrides.ts [--events 20000] [--overrides 100000]
 */
import { openStore, type Store } from "../db/client";
import { ingestArticle, loadActorIndex } from "../db/ingest";
import { applyOverrides, importOverrides } from "../db/overrides";
import { storeCases } from "../db/test-stores";
import { decodeArticle } from "../lib/pipeline/read-file";
import { fakeGeocode, SAMPLE_ARTICLE } from "../lib/pipeline/testing/fixtures";
import { isMain, numberArg } from "./args";
import { fill } from "./store-query";

export type OverridesBenchRow = { store: string; events: number; overrides: number; importMs: number; passMs: number; ingestBareMs: number; ingestWithMs: number };

/** Overrides spread over the synthetic events: dates, places, edits, rejections, several per event. */
function overridesFor(events: number, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const targetId = `bench-${(i * 7919) % events}`;
    switch (i % 4) {
      case 0:
        return { action: "fix-date", targetId, payload: { dateStart: "2021-01-01", dateEnd: `2021-01-${String(1 + (i % 28)).padStart(2, "0")}`, datePrecision: "month" } };
      case 1:
        return { action: "move-place", targetId, payload: { lat: 30 + (i % 10), lon: 40 + (i % 10), precision: 2 } };
      case 2:
        return { action: "edit-event", targetId, payload: { killed: { low: i % 5, high: (i % 5) + 2 }, claim: "claimed" } };
      default:
        return { action: i % 8 === 3 ? "reject-event" : "confirm-event", targetId, payload: {} };
    }
  });
}

async function ingestOnce(store: Store, tag: string): Promise<number> {
  const read = decodeArticle(new TextEncoder().encode(`${SAMPLE_ARTICLE}\nBenchmark copy ${tag}.\n`), `bench-${tag}.txt`);
  if (!read.ok) throw new Error(read.message);
  const t = performance.now();
  await ingestArticle(store.db, read, fakeGeocode, await loadActorIndex(store.db));
  return performance.now() - t;
}

export async function runOverridesBench(opts: { events?: number; overrides?: number } = {}): Promise<OverridesBenchRow[]> {
  const events = opts.events ?? 20_000;
  const n = opts.overrides ?? 100_000;
  const out: OverridesBenchRow[] = [];
  for (const c of await storeCases()) {
    if (c.skip) continue;
    const store = c.kind === "pglite" ? await openStore({ memory: true }) : await c.open();
    try {
      await fill(store, events);
      await ingestOnce(store, "warm");
      const ingestBareMs = await ingestOnce(store, "bare");
      let t = performance.now();
      await importOverrides(store.db, { strikeline: "overrides", version: 1, overrides: overridesFor(events, n) });
      const importMs = performance.now() - t;
      t = performance.now();
      await applyOverrides(store.db);
      const passMs = performance.now() - t;
      const ingestWithMs = await ingestOnce(store, "with");
      out.push({ store: c.kind, events, overrides: n, importMs, passMs, ingestBareMs, ingestWithMs });
    } finally {
      await store.close();
    }
  }
  return out;
}

if (isMain(import.meta.url)) {
  for (const r of await runOverridesBench({ events: numberArg("--events"), overrides: numberArg("--overrides") }))
    console.log(
      `${r.store.padEnd(9)} ${r.overrides} overrides on ${r.events} events: import ${(r.importMs / 1000).toFixed(1)} s, re-apply pass ${(r.passMs / 1000).toFixed(2)} s, ` +
        `one article's ingest ${r.ingestBareMs.toFixed(0)} ms without → ${r.ingestWithMs.toFixed(0)} ms with them (×${(r.ingestWithMs / r.ingestBareMs).toFixed(1)})`,
    );
}
