/**
 * GeoJSON for the overlay sources, built from a drawn set (lib/map/drawn.ts). Per-event features
 * are made once and reused, so a frame that changes which events show only assembles arrays.
 */
import * as turf from "@turf/turf";
import type { Feature, FeatureCollection, Point, Polygon } from "geojson";
import type { EventFeature } from "../api";
import type { Cell, Drawn } from "./drawn";
import { latOf, lonOf } from "./drawn";
import type { EventIndex } from "./event-index";
import { pointProperties, uncertaintyKm, UNKNOWN_ATTACKER_COLOR, type EventPointProperties } from "./event-style";

const pointCache = new WeakMap<EventFeature, Feature<Point, EventPointProperties>>();
const areaCache = new WeakMap<EventFeature, Feature<Polygon> | null>();

function pointOf(e: EventFeature): Feature<Point, EventPointProperties> {
  let f = pointCache.get(e);
  if (!f) {
    f = { type: "Feature", geometry: e.geometry, properties: pointProperties(e) };
    pointCache.set(e, f);
  }
  return f;
}

/** The uncertainty disc of an imprecise place (lib/map/event-style.ts), or null for a precise one. */
function areaOf(e: EventFeature): Feature<Polygon> | null {
  let f = areaCache.get(e);
  if (f === undefined) {
    const km = uncertaintyKm(e.properties);
    const p = pointProperties(e);
    f = km === null ? null : turf.circle(e.geometry.coordinates, km, { steps: 48, units: "kilometers", properties: { id: p.id, color: p.color, chain: p.chain, km } });
    areaCache.set(e, f);
  }
  return f;
}

const collection = <F>(features: F[]) => ({ type: "FeatureCollection" as const, features });

export function pointsCollection(index: EventIndex, indices: Int32Array): FeatureCollection<Point, EventPointProperties> {
  return collection(Array.from(indices, (i) => pointOf(index.events[i]!)));
}

export function areasCollection(index: EventIndex, indices: Int32Array): FeatureCollection<Polygon> {
  const out: Feature<Polygon>[] = [];
  for (const i of indices) {
    const a = areaOf(index.events[i]!);
    if (a) out.push(a);
  }
  return collection(out);
}

/** 1234 → "1.2k", the way cluster counts are written. */
export const abbreviate = (n: number) => (n < 1000 ? String(n) : n < 10_000 ? `${(n / 1000).toFixed(1)}k` : `${Math.round(n / 1000)}k`);

export function cellsCollection(index: EventIndex, cells: readonly Cell[]): FeatureCollection<Point> {
  return collection(
    cells.map((c) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [lonOf(c.x), latOf(c.y)] },
      properties: {
        count: c.count,
        label: abbreviate(c.count),
        color: index.events[c.latest]?.properties.attackerColor ?? UNKNOWN_ATTACKER_COLOR,
      },
    })),
  );
}

/** The three event sources' data for a drawn set: individual events, or cells and nothing else. */
export function drawnCollections(index: EventIndex, drawn: Drawn) {
  const none = new Int32Array(0);
  const indices = drawn.kind === "points" ? drawn.indices : none;
  return {
    points: pointsCollection(index, indices),
    areas: areasCollection(index, indices),
    cells: cellsCollection(index, drawn.kind === "cells" ? drawn.cells : []),
  };
}
