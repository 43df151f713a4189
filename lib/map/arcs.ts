/**
 * Retaliation arcs: a curved, directed line from the cause event to the effect event, with an
 * arrowhead at the effect and the response delay ("+2 days") at its middle.
 *
 * The curve is a quadratic Bézier whose control point sits off the chord's midpoint, to the left
 * of the direction of travel (Turf gives midpoint, bearing and offset on the sphere), so a reply
 * from B to A bends the other way from A to B and both stay readable. A link between two events
 * at the same place becomes a small loop. Curves are computed once per link; playback only
 * decides how much of each to show.
 */
import * as turf from "@turf/turf";
import type { Feature, FeatureCollection, LineString, Point, Position } from "geojson";
import type { EventFeature, LinkOut } from "../api";
import { mercatorX, mercatorY } from "./event-index";
import { dayOf, formatDelay } from "./time";

export const ARC_STEPS = 48;
/**
 * Most arcs drawn at once (the most recent). Beyond a hundred or so they are a tangle rather than
 * a story, and each costs vertices and a label on every frame of playback.
 */
export const ARC_LIMIT = 120;
/** How far the curve bows out, as a fraction of the chord. */
const BOW = 0.22;
/** Links between events closer than this become a loop of LOOP_KM. */
const SAME_PLACE_KM = 5;
const LOOP_KM = 45;

const quad = (p0: Position, p1: Position, p2: Position, t: number): Position => {
  const u = 1 - t;
  return [u * u * p0[0]! + 2 * u * t * p1[0]! + t * t * p2[0]!, u * u * p0[1]! + 2 * u * t * p1[1]! + t * t * p2[1]!];
};

const cubic = (p0: Position, p1: Position, p2: Position, p3: Position, t: number): Position => {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * p0[0]! + b * p1[0]! + c * p2[0]! + d * p3[0]!, a * p0[1]! + b * p1[1]! + c * p2[1]! + d * p3[1]!];
};

/** The curve from `from` to `to` ([lon, lat]) as ARC_STEPS + 1 positions. */
export function arcPath(from: Position, to: Position): Position[] {
  const km = turf.distance(from, to);
  const out: Position[] = [];
  if (km < SAME_PLACE_KM) {
    const c1 = turf.destination(from, LOOP_KM, -20).geometry.coordinates;
    const c2 = turf.destination(from, LOOP_KM, 60).geometry.coordinates;
    for (let i = 0; i <= ARC_STEPS; i++) out.push(cubic(from, c1, c2, to, i / ARC_STEPS));
    return out;
  }
  const mid = turf.midpoint(from, to);
  const control = turf.destination(mid, km * BOW, turf.bearing(from, to) - 90).geometry.coordinates;
  for (let i = 0; i <= ARC_STEPS; i++) out.push(quad(from, control, to, i / ARC_STEPS));
  return out;
}

/** Screen-plane angle (degrees clockwise from north, Web Mercator) of travel from a to b. */
export function screenBearing(a: Position, b: Position): number {
  const dx = mercatorX(b[0]!) - mercatorX(a[0]!);
  const dy = mercatorY(b[1]!) - mercatorY(a[1]!);
  return (Math.atan2(dx, -dy) * 180) / Math.PI;
}

export type PreparedArc = {
  link: LinkOut;
  path: Position[];
  causeDay: number;
  effectDay: number;
};

/** Curves for the links whose two events are known, in order of the effect's day. */
export function prepareArcs(links: readonly LinkOut[], eventsById: ReadonlyMap<string, EventFeature>): PreparedArc[] {
  const out: PreparedArc[] = [];
  for (const link of links) {
    const cause = eventsById.get(link.from);
    const effect = eventsById.get(link.to);
    if (!cause || !effect) continue;
    out.push({
      link,
      path: arcPath(cause.geometry.coordinates, effect.geometry.coordinates),
      causeDay: dayOf(cause.properties.dateStart),
      effectDay: dayOf(effect.properties.dateStart),
    });
  }
  return out.sort((a, b) => a.effectDay - b.effectDay || (a.link.id < b.link.id ? -1 : 1));
}

export type ArcProgress = { arc: PreparedArc; progress: number };

/**
 * The arcs to draw: both events visible (`isVisible`), each drawn as far as playback has got.
 * An arc starts drawing when the cursor reaches its effect and takes `drawDays` of data time to
 * complete (0 draws it whole at once: paused, or reduced motion). At most `limit` arcs, the most
 * recent, so the arc layer stays small whatever the number of links.
 */
export function arcsInView(
  arcs: readonly PreparedArc[],
  isVisible: (id: string) => boolean,
  cursor: number,
  drawDays: number,
  limit = ARC_LIMIT,
): ArcProgress[] {
  const out: ArcProgress[] = [];
  for (let i = arcs.length - 1; i >= 0 && out.length < limit; i--) {
    const arc = arcs[i]!;
    if (arc.effectDay > cursor || !isVisible(arc.link.from) || !isVisible(arc.link.to)) continue;
    const progress = drawDays > 0 ? Math.min(1, (cursor - arc.effectDay) / drawDays) : 1;
    out.push({ arc, progress: Math.max(0.02, progress) });
  }
  return out.reverse();
}

/** Changes only when an arc appears, goes, or advances a visible step; equal keys mean equal features. */
export function arcsKey(list: readonly ArcProgress[]): string {
  return list.map((a) => `${a.arc.link.id}:${Math.round(a.progress * 20)}`).join("|");
}

export type ArcFeatures = {
  lines: FeatureCollection<LineString, { id: string; chain: string; kind: string }>;
  heads: FeatureCollection<Point, { id: string; chain: string; angle: number }>;
  labels: FeatureCollection<Point, { id: string; chain: string; label: string }>;
};

export function arcFeatures(list: readonly ArcProgress[]): ArcFeatures {
  const lines: ArcFeatures["lines"]["features"] = [];
  const heads: ArcFeatures["heads"]["features"] = [];
  const labels: ArcFeatures["labels"]["features"] = [];
  for (const { arc, progress } of list) {
    const { link, path } = arc;
    const last = Math.max(1, Math.round(progress * ARC_STEPS));
    const shown = path.slice(0, last + 1);
    const tip = shown[shown.length - 1]!;
    const common = { id: link.id, chain: link.chainId };
    lines.push(feature({ type: "LineString", coordinates: shown }, { ...common, kind: link.kind }));
    heads.push(feature({ type: "Point", coordinates: tip }, { ...common, angle: Math.round(screenBearing(shown[shown.length - 2]!, tip)) }));
    if (progress >= 1) labels.push(feature({ type: "Point", coordinates: path[ARC_STEPS / 2]! }, { ...common, label: formatDelay(link.delayDays) }));
  }
  return { lines: collection(lines), heads: collection(heads), labels: collection(labels) };
}

function feature<G extends LineString | Point, P>(geometry: G, properties: P): Feature<G, P> {
  return { type: "Feature", geometry, properties };
}

const collection = <T>(features: T[]) => ({ type: "FeatureCollection" as const, features });
