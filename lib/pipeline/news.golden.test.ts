/**
 * Golden files for the development news corpus (../shared/eval/news): one file per article in
 * lib/pipeline/__golden__/news/, holding the pipeline's output as facts and spans (never article
 * text), with publication dates inferred as `strikeline ingest` does. After an intended change,
 * regenerate on purpose with `REGEN=1 npx vitest run lib/pipeline/news.golden.test.ts` and review
 * the diff. Without the corpus the test skips.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getGeocoder } from "../../geo";
import { runPipeline } from "./index";
import { cachedGeocoder, type GeocodeFn } from "./places";
import { decodeArticle } from "./read-file";
import { curatedActors, repoRoot } from "./testing/fixtures";
import { goldenSummary } from "./testing/golden";
import { readNewsCorpus } from "./testing/news-corpus";

const goldenDir = path.join(repoRoot, "lib", "pipeline", "__golden__", "news");
const corpus = readNewsCorpus();
if (!corpus) console.warn("[news golden test skipped] no news corpus at ../shared/eval/news (STRIKELINE_NEWS_DIR)");
const files = corpus ? corpus.halves.flatMap((h) => h.files) : [];

describe.skipIf(!corpus)("pipeline on the development news corpus", () => {
  let geocode: GeocodeFn;
  const actors = curatedActors();
  beforeAll(async () => {
    const g = await getGeocoder();
    geocode = cachedGeocoder((m, o) => g.geocode(m, o));
  });

  it.each(files.map((f) => [path.basename(f.file), f] as const))("matches the golden output for %s", (name, f) => {
    const read = decodeArticle(new TextEncoder().encode(f.text), f.file);
    if (!read.ok) throw new Error(`${name}: ${read.message}`);
    const actual = goldenSummary(runPipeline(read.article, { geocode, actors }));
    const file = path.join(goldenDir, name.replace(/\.txt$/, ".json"));
    if (process.env.REGEN) {
      fs.mkdirSync(goldenDir, { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
  });
});
