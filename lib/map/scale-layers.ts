/**
 * The map of a store too large to send whole (app/components/map/ScaleMap.tsx): counts per cell
 * from /api/aggregates at low zoom, the events themselves from /api/events once few are in view.
 * Layers and features as data, like lib/map/layers.ts.
 */
import type { AggregateOut, EventFeature } from "../api";
import type { CellSeries } from "./aggregate";
import type { LayerSpecification } from "./maplibre-types";
import { lowerBound } from "./bisect";
import { dayOf } from "./time";

/** Above this many events in view the map shows counts; at or below, the events. */
export const SCALE_POINT_LIMIT = 1500;
/** Stores up to this size are sent whole, so the page can filter and play back in memory; larger ones are served per view. */
export const FULL_LOAD_LIMIT = 20_000;

export const SCALE_SOURCES = { cells: "scale-cells", events: "scale-events" } as const;
export const SCALE_LAYERS = { cells: "scale-cells", cellCounts: "scale-cell-counts", events: "scale-events" } as const;

/** A cell's feature id, the key of its feature state while the cursor moves. */
export const cellId = (cx: number, cy: number) => cx * 1e6 + cy;

export function cellCollection(a: AggregateOut): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: "FeatureCollection",
    features: a.cells.map((c) => ({ type: "Feature", id: cellId(c.cx, c.cy), geometry: { type: "Point", coordinates: [c.lon, c.lat] }, properties: { n: c.n, label: compact(c.n) } })),
  };
}

/** Events numbered in list order: the number is the feature id whose state says whether the cursor shows it. */
export function eventCollection(events: readonly EventFeature[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: "FeatureCollection",
    features: events.map((e, i) => ({ type: "Feature", id: i, geometry: e.geometry, properties: { id: e.id, title: e.properties.title, color: e.properties.attackerColor ?? "#6b7280" } })),
  };
}

/**
 * The view's cells over time, made once per fetched view: per cell its days and running totals,
 * so the count in any span of days is two binary searches, whatever the number of events.
 */
export type SeriesIndex = { ids: number[]; days: Int32Array[]; cum: Int32Array[] };

export function indexSeries(series: readonly CellSeries[]): SeriesIndex {
  return {
    ids: series.map((c) => cellId(c.cx, c.cy)),
    days: series.map((c) => Int32Array.from(c.days)),
    cum: series.map((c) => {
      const out = new Int32Array(c.n.length + 1);
      c.n.forEach((n, i) => (out[i + 1] = out[i]! + n));
      return out;
    }),
  };
}

/** Each cell's events whose start day lies in [lo, hi] (whole days, as the API's cursor span counts them). */
export function countsInSpan(ix: SeriesIndex, lo: number, hi: number): Int32Array {
  const [a, b] = [Math.ceil(lo), Math.floor(hi)];
  return Int32Array.from(ix.days, (days, i) => (b < a ? 0 : ix.cum[i]![lowerBound(days, b, true)]! - ix.cum[i]![lowerBound(days, a - 1, true)]!));
}

/** The events' start days, in list order: read once per fetched view, then compared per frame. */
export const startDays = (events: readonly EventFeature[]) => Int32Array.from(events, (e) => dayOf(e.properties.dateStart));

/** Whether each start day lies in [lo, hi] (whole days, as countsInSpan). */
export function daysInSpan(days: Int32Array, lo: number, hi: number): boolean[] {
  const [a, b] = [Math.ceil(lo), Math.floor(hi)];
  return Array.from(days, (d) => d >= a && d <= b);
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
        // The count at the playback cursor is feature state, set per frame without re-tiling; the window's count until then.
        "circle-radius": ["interpolate", ["linear"], ["sqrt", ["max", 1, ["coalesce", ["feature-state", "n"], ["get", "n"]]]], 1, 6, 30, 18, 300, 32],
        "circle-color": "#b91c1c",
        "circle-opacity": ["case", ["==", ["coalesce", ["feature-state", "n"], ["get", "n"]], 0], 0, 0.55],
        "circle-stroke-color": "#7f1d1d",
        "circle-stroke-opacity": ["case", ["==", ["coalesce", ["feature-state", "n"], ["get", "n"]], 0], 0, 1],
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
      paint: {
        "circle-radius": 5,
        "circle-color": ["get", "color"],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1,
        "circle-opacity": ["case", ["boolean", ["feature-state", "off"], false], 0, 1],
        "circle-stroke-opacity": ["case", ["boolean", ["feature-state", "off"], false], 0, 1],
      },
    },
  ];
}
