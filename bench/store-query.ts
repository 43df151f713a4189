/**
 * Store benchmark: the map's two queries (a date window, a bounding box) over N synthetic events,
 * on embedded PGlite and, when reachable, on PostgreSQL — same schema, same SQL — and their ratio.
 *
 *   npx tsx bench/store-query.ts [--n 20000] [--runs 30]
 */
import { sql } from "drizzle-orm";
import { openStore, type Store } from "../db/client";
import { listEvents } from "../db/queries";
import { actors, events } from "../db/schema";
import { storeCases } from "../db/test-stores";
import { FAMILIES } from "../lib/schema";
import { isMain, numberArg } from "./args";

export type StoreBenchRow = { store: string; n: number; windowMs: number; bboxMs: number; windowRows: number; bboxRows: number };

export async function fill(store: Store, n: number) {
  await store.db.insert(actors).values({ id: "bench", name: "Bench actor", kind: "group" }).onConflictDoNothing();
  // Deterministic pseudo-random spread over the Middle East and 2019–2024.
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, n - i) }, (_, k) => {
      const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rnd() * 2000) * 86_400_000).toISOString().slice(0, 10);
      return {
        id: `bench-${i + k}`, title: "Synthetic", dateStart: day, dateEnd: day, datePrecision: "day", family: FAMILIES[(i + k) % FAMILIES.length]!,
        attacker: "bench", target: "bench", placeName: "Somewhere", geom: { lon: 30 + rnd() * 30, lat: 12 + rnd() * 28 },
        geoPrecision: 1, placeKind: "city", claim: "unknown", note: "Synthetic event for the benchmark.", provenance: "extracted",
      };
    });
    await store.db.insert(events).values(rows);
  }
  await store.db.execute(sql`analyze events`);
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const t = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t) / runs;
}

export async function runStoreBench(opts: { n?: number; runs?: number } = {}): Promise<StoreBenchRow[]> {
  const n = opts.n ?? 20_000;
  const runs = opts.runs ?? 20;
  const out: StoreBenchRow[] = [];
  for (const c of await storeCases()) {
    if (c.skip) continue;
    const store = c.kind === "pglite" ? await openStore({ memory: true }) : await c.open();
    try {
      await fill(store, n);
      const window = { status: "visible" as const, from: "2020-01-01", to: "2020-03-31" };
      const bbox = { status: "visible" as const, bbox: [43, 32, 46, 35] as [number, number, number, number] };
      out.push({
        store: c.kind,
        n,
        windowMs: await time(runs, () => listEvents(store.db, window)),
        bboxMs: await time(runs, () => listEvents(store.db, bbox)),
        windowRows: (await listEvents(store.db, window)).length,
        bboxRows: (await listEvents(store.db, bbox)).length,
      });
    } finally {
      await store.close();
    }
  }
  return out;
}

if (isMain(import.meta.url)) {
  const rows = await runStoreBench({ n: numberArg("--n"), runs: numberArg("--runs") });
  console.table(rows.map((r) => ({ ...r, windowMs: r.windowMs.toFixed(1), bboxMs: r.bboxMs.toFixed(1) })));
}
