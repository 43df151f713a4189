import * as turf from "@turf/turf";
import { describe, expect, it } from "vitest";
import { airportFeatures, cityFeatures, cityMinzoom, countryLabel, isRegionCountry, pageFontCss, parseFontsourceCss, roundGeometry, type City } from "./basemap-data";
import { NAMED_WATERS } from "./seas";

const city = (name: string, population: number, featureCode = "PPL", at: [number, number] = [44, 33]): City => ({
  name,
  country: "IQ",
  featureCode,
  population,
  loc: { coordinates: at },
});

describe("basemap data", () => {
  it("rounds coordinates and drops the repeated points rounding makes", () => {
    const g = roundGeometry({ type: "LineString", coordinates: [[44.123456, 33.1], [44.123457, 33.1], [45, 34]] }, 3);
    expect(g.coordinates).toEqual([[44.123, 33.1], [45, 34]]);
  });

  it("picks the detailed region by centroid", () => {
    expect(isRegionCountry(turf.polygon([[[43, 32], [45, 32], [45, 34], [43, 34], [43, 32]]]))).toBe(true);
    expect(isRegionCountry(turf.polygon([[[0, 50], [2, 50], [2, 52], [0, 52], [0, 50]]]))).toBe(false);
  });

  it("writes a country's name inside its largest part, earlier for bigger countries", () => {
    const big = turf.multiPolygon([[[[40, 20], [50, 20], [50, 30], [40, 30], [40, 20]]], [[[60, 20], [60.5, 20], [60.5, 20.5], [60, 20.5], [60, 20]]]], { name: "Big" });
    const l = countryLabel(big as never);
    expect(turf.booleanPointInPolygon(l, turf.polygon([[[40, 20], [50, 20], [50, 30], [40, 30], [40, 20]]]))).toBe(true);
    expect(l.properties.minzoom).toBe(2);
  });

  it("labels towns by population, capitals early, city sections late", () => {
    expect(cityMinzoom({ population: 10, featureCode: "PPLC" })).toBe(3);
    expect(cityMinzoom({ population: 3_000_000, featureCode: "PPL" })).toBe(4);
    expect(cityMinzoom({ population: 3_000_000, featureCode: "PPLX" })).toBe(10);
    const fc = cityFeatures([city("Small", 2000), city("Big", 900_000), city("Section", 2_000_000, "PPLX"), city("Gone", 5000, "PPLH"), city("Tiny", 10)], 1000);
    expect(fc.features.map((f) => f.properties!.name)).toEqual(["Big", "Small", "Section"]);
  });

  it("keeps airports of the region", () => {
    const fc = airportFeatures([
      { name: "Baghdad International Airport", iata: "BGW", latitude: 33.26, longitude: 44.23, type: "airport" },
      { name: "Goroka Airport", iata: "GKA", latitude: -6.08, longitude: 145.39, type: "airport" },
    ]);
    expect(fc.features.map((f) => f.properties!.name)).toEqual(["Baghdad International Airport"]);
  });

  it("reads Fontsource CSS into files and unicode ranges", () => {
    const css = `/* x */ @font-face { font-family: 'Noto Sans'; src: url(./files/a-latin-400-normal.woff2) format('woff2'), url(./files/a.woff) format('woff'); unicode-range: U+0000-00FF,U+0131; }`;
    expect(parseFontsourceCss(css)).toEqual([{ file: "a-latin-400-normal.woff2", unicodeRange: ["U+0000-00FF", "U+0131"] }]);
  });

  it("declares the map's font files for the page, once each, with their family, weight and style", () => {
    const css = pageFontCss(
      [
        { file: "noto-sans-latin-600-normal.woff2", unicodeRange: ["U+0000-00FF"] },
        { file: "noto-sans-latin-400-italic.woff2", unicodeRange: ["U+0000-00FF"] },
        { file: "noto-sans-arabic-arabic-400-normal.woff2", unicodeRange: ["U+0600-06FF", "U+FB50-FDFF"] },
        { file: "noto-sans-arabic-arabic-400-normal.woff2", unicodeRange: ["U+0600-06FF", "U+FB50-FDFF"] },
      ],
      "/basemap",
    );
    const rules = css.trim().split("\n");
    expect(rules).toHaveLength(3);
    expect(rules[0]).toContain('font-family:"Noto Sans";font-style:normal;font-weight:600');
    expect(rules[0]).toContain('src:url(/basemap/fonts/noto-sans-latin-600-normal.woff2) format("woff2")');
    expect(rules[1]).toContain("font-style:italic;font-weight:400");
    expect(rules[2]).toContain('font-family:"Noto Sans Arabic"');
    expect(rules[2]).toContain("unicode-range:U+0600-06FF,U+FB50-FDFF");
  });
});

describe("named waters", () => {
  it("includes the waters the app is about, each once", () => {
    const names = NAMED_WATERS.map((w) => w.name);
    for (const n of ["Gulf of Oman", "Persian Gulf", "Red Sea", "Arabian Sea", "Mediterranean Sea", "Caspian Sea", "Strait of Hormuz", "Gulf of Aden"]) expect(names).toContain(n);
    expect(new Set(names).size).toBe(names.length);
  });
});
