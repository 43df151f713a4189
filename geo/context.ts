/**
 * What the surrounding text says about where we are: the countries it names (by name or
 * demonym), the US states it names, and the places it names unambiguously. A mention is then
 * read in that light: "Tripoli" in a story that names Lebanon is the Lebanese city.
 */
import { DEMONYMS } from "./data/country-names";
import type { Gazetteer, Place } from "./gazetteer";
import { normalizeName } from "./normalize";

export interface ContextProfile {
  /** ISO alpha-2 → share of the country evidence (the most named country has 1). */
  countries: Map<string, number>;
  /** "CC.admin1" → share of the first-level-division evidence. */
  admin1: Map<string, number>;
  /** Places named unambiguously, as anchors for proximity. */
  anchors: { lat: number; lon: number }[];
}

const DEMONYM_TO_COUNTRY = new Map<string, string>(
  Object.entries(DEMONYMS).flatMap(([iso, names]) => names.map((n) => [normalizeName(n), iso] as [string, string])),
);

/** The country a demonym stands for ("Iranian" → IR), if it is one. */
export function countryOfDemonym(word: string): string | undefined {
  return DEMONYM_TO_COUNTRY.get(normalizeName(word).replace(/s$/, "")) ?? DEMONYM_TO_COUNTRY.get(normalizeName(word));
}

/** Capitalised words that start sentences or name things other than places far more often than not. */
const STOP = new Set([
  "the", "a", "an", "and", "but", "or", "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "of", "for", "to",
  "this", "that", "these", "those", "there", "his", "her", "their", "its", "our", "as", "after", "before", "when",
  "while", "if", "mr", "mrs", "ms", "dr", "gen", "col", "sgt", "president", "minister", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december", "god", "read", "more", "photo", "new", "so",
]);

/** Longest phrase tried at each capitalised word. */
const MAX_WORDS = 4;
/** A reading must beat the next one by this much (log scale) to count as unambiguous. */
const DOMINANCE = 1.0;
/** Places below this prior (villages) say too little to steer anything. */
const ANCHOR_MIN_PRIOR = 3.3;

interface Evidence {
  countries: Map<string, number>;
  admin1: Map<string, number>;
  anchors: { lat: number; lon: number }[];
}

function add(map: Map<string, number>, key: string, w: number): void {
  map.set(key, (map.get(key) ?? 0) + w);
}

function normalizeShares(map: Map<string, number>): Map<string, number> {
  const max = Math.max(0, ...map.values());
  return new Map([...map].map(([k, v]) => [k, max > 0 ? v / max : 0]));
}

function weigh(places: Place[], ev: Evidence): void {
  const sorted = [...places].sort((a, b) => b.prior - a.prior);
  const [top, second] = sorted;
  if (!top) return;
  if (second && top.prior - second.prior < DOMINANCE) {
    // Ambiguous ("Georgia", "Tripoli"): only a country shared by every reading counts, and weakly.
    if (sorted.every((p) => p.country === top.country) && top.country) add(ev.countries, top.country, 0.3);
    return;
  }
  if (top.kind === "country" && top.country) {
    add(ev.countries, top.country, 1);
    return;
  }
  if (top.prior < ANCHOR_MIN_PRIOR) return;
  if (top.country) add(ev.countries, top.country, 0.5);
  if (top.country && top.admin1) add(ev.admin1, `${top.country}.${top.admin1}`, top.kind === "province" ? 1 : 0.5);
  ev.anchors.push({ lat: top.lat, lon: top.lon });
}

/**
 * The evidence of one text, kept per name so that a mention's own occurrences can be left out:
 * "Georgia" in "…Georgia officials said" must not vote for its own most likely reading.
 */
export class ContextEvidence {
  private readonly profiles = new Map<string, ContextProfile>();

  constructor(private readonly byKey: Map<string, Evidence>) {}

  /** The profile of the text without the evidence of `excludeKey` (a normalised name). */
  profile(excludeKey = ""): ContextProfile {
    const hit = this.profiles.get(excludeKey);
    if (hit) return hit;
    const countries = new Map<string, number>();
    const admin1 = new Map<string, number>();
    const anchors: ContextProfile["anchors"] = [];
    for (const [key, ev] of this.byKey) {
      if (key === excludeKey) continue;
      for (const [k, w] of ev.countries) add(countries, k, w);
      for (const [k, w] of ev.admin1) add(admin1, k, w);
      anchors.push(...ev.anchors);
    }
    const profile = { countries: normalizeShares(countries), admin1: normalizeShares(admin1), anchors };
    this.profiles.set(excludeKey, profile);
    return profile;
  }
}

const NO_EVIDENCE = new ContextEvidence(new Map());

/** Scans capitalised phrases of the text for gazetteer names and demonyms. */
export function buildContext(text: string, gaz: Gazetteer): ContextEvidence {
  const byKey = new Map<string, Evidence>();
  const evidenceFor = (key: string): Evidence => {
    let ev = byKey.get(key);
    if (!ev) byKey.set(key, (ev = { countries: new Map(), admin1: new Map(), anchors: [] }));
    return ev;
  };
  // Possessives go ("Lebanon's north" names Lebanon); trailing full stops too, except in initials ("U.S.").
  const words = (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).map((w) =>
    w.replace(/['’]s$/u, "").replace(/(?<!\b\p{L})\.+$/u, ""),
  );
  for (let i = 0; i < words.length; i++) {
    const first = words[i] ?? "";
    if (!/^\p{Lu}/u.test(first)) continue;
    let matched = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n);
      const last = phrase[phrase.length - 1] ?? "";
      if (n > 1 && !/^\p{Lu}/u.test(last)) continue;
      const key = normalizeName(phrase.join(" "));
      if (n === 1 && (key.length < 3 || STOP.has(key))) continue;
      const demonym = countryOfDemonym(key);
      if (demonym) {
        add(evidenceFor(key).countries, demonym, 0.5);
        matched = n;
        continue;
      }
      const ids = gaz.lookup(key);
      if (ids.length === 0) continue;
      weigh(ids.map((id) => gaz.place(id)), evidenceFor(key));
      matched = n;
    }
    if (matched > 1) i += matched - 1;
  }
  return new ContextEvidence(byKey);
}

/** Evidence of the last few texts: a batch geocodes many mentions of one article in a row. */
export class ContextCache {
  private readonly cache = new Map<string, ContextEvidence>();
  constructor(
    private readonly gaz: Gazetteer,
    private readonly size = 16,
  ) {}

  get(text: string | undefined): ContextEvidence {
    if (!text || !text.trim()) return NO_EVIDENCE;
    const hit = this.cache.get(text);
    if (hit) return hit;
    const evidence = buildContext(text, this.gaz);
    if (this.cache.size >= this.size) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(text, evidence);
    return evidence;
  }
}
