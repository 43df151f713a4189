/**
 * Ranks the gazetteer readings of one name. A reading's score is a sum of log-scale terms:
 * its prior (population, feature class, source), how well the name matched, how much the
 * context supports its country, state and neighbourhood, and whether its kind fits what the
 * qualifier expects ("X province" wants a province). Scores become shares with a softmax, so
 * confidence is the top reading's share of the evidence.
 */
import * as turf from "@turf/turf";
import type { PlaceKind } from "../lib/schema";
import { countryOfDemonym, regionOfAdjective, type ContextProfile } from "./context";
import { bearsName, type Gazetteer, type Place } from "./gazetteer";
import { expandedKey, nameKeys, normalizeName, skeletonKey } from "./normalize";

/** How a name met a gazetteer entry, from strongest to weakest. */
export type MatchType = "primary" | "alias" | "article" | "demonym" | "loose";

const AREAL_KINDS = new Set<PlaceKind>(["country", "region", "province", "sea"]);

const MATCH_PENALTY: Record<MatchType, number> = { primary: 0, alias: -0.3, article: -0.5, demonym: -1, loose: -1.5 };
/**
 * An alias that is another name altogether ("Southold" for South Bend, "Franklin" for Columbus:
 * old or colloquial names GeoNames keeps), where another place bears that name as its own, counts
 * for less. A spelling of the place's own name ("Geneva" for Genève) keeps the plain alias penalty.
 */
const OTHER_NAME_PENALTY = -1;
/** Multiplies confidence: a loose spelling match is never a confident answer. */
export const MATCH_TRUST: Record<MatchType, number> = { primary: 1, alias: 1, article: 0.95, demonym: 0.85, loose: 0.6 };

/**
 * Context weights, in the prior's log units. Chosen on GeoWebNews category totals, checked on its
 * even and odd articles apart; at about twice these, the text's country outweighs the difference
 * between a country and a hamlet that shares its name.
 */
const COUNTRY_WEIGHT = 1.4;
const ADMIN1_WEIGHT = 1.05;
const ANCHOR_WEIGHT = 0.7;
/** The score of "a place the gazetteer lacks": about a village of 1,000 people that the text does not support. */
const UNLISTED_SCORE = 2.0;
/**
 * A reading this far below the top (odds under e^-2 ≈ 1:7.4 each) is no real rival. Chosen on
 * GeoWebNews: answers trusted at 0.3 or more rose from 78.3 % to 80.1 % of toponyms within
 * 161 km, their precision unchanged (92.8 %).
 */
const NEGLIGIBLE_BELOW = 2;
/** Within this distance of a place the text names unambiguously, a reading gains support. */
const ANCHOR_KM = 150;
/** Loose matches on very short skeletons would pair unrelated names. */
const MIN_SKELETON_LETTERS = 4;

export interface Candidate {
  place: Place;
  match: MatchType;
  /** For an alias match, the key it matched: whether that is another name altogether is asked only when it matters. */
  key?: string;
}

export interface Ranked {
  place: Place;
  match: MatchType;
  score: number;
  /** The part of the score the context contributed (0 when the text says nothing for this reading). */
  support: number;
  /** Softmax share among the readings (0..1). */
  share: number;
}

/**
 * Every reading of a name: exact keys, and the country or region an adjectival form stands for
 * ("Canadian" is Canada far more often than Canadian, Texas); with `loose`, a consonant-skeleton
 * spelling match only when nothing exact exists.
 */
export function candidatesFor(text: string, gaz: Gazetteer, loose = false): Candidate[] {
  const out = new Map<number, Candidate>();
  const [full, bare] = nameKeys(text);
  if (!full) return [];
  for (const id of gaz.lookup(full)) {
    const place = gaz.place(id);
    if (bearsName(place, full)) out.set(id, { place, match: "primary" });
    else out.set(id, { place, match: "alias", key: full });
  }
  if (bare) for (const id of gaz.lookup(bare)) if (!out.has(id)) out.set(id, { place: gaz.place(id), match: "article" });
  const long = out.size === 0 ? expandedKey(full) : undefined;
  if (long) for (const id of gaz.lookup(long)) out.set(id, { place: gaz.place(id), match: "alias" });

  const demonym = countryOfDemonym(full);
  const country = demonym && gaz.countryPlace(demonym);
  if (country && !out.has(country.id)) out.set(country.id, { place: country, match: "demonym" });
  const region = regionOfAdjective(full);
  if (region) {
    for (const id of gaz.lookup(normalizeName(region))) {
      const place = gaz.place(id);
      if (AREAL_KINDS.has(place.kind) && !out.has(id)) out.set(id, { place, match: "demonym" });
    }
  }
  if (out.size > 0) return [...out.values()];

  const skeleton = skeletonKey(normalizeName(text));
  if (!loose || skeleton.replace(/ /g, "").length < MIN_SKELETON_LETTERS) return [];
  return gaz.lookupSkeleton(skeleton).map((id) => ({ place: gaz.place(id), match: "loose" as const }));
}

function contextSupport(p: Place, ctx: ContextProfile): number {
  let s = 0;
  if (p.country) s += COUNTRY_WEIGHT * (ctx.countries.get(p.country) ?? 0);
  if (p.country && p.admin1) s += ADMIN1_WEIGHT * (ctx.admin1.get(`${p.country}.${p.admin1}`) ?? 0);
  if (ctx.anchors.some((a) => a.lat !== p.lat && turf.distance([a.lon, a.lat], [p.lon, p.lat]) < ANCHOR_KM + p.radiusKm)) {
    s += ANCHOR_WEIGHT;
  }
  return s;
}

export interface RankOptions {
  /** Kinds the qualifier expects, with the bonus a matching reading gets. */
  prefer?: { kinds: ReadonlySet<PlaceKind>; bonus: number };
  /** Keep only readings inside this country (from "X, Country" or a border partner). */
  country?: string;
  /** Keep only readings inside this US state or other first-level division. */
  admin1?: { country: string; code: string };
}

/**
 * An alias that is neither a spelling of the place's own name (the consonant skeletons differ)
 * nor a part of it. Not for countries and regions: they go by formal names ("People's Republic
 * of China"), so their common names are aliases in form only.
 */
function isOtherName(c: Candidate): boolean {
  if (c.match !== "alias" || c.key === undefined || AREAL_KINDS.has(c.place.kind)) return false;
  // A short form of its own name ("Heathrow" for London Heathrow Airport) is no other name.
  if (` ${c.place.primaryKey} `.includes(` ${c.key} `)) return false;
  return skeletonOf(c.place.primaryKey) !== skeletonOf(c.key);
}

/** Skeletons of the names ranked so far: the same few recur in a run, and each costs a dozen regular expressions. */
const skeletons = new Map<string, string>();
const MAX_SKELETONS = 50_000;

function skeletonOf(key: string): string {
  let s = skeletons.get(key);
  if (s === undefined) {
    if (skeletons.size >= MAX_SKELETONS) skeletons.clear();
    s = skeletonKey(key);
    skeletons.set(key, s);
  }
  return s;
}

export function rank(candidates: Candidate[], ctx: ContextProfile, opts: RankOptions = {}): Ranked[] {
  const kept = candidates.filter(
    (c) =>
      (!opts.country || c.place.country === opts.country) &&
      (!opts.admin1 || (c.place.country === opts.admin1.country && c.place.admin1 === opts.admin1.code)),
  );
  const named = kept.some((c) => c.match === "primary");
  const scored = kept.map((c) => {
    const penalty = named && isOtherName(c) ? OTHER_NAME_PENALTY : MATCH_PENALTY[c.match];
    const fit = opts.prefer?.kinds.has(c.place.kind) ? opts.prefer.bonus : 0;
    const support = contextSupport(c.place, ctx);
    return { ...c, score: c.place.prior + penalty + support + fit, support, share: 0 };
  });
  scored.sort((a, b) => b.score - a.score);
  const top = scored[0]?.score ?? 0;
  // The reading "none of these" (a place the gazetteer lacks, or no place at all) takes its share
  // too, so a lone hamlet that happens to match is not a certain answer.
  // Readings far below the top take no share: forty villages called Washington, each a few
  // percent, would otherwise make the capital an unsure answer. They stay listed, at share 0.
  const floor = top - NEGLIGIBLE_BELOW;
  const total = scored.reduce((s, r) => s + (r.score >= floor ? Math.exp(r.score - top) : 0), Math.exp(UNLISTED_SCORE - top));
  for (const r of scored) r.share = r.score >= floor ? Math.exp(r.score - top) / total : 0;
  return scored;
}
