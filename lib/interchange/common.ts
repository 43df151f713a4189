/**
 * Mapping rules the foreign formats share: dates as datasets write them, a family refined by the
 * weapon a row's text names, a country from the coordinates, a title in the pipeline's words.
 */
import { iso1A2Code } from "@rapideditor/country-coder";
import { titleOf } from "../pipeline/events";
import { findTriggers } from "../pipeline/families";
import type { ActorIndex } from "../pipeline/actors";
import type { Family, GeoPrecision, PlaceKind } from "../schema";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** ISO (with or without a time part, as UCDP writes it) or "03 January 2024" / "3-January-2024" (older ACLED files). */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/.exec(s);
  const words = /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (words && MONTHS.some((n) => n.startsWith(words[2]!.toLowerCase()) && words[2]!.length >= 3))
    [y, m, d] = [Number(words[3]), MONTHS.findIndex((n) => n.startsWith(words[2]!.toLowerCase())) + 1, Number(words[1])];
  else return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return back.toISOString().slice(0, 10);
}

export const monthBounds = (date: string): [string, string] => {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return [`${date.slice(0, 7)}-01`, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)];
};

/** The first weapon the text names among `allowed` ("drone strike" in an ACLED note), else `fallback`. */
export function familyFromText(text: string, allowed: readonly Family[], fallback: Family): Family {
  if (!allowed.length) return fallback;
  for (const t of findTriggers(text)) if (t.family && !t.hypothetical && allowed.includes(t.family)) return t.family;
  return fallback;
}

/** ISO alpha-2 of the country at a point; null at sea. */
export const countryAt = (lon: number, lat: number): string | null => iso1A2Code([lon, lat]);

/** Country code from an ISO numeric or alpha code, or a country name. */
export const countryCode = (v: string): string | null => (v.trim() ? iso1A2Code(/^\d+$/.test(v.trim()) ? Number(v.trim()) : v.trim()) : null);

export const PLACE_KIND_OF: Record<GeoPrecision, PlaceKind> = { 1: "town", 2: "town", 3: "region", 4: "country" };

export function importedTitle(family: Family, attacker: string | null, target: string | null, placeName: string, actors: ActorIndex): string {
  return titleOf({ family, attacker, target, place: null, placeMention: placeName }, actors);
}

/** A whole number of people from a cell: empty is unknown (null), anything else must be a count. */
export function count(raw: string | undefined): number | null | "bad" {
  const s = (raw ?? "").trim();
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : "bad";
}
