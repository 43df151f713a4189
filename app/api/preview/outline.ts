/**
 * Country outlines for the preview picture, from world-atlas (Natural Earth 1:50m), read once.
 * Read from disk rather than imported: bundling 750 kB of JSON into the route would buy nothing.
 * The server and the tests run from the project root (scripts/start.mjs changes there), and a
 * path fixed below process.cwd() lets the build trace this one file rather than the whole project.
 */
import fs from "node:fs";
import path from "node:path";
import type { MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Outline } from "@/lib/preview";

let cached: Outline | undefined;

export function countryOutline(): Outline {
  if (cached) return cached;
  const topology = JSON.parse(fs.readFileSync(path.join(process.cwd(), "node_modules", "world-atlas", "countries-50m.json"), "utf8")) as Topology<{
    countries: GeometryCollection;
  }>;
  const countries = feature(topology, topology.objects.countries);
  // One entry per polygon, not per country: France's box would span from Guiana to Réunion.
  cached = countries.features.flatMap((c) => {
    const g = c.geometry as Polygon | MultiPolygon | null;
    const polygons = !g ? [] : g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    return polygons.map((rings) => {
      const outer = rings[0] ?? [];
      const lons = outer.map((p) => p[0]!);
      const lats = outer.map((p) => p[1]!);
      return {
        bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as const,
        rings: rings.map((r) => r.map(([lon, lat]) => [lon!, lat!] as const)),
      };
    });
  });
  return cached;
}
