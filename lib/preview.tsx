/**
 * The link-preview picture of a view: country outlines in Web Mercator (the map's projection),
 * the shown events as dots coloured by attacker and sized by casualties, their links as lines,
 * and the share title and counts. Pure: the caller supplies outlines and events and turns the
 * element into a PNG with next/og's ImageResponse, which needs no network as long as every
 * character drawn is in its bundled Latin font (see drawable()).
 */
import type { ReactElement } from "react";
import type { EventFeature, LinkOut } from "./api";
import type { Camera } from "./url-state";

export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;
type Size = { width: number; height: number };

/** Country polygons as rings of [lon, lat], each with its bounding box for quick culling. */
export type Outline = readonly { bbox: readonly [number, number, number, number]; rings: readonly (readonly (readonly [number, number])[])[] }[];

/** MapLibre's tile size: a camera zoom means the same scale here as on the page. */
const TILE = 512;
/** Framing without a camera: the events' extent, padded, but never closer than a province. */
const FIT_PADDING = 0.12;
const MAX_FIT_ZOOM = 7;
/** The region the seed data is about, framed when there is nothing to fit. [west, south, east, north] */
const DEFAULT_BOUNDS = [24, 12, 62, 42] as const;

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.min(0.9999, Math.max(-0.9999, Math.sin((lat * Math.PI) / 180)));
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** Height of the caption band along the bottom; the map's centre sits in the middle of the rest. */
const CAPTION_PX = 136;

/** Centre in Mercator units (0..1), pixels per unit, and where on the picture the centre lies. */
export type Frame = { cx: number; cy: number; scale: number; px: number; py: number } & Size;

export function frameFor(camera: Camera | null, points: readonly (readonly [number, number])[], size: Size = PREVIEW_SIZE): Frame {
  const mapHeight = size.height - CAPTION_PX;
  const centre = { px: size.width / 2, py: mapHeight / 2, ...size };
  if (camera) return { cx: mercX(camera.lon), cy: mercY(camera.lat), scale: TILE * 2 ** camera.zoom, ...centre };
  const [w, s, e, n] = points.length
    ? points.reduce<[number, number, number, number]>(
        ([w, s, e, n], [lon, lat]) => [Math.min(w, lon), Math.min(s, lat), Math.max(e, lon), Math.max(n, lat)],
        [Infinity, Infinity, -Infinity, -Infinity],
      )
    : DEFAULT_BOUNDS;
  const [x0, x1, y0, y1] = [mercX(w), mercX(e), mercY(n), mercY(s)];
  const usable = 1 - 2 * FIT_PADDING;
  const fit = Math.min((size.width * usable) / Math.max(x1 - x0, 1e-9), (mapHeight * usable) / Math.max(y1 - y0, 1e-9));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, scale: Math.min(fit, TILE * 2 ** MAX_FIT_ZOOM), ...centre };
}

export const project = (f: Frame, lon: number, lat: number): [number, number] => [
  (mercX(lon) - f.cx) * f.scale + f.px,
  (mercY(lat) - f.cy) * f.scale + f.py,
];

/** [west, south, east, north] of what the frame shows. */
export function frameBounds(f: Frame): [number, number, number, number] {
  const x = (px: number) => lonOf(f.cx + (px - f.px) / f.scale);
  const y = (py: number) => latOf(Math.min(1, Math.max(0, f.cy + (py - f.py) / f.scale)));
  return [x(0), y(f.height), x(f.width), y(0)];
}

/**
 * One SVG path for every country polygon the frame touches, in whole pixels, dropping vertices
 * closer than a pixel to the last one kept: the picture is small and Natural Earth is not.
 */
export function outlinePath(outline: Outline, f: Frame): string {
  const [w, s, e, n] = frameBounds(f);
  const out: string[] = [];
  for (const c of outline) {
    const [cw, cs, ce, cn] = c.bbox;
    if (ce < w || cw > e || cn < s || cs > n) continue;
    for (const ring of c.rings) {
      let last: [number, number] | null = null;
      const pts: string[] = [];
      for (const [lon, lat] of ring) {
        const [x, y] = project(f, lon, lat).map(Math.round) as [number, number];
        if (last && Math.abs(x - last[0]) < 1 && Math.abs(y - last[1]) < 1) continue;
        last = [x, y];
        pts.push(`${x} ${y}`);
      }
      if (pts.length > 2) out.push(`M${pts.join("L")}Z`);
    }
  }
  return out.join("");
}

/**
 * Text the bundled font can draw. Anything else (emoji, Arabic, symbols) would make the image
 * library fetch a font or an emoji picture from the internet; it is replaced instead.
 */
export function drawable(s: string): string {
  return s.replace(/[^\u0020-\u007e\u00a0-\u017f\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/gu, "?");
}

const radius = (e: EventFeature) => Math.min(22, 6 + 2.5 * Math.log2(1 + (e.properties.killed?.high ?? 0) + (e.properties.injured?.high ?? 0)));
const NO_COLOUR = "#6b7280";
const colour = (e: EventFeature) => (/^#[0-9a-f]{6}$/i.test(e.properties.attackerColor ?? "") ? e.properties.attackerColor! : NO_COLOUR);

export type PreviewInput = {
  events: readonly EventFeature[];
  links: readonly LinkOut[];
  camera: Camera | null;
  selected: string | null;
  title: string;
  description: string;
  outline: Outline;
};

export function previewElement(p: PreviewInput, size: Size = PREVIEW_SIZE): ReactElement {
  const f = frameFor(
    p.camera,
    p.events.map((e) => e.geometry.coordinates),
    size,
  );
  const at = new Map(p.events.map((e) => [e.id, project(f, ...e.geometry.coordinates)]));
  // Biggest dots first so small ones stay visible on top.
  const dots = [...p.events].sort((a, b) => radius(b) - radius(a));
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", position: "relative", background: "#dbe7ef", fontFamily: "sans-serif" }}>
      <svg width={size.width} height={size.height} viewBox={`0 0 ${size.width} ${size.height}`} style={{ position: "absolute", top: 0, left: 0 }}>
        <path d={outlinePath(p.outline, f)} fill="#f4f1ea" stroke="#b9b2a4" strokeWidth={1} fillRule="evenodd" />
        {p.links.map((l) => {
          const a = at.get(l.from);
          const b = at.get(l.to);
          return a && b ? <line key={l.id} x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} stroke="#7f1d1d" strokeOpacity={0.55} strokeWidth={2.5} /> : null;
        })}
        {dots.map((e) => {
          const [x, y] = at.get(e.id)!;
          const r = radius(e);
          return (
            <g key={e.id}>
              {e.id === p.selected ? <circle cx={x} cy={y} r={r + 6} fill="none" stroke="#111827" strokeWidth={3} /> : null}
              <circle cx={x} cy={y} r={r} fill={colour(e)} fillOpacity={0.85} stroke="#ffffff" strokeWidth={1.5} />
            </g>
          );
        })}
      </svg>
      <div
        style={{
          position: "absolute",
          left: 0,
          right: 0,
          bottom: 0,
          display: "flex",
          flexDirection: "column",
          padding: "22px 36px 26px",
          background: "rgba(255,255,255,0.9)",
          borderTop: "1px solid #d1d5db",
        }}
      >
        <div style={{ fontSize: 40, color: "#111827", lineHeight: 1.2 }}>{drawable(p.title)}</div>
        <div style={{ fontSize: 24, color: "#374151", marginTop: 8, lineHeight: 1.3 }}>{drawable(p.description)}</div>
      </div>
    </div>
  );
}
