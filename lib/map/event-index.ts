/**
 * The events the page works with, filtered and sorted by start day once, so that every
 * per-frame question ("which events are visible at this cursor?") is two binary searches
 * returning a contiguous range [lo, hi) of this order, whatever the number of events.
 */
import type { EventFeature, EventProperties } from "../api";
import { lowerBound } from "./bisect";
import { dayOf } from "./time";

/** Which events the filters keep (lib/filter.ts eventMatcher, the same test the API applies). */
export type EventMatch = (p: EventProperties) => boolean;

export type EventIndex = {
  /** Filtered events in start-day order (then id, so ties are stable). */
  events: readonly EventFeature[];
  /** Start day of events[i], ascending. */
  day: Float64Array;
  /** Web Mercator position of events[i] in [0, 1]², for viewport aggregation without projection calls. */
  mx: Float64Array;
  my: Float64Array;
  /** id → position in `events`. */
  pos: ReadonlyMap<string, number>;
  /** First and last start day of all events (unfiltered), so filters do not move the timeline. */
  domain: readonly [number, number];
};

export const mercatorX = (lon: number) => (lon + 180) / 360;
export const mercatorY = (lat: number) => {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

export function buildIndex(all: readonly EventFeature[], match: EventMatch = () => true): EventIndex {
  const allDays = all.map((e) => dayOf(e.properties.dateStart));
  let min = Infinity;
  let max = -Infinity;
  for (const d of allDays) [min, max] = [Math.min(min, d), Math.max(max, d)];
  const order = all
    .map((e, i) => ({ e, d: allDays[i]! }))
    .filter(({ e }) => match(e.properties))
    .sort((a, b) => a.d - b.d || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  const n = order.length;
  const day = new Float64Array(n);
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  const pos = new Map<string, number>();
  order.forEach(({ e, d }, i) => {
    day[i] = d;
    mx[i] = mercatorX(e.geometry.coordinates[0]);
    my[i] = mercatorY(e.geometry.coordinates[1]);
    pos.set(e.id, i);
  });
  const today = dayOf(new Date().toISOString());
  return { events: order.map((o) => o.e), day, mx, my, pos, domain: all.length ? [min, max] : [today, today] };
}

/** Events whose start day lies in [from, to] (inclusive days; fractional `to` counts its whole day once reached). */
export function rangeOf(index: EventIndex, from: number, to: number): [number, number] {
  return [lowerBound(index.day, Math.ceil(from)), lowerBound(index.day, Math.floor(to), true)];
}
