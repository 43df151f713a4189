/**
 * Geometry for qualified mentions, with Turf: the part of a shape a compass word picks out, a
 * point some distance off a place, the sea band off a coast, and the stretch two countries share.
 * Each returns a point (where a map pin goes) and an area (where the place may be).
 */
import * as turf from "@turf/turf";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { bearingOf, type Direction } from "./qualifiers";
import type { AreaGeometry, GeoArea } from "./result";

export interface Located {
  lat: number;
  lon: number;
  area: GeoArea;
}

type Areal = Polygon | MultiPolygon;

const round = (n: number, d = 5) => Math.round(n * 10 ** d) / 10 ** d;

function toArea(g: Areal): GeoArea {
  return { type: "polygon", geometry: g as AreaGeometry };
}

export function radiusArea(km: number): GeoArea {
  return { type: "radius", km: Math.max(0.5, Math.round(km * 10) / 10) };
}

/** A point inside the shape near its centre of mass (a crescent's centroid can fall outside it). */
function interiorPoint(g: Areal): { lat: number; lon: number } {
  let pt = turf.centerOfMass(g);
  if (!turf.booleanPointInPolygon(pt, g)) pt = turf.pointOnFeature(g);
  const [lon = 0, lat = 0] = pt.geometry.coordinates;
  return { lat: round(lat), lon: round(lon) };
}

/**
 * The sub-box of a bounding box a compass word names: "northern" is the top 40% of the
 * latitude span, "north-eastern" the top-right 50% × 50%, "central" the middle half of both.
 */
function subBox([w, s, e, n]: [number, number, number, number], dir: Direction): [number, number, number, number] {
  const dx = e - w;
  const dy = n - s;
  switch (dir) {
    case "n": return [w, n - 0.4 * dy, e, n];
    case "s": return [w, s, e, s + 0.4 * dy];
    case "e": return [e - 0.4 * dx, s, e, n];
    case "w": return [w, s, w + 0.4 * dx, n];
    case "ne": return [e - 0.5 * dx, n - 0.5 * dy, e, n];
    case "nw": return [w, n - 0.5 * dy, w + 0.5 * dx, n];
    case "se": return [e - 0.5 * dx, s, e, s + 0.5 * dy];
    case "sw": return [w, s, w + 0.5 * dx, s + 0.5 * dy];
    case "c": return [w + 0.25 * dx, s + 0.25 * dy, e - 0.25 * dx, n - 0.25 * dy];
  }
}

function largestPart(g: Areal): Polygon | undefined {
  const parts: Polygon[] = g.type === "Polygon" ? [g] : g.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
  let best: Polygon | undefined;
  let bestArea = 0;
  for (const p of parts) {
    if (p.coordinates[0] && p.coordinates[0].length < 4) continue;
    const a = turf.area(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  return best;
}

/** "southern Lebanon", "western Anbar": clip the shape (mainland part) to the named sub-box. */
export function partOfShape(shape: AreaGeometry, dir: Direction): Located | undefined {
  const main = largestPart(shape as Areal);
  if (!main) return undefined;
  const bbox = turf.bbox(main) as [number, number, number, number];
  const clipped = turf.bboxClip(main, subBox(bbox, dir)).geometry as Areal;
  if (clipped.coordinates.length === 0 || turf.area(clipped) === 0) return undefined;
  return { ...interiorPoint(clipped), area: toArea(clipped) };
}

/** "northern Baghdad": the half of the town's extent toward the compass point. */
export function partOfPoint(lat: number, lon: number, radiusKm: number, dir: Direction): Located {
  if (dir === "c") return { lat, lon, area: radiusArea(radiusKm * 0.5) };
  const [x = lon, y = lat] = turf.destination([lon, lat], radiusKm * 0.5, bearingOf(dir)).geometry.coordinates;
  return { lat: round(y), lon: round(x), area: radiusArea(Math.max(2, radiusKm * 0.6)) };
}

/**
 * "20 km north of Mosul": the point that far along the bearing, uncertain by a third of the
 * distance. With no distance ("north of Baghdad"), just past the town's edge.
 */
export function offsetFrom(lat: number, lon: number, radiusKm: number, dir: Direction, km: number | null): Located {
  const d = km ?? radiusKm + 15;
  const [x = lon, y = lat] = turf.destination([lon, lat], d, bearingOf(dir)).geometry.coordinates;
  return { lat: round(y), lon: round(x), area: radiusArea(km === null ? 15 : Math.max(3, d / 3)) };
}

/** How far off a coast "off the coast of X" reaches: most reported incidents lie within this band. */
const OFFSHORE_BAND_KM = 80;
/** Where the pin goes: far enough out to be unmistakably at sea. */
const OFFSHORE_PIN_KM = 30;

/**
 * "off the coast of Oman": the sea within 80 km of the place (its shape, or a town's circle),
 * as an area; the pin is 30 km out, on the stretch of coast nearest the middle of that sea band.
 * Undefined for a landlocked place.
 */
export function offshore(shape: AreaGeometry | undefined, lat: number, lon: number, radiusKm: number, land: AreaGeometry): Located | undefined {
  const base: Feature<Areal> = shape
    ? turf.feature(largestPart(shape as Areal) ?? (shape as Areal))
    : turf.circle([lon, lat], Math.max(radiusKm, 2), { units: "kilometers", steps: 32 });
  const band = turf.buffer(base, OFFSHORE_BAND_KM, { units: "kilometers", steps: 8 });
  if (!band) return undefined;
  const bbox = turf.bbox(band) as [number, number, number, number];
  const nearbyLand = clipLand(land, bbox);
  const sea = nearbyLand ? turf.difference(turf.featureCollection([band, nearbyLand])) : band;
  if (!sea) return undefined;

  const ring = turf.buffer(base, OFFSHORE_PIN_KM, { units: "kilometers", steps: 8 });
  const outline = ring ? turf.explode(ring).features.map((f) => f.geometry.coordinates) : [];
  const wet = outline.filter((c) => !nearbyLand || !turf.booleanPointInPolygon(c, nearbyLand));
  if (wet.length === 0) return undefined;
  const mean: Position = [wet.reduce((s, c) => s + (c[0] ?? 0), 0) / wet.length, wet.reduce((s, c) => s + (c[1] ?? 0), 0) / wet.length];
  const pin = wet.reduce((best, c) => (turf.distance(c, mean) < turf.distance(best, mean) ? c : best));
  return { lat: round(pin[1] ?? lat), lon: round(pin[0] ?? lon), area: toArea(sea.geometry) };
}

/** How far outside a water's listed extent an offshore pin may be and still be in that water. */
const WATER_SLACK_KM = 100;

/** A named water body with its extent: its polygon, or a circle for the seas known only by centre and size. */
export interface Water {
  lat: number;
  lon: number;
  radiusKm: number;
  shape?: AreaGeometry;
}

function waterShape(w: Water): Feature<Areal> {
  return w.shape ? turf.feature(w.shape as Areal) : turf.circle([w.lon, w.lat], w.radiusKm, { units: "kilometers", steps: 64 });
}

/**
 * Which of `waters` an offshore band lies in. A water the text names wins when the band reaches
 * it ("off the coast of Iran … in the Gulf of Oman"): the pin moves into it and the area becomes
 * the part of the band inside it. Otherwise the smallest water holding the pin (the Gulf of Aden
 * rather than the Indian Ocean), band unchanged. Undefined when no listed water is there.
 */
export function waterOff<W extends Water>(off: Located, waters: readonly W[], named: readonly W[]): { water: W; at: Located } | undefined {
  const pin: Position = [off.lon, off.lat];
  const bySize = (a: W, b: W) => a.radiusKm - b.radiusKm;
  if (off.area.type === "polygon") {
    const band = turf.feature(off.area.geometry as Areal);
    for (const w of [...named].sort(bySize)) {
      const shape = waterShape(w);
      if (turf.booleanPointInPolygon(pin, shape)) return { water: w, at: off };
      const part = turf.intersect(turf.featureCollection([band, shape]));
      if (part) return { water: w, at: { ...interiorPoint(part.geometry), area: toArea(part.geometry) } };
    }
  }
  const holding = waters.filter((w) => turf.booleanPointInPolygon(pin, waterShape(w))).sort(bySize)[0];
  if (holding) return { water: holding, at: off };
  // The listed extents are rough (a centre line and a width, or a circle): a water whose edge is
  // just short of the pin is still the one off this coast.
  const gap = (w: W) => turf.pointToPolygonDistance(pin, waterShape(w), { units: "kilometers" });
  const near = waters.map((w) => ({ w, km: gap(w) })).filter((x) => x.km <= WATER_SLACK_KM).sort((a, b) => a.km - b.km)[0];
  return near && { water: near.w, at: off };
}

/** The land polygons that touch a bounding box, clipped to it, as one feature. */
function clipLand(land: AreaGeometry, bbox: [number, number, number, number]): Feature<MultiPolygon> | undefined {
  const polys = (land as MultiPolygon).coordinates
    .map((coordinates) => turf.polygon(coordinates))
    .filter((p) => {
      const [w, s, e, n] = turf.bbox(p);
      return !(e < bbox[0] || w > bbox[2] || n < bbox[1] || s > bbox[3]);
    })
    .map((p) => turf.bboxClip(p, bbox).geometry.coordinates)
    .filter((c) => c.length > 0 && (c[0]?.length ?? 0) >= 4);
  return polys.length ? turf.multiPolygon(polys as Position[][][]) : undefined;
}

/** Vertices this close to the other country count as the shared border (1:50m outlines do not touch exactly). */
const BORDER_TOLERANCE_KM = 8;
/** The band either side of the border line that "the X–Y border" covers. */
const BORDER_BAND_KM = 25;

/**
 * "the Iraq–Syria border": the outline vertices of A that lie on B, their hull widened by 25 km
 * as the area, and the vertex nearest their middle as the pin. Undefined if A and B do not meet.
 */
export function sharedBorder(a: AreaGeometry, b: AreaGeometry): Located | undefined {
  const bShape = b as Areal;
  const [bw, bs, be, bn] = turf.bbox(bShape);
  const margin = 0.2;
  const onBorder = turf
    .explode(a as Areal)
    .features.map((f) => f.geometry.coordinates)
    .filter(([x = 0, y = 0]) => x > bw - margin && x < be + margin && y > bs - margin && y < bn + margin)
    .filter((c) => turf.booleanPointInPolygon(c, bShape) || turf.pointToPolygonDistance(c, bShape, { units: "kilometers" }) < BORDER_TOLERANCE_KM);
  if (onBorder.length < 2) return undefined;
  const mean: Position = [onBorder.reduce((s, c) => s + (c[0] ?? 0), 0) / onBorder.length, onBorder.reduce((s, c) => s + (c[1] ?? 0), 0) / onBorder.length];
  const pin = onBorder.reduce((best, c) => (turf.distance(c, mean) < turf.distance(best, mean) ? c : best));
  const hull = turf.convex(turf.featureCollection(onBorder.map((c) => turf.point(c)))) ?? turf.lineString(onBorder.slice(0, 2));
  const band = turf.buffer(hull, BORDER_BAND_KM, { units: "kilometers", steps: 8 });
  if (!band) return undefined;
  return { lat: round(pin[1] ?? 0), lon: round(pin[0] ?? 0), area: toArea(band.geometry) };
}
