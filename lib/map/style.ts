/**
 * The offline basemap style, as data. scripts/build-basemap.ts writes it to
 * public/basemap/style.json next to the vector tiles and font files it points at; the page loads it
 * by URL exactly as it would load an online style (STRIKELINE_BASEMAP_URL).
 *
 * Light and desaturated on purpose: the events carry the colour (one per attacker), the basemap
 * only orients. Label layers go last and in priority order reversed: MapLibre places the top
 * layer's labels first, so country and sea names win over towns, towns over airports. No `glyphs` URL: labels are rasterised in the browser from the `font-faces` files.
 */
import type { ExpressionSpecification, FontFacesSpecification, LayerSpecification, StyleSpecification } from "./maplibre-types";
import type { FontFile } from "./basemap-data";

export const BASEMAP_DIR = "/basemap";
export const STYLE_URL = `${BASEMAP_DIR}/style.json`;
export const FONT_FACES_URL = `${BASEMAP_DIR}/fonts.json`;
/** The page's @font-face rules over the same files (app/layout.tsx), so each font downloads once. */
export const PAGE_FONTS_URL = `${BASEMAP_DIR}/fonts.css`;
/** Served beside the basemap so the page needs nothing from another origin (see setWorkerUrl). */
export const WORKER_URL = `${BASEMAP_DIR}/maplibre-gl-worker.mjs`;

export const FONT = {
  regular: "Noto Sans Regular",
  semibold: "Noto Sans SemiBold",
  italic: "Noto Sans Italic",
} as const;

export const COLORS = {
  sea: "#cfdde8",
  land: "#f3f0ea",
  border: "#8f8579",
  coast: "#a9bccb",
  river: "#a7c0d3",
  countryLabel: "#5d554c",
  cityLabel: "#2f2f2f",
  cityDot: "#5f5f5f",
  airportLabel: "#57534e",
  waterLabel: "#46708f",
  halo: "rgba(255,255,255,0.85)",
} as const;

/** Font name → files with their unicode ranges, in fallback order (Latin first, then Arabic). */
export function buildFontFaces(files: Record<keyof typeof FONT, FontFile[]>, base = BASEMAP_DIR): FontFacesSpecification {
  const faces = (list: FontFile[]) => list.map((f) => ({ url: `${base}/fonts/${f.file}`, "unicode-range": f.unicodeRange }));
  return {
    [FONT.regular]: faces(files.regular),
    [FONT.semibold]: faces(files.semibold),
    [FONT.italic]: faces(files.italic),
  };
}

/**
 * `value` for every feature, written as a per-feature expression. MapLibre compiles one shader per
 * kind of layer and set of per-feature paint properties, and under software WebGL each costs tens
 * of milliseconds before the first frame: the map's circle layers all vary radius, colour, opacity
 * and stroke opacity per feature (the event discs must), so they share one shader; likewise the
 * fills (colour, opacity), the solid lines (opacity) and the text labels (opacity), whose overlay
 * layers dim per chain.
 */
export const perFeature = (value: string | number): ExpressionSpecification => ["case", ["has", "\u0000"], value, value];

const zoomed = (...stops: number[]): ExpressionSpecification => ["interpolate", ["linear"], ["zoom"], ...stops];
/** Features carry their own first zoom; a filter is cheaper than one layer per rank. */
const fromZoom: ExpressionSpecification = ["<=", ["get", "minzoom"], ["zoom"]];

export function basemapLayers(): LayerSpecification[] {
  return [
    { id: "sea", type: "background", paint: { "background-color": COLORS.sea } },
    // Fills without their antialiasing outline pass (the coastline layer draws that edge): every
    // distinct kind of layer is one more shader to compile before the first frame, which under
    // software WebGL costs tens of milliseconds each. Colour and opacity per feature, as the event
    // areas' (lib/map/layers.ts), so all fills share one shader.
    {
      id: "land",
      type: "fill",
      source: "countries",
      paint: { "fill-color": perFeature(COLORS.land), "fill-opacity": perFeature(1), "fill-antialias": false },
    },
    { id: "lakes", type: "fill", source: "lakes", paint: { "fill-color": perFeature(COLORS.sea), "fill-opacity": perFeature(1), "fill-antialias": false } },
    {
      id: "rivers",
      type: "line",
      source: "rivers",
      minzoom: 4,
      paint: { "line-color": COLORS.river, "line-width": zoomed(4, 0.5, 10, 2), "line-opacity": perFeature(1) },
    },
    {
      id: "coastline",
      type: "line",
      source: "countries",
      paint: { "line-color": COLORS.coast, "line-width": zoomed(2, 0.4, 5, 0.6, 12, 1.5), "line-opacity": perFeature(1) },
    },
    // Solid, so rivers, coasts and borders share one line shader (a dash is another); opacity per
    // feature, as the overlay's solid arcs (dimmed per chain), so those share it too.
    {
      id: "borders",
      type: "line",
      source: "borders",
      layout: { "line-join": "round" },
      paint: { "line-color": COLORS.border, "line-width": zoomed(2, 0.4, 6, 0.8, 12, 1.6), "line-opacity": perFeature(1) },
    },
    {
      id: "airport-labels",
      type: "symbol",
      source: "airports",
      minzoom: 8,
      layout: {
        "text-field": ["get", "name"],
        "text-font": [FONT.italic],
        "text-size": 11,
        "text-max-width": 9,
        "text-variable-anchor": ["top", "bottom", "left", "right"],
        "text-radial-offset": 0.4,
      },
      paint: { "text-color": COLORS.airportLabel, "text-halo-color": COLORS.halo, "text-halo-width": 1.2, "text-opacity": perFeature(1) },
    },
    {
      id: "city-dots",
      type: "circle",
      source: "cities",
      filter: fromZoom,
      maxzoom: 11,
      paint: {
        "circle-radius": ["case", ["get", "capital"], 3, 2],
        "circle-color": perFeature(COLORS.cityDot),
        "circle-opacity": perFeature(1),
        "circle-stroke-color": "#fff",
        "circle-stroke-width": 1,
        "circle-stroke-opacity": perFeature(1),
      },
    },
    {
      id: "city-labels",
      type: "symbol",
      source: "cities",
      filter: fromZoom,
      layout: {
        "text-field": ["get", "name"],
        "text-font": ["case", ["get", "capital"], ["literal", [FONT.semibold]], ["literal", [FONT.regular]]],
        "text-size": ["interpolate", ["linear"], ["get", "minzoom"], 3, 13, 10, 10.5],
        "text-variable-anchor": ["left", "right", "top", "bottom"],
        "text-radial-offset": 0.5,
        "text-max-width": 8,
        "symbol-sort-key": ["-", 0, ["get", "population"]],
      },
      paint: { "text-color": COLORS.cityLabel, "text-halo-color": COLORS.halo, "text-halo-width": 1.2, "text-opacity": perFeature(1) },
    },
    {
      id: "water-lines",
      type: "symbol",
      source: "waters",
      filter: ["all", ["==", ["geometry-type"], "LineString"], fromZoom],
      layout: {
        "symbol-placement": "line-center",
        "text-field": ["get", "name"],
        "text-font": [FONT.italic],
        "text-size": zoomed(2, 11, 8, 16),
        "text-letter-spacing": 0.12,
        "text-max-angle": 40,
      },
      paint: { "text-color": COLORS.waterLabel, "text-halo-color": "rgba(207,221,232,0.8)", "text-halo-width": 1, "text-opacity": perFeature(1) },
    },
    {
      id: "water-points",
      type: "symbol",
      source: "waters",
      filter: ["all", ["==", ["geometry-type"], "Point"], fromZoom],
      layout: {
        "text-field": ["get", "name"],
        "text-font": [FONT.italic],
        "text-size": ["match", ["get", "kind"], "ocean", 15, "sea", 13, 11.5],
        "text-letter-spacing": 0.12,
        "text-max-width": 7,
      },
      paint: { "text-color": COLORS.waterLabel, "text-halo-color": "rgba(207,221,232,0.8)", "text-halo-width": 1, "text-opacity": perFeature(1) },
    },
    {
      id: "country-labels",
      type: "symbol",
      source: "country-labels",
      filter: fromZoom,
      layout: {
        "text-field": ["get", "name"],
        "text-font": [FONT.semibold],
        "text-transform": "uppercase",
        "text-letter-spacing": 0.08,
        "text-size": zoomed(2, 9, 6, 14, 10, 18),
        "text-max-width": 8,
        "symbol-sort-key": ["-", 0, ["get", "areaKm2"]],
      },
      paint: { "text-color": COLORS.countryLabel, "text-halo-color": COLORS.halo, "text-halo-width": 1.2, "text-opacity": perFeature(1) },
    },
  ];
}

/** The pre-cut tiles (scripts/build-basemap.ts, lib/map/basemap-tiles.ts); MapLibre overzooms past MAX_ZOOM. */
export const TILES_URL = `${BASEMAP_DIR}/tiles/{z}/{x}/{y}.pbf`;
/** Deepest pre-cut zoom: 1:10m data has no more detail to show beyond it. */
export const MAX_ZOOM = 6;
/** One vector source holds every basemap layer; each style layer picks its own by `source-layer`. */
export const TILE_SOURCE = "basemap";

export function buildBasemapStyle(fontFaces: FontFacesSpecification): StyleSpecification {
  return {
    version: 8,
    name: "Strikeline offline basemap",
    "font-faces": fontFaces,
    sources: {
      [TILE_SOURCE]: { type: "vector", tiles: [TILES_URL], minzoom: 0, maxzoom: MAX_ZOOM, attribution: "Natural Earth, GeoNames, OpenFlights" },
    },
    layers: basemapLayers().map((l) => ("source" in l ? { ...l, source: TILE_SOURCE, "source-layer": l.source } : l) as LayerSpecification),
  };
}
