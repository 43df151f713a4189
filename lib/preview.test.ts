import { ImageResponse } from "next/og";
import { afterEach, describe, expect, it, vi } from "vitest";
import { countryOutline } from "../app/api/preview/outline";
import type { EventFeature } from "./api";
import { drawable, frameBounds, frameFor, outlinePath, PREVIEW_SIZE, previewElement, project } from "./preview";

const ev = (id: string, lon: number, lat: number): EventFeature =>
  ({ type: "Feature", id, geometry: { type: "Point", coordinates: [lon, lat] }, properties: { id, killed: { low: 3, high: 3 }, injured: null, attackerColor: "#aa0000" } }) as unknown as EventFeature;

describe("frameFor", () => {
  it("fits the events inside the map area, above the caption", () => {
    const pts: [number, number][] = [[44.39, 35.47], [41.5, 34], [51.39, 35.69]];
    const f = frameFor(null, pts);
    for (const [lon, lat] of pts) {
      const [x, y] = project(f, lon, lat);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(PREVIEW_SIZE.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(PREVIEW_SIZE.height - 130);
    }
  });

  it("does not zoom in without limit on a single event", () => {
    const f = frameFor(null, [[44, 33]]);
    const [w, , e] = frameBounds(f);
    expect(e - w).toBeGreaterThan(5);
  });

  it("follows the camera when the view has one, at the map's scale", () => {
    const f = frameFor({ lat: 33, lon: 44, zoom: 5, bearing: 0 }, []);
    const [x, y] = project(f, 44, 33);
    expect(x).toBeCloseTo(f.px);
    expect(y).toBeCloseTo(f.py);
    // 512 px per world at zoom 0, so 360° is 512·2^5 px at zoom 5.
    expect(project(f, 45, 33)[0] - x).toBeCloseTo((512 * 32) / 360, 5);
  });
});

describe("outlinePath", () => {
  it("draws the countries the frame touches, and only those", () => {
    const outline = countryOutline();
    expect(outline.length).toBeGreaterThan(1000);
    const path = outlinePath(outline, frameFor(null, [[44, 33]]));
    expect(path).toMatch(/^M-?\d+ -?\d+L/);
    const nowhere = outlinePath(outline, frameFor({ lat: -50, lon: -100, zoom: 6, bearing: 0 }, []));
    expect(nowhere).toBe("");
  });
});

describe("drawable", () => {
  it("keeps Latin text and replaces what the bundled font lacks", () => {
    expect(drawable("12 of 28 events · Dec 2019–Jan 2020 “Kata'ib” Zürich")).toBe("12 of 28 events · Dec 2019–Jan 2020 “Kata'ib” Zürich");
    expect(drawable("سليماني 🚀")).toBe("??????? ?");
  });
});

describe("previewElement", () => {
  afterEach(() => vi.restoreAllMocks());

  it("renders to a PNG without touching the network, whatever the text", async () => {
    const fetched: string[] = [];
    const real = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith("data:")) fetched.push(url);
      return real(input, init);
    });
    const element = previewElement({
      events: [ev("a", 44.39, 35.47), ev("b", 41.5, 34)],
      links: [{ id: "l", from: "a", to: "b" } as never],
      camera: null,
      selected: "a",
      title: "Rockets · سليماني 🚀 <script>",
      description: "2 of 28 events",
      outline: countryOutline(),
    });
    const png = Buffer.from(await new ImageResponse(element, PREVIEW_SIZE).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(PREVIEW_SIZE.width);
    expect(png.readUInt32BE(20)).toBe(PREVIEW_SIZE.height);
    expect(fetched).toEqual([]);
  });
});
