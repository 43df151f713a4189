/**
 * The whole shareable view lives in the URL. This one schema is read by the page, by the API
 * (which takes the same parameters and returns what the page shows) and by the tests.
 *
 * Three promises:
 *  - parseView never throws: anything it cannot use is dropped and named with a reason, so a
 *    hostile or stale link still opens (the page shows a notice; the API answers 400 instead).
 *  - Equal views give equal URLs: serializeView writes parameters in one order, omits defaults,
 *    sorts and deduplicates lists and rounds numbers, so links can be compared as strings.
 *  - parseView(serializeView(v)).view equals v for every normalised view v.
 */
import { z } from "zod";
import { CLAIM_STATUSES, ClaimStatus, FAMILIES, Family, IsoDate, Slug } from "./schema";

export const BASEMAPS = ["offline", "online"] as const;
export const PLAYBACK_MODES = ["cumulative", "window"] as const;

/** Longer raw values are refused before any parsing: no legitimate parameter comes close. */
export const MAX_PARAM_CHARS = 1000;
export const MAX_QUERY_CHARS = 200;
export const MAX_KILLED = 1_000_000;
/** Playback speed in days of data time per second; ten years a second is already a blur. */
export const MAX_SPEED = 3650;
/** Longest trailing window of "window" playback, in days: ten years, like MAX_SPEED. */
export const MAX_SLIDE_DAYS = 3650;
const MAX_LIST_ITEMS = 50;
const MAX_OUTLET_CHARS = 100;

/**
 * Characters no search or outlet name needs and that only serve markup or terminal tricks:
 * angle brackets, backtick, control characters (C0, DEL, C1), bidirectional marks and overrides, and
 * U+FFFD, which is what a lenient decoder makes of bytes that were not UTF-8.
 */
const HOSTILE_CHARS = /[<>`\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]/;

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2, upper case");

/** An outlet as the sources name it; commas are the list separator, so none inside. */
export const Outlet = z
  .string()
  .min(1)
  .max(MAX_OUTLET_CHARS)
  .refine((s) => !HOSTILE_CHARS.test(s) && !s.includes(",") && !s.includes('"'), "unsupported characters")
  .refine((s) => s === collapseSpaces(s), "untrimmed spaces");

export const Camera = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).lt(180),
  zoom: z.number().min(0).max(22),
  /** Degrees, (-180, 180] as MapLibre reports it. */
  bearing: z.number().gt(-180).max(180),
});
export type Camera = z.infer<typeof Camera>;

/** "all" events, only "linked" ones (part of some chain), or one chain by its id (its earliest event). */
export const ChainFilter = z.union([z.enum(["all", "linked"]), Slug]);
export type ChainFilter = z.infer<typeof ChainFilter>;

export const View = z.object({
  /** Date window, inclusive; an event shows when its date span overlaps it. null = open. */
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  /** Empty = every family (so is the full set, which normalises to empty). */
  families: z.array(Family),
  attackers: z.array(Slug),
  targets: z.array(Slug),
  countries: z.array(CountryCode),
  chain: ChainFilter,
  /** Minimum killed, compared with the highest figure any source gives; 0 = no minimum. */
  minKilled: z.number().int().min(0).max(MAX_KILLED),
  claims: z.array(ClaimStatus),
  outlets: z.array(Outlet),
  /** Free-text search over titles, notes, places, actors and outlets; "" = none. */
  q: z.string().max(MAX_QUERY_CHARS),
  /** null = the page's own initial framing of the data. */
  camera: Camera.nullable(),
  basemap: z.enum(BASEMAPS),
  /** Playback cursor; null = at the end of the window (not playing back). */
  cursor: IsoDate.nullable(),
  mode: z.enum(PLAYBACK_MODES),
  /** Width of the trailing window in "window" mode, days; it decides which events show, so a link must carry it. */
  slideDays: z.number().int().min(1).max(MAX_SLIDE_DAYS),
  /** Days of data time per second of playback. */
  speed: z.number().int().min(1).max(MAX_SPEED),
  /** Selected event id. */
  selected: Slug.nullable(),
  /** Chain drawn at full strength while the rest is dimmed; unlike `chain`, it hides nothing. */
  highlight: Slug.nullable(),
});
export type View = z.infer<typeof View>;

export const DEFAULT_VIEW: View = Object.freeze({
  from: null,
  to: null,
  families: [],
  attackers: [],
  targets: [],
  countries: [],
  chain: "all",
  minKilled: 0,
  claims: [],
  outlets: [],
  q: "",
  camera: null,
  basemap: "offline",
  cursor: null,
  mode: "cumulative",
  slideDays: 30,
  speed: 30,
  selected: null,
  highlight: null,
});

/** The part of the view that decides which events and links are shown (and counted). */
export const FILTER_KEYS = ["from", "to", "families", "attackers", "targets", "countries", "chain", "minKilled", "claims", "outlets", "q"] as const;
export type ViewFilters = Pick<View, (typeof FILTER_KEYS)[number]>;
/** The filters plus the playback settings that narrow what a paused view shows: what the API must honour to return what the page lists. */
export const SELECTION_KEYS = [...FILTER_KEYS, "cursor", "mode", "slideDays"] as const;
export type ViewSelection = Pick<View, (typeof SELECTION_KEYS)[number]>;

export type Dropped = { param: string; reason: string };
export type ParsedView = { view: View; dropped: Dropped[] };

// ---------------------------------------------------------------------------------------------
// Normalisation: the one place that decides what "equal views" means.

function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

const round = (n: number, digits: number) => {
  const k = 10 ** digits;
  // `+ 0` turns -0 into 0 so "-0" never reaches a URL.
  return Math.round(n * k) / k + 0;
};
const wrapLon = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180 + 0;
const wrapBearing = (b: number) => {
  const r = ((b % 360) + 360) % 360;
  return (r > 180 ? r - 360 : r) + 0;
};

const sortedUnique = <T extends string>(xs: readonly T[]): T[] => [...new Set(xs)].sort();
/** A closed list with every member selected filters nothing: write it as "no filter". */
const unlessFull = <T extends string>(xs: T[], all: readonly T[]): T[] => (xs.length === all.length ? [] : xs);

export function normalizeCamera(c: Camera): Camera {
  // Wrapped first and rounded last (wrapping adds float noise), then the rounding's own edge case.
  const lon = round(wrapLon(c.lon), 4);
  const bearing = round(wrapBearing(c.bearing), 1);
  return {
    lat: round(c.lat, 4),
    lon: lon >= 180 ? -180 : lon,
    zoom: round(c.zoom, 2),
    bearing: bearing <= -180 ? 180 : bearing,
  };
}

/** The canonical form of a view: what parseView returns and what serializeView writes. */
export function normalizeView(v: View): View {
  return {
    ...v,
    families: unlessFull(sortedUnique(v.families), FAMILIES),
    attackers: sortedUnique(v.attackers),
    targets: sortedUnique(v.targets),
    countries: sortedUnique(v.countries),
    claims: unlessFull(sortedUnique(v.claims), CLAIM_STATUSES),
    outlets: sortedUnique(v.outlets.map(collapseSpaces)),
    q: collapseSpaces(v.q.normalize("NFC")),
    camera: v.camera && normalizeCamera(v.camera),
    // The trailing window's width means nothing while every event up to the cursor shows.
    slideDays: v.mode === "window" ? v.slideDays : DEFAULT_VIEW.slideDays,
  };
}

/**
 * Search text as typed, cut to what `q` accepts: the characters parseView refuses are removed and
 * the length capped, so a search the page runs is always one its link can carry.
 */
export function searchableText(typed: string): string {
  return typed.replace(new RegExp(HOSTILE_CHARS.source, "g"), "").slice(0, MAX_QUERY_CHARS);
}

// ---------------------------------------------------------------------------------------------
// Parameters. Each maps one raw string to one field; `reason` with a value means part of it was
// dropped (bad items of a list), `reason` without a value means all of it was.

type Parsed<T> = { value: T; reason?: string } | { value?: undefined; reason: string };

type Param<K extends keyof View> = {
  name: string;
  key: K;
  parse: (raw: string) => Parsed<View[K]>;
  format: (value: View[K]) => string;
};

/**
 * A rejected value is named back in a notice only when it is a short plain word ("laser",
 * "yesterday"): anything else could carry markup or a sentence written to mislead the reader.
 */
const showable = (s: string) => /^[A-Za-z0-9._-]{1,24}$/.test(s);
const named = (problem: string, values: readonly string[]) => {
  const shown = values.filter(showable).slice(0, 3);
  const rest = values.length - shown.length;
  if (!shown.length) return rest > 1 ? `${problem} (${rest} values)` : problem;
  return `${problem}: ${shown.map((v) => `"${v}"`).join(", ")}${rest ? ` and ${rest} more` : ""}`;
};

function schemaValue<T>(schema: z.ZodType<T>, raw: string, problem: string): Parsed<T> {
  const r = schema.safeParse(raw);
  return r.success ? { value: r.data } : { reason: named(problem, [raw]) };
}

function list<T extends string>(problem: string, item: (s: string) => T | null, max = MAX_LIST_ITEMS) {
  return (raw: string): Parsed<T[]> => {
    const parts = raw.split(",").map((s) => s.trim()).filter(Boolean);
    if (parts.length > max) return { reason: `more than ${max} values` };
    const good: T[] = [];
    const bad: string[] = [];
    for (const p of parts) {
      const v = item(p);
      if (v === null) bad.push(p);
      else good.push(v);
    }
    if (!bad.length) return { value: good };
    const reason = named(problem, bad);
    return good.length ? { value: good, reason } : { reason };
  };
}

const fromSchema = <T extends string>(schema: z.ZodType<T>, fold: (s: string) => string) => (s: string) => {
  const r = schema.safeParse(fold(s));
  return r.success ? r.data : null;
};
const lower = (s: string) => s.toLowerCase();

const date = (key: "from" | "to" | "cursor", name: string): Param<typeof key> => ({
  name,
  key,
  parse: (raw) => schemaValue(IsoDate, raw, "not a date (YYYY-MM-DD)"),
  format: (v) => v ?? "",
});

const wholeNumber = (raw: string, max: number, min = 0): Parsed<number> => {
  if (!/^\d{1,10}$/.test(raw)) return { reason: named("not a whole number", [raw]) };
  const n = Number(raw);
  return n < min || n > max ? { reason: `out of range (${min}–${max})` } : { value: n };
};

/** Decimal numbers only: no exponents, hex, Infinity or NaN from a URL. */
const DECIMAL = /^-?\d{1,4}(\.\d{1,12})?$/;

function parseCamera(raw: string): Parsed<Camera | null> {
  const parts = raw.split(",");
  if (parts.length < 3 || parts.length > 4 || !parts.every((p) => DECIMAL.test(p)))
    return { reason: 'expected "lat,lon,zoom[,bearing]" in decimal degrees' };
  const [lat, lon, zoom, bearing = 0] = parts.map(Number) as [number, number, number, number?];
  const r = Camera.safeParse({ lat, lon: lon === 180 ? -180 : lon, zoom, bearing: bearing === -180 ? 180 : bearing });
  return r.success ? { value: normalizeCamera(r.data) } : { reason: `out of range: ${r.error.issues[0]?.path.join(".")}` };
}

const formatCamera = (c: Camera | null) =>
  c ? [c.lat, c.lon, c.zoom, ...(c.bearing ? [c.bearing] : [])].map(String).join(",") : "";

/** Parameters in their canonical order: filters, then camera and basemap, then playback and selection. */
const PARAMS = [
  date("from", "from"),
  date("to", "to"),
  {
    name: "f",
    key: "families",
    parse: list("unknown family", fromSchema(Family, lower), FAMILIES.length * 2),
    format: (v) => v.join(","),
  } satisfies Param<"families">,
  { name: "atk", key: "attackers", parse: list("malformed actor id", fromSchema(Slug, lower)), format: (v) => v.join(",") } satisfies Param<"attackers">,
  { name: "tgt", key: "targets", parse: list("malformed actor id", fromSchema(Slug, lower)), format: (v) => v.join(",") } satisfies Param<"targets">,
  {
    name: "cc",
    key: "countries",
    parse: list("not a country code", fromSchema(CountryCode, (s) => s.toUpperCase())),
    format: (v) => v.join(","),
  } satisfies Param<"countries">,
  {
    name: "chain",
    key: "chain",
    parse: (raw) => schemaValue(ChainFilter, raw.toLowerCase(), 'expected "all", "linked" or a chain id'),
    format: (v) => v,
  } satisfies Param<"chain">,
  { name: "minK", key: "minKilled", parse: (raw) => wholeNumber(raw, MAX_KILLED), format: String } satisfies Param<"minKilled">,
  {
    name: "claim",
    key: "claims",
    parse: list("unknown claim status", fromSchema(ClaimStatus, lower), CLAIM_STATUSES.length * 2),
    format: (v) => v.join(","),
  } satisfies Param<"claims">,
  {
    name: "src",
    key: "outlets",
    parse: list("unsupported outlet name", fromSchema(Outlet, collapseSpaces), 20),
    format: (v) => v.join(","),
  } satisfies Param<"outlets">,
  {
    name: "q",
    key: "q",
    parse: (raw) => {
      const q = collapseSpaces(raw.normalize("NFC"));
      if (q.length > MAX_QUERY_CHARS) return { reason: `longer than ${MAX_QUERY_CHARS} characters` };
      if (q.includes("\ufffd")) return { reason: "not valid UTF-8 (malformed percent-encoding)" };
      if (HOSTILE_CHARS.test(q)) return { reason: "unsupported characters (angle brackets, backticks or control characters)" };
      return { value: q };
    },
    format: (v) => v,
  } satisfies Param<"q">,
  { name: "c", key: "camera", parse: parseCamera, format: formatCamera } satisfies Param<"camera">,
  {
    name: "bm",
    key: "basemap",
    parse: (raw) => schemaValue(z.enum(BASEMAPS), raw.toLowerCase(), `expected ${BASEMAPS.join(" or ")}`),
    format: (v) => v,
  } satisfies Param<"basemap">,
  date("cursor", "t"),
  {
    name: "mode",
    key: "mode",
    parse: (raw) => schemaValue(z.enum(PLAYBACK_MODES), raw.toLowerCase(), `expected ${PLAYBACK_MODES.join(" or ")}`),
    format: (v) => v,
  } satisfies Param<"mode">,
  { name: "win", key: "slideDays", parse: (raw) => wholeNumber(raw, MAX_SLIDE_DAYS, 1), format: String } satisfies Param<"slideDays">,
  { name: "speed", key: "speed", parse: (raw) => wholeNumber(raw, MAX_SPEED, 1), format: String } satisfies Param<"speed">,
  {
    name: "ev",
    key: "selected",
    parse: (raw) => schemaValue(Slug, raw.toLowerCase(), "not an event id"),
    format: (v) => v ?? "",
  } satisfies Param<"selected">,
  {
    name: "hl",
    key: "highlight",
    parse: (raw) => schemaValue(Slug, raw.toLowerCase(), "not a chain id"),
    format: (v) => v ?? "",
  } satisfies Param<"highlight">,
] as const;

/** Parameter name → the View field it sets, for the README and the page's notices. */
export const PARAM_NAMES: Readonly<Record<keyof View, string>> = Object.fromEntries(PARAMS.map((p) => [p.key, p.name])) as Record<keyof View, string>;

const BY_NAME = new Map<string, Param<keyof View>>(PARAMS.map((p) => [p.name, p as unknown as Param<keyof View>]));

/** A parameter name fit to show back to the user: no markup, quotes, controls or bidi tricks. */
const safeName = (name: string) => name.replace(new RegExp(`[&"'${HOSTILE_CHARS.source.slice(1, -1)}]`, "g"), "?").slice(0, 40);

/** A string decoded strictly: null when its percent-encoding is malformed or not UTF-8. */
export function strictDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Where a raw URL is not well-formed percent-encoded UTF-8: "path", or the first parameter of the
 * query ("a=1&b=%FF") whose name or value is not. URLSearchParams would quietly turn those bytes
 * into U+FFFD; a link carrying them is broken, and the API says so instead of guessing.
 */
export function malformedUrl(url: { pathname: string; search: string }): Dropped | null {
  if (url.pathname.split("/").some((segment) => strictDecode(segment) === null))
    return { param: "path", reason: "malformed percent-encoding in the path (not UTF-8)" };
  return malformedParam(url.search);
}

function malformedParam(search: string): Dropped | null {
  for (const pair of search.replace(/^\?/, "").split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawName = (eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, " ");
    const name = strictDecode(rawName);
    const value = eq < 0 ? "" : strictDecode(pair.slice(eq + 1).replace(/\+/g, " "));
    if (name === null || value === null)
      return { param: name === null ? safeName(rawName) : safeName(name), reason: "malformed percent-encoding (not UTF-8)" };
  }
  return null;
}

type RawParams = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

const isSearchParams = (p: RawParams): p is URLSearchParams =>
  typeof (p as URLSearchParams).getAll === "function" && typeof (p as URLSearchParams).forEach === "function";

function entries(params: RawParams): [string, string[]][] {
  const out = new Map<string, string[]>();
  // Duck-typed: Next.js hands pages a ReadonlyURLSearchParams, and an embedding frame's URLSearchParams is another realm's class.
  if (isSearchParams(params)) {
    params.forEach((v, k) => out.set(k, [...(out.get(k) ?? []), v]));
  } else {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) continue;
      out.set(k, typeof v === "string" ? [v] : [...v]);
    }
  }
  return [...out];
}

/**
 * Reads a view from URL parameters (a URLSearchParams, or the searchParams object Next.js gives a
 * page). Total: whatever it is given, it returns a valid, normalised view and the parameters it
 * ignored, each with a reason fit for a notice. Empty values mean "default" and are not reported.
 */
export function parseView(params: RawParams): ParsedView {
  const view: View = { ...DEFAULT_VIEW };
  const dropped: Dropped[] = [];
  const set = <K extends keyof View>(k: K, v: View[K]) => {
    view[k] = v;
  };
  for (const [name, values] of entries(params)) {
    const param = BY_NAME.get(name);
    if (!param) {
      dropped.push({ param: safeName(name), reason: "unknown parameter" });
      continue;
    }
    if (values.length > 1) {
      dropped.push({ param: name, reason: "given more than once" });
      continue;
    }
    const raw = (values[0] ?? "").trim();
    if (raw === "") continue;
    if (raw.length > MAX_PARAM_CHARS) {
      dropped.push({ param: name, reason: `longer than ${MAX_PARAM_CHARS} characters` });
      continue;
    }
    const r = param.parse(raw);
    if (r.value !== undefined) set(param.key, r.value);
    if (r.reason) dropped.push({ param: name, reason: r.reason });
  }
  if (view.from && view.to && view.from > view.to) {
    dropped.push({ param: "from", reason: `after "to" (${view.to})` });
    view.from = null;
  }
  return { view: normalizeView(view), dropped };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Commas stay readable: list items and camera numbers cannot contain one (outlets with a comma
 * are refused, a comma in `q` is plain text), so the separator needs no escaping. Apostrophes,
 * which encodeURIComponent leaves alone, are escaped so a link can sit in a quoted HTML attribute.
 */
const encode = (s: string) => encodeURIComponent(s).replace(/%2C/g, ",").replace(/'/g, "%27");

function serializeKeys(v: View, keys: readonly string[] | null): string {
  const n = normalizeView(v);
  const parts: string[] = [];
  for (const p of PARAMS as readonly Param<keyof View>[]) {
    if (keys && !keys.includes(p.key)) continue;
    if (sameValue(n[p.key], DEFAULT_VIEW[p.key])) continue;
    parts.push(`${p.name}=${encode(p.format(n[p.key]))}`);
  }
  return parts.join("&");
}

/** The canonical query string of a view, without "?"; "" for the default view. */
export function serializeView(view: View): string {
  return serializeKeys(view, null);
}

/** The canonical query string of the filters only: what /api/events, /api/links and /api/export need. */
export function viewToApiQuery(view: ViewFilters): string {
  return serializeKeys({ ...DEFAULT_VIEW, ...view }, FILTER_KEYS);
}

/** The filters and playback cursor of a view as API parameters: what a client asking the store per view sends. */
export function selectionToApiQuery(view: ViewSelection): string {
  return serializeKeys({ ...DEFAULT_VIEW, ...view }, SELECTION_KEYS);
}

/** Fields that move continuously (the camera as the map is dragged, the cursor as playback runs). */
const TRANSIENT_KEYS: readonly (keyof View)[] = ["camera", "cursor"];

/**
 * Whether going from `a` to `b` should replace the current history entry rather than push a new
 * one: true when only the camera or the playback cursor moved, so Back undoes a filter or a
 * selection, not every pan or animation frame.
 */
export function isSameHistoryEntry(a: View, b: View): boolean {
  const strip = (v: View) => serializeKeys(v, PARAMS.map((p) => p.key).filter((k) => !TRANSIENT_KEYS.includes(k)));
  return strip(a) === strip(b);
}
