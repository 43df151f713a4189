/**
 * Locating drafts: each draft's place phrases go through the geocoder; the most precise reading
 * wins, a launch site stands in for a vague impact area ("rockets from southern Lebanon into
 * northern Israel" is placed in southern Lebanon), places joined by "and" in different countries
 * make one event each ("bases in western Iraq and western Syria"), and a draft with no place of
 * its own borrows the latest place of its paragraph, or the country the article is about.
 */
import type { Place } from "../schema";
import type { ActorIndex } from "./actors";
import type { Draft } from "./assemble";
import type { DraftLink } from "./discourse";
import { toPlace, type GeocodeFn } from "./places";
import type { PlaceMention } from "./types";

export type Located = Draft & { place: Place | null; placeMention: string | null; origin: { lat: number; lon: number } | null };

const LAUNCHED = new Set(["rocket", "missile", "drone", "artillery"]);

export function locate(
  drafts: Draft[],
  links: DraftLink[],
  text: string,
  geocode: GeocodeFn,
  actors: ActorIndex,
): { located: Located[]; links: DraftLink[]; unresolved: string[] } {
  const unresolved = new Set<string>();
  const readings = new Map<string, Place | null>();
  const read = (m: PlaceMention, context: string): Place | null => {
    const key = `${m.mention}|${context}`;
    if (!readings.has(key)) {
      const r = geocode(m.mention, { context });
      if (!r.resolved) unresolved.add(m.mention);
      readings.set(key, r.resolved && r.confidence >= 0.3 ? toPlace(r) : null);
    }
    return readings.get(key)!;
  };

  const live = drafts.filter((d) => d.mergedInto === null && d.dropped === null);
  const out: Located[] = [];
  const twinsOf = new Map<number, number[]>();
  for (const d of live) {
    const readOf = d.places.map((m) => ({ m, p: read(m, d.context) })).filter((x): x is { m: PlaceMention; p: Place } => x.p !== null);
    const sites = readOf.filter((x) => x.m.role === "site");
    const origins = readOf.filter((x) => x.m.role === "origin");
    // The most precise place near the attack words: a precision step is worth 60 characters.
    const gap = (x: { m: PlaceMention }) => (x.m.span.start >= d.frame.end ? (x.m.span.start - d.frame.end) * 0.8 : Math.max(0, d.frame.start - x.m.span.end));
    const rank = (x: { m: PlaceMention; p: Place }) => x.p.precision + gap(x) / 60 - x.p.confidence / 10;
    const best = (xs: typeof readOf) => [...xs].sort((a, b) => rank(a) - rank(b))[0];
    const site = best(sites);
    const origin = best(origins);
    let chosen = site;
    if (origin && (!site || (LAUNCHED.has(d.family ?? "") && origin.p.precision <= site.p.precision))) chosen = origin;

    // Places joined by "and" right after the attack words, in different countries, are separate
    // strikes ("striking bases in western Iraq and western Syria").
    const pool = (chosen?.m.role === "origin" ? origins : sites).filter((x) => x.m.span.start >= d.frame.end && x.m.span.start - d.frame.end <= 60);
    const joined: typeof pool = [];
    for (const x of pool) {
      const prev = joined.at(-1);
      if (prev && !/^\s*(,\s*)?(and|or)?\s*(,\s*)?$/.test(text.slice(prev.m.span.end, x.m.span.start))) break;
      joined.push(x);
    }
    const split = joined.length > 1 && new Set(joined.map((x) => x.p.country)).size === joined.length ? joined : null;
    const variants = split ?? (chosen ? [chosen] : [null]);
    variants.forEach((v, i) => {
      const key = i === 0 ? d.key : drafts.length + out.length + 1000;
      if (i > 0) twinsOf.set(d.key, [...(twinsOf.get(d.key) ?? []), key]);
      out.push({
        ...d,
        key,
        place: v?.p ?? null,
        placeMention: v?.m.mention ?? null,
        origin: origin && v && origin !== v && v.m.role === "site" ? { lat: origin.p.lat, lon: origin.p.lon } : null,
      });
    });
  }

  // No place of its own: the latest place in its paragraph, else the country the article names most.
  const counts = new Map<string, number>();
  for (const x of out) if (x.place?.country) counts.set(x.place.country, (counts.get(x.place.country) ?? 0) + 1);
  const mainCode = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const countryPlace = (code: string | undefined): Place | null => {
    const name = code ? new Intl.DisplayNames(["en"], { type: "region" }).of(code) : undefined;
    const r = name ? geocode(name, {}) : null;
    return r?.resolved ? toPlace(r) : null;
  };
  const main = countryPlace(mainCode);
  for (const x of out) {
    if (x.place) continue;
    // A sibling in the same sentence ("killing X in a missile strike outside Damascus") comes first.
    const near =
      out.find((y) => y.place && y.sentence === x.sentence && y.group !== x.group) ??
      out.filter((y) => y.place && y.paragraph === x.paragraph && y.frame.start < x.frame.start).at(-1);
    // A named person killed somewhere unsaid was most likely killed at home.
    const victim = x.family === "assassination" && x.target ? actors.actors.get(x.target) : undefined;
    const home = victim?.kind === "person" ? countryPlace(victim.country) : null;
    const borrowed = near?.place ?? home ?? main;
    if (borrowed) {
      // Borrowed places are less certain than named ones; widen their area accordingly.
      x.place = { ...borrowed, confidence: borrowed.confidence * 0.5, areaKm: Math.max(borrowed.areaKm ?? 0, near ? 50 : 300) };
      x.placeMention = near?.placeMention ?? borrowed.name;
    }
  }

  const extra: DraftLink[] = [];
  for (const l of links) {
    for (const t of twinsOf.get(l.from) ?? []) extra.push({ ...l, from: t });
    for (const t of twinsOf.get(l.to) ?? []) extra.push({ ...l, to: t });
  }
  return { located: out, links: [...links, ...extra], unresolved: [...unresolved] };
}

