/**
 * The development news corpus (../shared/eval/news, or STRIKELINE_NEWS_DIR): real, freely licensed
 * reports with truth, split into a `tune` half (rules may be tuned on it) and a `test` half (scored,
 * never tuned on). It is read at run time, never copied into the repository; `npm run eval` scores
 * it and the golden test pins the pipeline's output on each of its articles.
 */
import fs from "node:fs";
import path from "node:path";
import { fromRoot } from "../../paths";

export type Half = "tune" | "test";
export type NewsFile = { file: string; text: string; published: string | null };
/** A truth event: its date (or month), alternative dates, point and tolerance. */
export type NewsTruthEvent = { id: string; date: string; dateAlt: string[]; lat: number; lon: number; tolKm: number };
export type NewsHalf = { half: Half; files: NewsFile[]; truth: NewsTruthEvent[]; links: { from: string; to: string }[] };
export type NewsCorpus = { dir: string; halves: NewsHalf[]; noise: { lat: number; lon: number; label: string }[] };

type RawTruth = {
  published: Record<string, string | null>;
  events: { id: string; date: string; date_alt: string[]; lat: number; lon: number; tol_km: number; files: string[] }[];
  links: [string, string][];
  noise_points: [number, number, string][];
  split: Record<string, Half>;
};

export const defaultNewsDir = () => process.env.STRIKELINE_NEWS_DIR ?? path.resolve(fromRoot(), "..", "shared", "eval", "news");

/**
 * The corpus files open with `SOURCE: <url> DATE: <date>` and `LICENSE: …` lines: they describe the
 * copy, they are not what the report says, and the DATE would hand the pipeline the publication date
 * it has to find by itself. They are cut off before the pipeline sees the text.
 */
export function stripCorpusHeader(raw: string): string {
  const lines = raw.split("\n");
  let i = 0;
  while (i < lines.length && /^(SOURCE|LICENSE):/.test(lines[i]!)) i++;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  return lines.slice(i).join("\n");
}

export function readNewsCorpus(dir = defaultNewsDir()): NewsCorpus | null {
  const truthFile = path.join(dir, "truth.json");
  if (!fs.existsSync(truthFile)) return null;
  const t = JSON.parse(fs.readFileSync(truthFile, "utf8")) as RawTruth;
  const halves = (["tune", "test"] as const).map((half): NewsHalf => {
    const names = Object.keys(t.split).filter((f) => t.split[f] === half).sort();
    const inHalf = t.events.filter((e) => e.files.some((f) => t.split[f] === half));
    const ids = new Set(inHalf.map((e) => e.id));
    return {
      half,
      files: names.map((f) => ({
        file: path.join(dir, "articles", f),
        text: stripCorpusHeader(fs.readFileSync(path.join(dir, "articles", f), "utf8")),
        published: t.published[f] ?? null,
      })),
      truth: inHalf.map((e) => ({ id: e.id, date: e.date, dateAlt: e.date_alt, lat: e.lat, lon: e.lon, tolKm: e.tol_km })),
      links: t.links.filter(([a, b]) => ids.has(a) && ids.has(b)).map(([from, to]) => ({ from, to })),
    };
  });
  return { dir, halves, noise: t.noise_points.map(([lat, lon, label]) => ({ lat, lon, label })) };
}

