/**
 * Scoring for `npm run eval`. A predicted event matches a true one when the family is one the
 * truth allows, the date ranges overlap (a day of slack for time zones: "date within its
 * precision"), and the places lie within tolerance: the truth's own tolerance plus the predicted
 * place's uncertainty radius (a country-level guess may stand for any place in that country, but
 * it is then only as good as that). Matching is one-to-one, closest pairs first; a second
 * prediction of one true event is a false positive (a missed merge).
 */
import type { Family } from "../lib/schema";
import { familiesCompatible } from "../lib/pipeline/merge";
import { distanceKm } from "../lib/pipeline/places";
import { addDays, daysBetween } from "../lib/pipeline/dates";
import type { NewsTruthEvent } from "../lib/pipeline/testing/news-corpus";

export type TruthEvent = {
  id: string;
  dateStart: string;
  dateEnd: string;
  families: Family[];
  place: { lat: number; lon: number; toleranceKm: number };
  optional?: boolean;
};
export type TruthLink = { from: string; to: string; optional?: boolean };
export type PredEvent = { id: string; dateStart: string; dateEnd: string; family: Family; lat: number; lon: number; uncertaintyKm: number };
export type PredLink = { from: string; to: string };

/** Uncertainty radius by geo precision when a place has no area of its own (km). */
export const RADIUS_BY_PRECISION = [0, 10, 30, 150, 400] as const;

export function matches(p: PredEvent, t: TruthEvent, lenientFamily = false): boolean {
  const familyOk = lenientFamily ? t.families.some((f) => familiesCompatible(f, p.family)) : t.families.includes(p.family);
  if (!familyOk) return false;
  if (p.dateStart > addDays(t.dateEnd, 1) || t.dateStart > addDays(p.dateEnd, 1)) return false;
  return distanceKm(p, t.place) <= t.place.toleranceKm + p.uncertaintyKm;
}

export type EventScore = {
  assignment: Map<string, string>;
  truePositives: number;
  predicted: number;
  required: number;
  requiredFound: number;
  recall: number;
  precision: number;
  missed: string[];
  extra: string[];
};

export function scoreEvents(pred: PredEvent[], truth: TruthEvent[], lenientFamily = false): EventScore {
  return assign(pred, truth, (p, t) => matches(p, t, lenientFamily));
}

/**
 * The news corpus's own rule (shared/eval/news README, "How the truth was made"): family is not
 * scored; the predicted date, or an honest span of at most a month, must agree with the truth's
 * date at its precision (a YYYY-MM date takes any day of that month) or with one of its
 * `date_alt`; the predicted point must lie within `tol_km` of the truth point.
 */

export function matchesNews(p: PredEvent, t: NewsTruthEvent): boolean {
  if (daysBetween(p.dateStart, p.dateEnd) > 31) return false;
  const agrees = (d: string) =>
    d.length === 7 ? p.dateStart.slice(0, 7) <= d && p.dateEnd.slice(0, 7) >= d : p.dateStart <= d && p.dateEnd >= d;
  if (![t.date, ...t.dateAlt].some(agrees)) return false;
  return distanceKm(p, t) <= t.tolKm;
}

export function scoreNewsEvents(pred: PredEvent[], truth: NewsTruthEvent[]): EventScore {
  const asTruth = truth.map((t): TruthEvent => ({ id: t.id, dateStart: t.date, dateEnd: t.date, families: [], place: { lat: t.lat, lon: t.lon, toleranceKm: t.tolKm } }));
  const byId = new Map(truth.map((t) => [t.id, t]));
  return assign(pred, asTruth, (p, t) => matchesNews(p, byId.get(t.id)!));
}

/** Radius around a noise point within which an extracted event counts as placed on it (README). */
export const NOISE_RADIUS_KM = 100;

export const onNoisePoint = (p: { lat: number; lon: number }, noise: { lat: number; lon: number }[]) =>
  noise.some((n) => distanceKm(p, n) <= NOISE_RADIUS_KM);

function assign(pred: PredEvent[], truth: TruthEvent[], ok: (p: PredEvent, t: TruthEvent) => boolean): EventScore {
  const pairs: { p: PredEvent; t: TruthEvent; cost: number }[] = [];
  for (const p of pred)
    for (const t of truth)
      if (ok(p, t))
        pairs.push({ p, t, cost: distanceKm(p, t.place) / (t.place.toleranceKm + p.uncertaintyKm + 1) + daysBetween(p.dateStart, p.dateEnd) / 400 + (t.optional ? 1 : 0) });
  pairs.sort((a, b) => a.cost - b.cost);
  const assignment = new Map<string, string>();
  const used = new Set<string>();
  for (const { p, t } of pairs) {
    if (assignment.has(p.id) || used.has(t.id)) continue;
    assignment.set(p.id, t.id);
    used.add(t.id);
  }
  const required = truth.filter((t) => !t.optional);
  const requiredFound = required.filter((t) => used.has(t.id)).length;
  return {
    assignment,
    truePositives: assignment.size,
    predicted: pred.length,
    required: required.length,
    requiredFound,
    recall: required.length ? requiredFound / required.length : 1,
    precision: pred.length ? assignment.size / pred.length : 1,
    missed: required.filter((t) => !used.has(t.id)).map((t) => t.id),
    extra: pred.filter((p) => !assignment.has(p.id)).map((p) => p.id),
  };
}

export type LinkScore = { truePositives: number; predicted: number; required: number; requiredFound: number; recall: number; precision: number; missed: string[]; extra: string[] };

/** Links are compared through the event assignment; direction matters, kind does not. */
export function scoreLinks(pred: PredLink[], truth: TruthLink[], assignment: Map<string, string>): LinkScore {
  const key = (a: string, b: string) => `${a} -> ${b}`;
  const truthKeys = new Map(truth.map((l) => [key(l.from, l.to), l]));
  const found = new Set<string>();
  const extra: string[] = [];
  for (const l of pred) {
    const f = assignment.get(l.from);
    const t = assignment.get(l.to);
    const k = f && t ? key(f, t) : null;
    if (k && truthKeys.has(k)) found.add(k);
    else extra.push(key(f ?? l.from, t ?? l.to));
  }
  const required = truth.filter((l) => !l.optional);
  const requiredFound = required.filter((l) => found.has(key(l.from, l.to))).length;
  return {
    truePositives: found.size,
    predicted: pred.length,
    required: required.length,
    requiredFound,
    recall: required.length ? requiredFound / required.length : 1,
    precision: pred.length ? (pred.length - extra.length) / pred.length : 1,
    missed: required.filter((l) => !found.has(key(l.from, l.to))).map((l) => key(l.from, l.to)),
    extra,
  };
}
