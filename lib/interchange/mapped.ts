/**
 * Files with Strikeline's own field names, or any CSV / GeoJSON told which of its columns or
 * properties holds which field (`--map lat=y,lon=x,dateStart=day`). A file Strikeline exported
 * needs no map and keeps its ids, so export → import → export gives the same events.
 */
import { StrikelineError } from "../errors";
import { precisionOf } from "../pipeline/dates";
import { FAMILIES, type Family, type GeoPrecision } from "../schema";
import type { Reconciler } from "./actors";
import { count, countryAt, countryCode, familyFromText, importedTitle, parseDate, PLACE_KIND_OF } from "./common";
import { firstIssue, ImportedEvent, importedEventId, SourceSystem, type ImportedLink } from "./record";

/** The fields a mapped file can fill; by default each is read from the column (or property) of the same name. */
export const FIELDS = [
  "id", "title", "dateStart", "dateEnd", "datePrecision", "family", "subtype", "attacker", "attackerName", "target", "targetName",
  "targetLabel", "placeName", "placeKind", "country", "lon", "lat", "geoPrecision", "killedLow", "killedHigh", "injuredLow",
  "injuredHigh", "claim", "note", "status", "provenance", "outlets", "respondsTo", "sourceSystem", "sourceId", "sourceLabel",
] as const;
export type Field = (typeof FIELDS)[number];
export type FieldMap = Partial<Record<Field, string>>;

/** `lat=y,lon=x` → {lat: "y", lon: "x"}; a field we do not know is a usage error naming the known ones. */
export function parseFieldMap(spec: string | undefined): FieldMap {
  const out: FieldMap = {};
  for (const part of (spec ?? "").split(",").filter((s) => s.trim())) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(part);
    if (!m) throw new StrikelineError("bad_request", `--map: "${part}" is not field=column`, undefined, "map");
    if (!(FIELDS as readonly string[]).includes(m[1]!)) throw new StrikelineError("bad_request", `--map: unknown field "${m[1]}" (fields: ${FIELDS.join(", ")})`, undefined, "map");
    out[m[1] as Field] = m[2]!;
  }
  return out;
}

export type MappedContext = { system: "csv" | "geojson"; map: FieldMap; resolve: Reconciler };

/** One row or feature's values (already flat strings) as an event and the links it states, or the reason it cannot be one. */
export function fromMapped(values: Record<string, string | undefined>, line: number, ctx: MappedContext): { event: ImportedEvent; links: ImportedLink[] } | string {
  const get = (f: Field) => (values[ctx.map[f] ?? f] ?? "").trim();
  const id = get("id");
  if (!id) return `no ${ctx.map.id ?? "id"}: every row needs a stable id, so a re-import updates it`;
  const declared = get("sourceSystem");
  const ownFile = Boolean(values[ctx.map.provenance ?? "provenance"]);
  const system = declared ? SourceSystem.safeParse(declared) : { success: true as const, data: ownFile ? ("strikeline" as const) : ctx.system };
  if (!system.success) return `sourceSystem "${declared}" is not one of ${SourceSystem.options.join(", ")}`;
  const sourceId = declared ? get("sourceId") || id : id;
  const dateStart = parseDate(get("dateStart"));
  if (!dateStart) return `${ctx.map.dateStart ?? "dateStart"} "${get("dateStart")}" is not a date`;
  const dateEnd = get("dateEnd") ? parseDate(get("dateEnd")) : dateStart;
  if (!dateEnd) return `${ctx.map.dateEnd ?? "dateEnd"} "${get("dateEnd")}" is not a date`;
  const nums = { lon: get("lon"), lat: get("lat") };
  for (const [k, v] of Object.entries(nums)) if (!v || !Number.isFinite(Number(v))) return `${ctx.map[k as Field] ?? k} "${v}" is not a number`;
  const [lon, lat] = [Number(nums.lon), Number(nums.lat)];
  const figures = { killedLow: count(get("killedLow")), killedHigh: count(get("killedHigh")), injuredLow: count(get("injuredLow")), injuredHigh: count(get("injuredHigh")) };
  const badFigure = Object.entries(figures).find(([, v]) => v === "bad");
  if (badFigure) return `${ctx.map[badFigure[0] as Field] ?? badFigure[0]} "${get(badFigure[0] as Field)}" is not a whole number`;
  const range = (lo: number | null | "bad", hi: number | null | "bad") => (lo === null && hi === null ? null : { low: (lo ?? hi) as number, high: (hi ?? lo) as number });
  const geo = get("geoPrecision") ? Number(get("geoPrecision")) : 1;
  const actor = (f: "attacker" | "target", name: "attackerName" | "targetName") =>
    get(f) ? ctx.resolve.resolve(get(name) || get(f), "group", ownFile ? { id: get(f), name: get(name) || null } : undefined) : null;
  const attacker = actor("attacker", "attackerName");
  const target = actor("target", "targetName");
  const text = `${get("title")}. ${get("subtype")}. ${get("note")}`;
  const family = (get("family") || familyFromText(text, FAMILIES, "ground")) as Family;
  const placeName = get("placeName") || `${lat}, ${lon}`;
  const eventId = importedEventId(system.data, declared ? sourceId : id);
  const candidate = {
    id: eventId,
    sourceSystem: system.data,
    sourceId,
    title: get("title") || importedTitle((FAMILIES as readonly string[]).includes(family) ? family : "ground", attacker, target, placeName, ctx.resolve.view),
    dateStart,
    dateEnd,
    datePrecision: get("datePrecision") || (dateStart <= dateEnd ? precisionOf(dateStart, dateEnd) : "day"),
    family,
    subtype: get("subtype") || null,
    attacker,
    target,
    targetLabel: get("targetLabel") || null,
    placeName,
    lon,
    lat,
    geoPrecision: geo,
    placeKind: get("placeKind") || PLACE_KIND_OF[geo as GeoPrecision] || "town",
    country: get("country") ? countryCode(get("country")) : countryAt(lon, lat),
    areaKm: null,
    killed: range(figures.killedLow, figures.killedHigh),
    injured: range(figures.injuredLow, figures.injuredHigh),
    claim: get("claim") || (attacker ? "attributed" : "unknown"),
    note: get("note"),
    status: get("status") || "extracted",
    provenance: ownFile ? get("provenance") : "imported",
    sourceLabel: get("sourceLabel") || get("outlets") || null,
    line,
  };
  const ok = ImportedEvent.safeParse(candidate);
  if (!ok.success) return firstIssue(ok.error);
  // A Strikeline file names causes by their final ids; a foreign file by its own ids.
  const causeId = (raw: string) => (system.data === "strikeline" || declared ? raw : importedEventId(system.data, raw));
  const links = get("respondsTo")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((from) => ({ from: causeId(from), to: eventId, kind: "response" as const, method: "curated" as const, confidence: 0.8, note: "stated by the imported file", line }));
  return { event: ok.data, links };
}

/** A GeoJSON property value as the flat string a mapped field reads. */
export const flatValue = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : Array.isArray(v) ? v.join("; ") : typeof v === "object" ? JSON.stringify(v) : String(v);
