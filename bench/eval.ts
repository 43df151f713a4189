/**
 * `npm run eval`: extraction quality of the ingest pipeline, end to end through the store.
 *
 * Seeds: the five seed articles (../shared/seeds) are ingested into an empty in-memory store that
 * holds only the curated actors, with the publication dates the curated dataset gives (as with
 * --published), and again with dates inferred from the text; the truth is the curated events and
 * links (data/seed/curated.json) — the pipeline was tuned on these.
 * Unseen: four articles written for evaluation (data/eval/articles, truth in data/eval/truth.json),
 * written before tuning and never tuned on; ingested without a publication date (they carry
 * datelines or front matter). Dev2: eleven more articles of our own (data/eval/dev2, same truth format),
 * tuned on. News: the development news corpus (../shared/eval/news, see bench/eval-news.ts), its tune
 * and test halves scored apart by the corpus's own rule. EVAL_SETS=seeds,dev2,dev2-fresh,unseen,news
 * picks the sets (default all). Writes bench/out/eval.json.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { openStore, type Db } from "../db/client";
import { ingestArticle, loadActorIndex } from "../db/ingest";
import { articles, actors, events, eventSources, links, places } from "../db/schema";
import { defaultSeedsDir, readCuratedFile } from "../db/seed";
import { getGeocoder } from "../geo";
import { env } from "../lib/env";
import { fromRoot } from "../lib/paths";
import { cachedGeocoder, toPlace, type GeocodeFn } from "../lib/pipeline/places";
import { decodeArticle, readArticleFile } from "../lib/pipeline/read-file";
import type { Family } from "../lib/schema";
import { runPipeline } from "../lib/pipeline";
import { readNewsCorpus, type NewsHalf, type NewsTruthEvent } from "../lib/pipeline/testing/news-corpus";
import { calibration } from "./eval-news";
import { matchesNews, onNoisePoint, RADIUS_BY_PRECISION, scoreEvents, scoreLinks, scoreNewsEvents, type PredEvent, type TruthEvent, type TruthLink } from "./eval-score";

type Body = { bodyFrom?: string; bodyUntil?: string };
type SetFile = { file: string; published?: string; body: Body; text?: string };
/** News sets score by the corpus's own rule and count events on its noise points. */
type NewsScoring = { truth: NewsTruthEvent[]; noise: { lat: number; lon: number }[] };
type SetInput = { name: string; files: SetFile[]; truth: TruthEvent[]; links: TruthLink[]; news?: NewsScoring };

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Truth tolerance from the geocoded truth place: its area, or a radius by precision. */
function tolerance(precision: number, areaKm: number | undefined): number {
  const base = [0, 25, 50, 100, 300][precision] ?? 300;
  return Math.max(base, areaKm ?? 0);
}

export function seedTruth(geocode: GeocodeFn): { truth: TruthEvent[]; links: TruthLink[] } {
  const dataset = readCuratedFile();
  const truth = dataset.events.map((e): TruthEvent => {
    const r = geocode(e.place.mention, e.place.context ? { context: e.place.context } : {});
    const o = e.place.override;
    if (!r.resolved && !o) throw new Error(`Cannot place curated event ${e.id}`);
    const p = r.resolved ? toPlace(r) : null;
    return {
      id: e.id,
      dateStart: e.dateStart,
      dateEnd: e.dateEnd ?? e.dateStart,
      families: [e.family],
      place: { lat: o?.lat ?? p!.lat, lon: o?.lon ?? p!.lon, toleranceKm: o ? 25 : tolerance(p!.precision, p!.areaKm) },
    };
  });
  return { truth, links: dataset.links.map((l) => ({ from: l.from, to: l.to })) };
}

async function clearStore(db: Db) {
  await db.delete(links);
  await db.delete(eventSources);
  await db.delete(events);
  await db.delete(places);
  await db.delete(articles);
}

async function runSet(db: Db, set: SetInput, geocode: GeocodeFn) {
  await clearStore(db);
  const index = await loadActorIndex(db);
  const reports = [];
  const tellings: { confidence: number; right: boolean; file: string; what: string }[] = [];
  const t0 = performance.now();
  for (const f of set.files) {
    const read = f.text === undefined ? readArticleFile(f.file) : decodeArticle(new TextEncoder().encode(f.text), f.file);
    if (!read.ok) throw new Error(`${f.file}: ${read.message}`);
    reports.push(await ingestArticle(db, read, geocode, index, f.published ? { published: f.published } : {}));
    // Calibration is about each telling the pipeline extracts, before the store merges tellings.
    if (set.news) {
      const meta = { ...read.article.meta, ...(f.published ? { published: f.published } : {}) };
      for (const e of runPipeline({ ...read.article, meta }, { geocode, actors: index }).events) {
        if (!e.place || e.weakOnly) continue;
        const p = { id: "", dateStart: e.dateStart, dateEnd: e.dateEnd, family: e.family, lat: e.place.lat, lon: e.place.lon, uncertaintyKm: 0 };
        tellings.push({
          confidence: e.confidence,
          right: set.news.truth.some((t) => matchesNews(p, t)),
          file: path.basename(f.file),
          what: `${e.family} ${e.dateStart}..${e.dateEnd} @${e.place.name} p${e.place.precision} pc${e.place.confidence.toFixed(2)} ${e.datePrecision} ev${e.evidence.length} ${e.attacker ?? "-"}→${e.target ?? "-"}`,
        });
      }
    }
  }
  const ms = performance.now() - t0;

  const evRows = await db.select().from(events);
  const srcRows = evRows.length
    ? await db
        .select({ eventId: eventSources.eventId, start: eventSources.spanStart, end: eventSources.spanEnd, file: articles.fileName, text: articles.text })
        .from(eventSources)
        .innerJoin(articles, eq(articles.id, eventSources.articleId))
        .where(inArray(eventSources.eventId, evRows.map((e) => e.id)))
    : [];
  const bodyOf = new Map(set.files.map((f) => [path.basename(f.file), f.body]));
  const inBody = (s: (typeof srcRows)[number]) => {
    const b = bodyOf.get(s.file ?? "") ?? {};
    const text = s.text ?? "";
    const from = b.bodyFrom ? text.indexOf(b.bodyFrom) : 0;
    const until = b.bodyUntil ? text.indexOf(b.bodyUntil) : -1;
    return s.start >= Math.max(0, from) && (until < 0 || s.end <= until);
  };
  const noise = evRows.filter((e) => {
    const ss = srcRows.filter((s) => s.eventId === e.id);
    return ss.length > 0 && ss.every((s) => !inBody(s));
  });

  const pred: PredEvent[] = evRows.map((e) => ({
    id: e.id,
    dateStart: e.dateStart,
    dateEnd: e.dateEnd,
    family: e.family as Family,
    lat: e.geom.lat,
    lon: e.geom.lon,
    uncertaintyKm: e.areaKm ?? RADIUS_BY_PRECISION[e.geoPrecision as 1 | 2 | 3 | 4],
  }));
  const strict = set.news ? scoreNewsEvents(pred, set.news.truth) : scoreEvents(pred, set.truth);
  const lenient = set.news ? strict : scoreEvents(pred, set.truth, true);
  const onNoise = set.news ? evRows.filter((e) => onNoisePoint(e.geom, set.news!.noise)) : [];
  const linkRows = await db.select({ from: links.fromEvent, to: links.toEvent, method: links.method }).from(links);
  const linkScore = scoreLinks(linkRows, set.links, strict.assignment);
  return {
    name: set.name,
    articles: set.files.length,
    ingestMs: Math.round(ms),
    events: {
      recall: strict.recall,
      precision: strict.precision,
      found: strict.requiredFound,
      required: strict.required,
      predicted: strict.predicted,
      missed: strict.missed,
      extra: strict.extra.map((id) => describe(evRows.find((e) => e.id === id)!)),
      all: evRows.map((e) => `${describe(e)} ${e.attacker}→${e.target} = ${strict.assignment.get(e.id) ?? "-"} [${srcRows.filter((s) => s.eventId === e.id).map((s) => `${s.file?.slice(0, 3)}:${s.start}`).join(",")}]`),
    },
    eventsFamilyLenient: { recall: lenient.recall, precision: lenient.precision },
    links: {
      recall: linkScore.recall,
      precision: linkScore.precision,
      found: linkScore.requiredFound,
      required: linkScore.required,
      predicted: linkScore.predicted,
      byMethod: Object.fromEntries(["cue", "reversal"].map((m) => [m, linkRows.filter((l) => l.method === m).length])),
      missed: linkScore.missed,
      extra: linkScore.extra,
    },
    noiseEvents: noise.map(describe),
    onNoisePoints: onNoise.map(describe),
    tellings,
    published: reports.map((r) => ({ file: path.basename(r.file), published: r.published, inferred: r.publishedInferred, from: r.publishedFrom })),
  };
}

const describe = (e: typeof events.$inferSelect) => `${e.id} ${e.family} ${e.dateStart}..${e.dateEnd} @${e.placeName}`;

async function main() {
  const seedsDir = defaultSeedsDir(env().seedsDir);
  const geo = await getGeocoder();
  const geocode = cachedGeocoder((m, o) => geo.geocode(m, o));
  const store = await openStore({ memory: true });
  try {
    const db = store.db;
    const dataset = readCuratedFile();
    for (const a of dataset.actors)
      await db.insert(actors).values({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, parent: a.parent ?? null, aliases: a.aliases, color: a.color ?? null });

    const results = [];
    // EVAL_SETS=seeds,dev2,dev2-fresh,unseen,news (default: all) picks the sets to run.
    const wanted = new Set((process.env.EVAL_SETS ?? "seeds,dev2,dev2-fresh,unseen,news").split(",").map((x) => x.trim()));
    if (seedsDir && wanted.has("seeds")) {
      const layout = JSON.parse(fs.readFileSync(fromRoot("data", "eval", "seeds-layout.json"), "utf8")).layout as Record<string, Body>;
      const published = new Map<string, string>();
      for (const e of dataset.events) for (const s of e.sources) published.set(s.seed, s.published);
      const { truth, links: truthLinks } = seedTruth(geocode);
      const files = Object.keys(layout).map((f) => ({ file: path.join(seedsDir, f), published: published.get(f)!, body: layout[f]! }));
      results.push(await runSet(db, { name: "seeds (tuned on)", files, truth, links: truthLinks }, geocode));
      // As `strikeline ingest` runs without --published: dates inferred from the text where it allows.
      const bare = files.map(({ file, body }) => ({ file, body }));
      results.push(await runSet(db, { name: "seeds, publication dates inferred", files: bare, truth, links: truthLinks }, geocode));
    } else if (wanted.has("seeds")) console.log("Seed articles not found (../shared/seeds or STRIKELINE_SEEDS_DIR): seed evaluation skipped.");

    const truthSet = (name: string, truthFile: string, dir: string) => {
      const t = JSON.parse(fs.readFileSync(truthFile, "utf8")) as {
        articles: { file: string; bodyStart: string; bodyEnd: string }[];
        events: (Omit<TruthEvent, "families" | "place"> & { family: Family[]; place: { lat: number; lon: number; toleranceKm: number } })[];
        links: TruthLink[];
      };
      return {
        name,
        files: t.articles.map((a) => ({ file: path.join(dir, a.file), body: { bodyFrom: a.bodyStart, bodyUntil: a.bodyEnd } })),
        truth: t.events.map((e) => ({ id: e.id, dateStart: e.dateStart, dateEnd: e.dateEnd, families: e.family, place: e.place, ...(e.optional ? { optional: true } : {}) })),
        links: t.links,
      };
    };
    // Development set 2 (data/eval/dev2): written for generalisation work and tuned on.
    const dev2Dir = fromRoot("data", "eval", "dev2");
    if (wanted.has("dev2") && fs.existsSync(path.join(dev2Dir, "truth.json")))
      results.push(await runSet(db, truthSet("dev2 (tuned on)", path.join(dev2Dir, "truth.json"), dev2Dir), geocode));
    // Fresh validation articles for dev2 (data/eval/dev2/fresh), kept apart to estimate generalisation.
    const freshDir = path.join(dev2Dir, "fresh");
    if (wanted.has("dev2-fresh") && fs.existsSync(path.join(freshDir, "truth.json")))
      results.push(await runSet(db, truthSet("dev2-fresh (validation)", path.join(freshDir, "truth.json"), freshDir), geocode));
    if (wanted.has("unseen"))
      results.push(await runSet(db, truthSet("unseen (not tuned on)", fromRoot("data", "eval", "truth.json"), fromRoot("data", "eval", "articles")), geocode));

    // The development news corpus (../shared/eval/news): tune and test halves scored apart, with
    // publication dates inferred from the text (as `strikeline ingest` runs) and, for comparison, given.
    const corpus = wanted.has("news") ? readNewsCorpus() : null;
    if (wanted.has("news") && !corpus) console.log("News corpus not found (../shared/eval/news or STRIKELINE_NEWS_DIR): news evaluation skipped.");
    const newsSet = (h: NewsHalf, given: boolean): SetInput => ({
      name: `news ${h.half}${h.half === "tune" ? " (tuned on)" : " (never tuned on)"}, publication dates ${given ? "given" : "inferred"}`,
      files: h.files.map((f) => ({ file: f.file, text: f.text, body: {}, ...(given && f.published ? { published: f.published } : {}) })),
      truth: [],
      links: h.links,
      news: { truth: h.truth, noise: corpus!.noise },
    });
    if (corpus) for (const h of corpus.halves) for (const given of [false, true]) results.push(await runSet(db, newsSet(h, given), geocode));

    for (const r of results) {
      console.log(`\n== ${r.name}: ${r.articles} articles, ingested in ${r.ingestMs} ms`);
      console.log(`events   recall ${pct(r.events.recall)} (${r.events.found}/${r.events.required})  precision ${pct(r.events.precision)} (${r.events.predicted} predicted)   [family-compatible: recall ${pct(r.eventsFamilyLenient.recall)}, precision ${pct(r.eventsFamilyLenient.precision)}]`);
      console.log(`links    recall ${pct(r.links.recall)} (${r.links.found}/${r.links.required})  precision ${pct(r.links.precision)} (${r.links.predicted} predicted: ${JSON.stringify(r.links.byMethod)})`);
      console.log(`events from comments or chrome: ${r.noiseEvents.length}`);
      if (r.name.startsWith("news")) console.log(`events on noise points (places only mentioned): ${r.onNoisePoints.length}`);
      // VERBOSE=seeds shows the details of the set tuned on only; the unseen set is for scoring.
      if (process.env.VERBOSE && (process.env.VERBOSE === "all" || r.name.startsWith(process.env.VERBOSE))) {
        for (const a of r.events.all) console.log(`  event  ${a}`);
        for (const m of r.events.missed) console.log(`  missed event  ${m}`);
        for (const x of r.events.extra) console.log(`  extra event   ${x}`);
        for (const m of r.links.missed) console.log(`  missed link   ${m}`);
        for (const x of r.links.extra) console.log(`  extra link    ${x}`);
        for (const n of r.noiseEvents) console.log(`  noise event   ${n}`);
        for (const n of r.onNoisePoints) console.log(`  on noise pt   ${n}`);
        for (const p of r.published) console.log(`  published     ${p.file} ${p.published}${p.inferred ? ` (inferred: ${p.from})` : ""}`);
      }
    }
    // Calibration (dates inferred): of the tellings in each confidence bin, how many are right.
    // Calibrated on the tune half; the test half shows how it holds on text never tuned on.
    for (const half of ["tune", "test"]) {
      const r = results.find((x) => x.name.startsWith(`news ${half}`) && x.name.endsWith("inferred"));
      if (!r) continue;
      const c = calibration(r.tellings);
      console.log(`\n== confidence calibration, news ${half} half (${r.tellings.length} extracted tellings)`);
      for (const row of c.rows) console.log(`  ${row.from.toFixed(1)}–${row.to.toFixed(1)}  ${String(row.events).padStart(3)} tellings  ${row.events ? pct(row.right / row.events) : "-"} right`);
      console.log(`  ≥ 0.8: ${c.atLeast08.right}/${c.atLeast08.events} right (${c.atLeast08.events ? pct(c.atLeast08.right / c.atLeast08.events) : "-"})`);
      if (process.env.VERBOSE?.startsWith(`news ${half}`)) for (const x of r.tellings) console.log(`  telling ${x.confidence.toFixed(2)} ${x.right ? "right" : "WRONG"} ${x.file.slice(0, 28)} ${x.what}`);
    }
    fs.mkdirSync(fromRoot("bench", "out"), { recursive: true });
    fs.writeFileSync(fromRoot("bench", "out", "eval.json"), JSON.stringify(results, null, 2));
  } finally {
    await store.close();
  }
}

await main();
