/**
 * Ingest throughput: articles per second and milliseconds per article, for the pipeline alone
 * (pure, in memory) and for the full ingest into an in-memory store (one transaction each, merge
 * lookups, links, overrides). The corpus is the seed articles (when present) and the evaluation
 * articles, copied as often as needed with a one-line change so no copy is skipped as a duplicate.
 * Start-up (opening the store, loading the gazetteer) is not counted. Run: npx tsx bench/ingest-speed.ts
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openStore, type Store } from "../db/client";
import { ingestArticle, loadActorIndex } from "../db/ingest";
import { actors } from "../db/schema";
import { defaultSeedsDir, readCuratedFile } from "../db/seed";
import { getGeocoder } from "../geo";
import { env } from "../lib/env";
import { fromRoot } from "../lib/paths";
import { runPipeline } from "../lib/pipeline";
import { cachedGeocoder } from "../lib/pipeline/places";
import { decodeArticle } from "../lib/pipeline/read-file";

export type IngestBenchResult = {
  articles: number;
  corpusFiles: number;
  corpusKiB: number;
  pipeline: { seconds: number; articlesPerSecond: number; msPerArticle: number };
  ingest: { seconds: number; articlesPerSecond: number; msPerArticle: number; store: string };
};

function corpus(): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const seeds = defaultSeedsDir(env().seedsDir);
  if (seeds) for (const f of fs.readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()) out.push({ name: f, bytes: fs.readFileSync(path.join(seeds, f)) });
  const evalDir = fromRoot("data", "eval", "articles");
  for (const f of fs.readdirSync(evalDir).sort()) out.push({ name: f, bytes: fs.readFileSync(path.join(evalDir, f)) });
  return out;
}

const figures = (n: number, ms: number) => ({
  seconds: Math.round(ms) / 1000,
  articlesPerSecond: Math.round((n / (ms / 1000)) * 10) / 10,
  msPerArticle: Math.round((ms / n) * 10) / 10,
});

export async function runIngestBench(opts: { articles?: number; store?: Store } = {}): Promise<IngestBenchResult> {
  const files = corpus();
  const n = opts.articles ?? 60;
  const copies = Array.from({ length: n }, (_, i) => {
    const f = files[i % files.length]!;
    const name = `${i}-${f.name}`;
    return { name, read: decodeArticle(Buffer.concat([f.bytes, Buffer.from(`\n\nBench copy ${i}\n`)]), name) };
  });
  const g = await getGeocoder();
  const geocode = cachedGeocoder((m, o) => g.geocode(m, o));
  const store = opts.store ?? (await openStore({ memory: true }));
  try {
    const hasActors = (await store.db.select({ id: actors.id }).from(actors).limit(1)).length > 0;
    if (!hasActors)
      for (const a of readCuratedFile().actors)
        await store.db.insert(actors).values({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, parent: a.parent ?? null, aliases: a.aliases, color: a.color ?? null });
    const index = await loadActorIndex(store.db);

    let t = performance.now();
    for (const c of copies) if (c.read.ok) runPipeline(c.read.article, { geocode, actors: index });
    const pipelineMs = performance.now() - t;

    t = performance.now();
    for (const c of copies) if (c.read.ok) await ingestArticle(store.db, c.read, geocode, index);
    const ingestMs = performance.now() - t;

    return {
      articles: n,
      corpusFiles: files.length,
      corpusKiB: Math.round(files.reduce((s, f) => s + f.bytes.length, 0) / 1024),
      pipeline: figures(n, pipelineMs),
      ingest: { ...figures(n, ingestMs), store: store.kind },
    };
  } finally {
    if (!opts.store) await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = await runIngestBench({ articles: Number(process.argv[2] ?? 60) });
  console.log(
    `${r.articles} articles (${r.corpusFiles} distinct, ${r.corpusKiB} KiB): pipeline ${r.pipeline.articlesPerSecond} articles/s (${r.pipeline.msPerArticle} ms each); ` +
      `full ingest into ${r.ingest.store} ${r.ingest.articlesPerSecond} articles/s (${r.ingest.msPerArticle} ms each)`,
  );
}
