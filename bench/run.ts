/**
 * `npm run bench`: every benchmark, printed as figures and ratios (never asserted in tests).
 *   --skip-browser   leave out the Chromium benchmarks (scrubbing, the seed page's first view; they serve the built app)
 *   --skip-scale     leave out the scale bench (bench/scale.ts: 2M events into each store, minutes)
 */
import { runScrubBench } from "./browser-scrub";
import { printFirstView, runFirstViewBench } from "./first-view";
import { printScale, runScaleBench, SCALE_DEFAULTS } from "./scale";
import { runGeoBench } from "./geo-speed";
import { printImportBench, runImportBench } from "./import-speed";
import { runIngestBench } from "./ingest-speed";
import { runOverridesBench } from "./overrides";
import { runStoreBench } from "./store-query";

const section = (t: string) => console.log(`\n## ${t}`);

section("Geocoder (gazetteer load, memory, lookups)");
for (const [k, v] of Object.entries(await runGeoBench())) console.log(`${k.padEnd(26)} ${v}`);

section("Ingest throughput");
const ing = await runIngestBench();
console.log(`pipeline only     ${ing.pipeline.articlesPerSecond.toFixed(1)} articles/s, ${ing.pipeline.msPerArticle.toFixed(1)} ms/article (${ing.articles} articles)`);
console.log(`ingest into ${ing.ingest.store.padEnd(7)}${ing.ingest.articlesPerSecond.toFixed(1)} articles/s, ${ing.ingest.msPerArticle.toFixed(1)} ms/article`);

section("Store queries (20k synthetic events)");
const rows = await runStoreBench();
for (const r of rows)
  console.log(`${r.store.padEnd(9)} date window ${r.windowMs.toFixed(1)} ms (${r.windowRows} rows), bbox ${r.bboxMs.toFixed(1)} ms (${r.bboxRows} rows)`);
const [pgl, pg] = [rows.find((r) => r.store === "pglite"), rows.find((r) => r.store === "postgres")];
if (pgl && pg) console.log(`PGlite / PostgreSQL: window ×${(pgl.windowMs / pg.windowMs).toFixed(2)}, bbox ×${(pgl.bboxMs / pg.bboxMs).toFixed(2)}`);

section("Overrides (100k, one set-based pass)");
for (const r of await runOverridesBench())
  console.log(
    `${r.store.padEnd(9)} import ${(r.importMs / 1000).toFixed(1)} s, re-apply ${(r.passMs / 1000).toFixed(2)} s, ingest of one article ${r.ingestBareMs.toFixed(0)} → ${r.ingestWithMs.toFixed(0)} ms (×${(r.ingestWithMs / r.ingestBareMs).toFixed(1)})`,
  );

section("Import throughput (100k generated ACLED rows)");
printImportBench(await runImportBench());

if (!process.argv.includes("--skip-browser")) {
  section("Scrubbing in Chromium (frame time)");
  const s = await runScrubBench();
  console.log(`device: ${s.device}`);
  for (const r of s.results)
    console.log(`${String(r.n).padStart(7)} events  ${r.mode.padEnd(10)} median ${r.medianMs.toFixed(1)} ms  p95 ${r.p95Ms.toFixed(1)} ms  load ${r.loadMs.toFixed(0)} ms`);
  console.log(`100k / 1k: median ×${s.ratio.median.toFixed(2)}, p95 ×${s.ratio.p95.toFixed(2)}`);

  section("First view of the seed page against a bare MapLibre page (bench/first-view.ts)");
  printFirstView(await runFirstViewBench());
}

if (!process.argv.includes("--skip-scale")) {
  section("Scale: through the real server and stores (bench/scale.ts)");
  printScale(await runScaleBench(SCALE_DEFAULTS));
}
