import { expression, latest, validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { INITIAL_GLOBAL_STATE, OVERLAY_SOURCES, overlayLayers } from "./layers";
import type { LayerSpecification } from "./maplibre-types";
import { basemapLayers, buildBasemapStyle, buildFontFaces, FONT, perFeature, TILE_SOURCE } from "./style";

const files = {
  regular: [{ file: "noto-sans-latin-400-normal.woff2", unicodeRange: ["U+0000-00FF"] }],
  semibold: [{ file: "noto-sans-latin-600-normal.woff2", unicodeRange: ["U+0000-00FF"] }],
  italic: [{ file: "noto-sans-latin-400-italic.woff2", unicodeRange: ["U+0000-00FF"] }],
};

describe("basemap style", () => {
  const style = buildBasemapStyle(buildFontFaces(files));

  it("is a valid MapLibre style that needs no glyph server", () => {
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style["font-faces"]?.[FONT.regular]).toEqual([{ url: "/basemap/fonts/noto-sans-latin-400-normal.woff2", "unicode-range": ["U+0000-00FF"] }]);
  });

  it("loads everything from the app's own origin", () => {
    const urls = JSON.stringify(style).match(/"(https?:)?\/\/[^"]*"/g) ?? [];
    expect(urls).toEqual([]);
    for (const s of Object.values(style.sources)) for (const t of (s as { tiles: string[] }).tiles) expect(t).toMatch(/^\/basemap\/tiles\//);
  });

  it("draws every basemap layer from the pre-cut vector tiles, one source for all", () => {
    expect(Object.keys(style.sources)).toEqual([TILE_SOURCE]);
    for (const l of style.layers) if (l.type !== "background") expect(l).toMatchObject({ source: TILE_SOURCE, "source-layer": expect.any(String) });
  });

  it("only uses fonts it declares", () => {
    const used = new Set(JSON.stringify([...basemapLayers(), ...overlayLayers()]).match(/Noto Sans \w+/g));
    for (const f of used) expect(Object.keys(style["font-faces"]!)).toContain(f);
  });

  it("names countries and waters above towns, so they win label collisions", () => {
    const ids = basemapLayers().map((l) => l.id);
    expect(ids.indexOf("country-labels")).toBeGreaterThan(ids.indexOf("city-labels"));
    expect(ids.indexOf("water-points")).toBeGreaterThan(ids.indexOf("city-labels"));
  });
});

describe("overlay", () => {
  it("validates on top of the basemap, with every layer's source declared", () => {
    const style = buildBasemapStyle(buildFontFaces(files));
    const full = { ...style, sources: { ...style.sources, ...OVERLAY_SOURCES }, layers: [...style.layers, ...overlayLayers()], state: Object.fromEntries(Object.entries(INITIAL_GLOBAL_STATE).map(([k, v]) => [k, { default: v }])) };
    expect(validateStyleMin(full as never)).toEqual([]);
  });

  it("has unique layer ids", () => {
    const ids = [...basemapLayers(), ...overlayLayers()].map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/** The paint properties a layer varies per feature: what picks its shader's variant. */
function perFeatureProps(layer: LayerSpecification): string[] {
  const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
  const specs = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]!;
  return Object.entries(paint)
    .filter(([k, v]) => {
      // A plain value (a number, a colour, a dash array) is the same for every feature.
      if (!Array.isArray(v) || typeof v[0] !== "string") return false;
      const r = expression.createPropertyExpression(v, k, specs[k] as never);
      if (r.result !== "success") throw new Error(`${layer.id} ${k}: ${JSON.stringify(r.value)}`);
      return r.value.kind === "source" || r.value.kind === "composite";
    })
    .map(([k]) => k)
    .sort();
}

describe("shader sharing", () => {
  it("perFeature is the same value for every feature, yet per feature", () => {
    const r = expression.createPropertyExpression(perFeature("#123456"), "circle-color", latest.paint_circle["circle-color"] as never);
    if (r.result !== "success") throw new Error("perFeature did not parse");
    expect(r.value.kind).toBe("source");
    const at = (properties: Record<string, unknown>) => (r.value as { evaluate: (g: object, f: object) => { toString(): string } }).evaluate({ zoom: 5 }, { type: "Point", properties }).toString();
    expect(at({})).toBe(at({ id: "x", "\u0000": 1 }));
    expect(at({})).toBe("rgba(18,52,86,1)");
  });

  it("every circle layer varies the same paint properties per feature", () => {
    const circles = [...basemapLayers(), ...overlayLayers()].filter((l) => l.type === "circle");
    expect(circles.length).toBeGreaterThan(4);
    const sets = new Set(circles.map((l) => perFeatureProps(l).join(",")));
    expect([...sets]).toEqual(["circle-color,circle-opacity,circle-radius,circle-stroke-opacity"]);
  });

  it("every dashed line of the overlay varies the same paint properties per feature", () => {
    const dashed = overlayLayers().filter((l) => l.type === "line" && l.paint && "line-dasharray" in l.paint);
    expect(dashed.length).toBe(3);
    expect(new Set(dashed.map((l) => perFeatureProps(l).join(","))).size).toBe(1);
  });

  it("every solid line, every fill and every text label varies the same paint properties per feature", () => {
    const all = [...basemapLayers(), ...overlayLayers()];
    const dashed = (l: LayerSpecification) => !!l.paint && "line-dasharray" in l.paint;
    const groups = {
      solid: all.filter((l) => l.type === "line" && !dashed(l)),
      fills: all.filter((l) => l.type === "fill"),
      text: all.filter((l) => l.type === "symbol" && !!l.layout && "text-field" in l.layout),
    };
    for (const [name, layers] of Object.entries(groups)) {
      expect(layers.length, name).toBeGreaterThan(2);
      expect(new Set(layers.map((l) => perFeatureProps(l).join(","))).size, name).toBe(1);
    }
  });
});
