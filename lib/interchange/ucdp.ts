/**
 * UCDP GED CSV (the georeferenced event dataset) in. Each row is one event with a date span and
 * a low–best–high death estimate; UCDP codes no weapon, so the family is "ground" unless the
 * source headline names one (an "air strike", "rockets"). side_a is the attacker and side_b the
 * target; a one-sided event's "Civilians" become the target label, not an actor.
 */
import type { ActorIndex } from "../pipeline/actors";
import type { DatePrecision, Family, GeoPrecision, PlaceKind } from "../schema";
import { reconciler } from "./actors";
import { count, countryAt, countryCode, familyFromText, importedTitle, parseDate, PLACE_KIND_OF } from "./common";
import { readCsvRecords } from "./csv";
import { firstIssue, ImportedEvent, importedEventId, type ParsedImport } from "./record";

const REQUIRED = ["id", "type_of_violence", "side_a", "side_b", "date_prec", "date_start", "date_end", "where_prec", "latitude", "longitude", "best", "low", "high"] as const;

/** date_prec: 1 the day, 2 a span of 2–6 days, 3 a week, 4 a month, 5 more than a month within a year. */
const DATE_PREC: Record<string, DatePrecision> = { "1": "day", "2": "week", "3": "week", "4": "month", "5": "year" };
/** where_prec: 1 the place, 2 within 25 km, 3 second-order division, 4 first-order, 5 a line or area, 6 the country, 7 sea or air space. */
const WHERE_PREC: Record<string, [GeoPrecision, PlaceKind | null]> = {
  "1": [1, null],
  "2": [2, null],
  "3": [3, null],
  "4": [3, "province"],
  "5": [3, null],
  "6": [4, "country"],
  "7": [4, "sea"],
};
const WEAPONS: Family[] = ["airstrike", "drone", "missile", "rocket", "artillery", "assassination", "maritime"];
const VIOLENCE: Record<string, string> = { "1": "state-based", "2": "non-state", "3": "one-sided" };

export function parseUcdp(text: string, actors: ActorIndex): ParsedImport {
  const { records, issues } = readCsvRecords(text, REQUIRED);
  const rows = records.length + issues.length;
  const resolve = reconciler(actors);
  const events: ImportedEvent[] = [];
  for (const { line, values: v } of records) {
    const bad = (reason: string) => issues.push({ line, reason });
    const id = v.id!.trim();
    if (!id) {
      bad("id is empty");
      continue;
    }
    const violence = VIOLENCE[v.type_of_violence!.trim()];
    if (!violence) {
      bad(`type_of_violence "${v.type_of_violence}" is not 1, 2 or 3`);
      continue;
    }
    const [start, end] = [parseDate(v.date_start!), parseDate(v.date_end!)];
    if (!start || !end) {
      bad(`${start ? "date_end" : "date_start"} "${start ? v.date_end : v.date_start}" is not a date`);
      continue;
    }
    const precision = DATE_PREC[v.date_prec!.trim()];
    if (!precision) {
      bad(`date_prec "${v.date_prec}" is not 1 to 5`);
      continue;
    }
    const where = WHERE_PREC[v.where_prec!.trim()];
    if (!where) {
      bad(`where_prec "${v.where_prec}" is not 1 to 7`);
      continue;
    }
    const [low, best, high] = [count(v.low), count(v.best), count(v.high)];
    if (low === "bad" || best === "bad" || high === "bad") {
      bad("low, best and high must be whole numbers");
      continue;
    }
    const notNumber = (["latitude", "longitude"] as const).find((c) => !v[c]!.trim() || !Number.isFinite(Number(v[c])));
    if (notNumber) {
      bad(`${notNumber} "${v[notNumber]}" is not a number`);
      continue;
    }
    const [lon, lat] = [Number(v.longitude), Number(v.latitude)];
    const state = (s: string) => (/^Government of /i.test(s) ? "state" : "group");
    const attacker = resolve.resolve(v.side_a!, state(v.side_a!));
    const civilians = /^civilians$/i.test(v.side_b!.trim());
    const target = civilians ? null : resolve.resolve(v.side_b!, state(v.side_b!));
    const family = familyFromText(`${v.source_headline ?? ""}. ${v.where_description ?? ""}`, WEAPONS, "ground");
    const placeName = (v.where_coordinates ?? "").trim() || [v.adm_1, v.country].map((s) => s?.trim()).filter(Boolean).join(", ") || "unnamed place";
    const candidate = {
      id: importedEventId("ucdp", id),
      sourceSystem: "ucdp",
      sourceId: id,
      title: importedTitle(family, attacker, target, placeName, resolve.view),
      dateStart: start,
      dateEnd: end,
      datePrecision: precision,
      family,
      subtype: `${violence} violence`,
      attacker,
      target,
      targetLabel: civilians ? "Civilians" : null,
      placeName,
      lon,
      lat,
      geoPrecision: where[0],
      placeKind: where[1] ?? PLACE_KIND_OF[where[0]],
      country: countryCode(v.country ?? "") ?? countryAt(lon, lat),
      areaKm: null,
      killed: low !== null && high !== null ? { low, high } : best !== null ? { low: best, high: best } : null,
      injured: null,
      claim: attacker ? "attributed" : "unknown",
      note: [v.conflict_name?.trim() && `${v.conflict_name.trim()}.`, best !== null && `UCDP best estimate: ${best} killed.`].filter(Boolean).join(" "),
      status: "extracted",
      provenance: "imported",
      sourceLabel: (v.source_office ?? "").trim() || null,
      line,
    };
    const ok = ImportedEvent.safeParse(candidate);
    if (ok.success) events.push(ok.data);
    else bad(firstIssue(ok.error).replace(/^killed: /, "low/high: "));
  }
  return { events, links: [], newActors: resolve.created(), issues: issues.sort((a, b) => a.line - b.line), rows };
}
