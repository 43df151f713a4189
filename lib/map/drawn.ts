/**
 * What the map draws for a range of visible events, bounded by what the viewport can show:
 * the events themselves while there are few enough (MapLibre then clusters overlapping ones),
 * otherwise a grid of counts in screen-sized cells. Either way the number of features handed to
 * MapLibre stays near POINT_LIMIT, however many events the data holds; the cost that grows with
 * the data is one pass over typed arrays here, not a worker re-tile.
 */
import { lowerBound } from "./bisect";
import type { EventIndex } from "./event-index";

export const POINT_LIMIT = 1500;
/** Cell size in screen pixels at the current integer zoom. */
export const CELL_PX = 48;

/** Visible area in Web Mercator units ([0, 1]², y down) and the map's zoom. */
export type Viewport = { x0: number; y0: number; x1: number; y1: number; zoom: number };

export type Cell = {
  key: number;
  /** Mean Web Mercator position of the cell's events. */
  x: number;
  y: number;
  count: number;
  /** Position in the index of the cell's latest event; its colour stands for the cell. */
  latest: number;
};

export type Drawn =
  | { kind: "points"; indices: Int32Array }
  | { kind: "cells"; cells: Cell[]; count: number };

const inView = (v: Viewport, x: number, y: number) => x >= v.x0 && x <= v.x1 && y >= v.y0 && y <= v.y1;

/** Widens the viewport by a margin on each side so that panning a little does not empty the edges. */
export function padViewport(v: Viewport, fraction = 0.25): Viewport {
  const dx = (v.x1 - v.x0) * fraction;
  const dy = (v.y1 - v.y0) * fraction;
  return { ...v, x0: v.x0 - dx, x1: v.x1 + dx, y0: v.y0 - dy, y1: v.y1 + dy };
}

export function drawnSet(index: EventIndex, [lo, hi]: readonly [number, number], viewport: Viewport, limit = POINT_LIMIT): Drawn {
  if (hi - lo <= limit) {
    const all = new Int32Array(hi - lo);
    for (let i = lo; i < hi; i++) all[i - lo] = i;
    return { kind: "points", indices: all };
  }
  const v = padViewport(viewport);
  const picked = new Int32Array(limit);
  let n = 0;
  for (let i = lo; i < hi && n <= limit; i++) {
    if (!inView(v, index.mx[i]!, index.my[i]!)) continue;
    if (n < limit) picked[n] = i;
    n++;
  }
  if (n <= limit) return { kind: "points", indices: picked.slice(0, n) };
  return aggregate(index, lo, hi, v);
}

function aggregate(index: EventIndex, lo: number, hi: number, v: Viewport): Drawn {
  const scale = (512 * 2 ** Math.floor(v.zoom)) / CELL_PX;
  const byKey = new Map<number, Cell>();
  let count = 0;
  for (let i = lo; i < hi; i++) {
    const x = index.mx[i]!;
    const y = index.my[i]!;
    if (!inView(v, x, y)) continue;
    count++;
    const key = Math.floor(x * scale) * 2 ** 21 + Math.floor(y * scale);
    const c = byKey.get(key);
    if (c) {
      c.x += x;
      c.y += y;
      c.count++;
      c.latest = i;
    } else byKey.set(key, { key, x, y, count: 1, latest: i });
  }
  const cells = [...byKey.values()].sort((a, b) => a.key - b.key);
  for (const c of cells) [c.x, c.y] = [c.x / c.count, c.y / c.count];
  return { kind: "cells", cells, count };
}

/**
 * Whether the event at `i` (a position in the index) is drawn on its own. Cells draw no event on
 * its own, so no arc can start or end at one.
 */
export function isDrawn(drawn: Drawn, i: number): boolean {
  if (drawn.kind !== "points") return false;
  const a = drawn.indices;
  const at = lowerBound(a, i);
  return at < a.length && a[at] === i;
}

/** Whether two drawn sets would produce the same features, so an unchanged frame costs no setData. */
export function sameDrawn(a: Drawn | null, b: Drawn): boolean {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === "points" && b.kind === "points") {
    if (a.indices.length !== b.indices.length) return false;
    for (let i = 0; i < a.indices.length; i++) if (a.indices[i] !== b.indices[i]) return false;
    return true;
  }
  if (a.kind === "cells" && b.kind === "cells") {
    if (a.cells.length !== b.cells.length) return false;
    for (let i = 0; i < a.cells.length; i++) {
      const p = a.cells[i]!;
      const q = b.cells[i]!;
      if (p.key !== q.key || p.count !== q.count || p.latest !== q.latest) return false;
    }
    return true;
  }
  return false;
}

export const lonOf = (x: number) => x * 360 - 180;
export const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
