/**
 * Splits a place mention into the place it names and how it qualifies it: "near Kirkuk",
 * "a suburb of Beirut", "southern Lebanon", "20 km north of Mosul", "off the coast of Oman",
 * "Kirkuk province", "the Iraq–Syria border", "the Iranian embassy in Beirut", "Camp X",
 * "Portland, Maine". Pure string work; the geometry lives in area.ts.
 */

export type Direction = "n" | "s" | "e" | "w" | "ne" | "nw" | "se" | "sw" | "c";

export type Qualifier =
  | { type: "none" }
  | { type: "near" }
  | { type: "suburb" }
  | { type: "part"; dir: Direction }
  | { type: "offset"; dir: Direction; km: number | null }
  | { type: "offshore" }
  | { type: "province"; level: 1 | 2 }
  | { type: "border"; other: string }
  | { type: "embassy"; of: string | null }
  | { type: "facility"; facility: "base" | "airport" }
  | { type: "within"; parent: string }
  | { type: "feature" };

export interface Qualified {
  /** The place the mention is about, still un-normalised ("Kirkuk", "Iraq"). */
  core: string;
  q: Qualifier;
}

const DIRS: Record<string, Direction> = {
  north: "n", south: "s", east: "e", west: "w",
  northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
  northern: "n", southern: "s", eastern: "e", western: "w",
  northeastern: "ne", northwestern: "nw", southeastern: "se", southwestern: "sw",
  central: "c", centre: "c", center: "c",
};
const DIR_WORD = "((?:north|south)[- ]?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|centre|center)";

function direction(word: string): Direction {
  return DIRS[word.toLowerCase().replace(/[- ]/g, "")] ?? "c";
}

const KM_PER_MILE = 1.609344;

/** Removes what surrounds a name in running text: leading prepositions and articles, quotes, trailing punctuation. */
export function cleanMention(mention: string): string {
  return mention
    .replace(/[\u201c\u201d"«»]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:(?:in|at|on|from|into|to|inside|within|across|over|toward|towards)\s+)+/i, "")
    .replace(/^the\s+/i, "")
    .replace(/[\s,;:!?)]+$/, "")
    // "Iraq's", "Texas-based", "Iranian-backed": the place is what remains.
    .replace(/['’]s$/u, "")
    .replace(/[-‐](?:based|born|led|backed|bound|made|registered|flagged|linked|allied|affiliated|controlled|held|run|area)$/iu, "")
    // A final full stop goes, except the one closing an abbreviation ("D.C.", "Ore.").
    .replace(/(?<!\b\p{L}{1,4})\.$/u, "")
    .trim();
}

type Rule = [RegExp, (m: RegExpMatchArray) => Qualified];

const g = (m: RegExpMatchArray, i: number): string => (m[i] ?? "").trim();

/** Tried in order; the first that matches wins. Anchored so a rule only fires on the whole mention. */
const RULES: Rule[] = [
  [/^(?:the\s+)?(.*?)\s*(?:embassy|consulate)(?:\s+compound)?\s+(?:in|at)\s+(.+)$/i, (m) => ({ core: g(m, 2), q: { type: "embassy", of: g(m, 1) || null } })],
  [/^(?:the\s+)?(?:embassy|consulate)\s+of\s+(.+?)\s+in\s+(.+)$/i, (m) => ({ core: g(m, 2), q: { type: "embassy", of: g(m, 1) } })],
  [/^(?:the\s+)?border\s+(?:between|of)\s+(.+?)\s+and\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "border", other: g(m, 2) } })],
  [/^(.+?)(?:'s|’s)\s+border\s+with\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "border", other: g(m, 2) } })],
  [/^(?:the\s+)?(.+?)\s*(?:[–—/]|\s-\s|-(?=\p{Lu}))\s*(.+?)\s+(?:border|frontier)(?:\s+(?:area|region|zone|crossing))?$/iu, (m) => ({ core: g(m, 1), q: { type: "border", other: g(m, 2) } })],
  [/^(?:just\s+|in\s+(?:the\s+)?waters\s+)?off\s+(?:the\s+)?(?:coast|coasts|shores?|coastline)\s+of\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "offshore" } })],
  [/^(?:just\s+)?off\s+(.+?)(?:'s|’s)?\s+(?:coast|coastline|shores?)$/i, (m) => ({ core: g(m, 1), q: { type: "offshore" } })],
  [/^(?:just\s+)?off\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "offshore" } })],
  [
    new RegExp(`^(?:about\\s+|some\\s+|around\\s+|roughly\\s+|nearly\\s+|approximately\\s+)?(\\d+(?:\\.\\d+)?)\\s*(km|kms|kilometers|kilometres|mi|miles)\\s+(?:to\\s+the\\s+)?${DIR_WORD}\\s+of\\s+(.+)$`, "i"),
    (m) => {
      const n = Number(m[1]);
      const km = /^mi/i.test(g(m, 2)) ? n * KM_PER_MILE : n;
      return { core: g(m, 4), q: { type: "offset", dir: direction(g(m, 3)), km } };
    },
  ],
  [new RegExp(`^(?:just\\s+|to\\s+the\\s+)?${DIR_WORD}\\s+of\\s+(.+)$`, "i"), (m) => ({ core: g(m, 2), q: { type: "offset", dir: direction(g(m, 1)), km: null } })],
  [/^(?:just\s+|on\s+the\s+|in\s+the\s+)?(?:near|nearby|outside|outskirts\s+of|close\s+to|around|not\s+far\s+from|in\s+the\s+vicinity\s+of|vicinity\s+of|the\s+outskirts\s+of|near\s+to|on\s+the\s+edge\s+of)\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "near" } })],
  [/^(?:a|an|one\s+of\s+the)?\s*(?:suburbs?|neighbou?rhoods?|districts?|quarters?)\s+(?:of|in)\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "suburb" } })],
  [/^(?:a|an)\s+(.+?)\s+(?:suburb|neighbou?rhood|district)$/i, (m) => ({ core: g(m, 1), q: { type: "suburb" } })],
  [new RegExp(`^(?:the\\s+)?${DIR_WORD}\\s+(?:part|parts|region|regions|areas?|outskirts|suburbs)\\s+of\\s+(.+)$`, "i"), (m) => ({ core: g(m, 2), q: { type: "part", dir: direction(g(m, 1)) } })],
  [new RegExp(`^(?:the\\s+)?${DIR_WORD}\\s+(.+)$`, "i"), (m) => ({ core: g(m, 2), q: { type: "part", dir: direction(g(m, 1)) } })],
  [new RegExp(`^(.+?)(?:'s|’s)\\s+${DIR_WORD}$`, "i"), (m) => ({ core: g(m, 1), q: { type: "part", dir: direction(g(m, 2)) } })],
  [/^(?:the\s+)?(?:province|governorate|region|state)\s+of\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "province", level: 1 } })],
  [/^(.+?)\s+(?:province|governorate|region|state|oblast|prefecture|muhafazah)$/i, (m) => ({ core: g(m, 1), q: { type: "province", level: 1 } })],
  [/^(?:the\s+)?(?:district|county|parish)\s+of\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "province", level: 2 } })],
  [/^(.+?)\s+(?:district|county|parish|borough|municipality|agency)$/i, (m) => ({ core: g(m, 1), q: { type: "province", level: 2 } })],
  [/^camp\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "facility", facility: "base" } })],
  [/^(.+?)\s+(?:military\s+)?(?:air\s*base|air\s+field|airfield|base|military\s+base|garrison)$/i, (m) => ({ core: g(m, 1), q: { type: "facility", facility: "base" } })],
  [/^(.+?)\s+(?:international\s+)?airport$/i, (m) => ({ core: g(m, 1), q: { type: "facility", facility: "airport" } })],
  [/^(.+?),\s*(.+)$/, (m) => ({ core: g(m, 1), q: { type: "within", parent: g(m, 2) } })],
  // A formal state name ("Republic of Armenia", "Islamic Republic of Iran"): the short name.
  [/^(?:\S+\s+){0,2}?(?:republic|kingdom|state|commonwealth|federation|emirate|sultanate|principality)\s+of\s+(?:the\s+)?(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "none" } })],
  // A feature named after a place, or a part of it ("downtown Chicago", "Lake Van", "Jordan Valley"): the place, loosely.
  [/^(?:downtown|greater|metro|metropolitan|inner|outer|old|uptown|midtown|suburban|rural|lake|mount|mt\.?)\s+(.+)$/i, (m) => ({ core: g(m, 1), q: { type: "feature" } })],
  [/^(.+?)\s+(?:city|town|village|area|metro area|metropolitan area|valley|island|islands|peninsula|bay|harbou?r|port|river|lake|mountains|hills)$/i, (m) => ({ core: g(m, 1), q: { type: "feature" } })],
];

/**
 * Reads one qualifier off a cleaned mention; the core may carry another ("near southern Beirut"
 * is not handled). A "none" result may still shorten the core (a formal state name).
 */
export function parseQualifier(mention: string): Qualified {
  for (const [re, build] of RULES) {
    const m = mention.match(re);
    if (m) {
      const out = build(m);
      if (out.core) return { core: cleanMention(out.core), q: out.q };
    }
  }
  return { core: mention, q: { type: "none" } };
}

/** Unit bearing for a direction, in Turf's convention (degrees clockwise from north). */
export function bearingOf(dir: Direction): number {
  return { n: 0, ne: 45, e: 90, se: 135, s: 180, sw: 225, w: 270, nw: 315, c: 0 }[dir];
}

/** How a located complement relates its head to the place it names. */
export type Relation = "in" | "near" | "off" | "offset";

export interface HeadSplit {
  /** The generic or named thing the mention is about ("U.S. airbase", "militia headquarters"). */
  head: string;
  /** Where it is, with its preposition ("in western Iraq", "near Al-Qaim", "off the coast of Oman"). */
  complement: string;
  relation: Relation;
}

const DISTANCE = "(?:(?:about|some|around|roughly|nearly|approximately)\\s+)?\\d+(?:\\.\\d+)?\\s*(?:km|kms|kilometers|kilometres|mi|miles)\\s+(?:to\\s+the\\s+)?";
/** Where a located complement may start: after a space, before one of these words. */
const COMPLEMENT_START = new RegExp(
  "\\s(?=(?:(?:just|right|somewhere|located|based|stationed)\\s+)?(" +
    [
      "in\\s+the\\s+vicinity\\s+of",
      "on\\s+the\\s+outskirts\\s+of",
      "in",
      "inside",
      "within",
      "at",
      "near",
      "outside",
      "off",
      "close\\s+to",
      "not\\s+far\\s+from",
      `${DISTANCE}${DIR_WORD}\\s+of`,
      `(?:to\\s+the\\s+)?${DIR_WORD}\\s+of`,
    ].join("|") +
    ")\\s+\\S)",
  "gi",
);
/** A head that is only a distance or a hedge is part of an offset ("20 km north of X"), not a thing. */
const NOT_A_HEAD = /^(?:(?:just|about|some|around|roughly|nearly|approximately|somewhere|the|a|an)(?:\s+|$))*(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometers|kilometres|mi|miles))?$/i;

/**
 * The ways a mention splits into a head noun phrase and a located complement, outermost first:
 * "a U.S. base in western Iraq" → "a U.S. base" + "in western Iraq". Empty when the mention does
 * not start with a head ("near Kirkuk") or names an embassy, which has its own rule.
 */
export function splitHead(mention: string): HeadSplit[] {
  const out: HeadSplit[] = [];
  for (const m of mention.matchAll(COMPLEMENT_START)) {
    const at = m.index ?? 0;
    const head = mention.slice(0, at).trim();
    const complement = mention.slice(at + 1).trim();
    if (!/\p{L}/u.test(head) || NOT_A_HEAD.test(head) || /\b(?:embass(?:y|ies)|consulates?)(?:\s+compound)?$/i.test(head)) continue;
    const word = (m[1] ?? "").toLowerCase();
    const relation: Relation = /^(?:in|inside|within|at)$/.test(word)
      ? "in"
      : word === "off"
        ? "off"
        : /\bof$/.test(word) && !/outskirts|vicinity/.test(word)
          ? "offset"
          : "near";
    out.push({ head, complement, relation });
  }
  return out;
}

/** Words that make a name a street or a square: named after something, rarely after the town it is in. */
export const STREET_WORDS =
  /\b(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|square|sq|place|parade|way|highway|hwy|terrace|crescent|close|alley|row|quay|embankment)\.?$/i;

/** Words that make a name a building, an institution or a venue: a thing inside some town. */
export const BUILDING_WORDS =
  /\b(?:university|college|school|academy|institute|hospital|infirmary|clinic|medical\s+center|centre|center|court|courthouse|church|cathedral|chapel|basilica|abbey|temple|mosque|synagogue|stadium|arena|park|gardens|hotel|inn|restaurant|caf[eé]|theatre|theater|hall|castle|palace|tower|towers|museum|gallery|library|prison|jail|penitentiary|market|mall|plaza|farm|farms|station|terminal|airport|embassy|consulate|ministry|office|council|bank|commission|parliament|senate|assembly|capitol|house|club|fc|company|estate|racecourse|circuit|cemetery|graveyard|zoo|port|harbou?r|base|barracks|headquarters|hq|studio|studios|complex|campus|building|offices|police|department|sheriff's\s+office|quarter|faubourg|neighbou?rhood|township|barangay|block\s+of)\b/i;

/** "University of California", "Bank of Japan", "Council of Europe": an institution and the place it is of. */
export function institutionOf(mention: string): string | undefined {
  const m = mention.match(/^(?:the\s+)?(.+?)\s+of\s+(?:the\s+)?(.+)$/i);
  if (!m || !BUILDING_WORDS.test(m[1] ?? "")) return undefined;
  return (m[2] ?? "").trim() || undefined;
}
