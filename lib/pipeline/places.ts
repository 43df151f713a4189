/**
 * Places: place phrases of a sentence ("near Kirkuk", "from southern Lebanon", "at the Iranian
 * embassy in Beirut", "in western Iraq and western Syria") and their resolution through the
 * geocoder, which is injected so that this stage stays pure and testable without geo/.
 */
import { area as turfArea } from "@turf/turf";
import type { GeocodeResult } from "../../geo/result";
import type { Place } from "../schema";
import type { PlaceMention } from "./types";

export type GeocodeFn = (mention: string, opts?: { context?: string }) => GeocodeResult;

/** Arabic names keep their article in every spelling: al-, el-, and its forms before some letters (ez-Zor, ash-Shaddadi, ar-Raqqa, at-Tanf). */
const ARTICLE = "(?:al|el|ad|adh|an|ar|as|ash|at|ath|az|ed|es|ez|ul|ud)";
const NAME_WORD = `(?:\\p{Lu}[\\p{L}\\p{N}'’.-]*|${ARTICLE}-\\p{Lu}[\\p{L}'-]*|\\d{1,3}(?!\\d|,\\s*\\d{4}))`;
const NAME = `${NAME_WORD}(?:\\s+(?:of\\s+(?:the\\s+)?|al\\s+|bin\\s+|as\\s+|es\\s+|el\\s+|ad\\s+|ash\\s+)?${NAME_WORD}){0,4}`;
const FACILITY_NOUN =
  "(?:industrial\\s+(?:area|zone|city)|embassy|consulate|(?:air|naval|military|army|marine)\\s?base|airbase|base|(?:international\\s+)?airport|compound|port|camp|outpost|airfield|air\\s+field|barracks|garrison|(?:oil\\s+)?(?:processing\\s+)?plant|(?:oil|gas)\\s+field|oil\\s+facility|refinery|terminal|facility|pipeline|headquarters|border\\s+crossing|crossing|checkpoint|(?:power|nuclear)\\s+(?:plant|site|facility)|province|governorate|region|district|(?:(?:southern|northern|eastern|western)\\s+)?(?:suburbs?|outskirts)|old\\s+city|city\\s+cent(?:er|re))";
const FACILITY = `(?:\\s+${FACILITY_NOUN}(?:\\s+(?:in|at|near)\\s+NAME)?)`;
const QUAL =
  "(?:(?:the\\s+)?(?:(?:north|south)[- ]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central)\\s+(?:of\\s+)?|(?:a|the)\\s+(?:suburb|suburbs|outskirts)\\s+of\\s+|the\\s+coast\\s+of\\s+|(?:about\\s+|some\\s+|roughly\\s+)?\\d+\\s*(?:km|kilometers|kilometres|miles|nautical miles)\\s+(?:\\w+\\s+)?of\\s+)?";
/** Words that describe a place rather than name it ("the sprawling Ain al-Asad air base"). */
const ADJ =
  "(?:(?:sprawling|besieged|embattled|remote|strategic|key|main|major|vast|fortified|heavily|coastal|nearby|restive|volatile|densely|populated|bustling|disputed|occupied|holy|ancient|old|tiny|small|large|big|busy|crowded|desert|mountainous)\\s+){0,2}";
/** Prepositions, and the verbs whose object is where an attack landed ("struck Erbil Air Base"). */
const PREP =
  "\\b(in|near|outside|at|into|across|over|off|from|around|inside|toward|towards|on|onto|against|through|of|(?:north|south)(?:-?(?:east|west))? of|east of|west of|hit|struck|targeted|targeting|striking|hitting|pounded|pounding|bombed|bombing|shelled|shelling|attacked|attacking|raided|stormed)\\s+";
const ATTACK_VERB_PREP = /^(hit|struck|targeted|targeting|striking|hitting|pounded|pounding|bombed|bombing|shelled|shelling|attacked|attacking|raided|stormed)$/;
/** "the Yemeni capital Sanaa", "the border community of Avivim", "the Israeli port city of Eilat": what kind of place, then its name. */
const KIND_OF =
  "(?:(?:the\\s+|a\\s+)?(?:\\p{Lu}[\\p{L}-]+\\s+)?(?:(?:northern|southern|eastern|western|central|coastal|border|port|frontier|nearby|small|southern Lebanese|Druze|Kurdish)\\s+)?(?:capital|city|town|port city|port town|village|community|district|province|governorate|region|suburb|neighbou?rhood|area|island|settlement|kibbutz)\\s+(?:of\\s+)?(?=\\p{Lu}))?";
const MENTION = new RegExp(`${PREP}(${KIND_OF}(?:the\\s+|an?\\s+)?${QUAL}(?:the\\s+)?${ADJ}${NAME}${FACILITY.replace("NAME", NAME)}?)`, "gu");
const AND_MORE = new RegExp(`^(\\s*(?:,|and|,\\s*and|or)\\s+)((?:the\\s+)?${QUAL}(?:the\\s+)?${NAME}${FACILITY.replace("NAME", NAME)}?)`, "u");
/** Words before a "from" place that make it a launch site ("rockets fired from southern Lebanon"). */
const LAUNCH = /\b(fired|launched|launch|launching|took off|flew|flown|rockets?|missiles?|drones?|projectiles?|shells?|mortars?|originated|crossed|infiltrat\w*|barrage|salvo|volley|sent)\b/i;

/** Peoples and faiths: a place phrase that is only one of these is an adjective, not a place. */
const DEMONYM_ONLY = /^(Palestinians?|Americans?|Iranians?|Israelis?|Iraqis?|Syrians?|Lebanese|Yemenis?|British|Shiite|Sunni|Arabs?|Kurds?|Kurdish|Jews?|Muslims?|Christians?|European|Western|Pakistanis?|Saudis?|Jordanians?|Egyptians?|Turkish|Russians?|Druze|Baloch|Houthis?)$/;
/** A phrase ending in a people's name ("the Iran-aligned Iraqi [militia]") is an adjective phrase. */
const DEMONYM_LAST = /\b(Iraqi|Iranian|Syrian|Israeli|Lebanese|Yemeni|Saudi|Kuwaiti|Qatari|Emirati|Omani|Jordanian|Egyptian|Palestinian|Turkish|Kurdish|American|British|Russian|Afghan|Pakistani|Bahraini|Libyan|Sudanese)$/;
/** Capitalised phrases after a preposition that are not places. */
const NOT_PLACE =
  /^(?:the\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The Wall Street Journal|Wall Street Journal|Journal|Iraq War|Iran-Iraq war|Iron Dome|God|Twitter|Facebook|Telegram|President|Prime Minister|General|Gen|Brig|Col|Congress|Parliament|Islam|Quds Day|Jerusalem Day|Ramadan|Clause|Copyright|Photo|Head|Christmas|Easter|English|Arabic|Katyushas?|Grad|Qassam|Tomahawks?|Shahed|Fateh|Patriot|Hellfire|Reaper|Predator|Iron Dome)\b/;

/** A place that is the subject of a passive attack verb ("Camp Taji was hit by rockets", "… came under fire"). */
const PASSIVE_SITE = new RegExp(
  `(?:^|[,;:]\\s*|\\b(?:and|when|as|after|before)\\s+|\\b(?:On|on|Late|late|Early|early)\\s+\\p{Lu}[\\p{L}.]*(?:\\s+\\d{1,2})?,?\\s+)((?:the\\s+)?${ADJ}${NAME}${FACILITY.replace("NAME", NAME)}?)\\s+(?:was|were|has been|had been|have been)\\s+(?:\\w+ly\\s+|also\\s+|again\\s+)*(?:hit|struck|attacked|targeted|shelled|bombed|raided|stormed|rocketed|pounded)\\b|((?:the\\s+)?${ADJ}${NAME}${FACILITY.replace("NAME", NAME)}?)\\s+came under\\s+(?:\\w+\\s+)?(?:fire|attack)\\b`,
  "gu",
);

/** Place phrases in a sentence; spans relative to the sentence. */
export function findPlaces(text: string, isActorName: (s: string) => boolean): PlaceMention[] {
  const out: PlaceMention[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const prep = m[1]!.toLowerCase();
    // "Secretary of State Mike Pompeo", "the Ministry of Defence": a title, not a place.
    if (/^(of|for)$/.test(prep) && /\b(Secretary|Minister|Ministry|Department|Office|Chief|Director|Council|Commander|Head|Governor|Ambassador|Envoy|Representative|Chairman|Speaker|Bureau|Agency)\s*$/.test(text.slice(0, m.index))) continue;
    // "the militaries of Mali, Burkina Faso, and Niger": whose forces, not where.
    if (prep === "of" && /\b(militar(y|ies)|armed forces|forces|arm(y|ies)|navy|navies|air forces?|governments?|leaders?|people)\s*$/i.test(text.slice(0, m.index))) continue;
    const role = prep === "from" ? "origin" : "site";
    const push = (raw: string, at: number) => {
      let start = at;
      if (!/\p{L}/u.test(raw)) return;
      // A closing full stop belongs to the sentence unless it ends an abbreviation ("U.S.").
      const full = /(^|[^\p{Lu}])\p{Lu}?[\p{Ll}\d]+\.$/u.test(raw) ? raw.slice(0, -1) : raw;
      const kindLen = full.length - full.replace(new RegExp(`^${KIND_OF}`, "u"), "").length;
      const mention = full.slice(kindLen);
      start += kindLen;
      // "an Iran-aligned Iraqi militia", "the Barbados-flagged bulk carrier": adjectives, not a place.
      if (/-(linked|backed|led|owned|aligned|based|allied|affiliated|flagged|registered|operated|made|built)\b/.test(mention) || DEMONYM_LAST.test(mention)) return;
      const core = mention.replace(/^(the|an?)\s+/i, "");
      const owner = core.replace(/['’]s$/, "");
      // "on 27 June", "of the 22nd Guards": a day or a number leads no place name.
      if (NOT_PLACE.test(core) || DEMONYM_ONLY.test(core) || /^\d/.test(core) || isActorName(core) || isActorName(owner)) return;
      // "recalled its ambassador from Tehran": only a launch is told with "from".
      if (prep === "from" && !LAUNCH.test(text.slice(Math.max(0, start - 90), start))) return;
      // "the brother of Syrian President Bashar Assad": a person with a title is no place.
      if (/\b(President|Minister|Gen\.?|General|King|Prince|Sheikh|Ayatollah|Leader|Secretary|Commander|Col\.?|Brig\.?)\b/.test(core)) return;
      // "in a U.S. airstrike": a country name used as an adjective.
      const next = text.slice(start + mention.length, start + mention.length + 12);
      if (/^\s+\p{Ll}/u.test(next) && (/^(an?)\s+\p{Lu}[\p{L}.'-]*$/u.test(mention) || /^(the\s+)?(U\.S\.|US|U\.K\.|UK)$/.test(mention))) return;
      const qualifier = /^(near|outside|off|(north|south)(-?(east|west))? of|east of|west of)$/.test(prep) ? `${prep} ` : "";
      // "the Israeli-controlled Golan Heights", "the sprawling Ain al-Asad air base", "the Yemeni
      // capital Sanaa": the name, not its description.
      const named = mention.replace(new RegExp(`^${KIND_OF}`, "u"), "").replace(new RegExp(`^(the\\s+)?${ADJ}`, "u"), "$1").replace(/^(the\s+)?\p{Lu}[\p{L}]+-(controlled|occupied|held|run|annexed)\s+/u, "$1");
      out.push({ mention: qualifier + named, span: { start, end: start + mention.length }, role, toward: /^(into|at|toward|towards|on|onto|against)$/.test(prep) && !ATTACK_VERB_PREP.test(prep) });
    };
    const start = m.index + m[0].length - m[2]!.length;
    push(m[2]!, start);
    // "a U.S. airbase in Iraq": if the facility is unknown, the place it is in still counts.
    const inner = m[2]!.match(/\s(?:in|at|near)\s+(\S.*)$/);
    if (inner && new RegExp(`\\s${FACILITY_NOUN}\\s`, "i").test(m[2]!)) push(inner[1]!, start + m[2]!.length - inner[1]!.length);
    // "in western Iraq and western Syria": the same preposition governs both.
    let rest = text.slice(start + m[2]!.length);
    let offset = start + m[2]!.length;
    for (let more = AND_MORE.exec(rest); more; more = AND_MORE.exec(rest)) {
      const s = offset + more[1]!.length;
      push(more[2]!, s);
      offset = s + more[2]!.length;
      rest = text.slice(offset);
    }
  }
  PASSIVE_SITE.lastIndex = 0;
  for (let m = PASSIVE_SITE.exec(text); m; m = PASSIVE_SITE.exec(text)) {
    const raw = m[1] ?? m[2]!;
    const start = m.index + m[0].indexOf(raw);
    const core = raw.replace(/^(the|an?)\s+/i, "");
    // "The base was hit": a description, not a name.
    if (!/\p{Lu}/u.test(core)) continue;
    if (out.some((p) => p.span.start < start + raw.length && start < p.span.end)) continue;
    if (NOT_PLACE.test(core) || DEMONYM_ONLY.test(core) || DEMONYM_LAST.test(core) || /^\d/.test(core) || isActorName(core)) continue;
    if (/\b(President|Minister|Gen\.?|General|King|Prince|Sheikh|Ayatollah|Leader|Secretary|Commander|Col\.?|Brig\.?)\b/.test(core)) continue;
    out.push({ mention: raw.replace(new RegExp(`^(the\\s+)?${ADJ}`, "u"), "$1"), span: { start, end: start + raw.length }, role: "site", toward: false });
  }
  return out;
}

/** A Place from a geocoder answer; polygons get an equivalent radius so distances can use it. */
export function toPlace(r: Extract<GeocodeResult, { resolved: true }>): Place {
  let areaKm: number | undefined;
  if (r.area?.type === "radius") areaKm = r.area.km;
  else if (r.area?.type === "polygon") {
    const km2 = turfArea({ type: "Feature", properties: {}, geometry: r.area.geometry } as Parameters<typeof turfArea>[0]) / 1e6;
    areaKm = Math.max(1, Math.sqrt(km2 / Math.PI));
  }
  return {
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    precision: r.precision,
    kind: r.kind,
    country: r.country,
    ...(areaKm ? { areaKm: Math.round(areaKm * 10) / 10 } : {}),
    confidence: r.confidence,
    source: r.source,
  };
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How far apart two places may be and still be the same place: their uncertainty plus slack. */
export function placeTolerance(a: Place, b: Place): number {
  const r = (p: Place) => p.areaKm ?? [0, 10, 30, 150, 400][p.precision]!;
  return r(a) + r(b) + 25;
}

/** Memoised geocoding for one run: articles repeat their places. */
export function cachedGeocoder(geocode: GeocodeFn): GeocodeFn {
  const cache = new Map<string, GeocodeResult>();
  return (mention, opts) => {
    const key = `${mention.trim().toLowerCase()}|${(opts?.context ?? "").trim().toLowerCase()}`;
    let r = cache.get(key);
    if (!r) {
      r = geocode(mention, opts);
      cache.set(key, r);
    }
    return r;
  };
}
