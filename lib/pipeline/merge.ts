/**
 * Merge: deciding that two tellings are one event. Two tellings agree when their families are of
 * a kind (an "airstrike" and a "missile attack" on one man can be one strike; a meeting and a riot
 * cannot), their date ranges overlap (a day of slack for time zones), their places lie within each
 * other's uncertainty, and their actors do not contradict (the Quds Force is part of Iran).
 * Used inside one article and between an article and the store: which stored event a telling is,
 * and how the two combine, are decided here; db/ingest.ts only reads and writes what this says.
 */
import type { ExtractedEvent } from "./types";
import type { ClaimStatus, DatePrecision, Family, Place, Range } from "../schema";
import { actorAgreement, lineage, type ActorIndex } from "./actors";
import { addDays, daysBetween, intersect, precisionOf } from "./dates";
import { distanceKm, placeTolerance } from "./places";

const STANDOFF = new Set<Family>(["airstrike", "drone", "missile", "rocket", "artillery", "assassination"]);
const AT_SEA = new Set<Family>(["maritime", "drone", "missile", "rocket"]);

export function familiesCompatible(a: Family | null, b: Family | null): boolean {
  if (!a || !b || a === b) return true;
  if (STANDOFF.has(a) && STANDOFF.has(b)) return true;
  if ((a === "maritime" && AT_SEA.has(b)) || (b === "maritime" && AT_SEA.has(a))) return true;
  // "The bombing" may retell an air raid, a suicide attack or the killing it was.
  if (a === "bombing" || b === "bombing") return BOMBING_LIKE.has(a === "bombing" ? b : a);
  return (a === "assassination" && b === "ground") || (b === "assassination" && a === "ground");
}
const BOMBING_LIKE = new Set<Family>(["airstrike", "ground", "assassination"]);

export type Dated = { dateStart: string; dateEnd: string; datePrecision: DatePrecision };

export function datesOverlap(a: Dated, b: Dated, slackDays = 1): boolean {
  return a.dateStart <= addDays(b.dateEnd, slackDays) && b.dateStart <= addDays(a.dateEnd, slackDays);
}

export function placesAgree(a: Place | null, b: Place | null): boolean {
  if (!a || !b) return true;
  return distanceKm(a, b) <= placeTolerance(a, b);
}

export type Comparable = Dated & {
  family: Family | null;
  attacker: string | null;
  target: string | null;
  place: Place | null;
};

/**
 * 0 when the two cannot be one event; otherwise higher the more they share. Actors must not
 * contradict: a known attacker unrelated to the other's known attacker rules a merge out, and so
 * does an attacker on one side that is the target on the other (a strike and its retaliation).
 */
export function sameEventScore(a: Comparable, b: Comparable, actors: ActorIndex): number {
  if (!familiesCompatible(a.family, b.family)) return 0;
  if (!datesOverlap(a, b)) return 0;
  if (!placesAgree(a.place, b.place)) return 0;
  const att = actorAgreement(a.attacker, b.attacker, actors);
  const tgt = actorAgreement(a.target, b.target, actors);
  if (att === 0 || tgt === 0) return 0;
  // Allies are not the same victim: a strike on Soleimani is not a strike on Kataib Hezbollah.
  const person = (id: string | null) => Boolean(id && actors.actors.get(id)?.kind === "person");
  if (tgt < 1 && a.target && b.target && (person(a.target) || person(b.target))) return 0;
  if (a.attacker && b.target && actorAgreement(a.attacker, b.target, actors) === 1) return 0;
  if (b.attacker && a.target && actorAgreement(b.attacker, a.target, actors) === 1) return 0;
  // Named on both sides and the same counts; unknown on one side counts little; a named victim
  // on one side and none on the other is a hint of two different strikes.
  const side = (x: string | null, y: string | null, agree: number, weight: number) => {
    if (x && y) return agree === 1 ? weight : 0.05;
    return (x && person(x)) || (y && person(y)) ? -0.1 : 0.05;
  };
  let score = 0.3 + side(a.attacker, b.attacker, att, 0.2) + side(a.target, b.target, tgt, person(a.target) ? 0.35 : 0.25);
  if (a.family && a.family === b.family) score += 0.1;
  if (a.place && b.place) score += 0.15 * Math.max(0, 1 - distanceKm(a.place, b.place) / placeTolerance(a.place, b.place));
  // Dates that coincide count more than a day inside a year.
  const i = intersect({ start: a.dateStart, end: a.dateEnd }, { start: b.dateStart, end: b.dateEnd });
  const union = daysBetween(a.dateStart < b.dateStart ? a.dateStart : b.dateStart, a.dateEnd > b.dateEnd ? a.dateEnd : b.dateEnd) + 1;
  if (i) score += (0.15 * (daysBetween(i.start, i.end) + 1)) / union;
  return Math.min(1, score);
}

/** The narrower of two overlapping date ranges, or their intersection. */
export function combineDates(a: Dated, b: Dated): Dated {
  const i = intersect({ start: a.dateStart, end: a.dateEnd }, { start: b.dateStart, end: b.dateEnd });
  if (!i) {
    const wa = daysBetween(a.dateStart, a.dateEnd);
    const wb = daysBetween(b.dateStart, b.dateEnd);
    return wa <= wb ? a : b;
  }
  return { dateStart: i.start, dateEnd: i.end, datePrecision: precisionOf(i.start, i.end) };
}

/** The more precise place; at equal precision the more confident. */
export function betterPlace(a: Place | null, b: Place | null): Place | null {
  if (!a) return b;
  if (!b) return a;
  if (a.precision !== b.precision) return a.precision < b.precision ? a : b;
  return a.confidence >= b.confidence ? a : b;
}

/** Range over several sources' figures: lowest low to highest high. */
export function spanRanges(ranges: (Range | null | undefined)[]): Range | null {
  const given = ranges.filter((r): r is Range => Boolean(r));
  if (!given.length) return null;
  return { low: Math.min(...given.map((r) => r.low)), high: Math.max(...given.map((r) => r.high)) };
}

/** Threshold above which two tellings are merged. */
export const MERGE_THRESHOLD = 0.55;

/** Which family wins when two tellings of one event name different ones. */
export const FAMILY_RANK: Record<Family, number> = {
  assassination: 1,
  airstrike: 2,
  drone: 2,
  missile: 2,
  rocket: 2,
  artillery: 2,
  bombing: 2,
  maritime: 3,
  ground: 0,
  riot: 0,
  meeting: 0,
};

/** A claim of responsibility beats a denial, a denial a refusal to comment, and so on. */
export const CLAIM_RANK: Record<ClaimStatus, number> = { claimed: 4, denied: 3, declined: 2, attributed: 1, unknown: 0 };
export const firmerClaim = (a: ClaimStatus, b: ClaimStatus): ClaimStatus => (CLAIM_RANK[b] > CLAIM_RANK[a] ? b : a);

/** A stored event as the merge policy sees it. */
export type StoredEvent = Comparable & { id: string; provenance: string; claim: ClaimStatus };

/**
 * Which stored event each of an article's events is, if any: best pairs first, one to one. The
 * article's own events are already distinct (the pipeline merged what it could), so two of them
 * never join the same stored event; only captions may add to one already claimed.
 */
export function assignToStored<S extends StoredEvent>(evs: ExtractedEvent[], candidates: (e: ExtractedEvent) => S[], index: ActorIndex): Map<number, S> {
  const pairs: { e: ExtractedEvent; s: S; score: number }[] = [];
  for (const e of evs)
    for (const s of candidates(e)) {
      const score = sameEventScore(e, s, index);
      if (score >= MERGE_THRESHOLD) pairs.push({ e, s, score });
    }
  pairs.sort((a, b) => b.score - a.score);
  const out = new Map<number, S>();
  const claimed = new Map<string, ExtractedEvent[]>();
  for (const { e, s } of pairs) {
    if (out.has(e.key)) continue;
    const others = claimed.get(s.id) ?? [];
    if (!others.every((o) => e.weakOnly || o.weakOnly)) continue;
    out.set(e.key, s);
    claimed.set(s.id, [...others, e]);
  }
  return out;
}

export type Combined = Dated & { family: Family; attacker: string | null; target: string | null; claim: ClaimStatus; place: Place | null; moved: boolean };

/**
 * A new telling of a stored event. Curated events keep their reviewed facts and only gain the
 * source (null: nothing to change); so does any event told only by a caption. Extracted ones take
 * a narrower date, a more precise place, a missing actor, a more specific actor (the Quds Force
 * for Iran) or a firmer claim; figures are never combined here but kept per source as a range.
 */
export function combineTelling(s: StoredEvent, e: ExtractedEvent, index: ActorIndex): Combined | null {
  if (s.provenance !== "extracted" || e.weakOnly) return null;
  const d = combineDates(s, e);
  const place = betterPlace(s.place, e.place);
  const deeper = (stored: string | null, told: string | null) =>
    !stored ? told : told && told !== stored && lineage(told, index).includes(stored) && actorAgreement(stored, told, index) === 1 ? told : stored;
  return {
    ...d,
    family: s.family && FAMILY_RANK[s.family] >= FAMILY_RANK[e.family] ? s.family : e.family,
    attacker: deeper(s.attacker, e.attacker),
    target: deeper(s.target, e.target),
    claim: firmerClaim(s.claim, e.claim),
    place,
    moved: place !== s.place && place !== null,
  };
}
