import { describe, expect, it } from "vitest";
import { rng } from "../testing/rng";
import { cellDeg, cellOf, splitBox, type Bbox } from "./aggregate";

const inside = (b: Bbox, lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

describe("a box cut along the grid", () => {
  it("puts every point of the box in an inner cell or a strip, and inner cells only inside the box", () => {
    const r = rng(3);
    for (let i = 0; i < 200; i++) {
      const deg = cellDeg(r.int(2, 9));
      // Half the boxes start on a grid line, where rounding decides the side.
      const w = r.chance(0.5) ? r.int(0, 40) * deg - 180 + 200 * deg : 20 + r.next() * 20;
      const s = r.chance(0.5) ? r.int(0, 40) * deg - 90 + 100 * deg : 10 + r.next() * 20;
      const b: Bbox = [w, s, w + r.next() * 6, s + r.next() * 6];
      const { inner, strips } = splitBox(b, deg);
      for (let k = 0; k < 300; k++) {
        const edge = r.chance(0.3);
        const lon = edge ? r.pick([b[0], b[2]]) : b[0] + r.next() * (b[2] - b[0]);
        const lat = edge ? b[1] + r.next() * (b[3] - b[1]) : b[1] + r.next() * (b[3] - b[1]);
        const [cx, cy] = cellOf(lon, lat, deg);
        const inInner = !!inner && cx >= inner.x[0] && cx <= inner.x[1] && cy >= inner.y[0] && cy <= inner.y[1];
        expect(inInner || strips.some((st) => inside(st, lon, lat)), `${b} ${lon},${lat}`).toBe(true);
      }
      if (inner) {
        expect(inner.x[0] * deg - 180).toBeGreaterThanOrEqual(b[0]);
        expect((inner.x[1] + 1) * deg - 180).toBeLessThanOrEqual(b[2]);
        expect(inner.y[0] * deg - 90).toBeGreaterThanOrEqual(b[1]);
        expect((inner.y[1] + 1) * deg - 90).toBeLessThanOrEqual(b[3]);
      } else expect(strips).toEqual([b]);
    }
  });

  it("leaves a box smaller than a cell whole, as one strip", () => {
    expect(splitBox([44.1, 33.1, 44.2, 33.2], cellDeg(3))).toEqual({ inner: null, strips: [[44.1, 33.1, 44.2, 33.2]] });
  });
});
