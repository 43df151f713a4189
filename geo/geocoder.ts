/**
 * Turns a place mention into a GeocodeResult: first the whole phrase as a name ("southern
 * Lebanon" and "Camp Taji" are curated names), then a head noun with a located complement
 * ("U.S. airbase in Iraq" → Iraq, at a country's precision), then a qualifier read off it
 * ("near X", "off the coast of X", …) applied to the resolved core with area.ts, and last a
 * building or street placed by the town it names or the town the text is about, trusted little.
 * Every answer with an area also carries `radiusKm`, the radius of a circle of the same area.
 */
import * as turf from "@turf/turf";
import type { GeoPrecision, PlaceKind } from "../lib/schema";
import { offsetFrom, offshore, partOfPoint, partOfShape, radiusArea, sharedBorder, waterOff, type Located } from "./area";
import { ContextCache, countryOfDemonym, kindCue, parentCue, type ContextProfile } from "./context";
import { US_STATE_ABBREVIATIONS } from "./data/subunit-names";
import type { Gazetteer, Place } from "./gazetteer";
import { COMPASS_WORD, normalizeName } from "./normalize";
import {
  BUILDING_WORDS,
  cleanMention,
  institutionOf,
  parseQualifier,
  splitHead,
  STREET_WORDS,
  type Direction,
  type HeadSplit,
  type Qualifier,
} from "./qualifiers";
import type { GeoAlternative, GeoArea, GeocodeOptions, GeocodeResult, Geocoder, ResolvedGeocode } from "./result";
import { embassyKey } from "./sources/curated";
import { candidatesFor, MATCH_TRUST, rank, type Ranked, type RankOptions } from "./score";

const AREAL = new Set<PlaceKind>(["sea", "region", "province", "country"]);
const PROVINCE_KINDS = new Set<PlaceKind>(["province", "region"]);
const BASE_KINDS = new Set<PlaceKind>(["base", "airport"]);
const AIRPORT_KINDS = new Set<PlaceKind>(["airport"]);
const COUNTRY_KINDS = new Set<PlaceKind>(["country"]);
const TOWN_KINDS = new Set<PlaceKind>(["city", "town", "suburb"]);
/** Qualifiers whose word may instead be part of a name: "North", "Old", "… Valley". */
const NAME_PART_QUALIFIERS = new Set<Qualifier["type"]>(["part", "feature"]);
/** What the text calls the place ("the town of Kent") outweighs a region's lead over a same-named town. */
const CUE_BONUS = 2;

/** Words after a name that make it a division of its own: "Washington Township", "Lincoln County". */
const DIVISION_WORD = /^(?:township|county|parish|borough|district|municipality)$/i;

/** A loose spelling match is only taken for a place of some standing or one the context supports. */
const LOOSE_MIN_SCORE = 4;
/**
 * Below this prior (a town of ~30k), a namesake in a country the text never mentions may well be
 * a different place the gazetteer lacks than the one meant: it is given, but trusted little.
 */
const OBSCURE_PRIOR = 3.3;
/** The most an obscure namesake is trusted. */
const OBSCURE_TRUST = 0.4;
/** Readings this close to the chosen one are the same place seen by two sources. */
const SAME_PLACE_KM = 3;
const MAX_ALTERNATIVES = 3;
/** The most a building or street placed by the town it is in or named after is trusted. */
const FACILITY_TRUST = 0.5;
/** A building or street placed only by the town the text is about: a guess, and said to be one. */
const LOCALE_TRUST = 0.25;
/** A name the gazetteer lacks, placed at the town the text is about: less than a street, which at least says what it is. */
const UNLISTED_TRUST = 0.2;
/** How far around the text's town an unlisted place may be (km). */
const UNLISTED_SLACK_KM = 50;
/** How far around its town a building or street may be (km). */
const FACILITY_SLACK_KM = 10;
/** A leading name must be at least a town of ~10k (or one the text supports) to place a building. */
const FACILITY_MIN_PRIOR = 3.0;

const DIR_WORDS: Record<Direction, string> = {
  n: "northern", s: "southern", e: "eastern", w: "western",
  ne: "north-eastern", nw: "north-western", se: "south-eastern", sw: "south-western", c: "central",
};

interface Reading {
  ranked: Ranked[];
  best: Ranked;
  confidence: number;
}

/** What a head noun says the thing is, when it says ("U.S. airbase" → base); else the place's own kind. */
const HEAD_KINDS: [RegExp, PlaceKind][] = [
  [/\b(?:air\s*bases?|airbases?|bases?|camps?|garrisons?|air\s*fields?|airfields?|outposts?)\b/i, "base"],
  [/\bairports?\b/i, "airport"],
  [/\b(?:embass(?:y|ies)|consulates?)\b/i, "embassy"],
];
/** A head that names a place of its own must lie this close to (or inside) the place its complement names. */
const HEAD_SLACK_KM: Record<HeadSplit["relation"], number> = { in: 10, near: 60, off: 150, offset: 60 };

const areaRadii = new WeakMap<object, number>();

/** The radius of the circle with the same area as `area` (km), or its own radius for a circle. */
export function equivalentRadius(area: GeoArea): number {
  if (area.type === "radius") return area.km;
  let km = areaRadii.get(area.geometry);
  if (km === undefined) {
    km = Math.max(0.1, Math.round((Math.sqrt(turf.area(area.geometry) / Math.PI) / 1000) * 10) / 10);
    areaRadii.set(area.geometry, km);
  }
  return km;
}

function withRadius(r: GeocodeResult): GeocodeResult {
  return r.resolved && r.area ? { ...r, radiusKm: equivalentRadius(r.area) } : r;
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return turf.distance([a.lon, a.lat], [b.lon, b.lat]);
}

const unresolved = (mention: string, reason: string): GeocodeResult => ({ resolved: false, mention, reason });

function roughKm(a: Place, b: Place): number {
  const dLat = (a.lat - b.lat) * 111;
  const dLon = (a.lon - b.lon) * 111 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}

function alternatives(reading: Reading): GeoAlternative[] {
  const out: GeoAlternative[] = [];
  const seen: Place[] = [reading.best.place];
  for (const r of reading.ranked) {
    if (out.length >= MAX_ALTERNATIVES) break;
    if (seen.some((p) => roughKm(p, r.place) < SAME_PLACE_KM)) continue;
    seen.push(r.place);
    out.push({ name: r.place.name, lat: r.place.lat, lon: r.place.lon, kind: r.place.kind, country: r.place.country, score: round(r.share, 3) });
  }
  return out;
}

function round(n: number, d: number): number {
  return Math.round(n * 10 ** d) / 10 ** d;
}

function isObscureNamesake(r: Ranked, ctx: ContextProfile): boolean {
  const p = r.place;
  return p.source === "geonames" && !AREAL.has(p.kind) && p.prior < OBSCURE_PRIOR && ctx.countries.size > 0 && r.support === 0;
}

/** Coarser by one step, never finer than "near a town" (2) nor coarser than a country (4). */
function partPrecision(p: GeoPrecision): GeoPrecision {
  return p >= 4 ? 3 : 2;
}

export class Resolver implements Geocoder {
  private readonly contexts: ContextCache;

  constructor(private readonly gaz: Gazetteer) {
    this.contexts = new ContextCache(gaz);
  }

  geocode(mention: string, opts: GeocodeOptions = {}): GeocodeResult {
    return withRadius(this.resolve(mention, opts));
  }

  private resolve(mention: string, opts: GeocodeOptions): GeocodeResult {
    const cleaned = cleanMention(mention);
    if (!cleaned || !/\p{L}/u.test(cleaned)) return unresolved(mention, "empty mention");
    const evidence = this.contexts.get(opts.context);
    const ctx = evidence.profile(normalizeName(cleaned));

    const cue = kindCue(opts.context, cleaned);
    const cued: RankOptions = cue ? { prefer: { kinds: cue === "town" ? TOWN_KINDS : PROVINCE_KINDS, bonus: CUE_BONUS } } : {};
    const whole = this.read(cleaned, ctx, cued);
    if (whole) {
      // "LONDON, Ontario" or "Kent, Ohio" in the text settles which London or Kent it means. Not
      // for a state or country itself: "Texas, Florida" is a list, not Texas inside Florida.
      const parent = AREAL.has(whole.best.place.kind) ? undefined : parentCue(opts.context, cleaned);
      const narrowed = parent ? this.parentFilter(parent, ctx) : undefined;
      const inParent = narrowed?.areal ? this.read(cleaned, ctx, { ...cued, ...narrowed.filter }) : undefined;
      // Only a place of that very name: in "Washington, New York and Chicago" no New York town that
      // merely lists "Washington" among its old names is meant.
      if (inParent?.best.match !== "primary") return this.result(mention, whole);
      // The namesakes elsewhere stay as alternatives, with their shares of the unnarrowed ranking.
      return this.result(mention, { ...inParent, ranked: [inParent.best, ...whole.ranked] });
    }

    const { core, q } = parseQualifier(cleaned);
    if (q.type !== "embassy" && q.type !== "border") {
      const headed = this.headed(mention, cleaned, opts);
      if (headed) return headed;
    }
    const coreCtx = evidence.profile(normalizeName(core));
    if (q.type !== "none") {
      const r = this.qualified(mention, core, q, coreCtx);
      // "North State Street", "South Kilburn Estate": a compass or feature word that begins a name
      // the gazetteer lacks is part of that name, which is then placed like any unknown name. So
      // is one whose rest is only a village in a country the text never names ("West Wing" in a
      // story set in Washington is no part of Wing, Buckinghamshire).
      if (!NAME_PART_QUALIFIERS.has(q.type) || (r.resolved && !this.obscurePart(core, coreCtx))) return r;
      return this.facility(mention, cleaned, opts, ctx) ?? this.unlisted(mention, cleaned, ctx) ?? r;
    }

    const fallback = (core !== cleaned && this.read(core, coreCtx)) || this.read(core, coreCtx, {}, true);
    if (fallback) return this.result(mention, fallback);
    return this.facility(mention, cleaned, opts, ctx) ?? this.unlisted(mention, cleaned, ctx) ?? unresolved(mention, `no gazetteer entry matches "${cleaned}"`);
  }

  /** Whether the core of "West X" reads only as an obscure namesake, while the text is set in a town. */
  private obscurePart(core: string, ctx: ContextProfile): boolean {
    const r = this.read(core, ctx);
    return !!ctx.locale && !!r && isObscureNamesake(r.best, ctx);
  }

  /**
   * A proper name the gazetteer lacks (a village, a neighbourhood, a stadium) in a story set in a
   * town: most likely in or around that town. Said to be a guess: never finer than a region, and
   * trusted below what the pipeline takes (0.3), so it only ever shows as a hint, never as an event's place.
   */
  private unlisted(mention: string, cleaned: string, ctx: ContextProfile): ResolvedGeocode | undefined {
    const home = ctx.locale;
    if (!home || !/^[\p{Lu}\p{N}]/u.test(cleaned)) return undefined;
    const best: Ranked = { place: home, match: "primary", score: home.prior, support: 0, share: 1 };
    return {
      ...this.result(mention, { ranked: [best], best, confidence: UNLISTED_TRUST }, { area: radiusArea(home.radiusKm + UNLISTED_SLACK_KM) }),
      name: cleaned.replace(/^(?:a|an|the)\s+/i, ""),
      kind: "site",
      precision: 3,
    };
  }

  /**
   * A building, institution or street the gazetteer lacks: "Colchester General Hospital" is in
   * Colchester, "University of California" in California, and "Royal Street" or "City Hall" in the
   * town the text is about. Never finer than "near a town", and trusted little.
   */
  private facility(mention: string, cleaned: string, opts: GeocodeOptions, ctx: ContextProfile): ResolvedGeocode | undefined {
    const street = STREET_WORDS.test(cleaned);
    if (!street && !BUILDING_WORDS.test(cleaned)) return undefined;
    const name = cleaned.replace(/^(?:a|an|the)\s+/i, "");
    const within = (where: ResolvedGeocode, trust: number): ResolvedGeocode => ({
      ...where,
      mention,
      name,
      kind: "site",
      precision: Math.max(2, where.precision) as GeoPrecision,
      confidence: round(Math.min(where.confidence * trust, FACILITY_TRUST), 3),
      area: where.area ?? radiusArea(FACILITY_SLACK_KM),
    });
    const of = institutionOf(name);
    if (of) {
      const where = this.resolve(of, opts);
      if (where.resolved && where.confidence >= 0.3) return within(where, 0.7);
    }
    if (!street) {
      // The longest leading run of words that names a place of some standing: "Seoul Central District Court".
      const words = name.split(" ");
      for (let n = words.length - 1; n >= 1 && /^\p{Lu}/u.test(name); n--) {
        const lead = words.slice(0, n).join(" ");
        // "Northwest Cancer Centre": a compass word alone is a direction, not the town it may also
        // name; "Washington Township" is a division named after someone, not a part of the town
        // Washington (while "Cavan County Council" is in the county Cavan).
        if (COMPASS_WORD.test(normalizeName(lead))) continue;
        const r = this.read(lead, ctx);
        const p = r?.best.place;
        if (p && !AREAL.has(p.kind) && DIVISION_WORD.test(words[n] ?? "")) continue;
        if (r && p && r.confidence >= 0.3 && (p.prior >= FACILITY_MIN_PRIOR || r.best.support > 0)) {
          return within(this.result(mention, r, AREAL.has(p.kind) ? {} : { area: radiusArea(p.radiusKm + FACILITY_SLACK_KM) }), 0.7);
        }
      }
    }
    const home = ctx.locale;
    if (!home) return undefined;
    const best: Ranked = { place: home, match: "primary", score: home.prior, support: 0, share: 1 };
    return within(this.result(mention, { ranked: [best], best, confidence: LOCALE_TRUST }, { area: radiusArea(home.radiusKm + FACILITY_SLACK_KM) }), 1);
  }

  /**
   * "U.S. airbase in Iraq", "militia headquarters near Al-Qaim", "Camp Taji in Iraq": a head noun
   * phrase with a located complement. A head that is itself a place inside (or near) the
   * complement's place wins; otherwise the mention is placed where the complement says, with the
   * complement's precision (a country stays 4, "in western Iraq" 3), never finer.
   */
  private headed(mention: string, cleaned: string, opts: GeocodeOptions): ResolvedGeocode | undefined {
    for (const split of splitHead(cleaned)) {
      const where = this.resolve(split.complement, opts);
      if (!where.resolved) continue;
      const named = this.namedHead(split, where, opts);
      if (named) return { ...named, mention };
      const kind = HEAD_KINDS.find(([re]) => re.test(split.head))?.[1] ?? where.kind;
      return {
        ...where,
        mention,
        name: cleaned.replace(/^(?:a|an|the|one)\s+/i, ""),
        kind,
        confidence: round(where.confidence * 0.9, 3),
      };
    }
    return undefined;
  }

  /** The head read as a place, kept only when it is finer than the complement and where the complement says. */
  private namedHead(split: HeadSplit, where: ResolvedGeocode, opts: GeocodeOptions): ResolvedGeocode | undefined {
    if (!/\p{Lu}/u.test(split.head)) return undefined;
    const r = this.resolve(split.head, { context: `${split.complement}. ${opts.context ?? ""}` });
    if (!r.resolved || r.precision > where.precision || r.confidence < 0.3) return undefined;
    if (where.country && r.country && where.country !== r.country && split.relation === "in") return undefined;
    const reach = (where.area ? equivalentRadius(where.area) : 0) + HEAD_SLACK_KM[split.relation];
    return distanceKm(r, where) <= reach ? r : undefined;
  }

  /** Ranks the readings of a name; loose spelling matches only when asked and only if strong enough. */
  private read(text: string, ctx: ContextProfile, opts: RankOptions = {}, loose = false): Reading | undefined {
    const ranked = rank(candidatesFor(text, this.gaz, loose), ctx, opts);
    const best = ranked[0];
    if (!best) return undefined;
    if (best.match === "loose" && best.score < LOOSE_MIN_SCORE) return undefined;
    const confidence = round(best.share * MATCH_TRUST[best.match], 3);
    // A village in a country the text never names may be a place the gazetteer lacks: still the
    // best guess there is, but never a confident one.
    if (isObscureNamesake(best, ctx)) return { ranked, best, confidence: Math.min(confidence, OBSCURE_TRUST) };
    return { ranked, best, confidence };
  }

  /** The place's own extent: its polygon where one is known, a circle for other areas, nothing for a point. */
  private ownArea(p: Place): GeoArea | undefined {
    const shape = AREAL.has(p.kind) || p.precision > 1 ? this.gaz.shape(p.id) : undefined;
    if (shape) return { type: "polygon", geometry: shape };
    return p.precision > 1 ? radiusArea(p.radiusKm) : undefined;
  }

  private result(mention: string, reading: Reading, over: Partial<ResolvedGeocode> = {}): ResolvedGeocode {
    const p = reading.best.place;
    const area = "area" in over ? over.area : this.ownArea(p);
    return {
      resolved: true,
      mention,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      precision: p.precision,
      kind: p.kind,
      country: p.country,
      confidence: reading.confidence,
      alternatives: alternatives(reading),
      source: p.source,
      ...over,
      ...(area ? { area } : {}),
    };
  }

  private located(mention: string, reading: Reading, at: Located, over: Partial<ResolvedGeocode>): GeocodeResult {
    return this.result(mention, reading, { lat: at.lat, lon: at.lon, area: at.area, ...over });
  }

  private qualified(mention: string, core: string, q: Exclude<Qualifier, { type: "none" }>, ctx: ContextProfile): GeocodeResult {
    const notFound = () => unresolved(mention, `no gazetteer entry matches "${core}"`);
    switch (q.type) {
      case "near": {
        const r = this.read(core, ctx) ?? this.read(core, ctx, {}, true);
        if (!r) return notFound();
        const p = r.best.place;
        const pointLike = !AREAL.has(p.kind);
        return this.result(mention, r, {
          name: `near ${p.name}`,
          precision: pointLike ? 2 : p.precision,
          area: radiusArea(p.radiusKm + (pointLike ? 15 : 25)),
        });
      }
      case "suburb": {
        const r = this.read(core, ctx) ?? this.read(core, ctx, {}, true);
        if (!r) return notFound();
        const p = r.best.place;
        return this.result(mention, r, { name: `suburb of ${p.name}`, kind: "suburb", precision: 2, area: radiusArea(p.radiusKm + 5) });
      }
      case "part": {
        const r = this.read(core, ctx) ?? this.read(core, ctx, {}, true);
        if (!r) return notFound();
        const p = r.best.place;
        const shape = this.gaz.shape(p.id);
        const at = (shape && partOfShape(shape, q.dir)) ?? partOfPoint(p.lat, p.lon, Math.max(p.radiusKm, 2), q.dir);
        const kind: PlaceKind = p.kind === "country" ? "region" : AREAL.has(p.kind) ? p.kind : "suburb";
        return this.located(mention, r, at, { name: `${DIR_WORDS[q.dir]} ${p.name}`, kind, precision: partPrecision(p.precision) });
      }
      case "offset": {
        const r = this.read(core, ctx) ?? this.read(core, ctx, {}, true);
        if (!r) return notFound();
        const p = r.best.place;
        const at = offsetFrom(p.lat, p.lon, p.radiusKm, q.dir, q.km);
        const label = `${q.km === null ? "" : `${Math.round(q.km)} km `}${DIR_WORDS[q.dir].replace(/ern$/, "")} of ${p.name}`;
        return this.located(mention, r, at, { name: label, precision: AREAL.has(p.kind) ? p.precision : 2 });
      }
      case "offshore": {
        const r = this.read(core, ctx) ?? this.read(core, ctx, {}, true);
        if (!r) return notFound();
        const p = r.best.place;
        if (p.kind === "sea") return this.result(mention, r);
        const at = offshore(this.gaz.shape(p.id), p.lat, p.lon, p.radiusKm, this.gaz.land());
        if (!at) return unresolved(mention, `${p.name} has no coast to be off`);
        const precision = p.kind === "country" ? 3 : 2;
        const withShape = (w: Place) => ({ ...w, shape: this.gaz.shape(w.id) });
        const named = ctx.anchors.filter((a) => a.kind === "sea").map(withShape);
        const off = waterOff(at, this.gaz.seas().map(withShape), named);
        // The coastal state is kept: "off the coast of X" is usually in or near its waters.
        if (!off) return this.located(mention, r, at, { name: `off the coast of ${p.name}`, kind: "sea", precision });
        return this.located(mention, r, off.at, { name: off.water.name, kind: "sea", precision });
      }
      case "province":
        return q.level === 1 ? this.province(mention, core, ctx) : this.county(mention, core, ctx);
      case "feature": {
        // "downtown Chicago", "Lake Van": the place the feature is named after, as "near" it.
        const r = this.read(core, ctx);
        if (!r) return notFound();
        const p = r.best.place;
        return this.result(mention, r, {
          name: cleanMention(mention),
          precision: AREAL.has(p.kind) ? p.precision : 2,
          confidence: round(r.confidence * 0.7, 3),
          area: radiusArea(p.radiusKm + 25),
        });
      }
      case "border":
        return this.border(mention, core, q.other, ctx);
      case "embassy":
        return this.embassy(mention, core, q.of, ctx);
      case "facility": {
        const kinds = q.facility === "airport" ? AIRPORT_KINDS : BASE_KINDS;
        const r = this.read(core, ctx, { prefer: { kinds, bonus: 2 } }) ?? this.read(core, ctx, {}, true);
        if (!r) return notFound();
        const p = r.best.place;
        if (kinds.has(p.kind)) return this.result(mention, r);
        // An unlisted base or airport: the town it is named after, as "near a town", trusted less.
        return this.result(mention, r, {
          name: cleanMention(mention),
          kind: q.facility,
          precision: 2,
          confidence: round(r.confidence * 0.6, 3),
          area: radiusArea(p.radiusKm + 15),
        });
      }
      case "within":
        return this.within(mention, core, q.parent, ctx);
    }
  }

  /** "Kirkuk province": a curated province, or the GeoNames first-level division of the seat named. */
  private province(mention: string, core: string, ctx: ContextProfile): GeocodeResult {
    const r = this.read(core, ctx, { prefer: { kinds: PROVINCE_KINDS, bonus: 2 } });
    if (!r) return unresolved(mention, `no province matches "${core}"`);
    const p = r.best.place;
    if (PROVINCE_KINDS.has(p.kind)) return this.result(mention, r);
    const adm = p.country && p.admin1 ? this.gaz.admin1Area(p.country, p.admin1) : undefined;
    if (!adm) return this.result(mention, r, { name: `${p.name} province`, kind: "province", precision: 3, area: radiusArea(p.radiusKm + 40) });
    return this.result(mention, r, {
      name: `${p.name} province`,
      lat: adm.lat,
      lon: adm.lon,
      kind: "province",
      precision: 3,
      area: radiusArea(adm.radiusKm),
    });
  }

  /**
   * "Orange County", "Afrin district": the gazetteer has no second-level divisions, so the town
   * the division is named after (usually its seat, or inside it) stands for it, with a wide circle.
   */
  private county(mention: string, core: string, ctx: ContextProfile): GeocodeResult {
    const r = this.read(core, ctx);
    if (!r) return unresolved(mention, `no district or county matches "${core}"`);
    const p = r.best.place;
    if (AREAL.has(p.kind)) return this.result(mention, r);
    return this.result(mention, r, {
      name: cleanMention(mention),
      kind: "province",
      precision: 3,
      confidence: round(r.confidence * 0.8, 3),
      area: radiusArea(p.radiusKm + 35),
    });
  }

  /** A country read from a name or a demonym ("Syrian-Iraqi border"). */
  private country(text: string, ctx: ContextProfile): Reading | undefined {
    const iso = countryOfDemonym(text);
    const place = iso ? this.gaz.countryPlace(iso) : undefined;
    if (place) {
      const best: Ranked = { place, match: "demonym", score: place.prior, support: 0, share: 1 };
      return { ranked: [best], best, confidence: MATCH_TRUST.demonym };
    }
    return this.read(text, ctx, { prefer: { kinds: COUNTRY_KINDS, bonus: 2 } });
  }

  private border(mention: string, a: string, b: string, ctx: ContextProfile): GeocodeResult {
    const ra = this.country(a, ctx);
    const rb = this.country(b, ctx);
    if (!ra || !rb) return unresolved(mention, `no gazetteer entry matches "${ra ? b : a}"`);
    const sa = this.gaz.shape(ra.best.place.id);
    const sb = this.gaz.shape(rb.best.place.id);
    const at = sa && sb ? sharedBorder(sa, sb) : undefined;
    if (!at) return unresolved(mention, `${ra.best.place.name} and ${rb.best.place.name} share no border in the gazetteer`);
    return this.located(mention, ra, at, {
      name: `${ra.best.place.name}–${rb.best.place.name} border`,
      kind: "region",
      precision: 3,
      confidence: round(Math.min(ra.confidence, rb.confidence), 3),
    });
  }

  /** "the Iranian embassy in Beirut": a curated embassy, else the host city as "part of a town". */
  private embassy(mention: string, host: string, of: string | null, ctx: ContextProfile): GeocodeResult {
    const owner = of ? this.country(of.replace(/(?:'s|’s)$/i, ""), ctx)?.best.place.country : undefined;
    if (owner) {
      const ids = this.gaz.lookup(normalizeName(embassyKey(owner, host)));
      const id = ids[0];
      if (id !== undefined) {
        const place = this.gaz.place(id);
        const best: Ranked = { place, match: "alias", score: place.prior, support: 0, share: 1 };
        return this.result(mention, { ranked: [best], best, confidence: 0.9 });
      }
    }
    const r = this.read(host, ctx);
    if (!r) return unresolved(mention, `no gazetteer entry matches "${host}"`);
    const p = r.best.place;
    return this.result(mention, r, {
      name: `${of ? `${of} ` : ""}embassy in ${p.name}`,
      kind: "embassy",
      precision: 2,
      confidence: round(r.confidence * 0.8, 3),
      area: radiusArea(p.radiusKm),
    });
  }

  /** What "X, Parent" narrows X to: a US state's towns, a province's, a country's; `areal` says the parent is a state or country. */
  private parentFilter(parent: string, ctx: ContextProfile): { filter: RankOptions; areal: boolean } {
    const abbrev = Object.entries(US_STATE_ABBREVIATIONS).find(([, forms]) => forms.some((f) => normalizeName(f) === normalizeName(parent)));
    if (abbrev) return { filter: { admin1: { country: "US", code: abbrev[0] } }, areal: true };
    const p = this.read(parent, ctx)?.best.place;
    const areal = p?.kind === "country" || p?.kind === "province";
    if (!p?.country) return { filter: {}, areal: false };
    if (p.kind === "province" && p.admin1) return { filter: { admin1: { country: p.country, code: p.admin1 } }, areal };
    return { filter: { country: p.country }, areal };
  }

  /** "Portland, Maine", "Lebanon, Pa.", "Tripoli, Libya": the parent narrows the readings. */
  private within(mention: string, core: string, parent: string, ctx: ContextProfile): GeocodeResult {
    const { filter } = this.parentFilter(parent, ctx);
    const r = this.read(core, ctx, filter) ?? this.read(core, ctx, filter, true);
    if (r) return this.result(mention, r);
    // The parent did not narrow to anything known: the parent itself is the best we can say.
    const pr = this.read(parent, ctx);
    if (!pr) return unresolved(mention, `no gazetteer entry matches "${core}" or "${parent}"`);
    return this.result(mention, pr, {
      name: `${core}, ${pr.best.place.name}`,
      precision: Math.min(4, Math.max(2, pr.best.place.precision + 1)) as GeoPrecision,
      confidence: round(pr.confidence * 0.5, 3),
    });
  }
}
