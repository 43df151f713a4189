/**
 * The map of a store too large to send whole (app/components/map/ScaleMap.tsx): counts per cell
 * from /api/aggregates at low zoom, the events themselves from /api/events once few are in view.
 * Layers and features as data, like lib/map/layers.ts.
 */
import type { AggregateOut, EventFeature } from "../api";
import type { LayerSpecification } from "./maplibre-types";

/** Above this many events in view the map shows counts; at or below, the events. */
export const SCALE_POINT_LIMIT = 1500;
/** Stores up to this size are sent whole, so the page can filter and play back in memory; larger ones are served per view. */
export const FULL_LOAD_LIMIT = 20_000;

export const SCALE_SOURCES = { cells: "scale-cells", events: "scale-events" } as const;
export const SCALE_LAYERS = { cells: "scale-cells", cellCounts: "scale-cell-counts", events: "scale-events" } as const;

export function cellCollection(a: AggregateOut): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: "FeatureCollection",
    features: a.cells.map((c) => ({ type: "Feature", id: c.cx * 1e6 + c.cy, geometry: { type: "Point", coordinates: [c.lon, c.lat] }, properties: { n: c.n, label: compact(c.n) } })),
  };
}

export function eventCollection(events: readonly EventFeature[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: "FeatureCollection",
    features: events.map((e) => ({ type: "Feature", geometry: e.geometry, properties: { id: e.id, title: e.properties.title, color: e.properties.attackerColor ?? "#6b7280" } })),
  };
}

/** 1234 → "1.2k", 2500000 → "2.5M": a count label that fits in a disc. */
export function compact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 999_500) return `${(n / 1000).toFixed(n < 1e4 ? 1 : 0).replace(/\.0$/, "")}k`;
  return `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0).replace(/\.0$/, "")}M`;
}

export function scaleLayers(font: string): LayerSpecification[] {
  return [
    {
      id: SCALE_LAYERS.cells,
      type: "circle",
      source: SCALE_SOURCES.cells,
      paint: {
        "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "n"]], 1, 6, 30, 18, 300, 32],
        "circle-color": "#b91c1c",
        "circle-opacity": 0.55,
        "circle-stroke-color": "#7f1d1d",
        "circle-stroke-width": 1,
      },
    },
    {
      id: SCALE_LAYERS.cellCounts,
      type: "symbol",
      source: SCALE_SOURCES.cells,
      layout: { "text-field": ["get", "label"], "text-font": [font], "text-size": 11, "text-allow-overlap": true },
      paint: { "text-color": "#ffffff", "text-halo-color": "#7f1d1d", "text-halo-width": 1 },
    },
    {
      id: SCALE_LAYERS.events,
      type: "circle",
      source: SCALE_SOURCES.events,
      paint: { "circle-radius": 5, "circle-color": ["get", "color"], "circle-stroke-color": "#ffffff", "circle-stroke-width": 1 },
    },
  ];
}
