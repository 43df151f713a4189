/**
 * Golden test over the seed articles: the pipeline's output for each (offsets and extracted facts,
 * never article text) must equal lib/pipeline/__golden__/seeds.json. After an intended change,
 * regenerate on purpose with `REGEN=1 npx vitest run lib/pipeline/seeds.golden.test.ts` and review
 * the diff. The seeds live outside the repository (../shared/seeds); without them the test skips.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getGeocoder } from "../../geo";
import { runPipeline } from "./index";
import { cachedGeocoder, type GeocodeFn } from "./places";
import { readArticleFile } from "./read-file";
import { curatedActors, repoRoot, seedsDir } from "./testing/fixtures";
import { goldenSummary } from "./testing/golden";
import type { PipelineResult } from "./types";

const goldenFile = path.join(repoRoot, "lib", "pipeline", "__golden__", "seeds.json");
const haveSeeds = fs.existsSync(seedsDir);
if (!haveSeeds) console.warn(`[seed golden test skipped] no seed articles at ${seedsDir}`);

describe.skipIf(!haveSeeds)("pipeline on the seed articles", () => {
  const curated = JSON.parse(fs.readFileSync(path.join(repoRoot, "data", "seed", "curated.json"), "utf8"));
  const published = new Map<string, string>();
  for (const e of curated.events) for (const s of e.sources) published.set(s.seed, s.published);
  const layout = JSON.parse(fs.readFileSync(path.join(repoRoot, "data", "eval", "seeds-layout.json"), "utf8")).layout as Record<string, { bodyFrom?: string; bodyUntil?: string }>;
  const results = new Map<string, { text: string; out: PipelineResult }>();
  let geocode: GeocodeFn;

  beforeAll(async () => {
    const g = await getGeocoder();
    geocode = cachedGeocoder((m, o) => g.geocode(m, o));
    const actors = curatedActors();
    for (const file of Object.keys(layout)) {
      const read = readArticleFile(path.join(seedsDir, file));
      if (!read.ok) throw new Error(`${file}: ${read.message}`);
      const meta = { ...read.article.meta, published: published.get(file)! };
      results.set(file, { text: read.article.text, out: runPipeline({ ...read.article, meta }, { geocode, actors }) });
    }
  });

  it("takes no event evidence from page chrome or reader comments", () => {
    for (const [file, { text, out }] of results) {
      const { bodyFrom, bodyUntil } = layout[file]!;
      const from = bodyFrom ? text.indexOf(bodyFrom) : 0;
      const until = bodyUntil ? text.indexOf(bodyUntil) : text.length;
      for (const e of out.events) for (const ev of e.evidence) expect(ev.span.start >= from && ev.span.end <= until, `${file} ${ev.span.start}`).toBe(true);
    }
  });

  it("matches the golden output", () => {
    const actual = Object.fromEntries([...results].map(([file, { out }]) => [file, goldenSummary(out)]));
    if (process.env.REGEN) fs.writeFileSync(goldenFile, `${JSON.stringify(actual, null, 1)}\n`);
    expect(actual).toEqual(JSON.parse(fs.readFileSync(goldenFile, "utf8")));
  });
});
