/**
 * Counting a view's events into grid cells for a map at a given zoom. The store does it in SQL
 * (db/aggregate.ts); this is the same count over features in memory, which the store falls back
 * on for filters SQL cannot apply, and which the tests hold the SQL to.
 */
import type { AggregateCell, AggregateOut, EventFeature, LinkOut } from "../api";
import { FAMILIES, type Family } from "../schema";
import { dayOf } from "./time";

/** Cells of about 64 screen pixels: 8 per 512-pixel tile at every zoom. */
export const cellDeg = (zoom: number) => 360 / 2 ** (zoom + 3);

/** The cell of a position; SQL computes the same floor((lon + 180) / deg), floor((lat + 90) / deg). */
export function cellOf(lon: number, lat: number, deg: number): [number, number] {
  return [Math.floor((lon + 180) / deg), Math.floor((lat + 90) / deg)];
}

export type Bbox = readonly [number, number, number, number];

/**
 * A box cut along a grid of `deg` cells: the cells lying wholly inside it (inclusive ranges of
 * cell numbers, or null when no cell fits), and the strips along its sides that hold every other
 * point of the box. Each strip reaches a hair into the inner cells, so a point that rounding puts
 * on the boundary is in a strip; the inner range, not the strip, decides which side it counts on.
 */
export function splitBox(b: Bbox, deg: number): { inner: { x: [number, number]; y: [number, number] } | null; strips: Bbox[] } {
  const HAIR = 1e-9;
  const range = (lo: number, hi: number, origin: number): [number, number] => {
    let a = Math.ceil((lo + origin) / deg);
    while (a * deg - origin < lo + HAIR) a++;
    let z = Math.floor((hi + origin) / deg) - 1;
    while ((z + 1) * deg - origin > hi - HAIR) z--;
    return [a, z];
  };
  const x = range(b[0], b[2], 180);
  const y = range(b[1], b[3], 90);
  if (x[0] > x[1] || y[0] > y[1]) return { inner: null, strips: [b] };
  const [w, s, e, n] = b;
  const [x0, x1] = [x[0] * deg - 180, (x[1] + 1) * deg - 180];
  const [y0, y1] = [y[0] * deg - 90, (y[1] + 1) * deg - 90];
  return {
    inner: { x, y },
    strips: [
      [w, s, x0 + HAIR, n],
      [x1 - HAIR, s, e, n],
      [w, s, e, y0 + HAIR],
      [w, y1 - HAIR, e, n],
    ],
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Sums events (or SQL groups of them) into cells; `cells()` gives them in one order with mean positions. */
export class CellCounter {
  private readonly byKey = new Map<string, { cx: number; cy: number; sx: number; sy: number; n: number; f: number[] }>();
  add(cx: number, cy: number, family: Family, n: number, sumLon: number, sumLat: number): void {
    const key = `${cx},${cy}`;
    let c = this.byKey.get(key);
    if (!c) this.byKey.set(key, (c = { cx, cy, sx: 0, sy: 0, n: 0, f: FAMILIES.map(() => 0) }));
    c.sx += sumLon;
    c.sy += sumLat;
    c.n += n;
    c.f[FAMILIES.indexOf(family)]! += n;
  }
  cells(): AggregateCell[] {
    return [...this.byKey.values()]
      .map(({ cx, cy, sx, sy, n, f }) => ({ cx, cy, lon: round4(sx / n), lat: round4(sy / n), n, f }))
      .sort((a, b) => a.cx - b.cx || a.cy - b.cy);
  }
}

/**
 * `shown`: the events the view shows (lib/filter.ts filterView); `windowed`: the same without the
 * playback cursor, for the per-day histogram; `links`: those between shown events.
 */
export function aggregateFeatures(
  shown: readonly EventFeature[],
  windowed: readonly EventFeature[],
  links: readonly LinkOut[],
  zoom: number,
  total: number,
): AggregateOut {
  const deg = cellDeg(zoom);
  const cells = new CellCounter();
  const cellById = new Map<string, [number, number]>();
  for (const e of shown) {
    const [lon, lat] = e.geometry.coordinates;
    const [cx, cy] = cellOf(lon, lat, deg);
    cellById.set(e.id, [cx, cy]);
    cells.add(cx, cy, e.properties.family, 1, lon, lat);
  }
  const days = new Map<string, number>();
  for (const e of windowed) days.set(e.properties.dateStart, (days.get(e.properties.dateStart) ?? 0) + 1);
  const arcs = new Map<string, { from: [number, number]; to: [number, number]; n: number }>();
  for (const l of links) {
    const [from, to] = [cellById.get(l.from), cellById.get(l.to)];
    if (!from || !to) continue;
    const key = `${from}|${to}`;
    const a = arcs.get(key);
    if (a) a.n++;
    else arcs.set(key, { from, to, n: 1 });
  }
  return {
    zoom,
    cellDeg: deg,
    families: [...FAMILIES],
    cells: cells.cells(),
    days: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, n]) => ({ day, n })),
    arcs: sortArcs([...arcs.values()]),
    counts: { shown: shown.length, total },
  };
}

export type CellSeries = NonNullable<AggregateOut["series"]>[number];

/** Per cell, events per start day (AggregateOut.series), from SQL groups or single events alike. */
export class SeriesCounter {
  private readonly byKey = new Map<string, { cx: number; cy: number; byDay: Map<number, number> }>();
  add(cx: number, cy: number, day: number, n: number): void {
    const key = `${cx},${cy}`;
    let c = this.byKey.get(key);
    if (!c) this.byKey.set(key, (c = { cx, cy, byDay: new Map() }));
    c.byDay.set(day, (c.byDay.get(day) ?? 0) + n);
  }
  series(): CellSeries[] {
    return [...this.byKey.values()]
      .sort((a, b) => a.cx - b.cx || a.cy - b.cy)
      .map(({ cx, cy, byDay }) => {
        const days = [...byDay.keys()].sort((a, b) => a - b);
        return { cx, cy, days, n: days.map((d) => byDay.get(d)!) };
      });
  }
}

/** `windowed` events (cursor left out) per cell and start day, for a map at `zoom`. */
export function seriesOfFeatures(windowed: readonly EventFeature[], zoom: number): CellSeries[] {
  const deg = cellDeg(zoom);
  const out = new SeriesCounter();
  for (const e of windowed) {
    const [cx, cy] = cellOf(e.geometry.coordinates[0], e.geometry.coordinates[1], deg);
    out.add(cx, cy, dayOf(e.properties.dateStart), 1);
  }
  return out.series();
}

/** One order for both producers, so equal aggregates are equal arrays. */
export const sortArcs = <T extends { from: [number, number]; to: [number, number] }>(arcs: T[]): T[] =>
  arcs.sort((a, b) => a.from[0] - b.from[0] || a.from[1] - b.from[1] || a.to[0] - b.to[0] || a.to[1] - b.to[1]);
