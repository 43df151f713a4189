import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { describe, expect, it } from "vitest";
import { cellCollection, cellId, compact, countsInSpan, indexSeries, SCALE_SOURCES, scaleLayers } from "./scale-layers";

describe("scale map layers", () => {
  it("validate as a style over their own sources", () => {
    const sources = Object.fromEntries(Object.values(SCALE_SOURCES).map((s) => [s, { type: "geojson", data: { type: "FeatureCollection", features: [] } }]));
    const style = { version: 8, sources, layers: scaleLayers("Noto Sans Regular"), "font-faces": { "Noto Sans Regular": "/basemap/fonts/x.woff2" } };
    expect(validateStyleMin(style as never)).toEqual([]);
  });

  it("label counts compactly and place a cell at its events' mean", () => {
    expect([0, 999, 1000, 1234, 12_345, 999_999, 2_500_000, 12_000_000].map(compact)).toEqual(["0", "999", "1k", "1.2k", "12k", "1M", "2.5M", "12M"]);
    const fc = cellCollection({ zoom: 3, cellDeg: 5.625, families: [], days: [], arcs: [], counts: { shown: 7, total: 9 }, cells: [{ cx: 40, cy: 21, lon: 44.4, lat: 33.3, n: 7, f: [] }] });
    expect(fc.features[0]).toMatchObject({ geometry: { coordinates: [44.4, 33.3] }, properties: { n: 7, label: "7" } });
  });

  it("count each cell's events in a span of days from running totals, as the days listed would", () => {
    const series = [
      { cx: 1, cy: 2, days: [10, 12, 20], n: [1, 2, 4] },
      { cx: 3, cy: 4, days: [11], n: [5] },
    ];
    const ix = indexSeries(series);
    expect(ix.ids).toEqual([cellId(1, 2), cellId(3, 4)]);
    const brute = (lo: number, hi: number) => series.map((c) => c.days.reduce((s, d, i) => s + (d >= Math.ceil(lo) && d <= Math.floor(hi) ? c.n[i]! : 0), 0));
    for (const [lo, hi] of [[0, 100], [10, 10], [10.5, 12], [11, 11.9], [13, 19], [21, 30], [12, 11], [-5, 9.99]] as const)
      expect([...countsInSpan(ix, lo, hi)], `${lo}..${hi}`).toEqual(brute(lo, hi));
  });
});

