/**
 * Toponym resolution on GeoWebNews (Gritta et al. 2019): every gold toponym that has coordinates
 * is geocoded with its article's title and text as context, and the distance to the gold point
 * scored. Unresolved toponyms count as wrong, at the maximum error of 20,039 km (half the
 * Earth's circumference), as the GeoWebNews paper does.
 *
 *   npx tsx bench/geo-gwn.ts [path/to/GWN.xml]     (default ../shared/eval/GWN.xml)
 *
 * The data set is read in place and never copied into the repository.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as turf from "@turf/turf";
import { loadGazetteer, type Gazetteer } from "../geo/gazetteer";
import { getGeocoder } from "../geo/index";
import { cleanMention, parseQualifier } from "../geo/qualifiers";
import { candidatesFor } from "../geo/score";
import { GEONAMES_FILE } from "../geo/sources/geonames";

/** Mordecai3's published figure on GeoWebNews (Halterman 2023): share of toponyms within 161 km. */
const MORDECAI3_ACC161 = 0.941;
const ACC_KM = 161;
const MAX_ERROR_KM = 20_039;

interface GoldToponym {
  mention: string;
  type: string;
  lat: number;
  lon: number;
  /** The gold GeoNames id, when GeoWebNews gives one. */
  geonamesId?: number;
}

interface Article {
  text: string;
  toponyms: GoldToponym[];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

function tag(block: string, name: string): string | undefined {
  const m = block.match(new RegExp(`<${name}>([\\s\\S]*?)</${name}>`));
  return m?.[1] === undefined ? undefined : decode(m[1]);
}

export function parseGwn(xml: string): Article[] {
  const articles: Article[] = [];
  for (const a of xml.matchAll(/<article\b[^>]*>([\s\S]*?)<\/article>/g)) {
    const block = a[1] ?? "";
    const text = [tag(block, "title"), tag(block, "text")].filter(Boolean).join("\n");
    const toponyms: GoldToponym[] = [];
    for (const t of block.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const tb = t[1] ?? "";
      const lat = Number(tag(tb, "latitude"));
      const lon = Number(tag(tb, "longitude"));
      const mention = tag(tb, "extractedName");
      if (!mention || !tag(tb, "latitude") || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      const gn = Number(tag(tb, "geonamesID"));
      toponyms.push({ mention, type: tag(tb, "type") ?? "", lat, lon, ...(gn > 0 ? { geonamesId: gn } : {}) });
    }
    articles.push({ text, toponyms });
  }
  return articles;
}

/**
 * A rough class of a toponym by its shape alone, for reading where errors come from without
 * looking at single items: adjectival forms ("Syrian", "European"), facilities, streets and
 * organisations ("Royal Street", "Bank of Japan"), abbreviations ("Calif.", "NSW"), and plain names.
 */
export type MentionShape = "adjectival" | "facility" | "abbreviation" | "name";

const FACILITY_WORDS =
  /\b(?:street|st|avenue|ave|road|rd|drive|lane|boulevard|square|place|parade|way|highway|bridge|university|college|school|academy|institute|hospital|clinic|centre|center|court|courthouse|church|cathedral|chapel|basilica|temple|mosque|stadium|arena|park|hotel|inn|restaurant|theatre|theater|hall|castle|palace|tower|museum|library|prison|jail|market|mall|farm|station|airport|embassy|ministry|office|council|bank|commission|parliament|senate|congress|house|club|company|cup|show|trust|estate)\b/i;

export function mentionShape(m: string): MentionShape {
  if (/^[A-Z][A-Za-z]{0,4}\.$|^(?:[A-Z]\.){2,}$|^[A-Z&]{2,5}$/.test(m.trim())) return "abbreviation";
  if (FACILITY_WORDS.test(m) || /^\d/.test(m)) return "facility";
  if (/^[\p{Lu}][\p{L}]+(?:an|ian|ean|ish|ese|i|ic)$/u.test(m.trim()) || /\b(?:American|African|European|Asian|Arab)$/.test(m)) return "adjectival";
  return "name";
}

/**
 * What kind of place the gold answer is: a water body or coast and a building or street by the
 * mention's words, a city or town when the gold GeoNames id is a populated place, and otherwise a
 * region (countries, provinces, districts, continents). Coarse on purpose: it says which kind of
 * data a change helped, never which item.
 */
export type GoldCategory = "region" | "city" | "water" | "building";

const WATER_WORDS = /\b(?:sea|seas|gulf|ocean|river|lake|strait|straits|bay|channel|coast|coastline|creek|canal|harbou?r|sound|waters|shore)\b/i;

export function goldCategory(t: GoldToponym, populated: ReadonlySet<number>): GoldCategory {
  if (WATER_WORDS.test(t.mention)) return "water";
  if (mentionShape(t.mention) === "facility") return "building";
  if (t.geonamesId !== undefined && populated.has(t.geonamesId)) return "city";
  return "region";
}

/** GeoNames ids of the populated places the gazetteer's town source lists. */
function populatedIds(): Set<number> {
  const ids = new Set<number>();
  for (const line of fs.readFileSync(path.join(process.cwd(), GEONAMES_FILE), "utf8").split("\n")) {
    const id = Number(line.slice(0, line.indexOf("\t")));
    if (id > 0) ids.add(id);
  }
  return ids;
}

export interface GwnScore {
  n: number;
  acc161: number;
  medianKm: number;
  meanKm: number;
  unresolved: number;
  byType: Record<string, { n: number; acc161: number }>;
  byShape: Record<string, { n: number; acc161: number; unresolved: number }>;
  byCategory: Record<GoldCategory, { n: number; acc161: number; unresolved: number }>;
  /**
   * Where the misses (beyond 161 km) come from, per category: answered but far, or unresolved; and
   * of each, how many had a reading within 161 km among the name's gazetteer entries (a ranking or
   * context miss) against none at all (data the gazetteer lacks, or a name it spells otherwise).
   */
  misses: Record<GoldCategory, Record<"far" | "unresolved", { inIndex: number; notInIndex: number }>>;
  /** Accuracy on even- and odd-numbered articles apart: a change that helps only one half is suspect. */
  halves: [number, number];
  seconds: number;
}

/** Whether any gazetteer reading of the mention (or of its core, "North X" → "X") lies within 161 km of the gold point. */
function inIndex(t: GoldToponym, gaz: Gazetteer): boolean {
  const cleaned = cleanMention(t.mention);
  const names = [cleaned, parseQualifier(cleaned).core];
  return names.some((n) => candidatesFor(n, gaz, true).some((c) => turf.distance([c.place.lon, c.place.lat], [t.lon, t.lat]) <= ACC_KM));
}

function missBreakdown(missed: { t: GoldToponym; resolved: boolean }[], gaz: Gazetteer, populated: ReadonlySet<number>): GwnScore["misses"] {
  const blank = () => ({ far: { inIndex: 0, notInIndex: 0 }, unresolved: { inIndex: 0, notInIndex: 0 } });
  const out: GwnScore["misses"] = { region: blank(), city: blank(), water: blank(), building: blank() };
  for (const { t, resolved } of missed) {
    const cell = out[goldCategory(t, populated)][resolved ? "far" : "unresolved"];
    if (inIndex(t, gaz)) cell.inIndex++;
    else cell.notInIndex++;
  }
  return out;
}

export async function scoreGwn(file: string): Promise<GwnScore> {
  const articles = parseGwn(fs.readFileSync(file, "utf8"));
  const geo = await getGeocoder();
  const populated = populatedIds();
  const t0 = performance.now();
  const errors: number[] = [];
  const byType: Record<string, { n: number; hits: number }> = {};
  const byShape: Record<string, { n: number; hits: number; unresolved: number }> = {};
  const byCategory: Record<GoldCategory, { n: number; hits: number; unresolved: number }> = {
    region: { n: 0, hits: 0, unresolved: 0 },
    city: { n: 0, hits: 0, unresolved: 0 },
    water: { n: 0, hits: 0, unresolved: 0 },
    building: { n: 0, hits: 0, unresolved: 0 },
  };
  const halves = [
    { n: 0, hits: 0 },
    { n: 0, hits: 0 },
  ];
  let unresolved = 0;
  const missed: { t: GoldToponym; resolved: boolean }[] = [];
  for (const [i, a] of articles.entries()) {
    for (const t of a.toponyms) {
      const r = geo.geocode(t.mention, { context: a.text });
      const err = r.resolved ? turf.distance([r.lon, r.lat], [t.lon, t.lat]) : MAX_ERROR_KM;
      if (!r.resolved) unresolved++;
      errors.push(err);
      const bucket = (byType[t.type] ??= { n: 0, hits: 0 });
      bucket.n++;
      if (err <= ACC_KM) bucket.hits++;
      for (const c of [(byShape[mentionShape(t.mention)] ??= { n: 0, hits: 0, unresolved: 0 }), byCategory[goldCategory(t, populated)]]) {
        c.n++;
        if (err <= ACC_KM) c.hits++;
        if (!r.resolved) c.unresolved++;
      }
      if (err > ACC_KM) missed.push({ t, resolved: r.resolved });
      const half = halves[i % 2]!;
      half.n++;
      if (err <= ACC_KM) half.hits++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const misses = missBreakdown(missed, await loadGazetteer(), populated);
  const sorted = [...errors].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    n: errors.length,
    acc161: errors.filter((e) => e <= ACC_KM).length / Math.max(1, errors.length),
    medianKm: median,
    meanKm: errors.reduce((s, e) => s + e, 0) / Math.max(1, errors.length),
    unresolved,
    byType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, { n: v.n, acc161: v.hits / v.n }])),
    byShape: Object.fromEntries(Object.entries(byShape).map(([k, v]) => [k, { n: v.n, acc161: v.hits / v.n, unresolved: v.unresolved }])),
    byCategory: Object.fromEntries(
      Object.entries(byCategory).map(([k, v]) => [k, { n: v.n, acc161: v.hits / Math.max(1, v.n), unresolved: v.unresolved }]),
    ) as GwnScore["byCategory"],
    misses,
    halves: [halves[0]!.hits / Math.max(1, halves[0]!.n), halves[1]!.hits / Math.max(1, halves[1]!.n)],
    seconds,
  };
}

async function main(): Promise<void> {
  const file = path.resolve(process.argv[2] ?? path.join("..", "shared", "eval", "GWN.xml"));
  if (!fs.existsSync(file)) {
    console.log(`GeoWebNews not found at ${file}; pass its path as the first argument. Skipping.`);
    return;
  }
  const s = await scoreGwn(file);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`GeoWebNews toponym resolution (${file})`);
  console.log(`  toponyms scored      ${s.n} (${s.unresolved} unresolved, counted at ${MAX_ERROR_KM} km)`);
  console.log(`  accuracy @${ACC_KM} km     ${pct(s.acc161)}   (Mordecai3 published: ${pct(MORDECAI3_ACC161)}; difference ${((s.acc161 - MORDECAI3_ACC161) * 100).toFixed(1)} points)`);
  console.log(`  median error         ${s.medianKm.toFixed(s.medianKm < 1 ? 2 : 1)} km`);
  console.log(`  mean error           ${s.meanKm.toFixed(0)} km`);
  console.log(`  even / odd articles  ${pct(s.halves[0])} / ${pct(s.halves[1])}`);
  console.log(`  time                 ${s.seconds.toFixed(2)} s (${Math.round(s.n / s.seconds)} toponyms/s)`);
  console.log("  by GWN toponym type:");
  for (const [type, v] of Object.entries(s.byType).sort((a, b) => b[1].n - a[1].n)) {
    console.log(`    ${type.padEnd(22)} ${String(v.n).padStart(5)}  ${pct(v.acc161)}`);
  }
  console.log("  by category of the gold place (n, acc@161, unresolved):");
  for (const [cat, v] of Object.entries(s.byCategory)) {
    console.log(`    ${cat.padEnd(22)} ${String(v.n).padStart(5)}  ${pct(v.acc161).padStart(6)}  ${String(v.unresolved).padStart(5)}`);
  }
  console.log(`    ${"unresolved".padEnd(22)} ${String(s.unresolved).padStart(5)}`);
  console.log("  misses beyond 161 km: answered far / unresolved, each as (a reading within 161 km in the index | none):");
  for (const [cat, v] of Object.entries(s.misses)) {
    console.log(`    ${cat.padEnd(22)} far ${String(v.far.inIndex).padStart(4)} | ${String(v.far.notInIndex).padStart(4)}    unresolved ${String(v.unresolved.inIndex).padStart(4)} | ${String(v.unresolved.notInIndex).padStart(4)}`);
  }
  console.log("  by shape of the mention (n, acc@161, unresolved):");
  for (const [shape, v] of Object.entries(s.byShape).sort((a, b) => b[1].n - a[1].n)) {
    console.log(`    ${shape.padEnd(22)} ${String(v.n).padStart(5)}  ${pct(v.acc161).padStart(6)}  ${String(v.unresolved).padStart(5)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
