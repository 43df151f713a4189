import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { describe, expect, it } from "vitest";
import type { FeatureCollection } from "geojson";
import { cutTiles } from "./basemap-tiles";

const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({ type: "Feature" as const, properties, geometry: { type: "Point" as const, coordinates: [lon, lat] } });
const fc = (features: FeatureCollection["features"]): FeatureCollection => ({ type: "FeatureCollection", features });

const layers = {
  cities: fc([point(44.37, 33.31, { name: "Baghdad", minzoom: 2 }), point(44.39, 35.47, { name: "Kirkuk", minzoom: 5 }), point(2.35, 48.86, { name: "Paris", minzoom: 2 })]),
  land: fc([{ type: "Feature", properties: { name: "Box" }, geometry: { type: "Polygon", coordinates: [[[40, 30], [48, 30], [48, 38], [40, 38], [40, 30]]] } }]),
};

const decode = (data: Uint8Array) => new VectorTile(new PbfReader(data));
const names = (data: Uint8Array, layer: string) => {
  const l = decode(data).layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).properties.name) : [];
};

describe("cutTiles", () => {
  const tiles = [...cutTiles(layers, 4)];
  const at = (z: number) => tiles.filter((t) => t.z === z);

  it("cuts only tiles that hold something, down to the deepest zoom", () => {
    expect(at(0)).toHaveLength(1);
    // At zoom 4 the data touches a few tiles around Iraq and one over Paris, not all 256.
    expect(at(4).length).toBeGreaterThan(1);
    expect(at(4).length).toBeLessThan(10);
    expect(Math.max(...tiles.map((t) => t.z))).toBe(4);
  });

  it("writes decodable Mapbox vector tiles with one layer per input", () => {
    const world = decode(at(0)[0]!.data);
    // No city is labelled at zoom 0 or 1, so the world tile carries the land alone.
    expect(Object.keys(world.layers)).toEqual(["land"]);
    expect(Object.keys(decode(at(4)[0]!.data).layers).length).toBeGreaterThan(0);
    expect(world.layers.land!.feature(0).toGeoJSON(0, 0, 0).geometry.type).toBe("Polygon");
  });

  it("puts a labelled feature only into tiles drawn at its zoom, and every feature into the deepest", () => {
    // A set: a point near a tile edge is also in its neighbour's buffer.
    const cities = (z: number) => [...new Set(at(z).flatMap((t) => names(t.data, "cities")))].sort();
    expect(cities(0)).toEqual([]);
    expect(cities(1)).toEqual(["Baghdad", "Paris"]);
    expect(cities(4)).toEqual(["Baghdad", "Kirkuk", "Paris"]);
  });
});
