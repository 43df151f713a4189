/**
 * The overlay drawn on top of any basemap (the offline one or STRIKELINE_BASEMAP_URL): sources
 * and layers as data. The page only ever replaces the data of these sources; what is drawn, and
 * how a selected chain dims everything else, is decided here through the map's global state.
 */
import { ARC_COLOR, FAMILY_ICON_PREFIX } from "./icons";
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from "./maplibre-types";
import { FONT, perFeature } from "./style";

export const SOURCES = {
  areas: "ev-areas",
  points: "ev-points",
  cells: "ev-cells",
  arcLines: "arc-lines",
  arcHeads: "arc-heads",
  arcLabels: "arc-labels",
  /** The selected event and the highlighted chain's events, never clustered, drawn over the rest. */
  focus: "ev-focus",
} as const;

export const LAYERS = {
  areaFill: "ev-area-fill",
  areaLine: "ev-area-line",
  arcCasing: "arc-casing",
  arcRetaliation: "arc-retaliation",
  arcResponse: "arc-response",
  arcEscalation: "arc-escalation",
  arcHeads: "arc-heads",
  arcLabels: "arc-labels",
  cells: "ev-cells",
  cellCounts: "ev-cell-counts",
  clusters: "ev-clusters",
  clusterCounts: "ev-cluster-counts",
  seaRing: "ev-sea-ring",
  discs: "ev-discs",
  icons: "ev-icons",
  seaBadge: "ev-sea-badge",
  selected: "ev-selected",
  focusSeaRing: "ev-focus-sea-ring",
  focusDiscs: "ev-focus-discs",
  focusIcons: "ev-focus-icons",
  focusSeaBadge: "ev-focus-sea-badge",
} as const;

/** Layers the pointer interacts with. */
export const EVENT_LAYERS = [LAYERS.discs, LAYERS.icons, LAYERS.focusDiscs, LAYERS.focusIcons] as const;
export const ARC_LAYERS = [LAYERS.arcRetaliation, LAYERS.arcResponse, LAYERS.arcEscalation] as const;

/** Names in the map's global state: the selected event id and chain id ("" for none). */
export const STATE = { selected: "selected", chain: "chain" } as const;
export const INITIAL_GLOBAL_STATE = { [STATE.selected]: "", [STATE.chain]: "" };

const empty = { type: "FeatureCollection" as const, features: [] };
const geojson = (extra: object = {}): SourceSpecification => ({ type: "geojson", data: empty, ...extra }) as SourceSpecification;

export const OVERLAY_SOURCES: Record<(typeof SOURCES)[keyof typeof SOURCES], SourceSpecification> = {
  [SOURCES.areas]: geojson(),
  // Overlapping events (several strikes on one city) gather into a cluster until zoomed in.
  [SOURCES.points]: geojson({ cluster: true, clusterRadius: 28, clusterMaxZoom: 11 }),
  [SOURCES.cells]: geojson(),
  [SOURCES.arcLines]: geojson(),
  [SOURCES.arcHeads]: geojson(),
  [SOURCES.arcLabels]: geojson(),
  [SOURCES.focus]: geojson(),
};

const chainState: ExpressionSpecification = ["coalesce", ["global-state", STATE.chain], ""];
/** Full strength when no chain is selected or the feature belongs to it; faint otherwise. */
const dimmed = (full: number, faint: number): ExpressionSpecification => [
  "case",
  ["any", ["==", chainState, ""], ["==", ["get", "chain"], chainState]],
  full,
  faint,
];
const notCluster: ExpressionSpecification = ["!", ["has", "point_count"]];

const arcLine = (id: string, kind: string, dash: number[] | null): LayerSpecification => ({
  id,
  type: "line",
  source: SOURCES.arcLines,
  filter: ["==", ["get", "kind"], kind],
  layout: { "line-cap": "round", "line-join": "round" },
  paint: {
    // Dashed, per feature like the event areas' dashed edge, so both share one shader (style.ts perFeature).
    "line-color": dash ? perFeature(ARC_COLOR) : ARC_COLOR,
    "line-width": ["interpolate", ["linear"], ["zoom"], 3, 1.8, 10, 3.5],
    "line-opacity": dimmed(0.95, 0.12),
    ...(dash ? { "line-dasharray": dash } : {}),
  },
});

/**
 * One event's marks, bottom to top: a ring if at sea, the disc in the attacker's colour sized by
 * casualties, the family pictogram, and a wave badge if at sea. Drawn for the (clustered) events
 * and again for the focus source, so a selected event or highlighted chain shows inside a cluster.
 */
function eventMarks(source: string, [seaRing, discs, icons, seaBadge]: readonly string[], only?: ExpressionSpecification): LayerSpecification[] {
  const atSea: ExpressionSpecification = only ? ["all", only, ["get", "sea"]] : ["get", "sea"];
  const all = only ? { filter: only } : {};
  return [
    {
      id: seaRing!,
      type: "circle",
      source,
      filter: atSea,
      paint: {
        "circle-radius": ["+", ["get", "r"], 4.5],
        "circle-color": perFeature("rgba(0,0,0,0)"),
        "circle-opacity": perFeature(1),
        "circle-stroke-color": "#0b5394",
        "circle-stroke-width": 2,
        "circle-stroke-opacity": dimmed(1, 0.2),
      },
    },
    {
      id: discs!,
      type: "circle",
      source,
      ...all,
      paint: {
        "circle-radius": ["get", "r"],
        "circle-color": ["get", "color"],
        "circle-opacity": dimmed(1, 0.25),
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
        "circle-stroke-opacity": dimmed(1, 0.25),
      },
    },
    {
      id: icons!,
      type: "symbol",
      source,
      ...all,
      layout: {
        "icon-image": ["concat", FAMILY_ICON_PREFIX, ["get", "family"]],
        "icon-size": ["/", ["get", "r"], 17],
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
      },
      paint: { "icon-opacity": dimmed(1, 0.3) },
    },
    {
      id: seaBadge!,
      type: "symbol",
      source,
      filter: atSea,
      layout: {
        "icon-image": "at-sea",
        "icon-size": 0.55,
        "icon-anchor": "bottom-left",
        "icon-offset": [8, -8],
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
      },
      paint: { "icon-opacity": dimmed(1, 0.3) },
    },
  ];
}

export function overlayLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.areaFill,
      type: "fill",
      source: SOURCES.areas,
      // The wider the area, the fainter: a country-sized "somewhere in Iran" must not drown the map.
      // No antialiasing pass: the dashed line below draws the edge, and it would be one more shader.
      paint: {
        "fill-antialias": false,
        "fill-color": ["get", "color"],
        "fill-opacity": ["*", dimmed(1, 0.25), ["interpolate", ["linear"], ["get", "km"], 10, 0.16, 100, 0.09, 400, 0.035]],
      },
    },
    {
      id: LAYERS.areaLine,
      type: "line",
      source: SOURCES.areas,
      paint: { "line-color": ["get", "color"], "line-width": 1.2, "line-dasharray": [3, 2], "line-opacity": dimmed(0.7, 0.1) },
    },
    {
      id: LAYERS.arcCasing,
      type: "line",
      source: SOURCES.arcLines,
      layout: { "line-cap": "round", "line-join": "round" },
      paint: { "line-color": "#ffffff", "line-width": ["interpolate", ["linear"], ["zoom"], 3, 4, 10, 6.5], "line-opacity": dimmed(0.8, 0) },
    },
    arcLine(LAYERS.arcRetaliation, "retaliation", null),
    arcLine(LAYERS.arcResponse, "response", [3, 2]),
    arcLine(LAYERS.arcEscalation, "escalation", [0.6, 2]),
    {
      id: LAYERS.cells,
      type: "circle",
      source: SOURCES.cells,
      paint: {
        // Logarithmic and capped at half a cell (lib/map/drawn.ts CELL_PX): neighbours never cover each other.
        "circle-radius": ["min", 24, ["+", 8, ["*", 2.2, ["ln", ["get", "count"]]]]],
        "circle-color": ["get", "color"],
        "circle-opacity": perFeature(0.78),
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.2,
        "circle-stroke-opacity": perFeature(1),
      },
    },
    {
      id: LAYERS.cellCounts,
      type: "symbol",
      source: SOURCES.cells,
      layout: {
        "text-field": ["get", "label"],
        "text-font": [FONT.semibold],
        "text-size": 11,
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": "#ffffff", "text-halo-color": "rgba(0,0,0,0.35)", "text-halo-width": 1, "text-opacity": perFeature(1) },
    },
    {
      id: LAYERS.clusters,
      type: "circle",
      source: SOURCES.points,
      filter: ["has", "point_count"],
      paint: {
        "circle-radius": ["step", ["get", "point_count"], 13, 5, 16, 20, 20, 100, 25],
        "circle-color": perFeature("#1f2937"),
        "circle-opacity": perFeature(0.88),
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 2,
        "circle-stroke-opacity": perFeature(1),
      },
    },
    {
      id: LAYERS.clusterCounts,
      type: "symbol",
      source: SOURCES.points,
      filter: ["has", "point_count"],
      layout: {
        "text-field": ["get", "point_count_abbreviated"],
        "text-font": [FONT.semibold],
        "text-size": 12,
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": "#ffffff", "text-opacity": perFeature(1) },
    },
    ...eventMarks(SOURCES.points, [LAYERS.seaRing, LAYERS.discs, LAYERS.icons, LAYERS.seaBadge], notCluster),
    {
      id: LAYERS.selected,
      type: "circle",
      source: SOURCES.focus,
      filter: ["==", ["get", "id"], ["coalesce", ["global-state", STATE.selected], ""]],
      paint: {
        "circle-radius": ["+", ["get", "r"], 8],
        "circle-color": perFeature("rgba(250,204,21,0.35)"),
        "circle-opacity": perFeature(1),
        "circle-stroke-color": "#111827",
        "circle-stroke-width": 2.5,
        "circle-stroke-opacity": perFeature(1),
      },
    },
    ...eventMarks(SOURCES.focus, [LAYERS.focusSeaRing, LAYERS.focusDiscs, LAYERS.focusIcons, LAYERS.focusSeaBadge]),
    {
      id: LAYERS.arcHeads,
      type: "symbol",
      source: SOURCES.arcHeads,
      layout: {
        "icon-image": "arrowhead",
        "icon-size": ["interpolate", ["linear"], ["zoom"], 3, 0.55, 10, 0.85],
        "icon-rotate": ["get", "angle"],
        "icon-rotation-alignment": "map",
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
      },
      paint: { "icon-opacity": dimmed(1, 0.15) },
    },
    {
      id: LAYERS.arcLabels,
      type: "symbol",
      source: SOURCES.arcLabels,
      layout: { "text-field": ["get", "label"], "text-font": [FONT.semibold], "text-size": 11.5, "text-padding": 1 },
      paint: { "text-color": "#7c2d12", "text-halo-color": "#ffffff", "text-halo-width": 1.6, "text-opacity": dimmed(1, 0.15) },
    },
  ];
}
