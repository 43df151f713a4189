/**
 * What the surrounding text says about where we are: the countries it names (by name or
 * demonym), the US states it names, and the places it names unambiguously. A mention is then
 * read in that light: "Tripoli" in a story that names Lebanon is the Lebanese city.
 */
import { DEMONYMS, REGION_ADJECTIVES } from "./data/country-names";
import { bearsName, type Gazetteer, type Place } from "./gazetteer";
import { normalizeName } from "./normalize";

export interface ContextProfile {
  /** ISO alpha-2 → share of the country evidence (the most named country has 1). */
  countries: Map<string, number>;
  /** "CC.admin1" → share of the first-level-division evidence. */
  admin1: Map<string, number>;
  /** Places named unambiguously, as anchors for proximity (once per mention). */
  anchors: Place[];
  /** The town the text names most often, if any: where its streets and buildings probably are. */
  locale?: Place;
}

const DEMONYM_TO_COUNTRY = new Map<string, string>(
  Object.entries(DEMONYMS).flatMap(([iso, names]) => names.map((n) => [normalizeName(n), iso] as [string, string])),
);

const ADJECTIVE_TO_REGION = new Map<string, string>(
  Object.entries(REGION_ADJECTIVES).flatMap(([name, adjs]) => adjs.map((a) => [normalizeName(a), name] as [string, string])),
);

/** The region an adjective stands for ("European" → "Europe", "Kurdish" → "Kurdistan"), by its gazetteer name. */
export function regionOfAdjective(word: string): string | undefined {
  return ADJECTIVE_TO_REGION.get(normalizeName(word));
}

/** The country a demonym stands for ("Iranian" → IR), if it is one. */
export function countryOfDemonym(word: string): string | undefined {
  return DEMONYM_TO_COUNTRY.get(normalizeName(word).replace(/s$/, "")) ?? DEMONYM_TO_COUNTRY.get(normalizeName(word));
}

/** What the text calls a place: "the town of Kent" is a town, "Cordoba province" the province. */
export type KindCue = "town" | "region";

const TOWN_BEFORE = /\b(?:city|town|village|township|hamlet|suburb|borough)\s+of\s+(?:the\s+)?$/i;
const REGION_BEFORE = /\b(?:province|state|region|governorate|oblast|prefecture|department|canton)\s+of\s+(?:the\s+)?$/i;
const REGION_AFTER = /^\s+(?:province|state|region|governorate|oblast|prefecture|department|canton)\b/i;
const PARENT_AFTER = /^,[ \t]+(\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*){0,2})/u;
/** How much text either side of a mention a cue is looked for in. */
const CUE_WINDOW = 40;

/**
 * Where the mention stands in the text, as a whole word, case aside; with the text just before and
 * after each place. A plain scan, not a regular expression over the article: this runs per mention.
 */
function* around(text: string, mention: string): Generator<{ before: string; after: string }> {
  const lower = text.toLowerCase();
  const m = mention.toLowerCase();
  // Lower-casing can change a string's length ("İ"); then offsets only hold in the lower-cased copy.
  const source = lower.length === text.length ? text : lower;
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let i = lower.indexOf(m); i >= 0; i = lower.indexOf(m, i + 1)) {
    const end = i + m.length;
    if (isWord(lower[i - 1]) || isWord(lower[end])) continue;
    yield { before: source.slice(Math.max(0, i - CUE_WINDOW), i), after: source.slice(end, end + CUE_WINDOW) };
  }
}

/**
 * The kind the text itself gives the mention, if it says one: "the city of X" or "the town of X"
 * makes X a town, "X province" or "the state of X" a region. A bare "X City" is left alone: it is
 * usually a name of its own ("Mexico City"), not a word about X. When the text says both, neither counts.
 */
export function kindCue(text: string | undefined, mention: string): KindCue | undefined {
  if (!text || mention.length < 3) return undefined;
  let town = false;
  let region = false;
  for (const { before, after } of around(text, mention)) {
    town ||= TOWN_BEFORE.test(before);
    region ||= REGION_BEFORE.test(before) || REGION_AFTER.test(after);
  }
  if (town === region) return undefined;
  return town ? "town" : "region";
}

/**
 * The state, province or country the text puts the mention in, as in "LONDON, Ontario" or
 * "Kent, Ohio": the capitalised words after the first "Mention," the text writes. The caller
 * decides whether they name a place that contains it.
 */
export function parentCue(text: string | undefined, mention: string): string | undefined {
  if (!text || mention.length < 3) return undefined;
  for (const { after } of around(text, mention)) {
    const words = PARENT_AFTER.exec(after)?.[1];
    if (!words) continue;
    // A trailing full stop goes: names are looked up without it, so "Calif" still finds "Calif.".
    const parent = words.replace(/\.+$/, "");
    return normalizeName(parent) !== normalizeName(mention) ? parent : undefined;
  }
  return undefined;
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
const DOMINANCE = 0.3;
/** Places below this prior (villages) say too little to steer anything. */
const ANCHOR_MIN_PRIOR = 3.3;

interface Evidence {
  countries: Map<string, number>;
  admin1: Map<string, number>;
  anchors: Place[];
  /** Per occurrence of a town's name, its readings (largest first): the votes for the text's locale. */
  towns: Place[][];
}

const LOCALE_KINDS = new Set(["city", "town", "suburb"]);
/** Hamlets say little about where a story is set, and share their names with too many others. */
const LOCALE_MIN_PRIOR = 2.5;

/**
 * The town the text names most often (ties: the larger). Each occurrence votes for its reading
 * in the country the text is most about, so an ambiguous "Portland" still counts in an article
 * set in Oregon.
 */
function localeOf(towns: Place[][], countries: Map<string, number>, admin1: Map<string, number>): Place | undefined {
  const share = (p: Place) =>
    (p.country ? (countries.get(p.country) ?? 0) : 0) + (p.country && p.admin1 ? (admin1.get(`${p.country}.${p.admin1}`) ?? 0) : 0);
  const counts = new Map<number, { place: Place; n: number }>();
  for (const readings of towns) {
    let pick: Place | undefined;
    let pickScore = -Infinity;
    for (const p of readings) {
      const score = p.prior + 2 * share(p);
      if (score > pickScore) [pick, pickScore] = [p, score];
    }
    if (!pick || pick.prior < LOCALE_MIN_PRIOR || (readings.length > 1 && share(pick) === 0)) continue;
    const c = counts.get(pick.id);
    if (c) c.n++;
    else counts.set(pick.id, { place: pick, n: 1 });
  }
  // Named often, large, and in the state and country the text is about.
  const weight = (c: { place: Place; n: number }) => c.n + 0.5 * c.place.prior + share(c.place);
  let best: { place: Place; n: number } | undefined;
  for (const c of counts.values()) if (!best || weight(c) > weight(best)) best = c;
  return best?.place;
}

function add(map: Map<string, number>, key: string, w: number): void {
  map.set(key, (map.get(key) ?? 0) + w);
}

function normalizeShares(map: Map<string, number>): Map<string, number> {
  const max = Math.max(0, ...map.values());
  return new Map([...map].map(([k, v]) => [k, max > 0 ? v / max : 0]));
}

function weigh(key: string, places: Place[], ev: Evidence): void {
  const sorted = [...places].sort((a, b) => b.prior - a.prior);
  const [top, second] = sorted;
  if (!top) return;
  // Only towns that bear the name as their own vote for the locale: "Franklin" names the Franklins,
  // not Columbus, Ohio, which GeoNames also lists under its old name.
  const towns = sorted.filter((p) => LOCALE_KINDS.has(p.kind) && bearsName(p, key)).slice(0, 8);
  if (towns.length > 0 && LOCALE_KINDS.has(top.kind)) ev.towns.push(towns);
  if (second && top.prior - second.prior < DOMINANCE) {
    // Ambiguous ("Georgia", "Tripoli"): only a country shared by every reading counts, and weakly.
    if (sorted.every((p) => p.country === top.country) && top.country) add(ev.countries, top.country, 0.3);
    return;
  }
  count(top, ev);
}

function count(top: Place, ev: Pick<Evidence, "countries" | "admin1" | "anchors">, w = 1): void {
  if (top.kind === "country" && top.country) {
    add(ev.countries, top.country, w);
    return;
  }
  if (top.prior < ANCHOR_MIN_PRIOR) return;
  if (top.country) add(ev.countries, top.country, 0.5 * w);
  if (top.country && top.admin1) add(ev.admin1, `${top.country}.${top.admin1}`, (top.kind === "province" ? 1 : 0.5) * w);
  ev.anchors.push(top);
}

/** One name found in the text: its normalised key, where it stands (word index), what it says, and how much. */
interface Occurrence {
  key: string;
  at: number;
  ev: Evidence;
  /** 1, or more for a dateline, which says where the story is set. */
  weight: number;
}

/** A dateline's places count this many times over: "LONDON, Ontario (AP) —" sets the scene for every later name. */
const DATELINE_WEIGHT = 3;

/**
 * Where a dateline stands: a line that opens with a capitalised place ("BEIRUT", "LONDON,
 * Ontario") and then an agency in brackets or a dash, within the first lines. Character range, or undefined.
 */
export function datelineSpan(text: string): [number, number] | undefined {
  const m = /^[ \t]*(\p{Lu}[\p{Lu}\p{M} .'’-]{2,}(?:,[ \t]+\p{Lu}[\p{L}\p{M}. ]{1,30}?)?)[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?:—|–|-|:)[ \t]/mu.exec(text.slice(0, 400));
  if (!m || m[1] === undefined) return undefined;
  const start = m.index + m[0].indexOf(m[1]);
  return [start, start + m[1].length];
}

/**
 * The evidence of one text, kept per occurrence of each name so that a mention's own occurrences
 * can be left out: "Georgia" in "…Georgia officials said" must not vote for its own most likely
 * reading. (Weighting the names that stand near the mention more was tried on GeoWebNews and
 * made no difference, so every occurrence counts the same.)
 */
export class ContextEvidence {
  private readonly profiles = new Map<string, ContextProfile>();

  constructor(private readonly occurrences: Occurrence[]) {}

  /** The profile of the text without the evidence of `excludeKey` (a normalised name). */
  profile(excludeKey = ""): ContextProfile {
    const hit = this.profiles.get(excludeKey);
    if (hit) return hit;
    const countries = new Map<string, number>();
    const admin1 = new Map<string, number>();
    const anchors: ContextProfile["anchors"] = [];
    const towns: Place[][] = [];
    for (const o of this.occurrences) {
      if (o.key === excludeKey) continue;
      for (const [k, v] of o.ev.countries) add(countries, k, v * o.weight);
      for (const [k, v] of o.ev.admin1) add(admin1, k, v * o.weight);
      anchors.push(...o.ev.anchors);
      for (let n = 0; n < o.weight; n++) towns.push(...o.ev.towns);
    }
    const shares = normalizeShares(countries);
    const admin1Shares = normalizeShares(admin1);
    const locale = localeOf(towns, shares, admin1Shares);
    const profile: ContextProfile = { countries: shares, admin1: admin1Shares, anchors, ...(locale ? { locale } : {}) };
    this.profiles.set(excludeKey, profile);
    return profile;
  }
}

const NO_EVIDENCE = new ContextEvidence([]);

const AREA_CODE_KINDS = new Set(["country", "province"]);
const CAPITALS = /^(?:\p{Lu}\.?){2,}$/u;

/**
 * "U.S.", "UK", "BC", "NY": a two-letter code in capitals names a country or a state, and says
 * much about where a story is set. Not inside a run of capitals, where "IN" and "OR" are words.
 */
function isAreaCode(words: readonly string[], i: number): boolean {
  const w = words[i] ?? "";
  if (!CAPITALS.test(w)) return false;
  const shouted = (j: number) => CAPITALS.test(words[j] ?? "") && (words[j] ?? "").replace(/\./g, "").length > 1;
  return !shouted(i - 1) && !shouted(i + 1);
}

const TITLES = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "prof", "professor", "rev", "president", "minister", "senator", "sen", "rep", "gov", "governor", "mayor", "judge", "gen", "general", "col", "colonel", "capt", "captain", "sgt", "lt", "officer", "detective", "coach", "chief", "chairman", "ceo", "director", "spokesman", "spokeswoman"]);
const SPEECH = new Set(["said", "says", "told", "added", "explained", "wrote", "stated", "noted", "asked", "argued", "insisted", "recalled", "admitted", "replied"]);
/**
 * Only towns below this prior (~15k people) are read as the person or the word that shares their
 * name: a city named beside "said" is more often its government speaking ("Moscow said").
 */
const NOT_PLACE_MAX_PRIOR = 3;

/**
 * Capitalised words the text itself shows are not places: people ("Mr Evans", "Allen said",
 * "said Allen") and plain words it also writes in lower case ("Most of them…" beside "most").
 * Small towns of those names say nothing about where the story is.
 */
function wordsNotPlaces(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    if (/^\p{Ll}+$/u.test(w)) out.add(w);
    if (!/^\p{Lu}\p{Ll}/u.test(w)) continue;
    const prev = normalizeName(words[i - 1] ?? "");
    const next = normalizeName(words[i + 1] ?? "");
    if (TITLES.has(prev) || SPEECH.has(next) || SPEECH.has(prev)) out.add(normalizeName(w));
  }
  return out;
}

/** Scans capitalised phrases of the text for gazetteer names and demonyms. */
export function buildContext(text: string, gaz: Gazetteer): ContextEvidence {
  const occurrences: Occurrence[] = [];
  const dateline = datelineSpan(text);
  const tokens = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
  const evidenceAt = (key: string, at: number): Evidence => {
    const ev: Evidence = { countries: new Map(), admin1: new Map(), anchors: [], towns: [] };
    const offset = tokens[at]?.index ?? -1;
    const weight = dateline && offset >= dateline[0] && offset < dateline[1] ? DATELINE_WEIGHT : 1;
    occurrences.push({ key, at, ev, weight });
    return ev;
  };
  // Possessives go ("Lebanon's north" names Lebanon); trailing full stops too, except in initials ("U.S.").
  const words = tokens.map(([w]) => w.replace(/['’]s$/u, "").replace(/(?<!\b\p{L})\.+$/u, ""));
  const notPlaces = wordsNotPlaces(words);
  for (let i = 0; i < words.length; i++) {
    const first = words[i] ?? "";
    if (!/^\p{Lu}/u.test(first)) continue;
    let matched = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n);
      const last = phrase[phrase.length - 1] ?? "";
      if (n > 1 && !/^\p{Lu}/u.test(last)) continue;
      const key = normalizeName(phrase.join(" "));
      const code = n === 1 && key.length === 2 && isAreaCode(words, i);
      if (n === 1 && !code && (key.length < 3 || STOP.has(key))) continue;
      const demonym = countryOfDemonym(key);
      if (demonym) {
        add(evidenceAt(key, i).countries, demonym, 0.5);
        matched = n;
        continue;
      }
      const places = gaz
        .lookup(key)
        .map((id) => gaz.place(id))
        .filter((p) => (!code || AREA_CODE_KINDS.has(p.kind)) && !(n === 1 && notPlaces.has(key) && LOCALE_KINDS.has(p.kind) && p.prior < NOT_PLACE_MAX_PRIOR));
      if (places.length === 0) continue;
      weigh(key, places, evidenceAt(key, i));
      matched = n;
    }
    if (matched > 1) i += matched - 1;
  }
  return new ContextEvidence(occurrences);
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
