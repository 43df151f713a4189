/**
 * Locating drafts: each draft's place phrases go through the geocoder; the most precise reading
 * wins, a launch site stands in for a vague impact area ("rockets from southern Lebanon into
 * northern Israel" is placed in southern Lebanon), places joined by "and" in different countries
 * make one event each ("bases in western Iraq and western Syria"), and a draft with no place of
 * its own borrows the latest place of its paragraph, or the country the article is about.
 */
import type { Place } from "../schema";
import { findActors, type ActorIndex } from "./actors";
import type { Draft } from "./assemble";
import type { DraftLink } from "./discourse";
import { distanceKm, placeTolerance, toPlace, type GeocodeFn } from "./places";
import type { PlaceMention } from "./types";

/** `finer`: a place inside `place` that a referring-back telling names; it stands in once the
 * article's tellings are merged, which compare the places first told. */
export type Located = Draft & { place: Place | null; placeMention: string | null; origin: { lat: number; lon: number } | null; finer: { place: Place; mention: string } | null };

const LAUNCHED = new Set(["rocket", "missile", "drone", "artillery"]);

/** Between two places: only a list joining them ("X and Y", "X, in Y, and in Z"). */
function coordinated(between: string): boolean {
  if (/^\s*(,\s*)?(in|near|outside|of)\s*$/i.test(between)) return true;
  return between.length <= 45 && !/[.;:]/.test(between) && /(,|\band\b|\bas well as\b)/.test(between) && !/\b(from|after|before|toward|towards|killing|when|while|into)\b|\b\w+ed\b/i.test(between);
}

const FACILITY_TAIL =
  /\s+(industrial\s+(area|zone|city)|area|district|zone|quarter|neighbou?rhood|embassy|consulate|(air|naval|military|army|marine)\s?base|airbase|base|(international\s+)?airport|compound|port|camp|outpost|airfield|barracks|garrison|(oil\s+)?(processing\s+)?plant|((oil|gas)\s+)?field|oil\s+facility|refinery|terminal|facility|pipeline|headquarters|border\s+crossing|crossing|checkpoint|province|governorate|region|district)$/i;

/** Plainer readings of a place phrase, each with the place it belongs to when the phrase says so
 * (and, where that place is a country, the country the reading must lie in). */
function variants(mention: string): { mention: string; owner?: string; country?: string }[] {
  const out: { mention: string; owner?: string; country?: string }[] = [{ mention }];
  const poss = mention.match(/^((?:near|outside|off|north of|south of|east of|west of)\s+)?(?:the\s+)?(\p{Lu}[\p{L}.'’ -]*?)['’]s\s+(.+)$/u);
  if (poss) {
    const [, q = "", owner, rest] = poss as unknown as [string, string | undefined, string, string];
    out.push({ mention: `${q}${owner} ${rest}` });
    if (/^\p{Lu}/u.test(rest)) out.push({ mention: `${q}${rest}`, owner });
  }
  // "airstrikes in Deir ez-Zor Syria": the country written after the town without a comma.
  const country = countries().find((c) => mention.endsWith(` ${c.name}`) && /\p{Lu}/u.test(mention.slice(0, -c.name.length - 1).replace(/^(near|outside|off|the|an?)\s+/gi, "")));
  if (country) out.push({ mention: mention.slice(0, -country.name.length - 1), owner: country.name, country: country.code });
  for (const v of [...out]) {
    const bare = v.mention.replace(FACILITY_TAIL, "");
    if (bare !== v.mention && /\p{Lu}/u.test(bare.replace(/^(near|outside|off|the|an?)\s+/gi, ""))) out.push({ ...v, mention: bare });
  }
  return out;
}

/** Below this a town read in a country the article never names is taken for a homonym. */
const HOMONYM_CONFIDENCE = 0.6;

let countryNames: { code: string; name: string; re: RegExp }[] | null = null;
/** Country names in English with their ISO codes. */
function countries(): { code: string; name: string; re: RegExp }[] {
  if (!countryNames) {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    countryNames = [];
    for (const a of letters)
      for (const b of letters) {
        const code = a + b;
        const name = names.of(code);
        if (name && name !== code && !/\b(Unknown|Region)\b/.test(name)) countryNames.push({ code, name, re: new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`) });
      }
  }
  return countryNames;
}

/** Countries a text names in English ("Mali", "Burkina Faso"), as ISO codes. */
export function countriesNamed(text: string): Set<string> {
  return new Set(countries().filter((c) => c.re.test(text)).map((c) => c.code));
}

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
      // The phrase as written, then plainer readings of it: "Baghdad's airport" → "Baghdad airport",
      // "Iran's Sistan-Baluchestan province" → "Sistan-Baluchestan province" (in Iran), "the Abqaiq
      // processing plant" → "Abqaiq". The most precise reading wins, the phrase as written on a tie.
      let best: Place | null = null;
      for (const v of variants(m.mention)) {
        const r = geocode(v.mention, { context: v.owner ? `${v.owner}. ${context}` : context });
        if (!r.resolved || r.confidence < 0.3 || (v.country && r.country !== v.country)) continue;
        const p = toPlace(r);
        if (!best || p.precision < best.precision) best = p;
      }
      if (!best) unresolved.add(m.mention);
      readings.set(key, best);
    }
    return readings.get(key)!;
  };

  // "Dar as Salam, Somalia": a reading in another country than the one named right after it is
  // a homonym (Dar es Salaam, Tanzania); the country named stands instead.
  const countryAfter = (m: PlaceMention): string | null => {
    const after = text.slice(m.span.end, m.span.end + 40).match(/^,\s*(\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?)/u);
    if (!after) return null;
    const r = geocode(after[1]!, {});
    return r.resolved && r.kind === "country" ? r.country : null;
  };
  // "… alongside the armies of three neighbours … near the town of Boni": an uncertain
  // reading in a country the article never names (Bonn, Germany), where the sentence names others,
  // is a homonym of a place the gazetteer lacks.
  const inArticle = countriesNamed(text);
  // "Saudi", "French": a state named by its people or forces is named too.
  for (const a of findActors(text, actors)) {
    const actor = actors.actors.get(a.actor);
    if (actor?.kind === "state" && actor.country) inArticle.add(actor.country);
  }
  const readIn = (m: PlaceMention, context: string): Place | null => {
    const p = read(m, context);
    if (!p || p.precision === 4) return p;
    const named = countryAfter(m);
    if (named && p.country && named !== p.country) return null;
    if (p.country && p.confidence < HOMONYM_CONFIDENCE && !inArticle.has(p.country) && countriesNamed(context).size > 0) return null;
    return p;
  };

  const live = drafts.filter((d) => d.mergedInto === null && d.dropped === null);
  const out: Located[] = [];
  const twinsOf = new Map<number, number[]>();
  for (const d of live) {
    const readOf = d.places.map((m) => ({ m, p: readIn(m, d.context) })).filter((x): x is { m: PlaceMention; p: Place } => x.p !== null);
    const sites = readOf.filter((x) => x.m.role === "site");
    const origins = readOf.filter((x) => x.m.role === "origin");
    // The most precise place near the attack words: a precision step is worth 60 characters; a
    // place told in a later telling of the attack counts as told a little way off.
    const gap = (x: { m: PlaceMention }) => Math.min(240, x.m.span.start >= d.frame.end ? (x.m.span.start - d.frame.end) * 0.8 : Math.max(0, d.frame.start - x.m.span.end));
    // A sea or a wide region says less than the coast or town named with it.
    const rank = (x: { m: PlaceMention; p: Place }) => x.p.precision + gap(x) / 60 - x.p.confidence / 10 + Math.min(1.5, (x.p.areaKm ?? 0) / 400);
    const best = (xs: typeof readOf) => [...xs].sort((a, b) => rank(a) - rank(b))[0];
    // A precise reading far from every other place the telling names is a misreading ("Salif" read
    // as a town in Algeria beside "the southern Red Sea"): leave it out.
    const others = (x: (typeof readOf)[number]) => readOf.filter((y) => y !== x);
    const plausible = (x: (typeof readOf)[number]) =>
      x.p.precision > 2 || others(x).length === 0 || others(x).some((y) => distanceKm(x.p, y.p) <= placeTolerance(x.p, y.p) + 1000);
    const site = best(sites.filter(plausible));
    const origin = best(origins.filter(plausible));
    let chosen = site;
    if (origin && (!site || (LAUNCHED.has(d.family ?? "") && origin.p.precision <= site.p.precision))) chosen = origin;

    // Places joined by "and" in different countries, or far apart, are separate strikes
    // ("striking bases in western Iraq and western Syria", "hit Ain al-Asad air base in Anbar
    // province and a site near Erbil airport"); a place inside another is the same strike.
    const after = (x: { m: PlaceMention }) => {
      const anchor = x.m.anchor ?? d.frame.end;
      return x.m.span.start >= anchor && x.m.span.start - anchor <= 100;
    };
    // The list the chosen place is in, as told after the attack words of its own telling.
    const anchorOf = (x: { m: PlaceMention }) => x.m.anchor ?? d.frame.end;
    const pool = (chosen?.m.role === "origin" ? origins : sites)
      .filter((x) => after(x) && (!chosen || anchorOf(x) === anchorOf(chosen)))
      .sort((a, b) => a.m.span.start - b.m.span.start);
    const chain: typeof pool = [];
    for (const x of pool) {
      const prev = chain.at(-1);
      // A place named inside the phrase before ("… air base in Anbar") belongs to the list as well.
      if (prev && x.m.span.start >= prev.m.span.end && !coordinated(text.slice(prev.m.span.end, x.m.span.start))) break;
      chain.push(x);
    }
    const clusters: (typeof pool)[] = [];
    for (const x of chain) {
      // A country joins the places in it; other places join when they overlap or lie close.
      // A sea (no country) joins the places on its shores.
      const home = clusters.find((c) =>
        c.some((y) => !x.p.country || !y.p.country || (y.p.country === x.p.country && (distanceKm(y.p, x.p) <= placeTolerance(y.p, x.p) + 50 || y.p.precision === 4 || x.p.precision === 4))),
      );
      if (home) home.push(x);
      else clusters.push([x]);
    }
    const apart = clusters.length > 1 && clusters.every((c, i) => clusters.slice(i + 1).every((o) => c[0]!.p.country !== o[0]!.p.country || Math.min(...c.map((y) => y.p.precision)) <= 2));
    const split = apart && (!chosen || clusters.some((c) => c.includes(chosen))) ? clusters.map((c) => best(c)!) : null;
    const variants = split ?? (chosen ? [chosen] : [null]);
    const refined = d.refined.map((m) => ({ m, p: readIn(m, d.context) })).filter((x): x is { m: PlaceMention; p: Place } => x.p !== null);
    const finerThan = (v: { p: Place }) => best(refined.filter((x) => x.p.precision < v.p.precision && distanceKm(x.p, v.p) <= placeTolerance(x.p, v.p)));
    variants.forEach((v, i) => {
      const f = v ? finerThan(v) : undefined;
      const key = i === 0 ? d.key : drafts.length + out.length + 1000;
      if (i > 0) twinsOf.set(d.key, [...(twinsOf.get(d.key) ?? []), key]);
      out.push({
        ...d,
        key,
        place: v?.p ?? null,
        placeMention: v?.m.mention ?? null,
        origin: origin && v && origin !== v && v.m.role === "site" ? { lat: origin.p.lat, lon: origin.p.lon } : null,
        finer: f ? { place: f.p, mention: f.m.mention } : null,
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
    const overlap = (y: Located) => Boolean(x.date && y.date && x.date.start <= y.date.end && y.date.start <= x.date.end);
    // "… struck at militants in the area": the area of the attacks just told, the finest place
    // of the latest paragraph before it that names one.
    const at = x.frame.start - x.evidence[0]!.start;
    const inTheArea = /\b(in|around|near) the (same |surrounding )?area\b/i.test(x.context.slice(at, at + x.words.length + 40));
    const lastBefore = out.filter((y) => y.place && y.paragraph < x.paragraph && y.frame.start < x.frame.start).at(-1)?.paragraph;
    const area = inTheArea ? out.filter((y) => y.place && y.paragraph === lastBefore).sort((a, b) => a.place!.precision - b.place!.precision)[0] : undefined;
    const near =
      out.find((y) => y.place && y.sentence === x.sentence && y.group !== x.group && overlap(y)) ??
      out.filter((y) => y.place && y.paragraph === x.paragraph && y.frame.start < x.frame.start).at(-1) ??
      area;
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

