/**
 * Import benchmark: N generated ACLED rows (default 100k, ACLED's column set, actors that answer
 * each other so reversal links are found) through the whole import — parse and reshape, one
 * transaction of upserts, reversal inference — on PGlite and, when reachable, PostgreSQL; then the
 * same file again (every row an update). Prints rows/s per phase and the PGlite/PostgreSQL ratio.
 *
 * With --infer-only it parses the rows and times reversal inference alone, in memory, with no store
 * (the figure for a million events, whose full import takes too long to run beside other work).
 *
 *   npx tsx bench/import-speed.ts [--n 100000] [--infer-only]
 */
import { pathToFileURL } from "node:url";
import { openStore } from "../db/client";
import { importEvents } from "../db/import";
import { loadActorIndex } from "../db/ingest";
import { storeCases } from "../db/test-stores";
import { ACLED_COLUMNS, ACLED_SUB_EVENTS } from "../lib/interchange/acled";
import { csvCell } from "../lib/interchange/csv";
import { parseImport } from "../lib/interchange/index";
import { inferReversals } from "../lib/interchange/links";

const SIDES: [string, string][] = [
  ["Military Forces of Israel (2022-)", "State forces"],
  ["Hezbollah", "Political militia"],
  ["Hamas", "Political militia"],
  ["Military Forces of the United States (2021-)", "External/Other forces"],
  ["Islamic Resistance in Iraq", "Political militia"],
  ["Kataib Hezbollah", "Political militia"],
  ["Ansar Allah", "Political militia"],
  ["Military Forces of the United Kingdom (2024-)", "External/Other forces"],
  ["Islamic State (Iraq)", "Rebel group"],
  ["Military Forces of Iraq (2022-)", "State forces"],
  ["Unidentified Armed Group (Syria)", "Political militia"],
  ["Military Forces of Turkey (2016-)", "State forces"],
];
const SUBS = Object.entries(ACLED_SUB_EVENTS).filter(([, v]) => v !== null);

/** A deterministic ACLED export of n rows over 2018–2023 in the Middle East. */
export function acledRows(n: number): string {
  let s = 7;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lines = [ACLED_COLUMNS.join(",")];
  for (let i = 0; i < n; i++) {
    const date = new Date(Date.UTC(2018, 0, 1) + Math.floor(rnd() * 2190) * 86_400_000).toISOString().slice(0, 10);
    const a = SIDES[Math.floor(rnd() * SIDES.length)]!;
    const b = SIDES[Math.floor(rnd() * SIDES.length)]!;
    const [sub, m] = SUBS[Math.floor(rnd() * SUBS.length)]!;
    const row: Record<string, string | number> = {
      event_id_cnty: `BEN${i}`, event_date: date, year: Number(date.slice(0, 4)), time_precision: 1 + Math.floor(rnd() * 1.2), disorder_type: "Political violence",
      event_type: m!.eventType, sub_event_type: sub, actor1: a[0], inter1: a[1], actor2: b[0], inter2: b[1], iso: 368, country: "Iraq",
      location: `Place ${i % 5000}`, latitude: +(30 + rnd() * 8).toFixed(4), longitude: +(36 + rnd() * 12).toFixed(4), geo_precision: 1 + Math.floor(rnd() * 3),
      source: "Wire service", notes: `Generated row ${i}: a strike with drones and rockets, for the benchmark.`, fatalities: Math.floor(rnd() * 5), tags: "", timestamp: 1_700_000_000,
    };
    lines.push(ACLED_COLUMNS.map((c) => csvCell(row[c] ?? null)).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

export type ImportBenchRow = {
  store: string;
  n: number;
  parseRowsPerS: number;
  /** Inferring reversal links alone, in memory. */
  inferMs: number;
  writeRowsPerS: number;
  /** Inferring and storing them inside the import. */
  linksMs: number;
  firstRowsPerS: number;
  againRowsPerS: number;
  links: number;
};

export async function runImportBench(opts: { n?: number } = {}): Promise<ImportBenchRow[]> {
  const n = opts.n ?? 100_000;
  const text = acledRows(n);
  const out: ImportBenchRow[] = [];
  for (const c of await storeCases()) {
    if (c.skip) continue;
    const store = c.kind === "pglite" ? await openStore({ memory: true }) : await c.open();
    try {
      const index = await loadActorIndex(store.db);
      const t0 = performance.now();
      const parsed = parseImport(text, "acled", index);
      const parseMs = performance.now() - t0;
      const t1 = performance.now();
      inferReversals(parsed.events, new Set(parsed.events.map((e) => e.id)), [], index);
      const inferMs = performance.now() - t1;
      const first = await importEvents(store.db, parsed, index);
      const again = await importEvents(store.db, parseImport(text, "acled", await loadActorIndex(store.db)), index);
      out.push({
        store: c.kind,
        n,
        parseRowsPerS: n / (parseMs / 1000),
        inferMs,
        writeRowsPerS: n / (first.writeMs / 1000),
        linksMs: first.linksMs,
        firstRowsPerS: n / ((parseMs + first.ms) / 1000),
        againRowsPerS: n / ((parseMs + again.ms) / 1000),
        links: first.linksInferred,
      });
    } finally {
      await store.close();
    }
  }
  return out;
}

export function printImportBench(rows: ImportBenchRow[]) {
  for (const r of rows)
    console.log(
      `${r.store.padEnd(9)} ${r.n.toLocaleString("en")} ACLED rows: parse ${Math.round(r.parseRowsPerS).toLocaleString("en")} rows/s, ` +
        `write ${Math.round(r.writeRowsPerS).toLocaleString("en")} rows/s, reversal links ${(r.linksMs / 1000).toFixed(1)} s (inference alone ${(r.inferMs / 1000).toFixed(1)} s, ${r.links.toLocaleString("en")} links); ` +
        `whole import ${Math.round(r.firstRowsPerS).toLocaleString("en")} rows/s, re-import (updates) ${Math.round(r.againRowsPerS).toLocaleString("en")} rows/s`,
    );
  const [pgl, pg] = [rows.find((r) => r.store === "pglite"), rows.find((r) => r.store === "postgres")];
  if (pgl && pg) console.log(`PGlite / PostgreSQL import throughput: ×${(pgl.firstRowsPerS / pg.firstRowsPerS).toFixed(2)}`);
}

/** Reversal inference alone over n parsed rows: its time, the links found and the heap it took. */
export async function runInferBench(n: number): Promise<{ n: number; parseMs: number; inferMs: number; links: number; heapMb: number }> {
  const store = await openStore({ memory: true });
  try {
    const index = await loadActorIndex(store.db);
    const t0 = performance.now();
    const parsed = parseImport(acledRows(n), "acled", index);
    const parseMs = performance.now() - t0;
    const heap0 = process.memoryUsage().heapUsed;
    const t1 = performance.now();
    const links = inferReversals(parsed.events, new Set(parsed.events.map((e) => e.id)), [], index);
    const inferMs = performance.now() - t1;
    return { n, parseMs, inferMs, links: links.length, heapMb: Math.round((process.memoryUsage().heapUsed - heap0) / 2 ** 20) };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf("--n");
  const n = i > 0 ? Number(process.argv[i + 1]) : undefined;
  if (process.argv.includes("--infer-only")) {
    const r = await runInferBench(n ?? 100_000);
    console.log(
      `${r.n.toLocaleString("en")} ACLED rows: parse ${(r.parseMs / 1000).toFixed(1)} s; reversal inference alone ${(r.inferMs / 1000).toFixed(1)} s, ` +
        `${r.links.toLocaleString("en")} links, heap +${r.heapMb} MB`,
    );
  } else printImportBench(await runImportBench({ n }));
}
