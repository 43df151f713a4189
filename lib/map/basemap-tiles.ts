/**
 * Cuts the basemap's layers into Mapbox vector tiles at build time (scripts/build-basemap.ts), so
 * the page downloads and decodes only the tiles it shows instead of parsing megabytes of GeoJSON
 * on every visit. Tiles are written down to MAX_ZOOM (lib/map/style.ts); MapLibre overzooms them beyond.
 */
import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { FeatureCollection } from "geojson";
import { MAX_ZOOM } from "./style";

export const TILE_EXTENT = 4096;

export type Tile = { z: number; x: number; y: number; data: Uint8Array };

/**
 * Every non-empty tile from zoom 0 to `maxZoom`, each with the layers that have features in it.
 * A feature with a `minzoom` property (cities, labels) goes only into tiles drawn at that zoom or
 * deeper, so the world tile does not carry every town; the deepest tiles carry everything, for
 * overzooming. Children of a tile empty in all layers are never visited: open ocean costs nothing.
 */
export function* cutTiles(layers: Record<string, FeatureCollection>, maxZoom = MAX_ZOOM): Generator<Tile> {
  const indexes = Object.entries(layers).map(([name, fc]) => [name, zoomIndexes(fc, maxZoom)] as const);
  const stack: [number, number, number][] = [[0, 0, 0]];
  while (stack.length) {
    const [z, x, y] = stack.pop()!;
    const present: Record<string, NonNullable<ReturnType<GeoJSONVT["getTile"]>>> = {};
    for (const [name, byZoom] of indexes) {
      const t = byZoom[z]!.getTile(z, x, y);
      if (t && t.features.length) present[name] = t;
    }
    if (Object.keys(present).length === 0) continue;
    yield { z, x, y, data: fromGeojsonVt(present, { version: 2, extent: TILE_EXTENT }) };
    if (z < maxZoom) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) stack.push([z + 1, 2 * x + dx, 2 * y + dy]);
  }
}

/** One tile index per zoom, over the features shown at that zoom (a tile of zoom z is drawn from z to z + 1); equal sets share one. */
function zoomIndexes(fc: FeatureCollection, maxZoom: number): GeoJSONVT[] {
  const out: GeoJSONVT[] = [];
  let last = null as { count: number; index: GeoJSONVT } | null;
  for (let z = 0; z <= maxZoom; z++) {
    const features = z === maxZoom ? fc.features : fc.features.filter((f) => Number(f.properties?.minzoom ?? 0) <= z + 1);
    if (last?.count !== features.length)
      last = { count: features.length, index: new GeoJSONVT({ type: "FeatureCollection", features }, { maxZoom, indexMaxZoom: maxZoom, tolerance: 3, extent: TILE_EXTENT, buffer: 64 }) };
    out.push(last.index);
  }
  return out;
}
