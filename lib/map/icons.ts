/**
 * Map pictograms as drawing instructions on a 24×24 grid (SVG path syntax), rasterised in the
 * browser onto a canvas and handed to map.addImage: no sprite sheet, nothing fetched.
 * Family pictograms are white so they read on any attacker colour.
 */
import type { Family } from "../schema";

export type DrawOp = { op: "fill" | "stroke"; d: string; color: string; width?: number };
export type Icon = { size: number; ops: DrawOp[] };

const W = "#ffffff";
const fill = (d: string, color = W): DrawOp => ({ op: "fill", d, color });
const stroke = (d: string, width = 2, color = W): DrawOp => ({ op: "stroke", d, color, width });
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;

export const FAMILY_ICONS: Record<Family, Icon> = {
  airstrike: {
    size: 24,
    ops: [fill("M12 2c.8 0 1.3.7 1.3 1.5V9l7.7 4.5v2l-7.7-2.3v4.9l2.2 1.6V21L12 20l-3.5 1v-1.3l2.2-1.6v-4.9L3 15.5v-2L10.7 9V3.5C10.7 2.7 11.2 2 12 2z")],
  },
  drone: {
    size: 24,
    ops: [stroke("M6 6l12 12M18 6L6 18", 2), stroke(circle(6, 6, 3), 1.6), stroke(circle(18, 6, 3), 1.6), stroke(circle(6, 18, 3), 1.6), stroke(circle(18, 18, 3), 1.6), fill("M9.5 9.5h5v5h-5z")],
  },
  missile: { size: 24, ops: [fill("M12 1.5l3 5v9.5l2.5 3v3L12 19.5 6.5 22v-3l2.5-3V6.5z")] },
  rocket: { size: 24, ops: [fill("M5.5 5l2 3v10h-4V8z"), fill("M12 2l2 3v13h-4V5z"), fill("M18.5 5l2 3v10h-4V8z"), stroke("M3.5 21h17", 1.6)] },
  artillery: { size: 24, ops: [fill("M9 19V10c0-3 1.5-6 3-8 1.5 2 3 5 3 8v9z"), fill("M8 20h8v2H8z")] },
  bombing: { size: 24, ops: [fill("M12 1.5l2.2 5.6 5.3-2.6-2.3 5.5 5.3 2-5.3 2 2.3 5.5-5.3-2.6L12 22.5l-2.2-5.6-5.3 2.6 2.3-5.5L1.5 12l5.3-2-2.3-5.5 5.3 2.6z")] },
  assassination: { size: 24, ops: [stroke(circle(12, 12, 7), 2), stroke("M12 2v5M12 17v5M2 12h5M17 12h5", 2), fill(circle(12, 12, 1.8))] },
  maritime: { size: 24, ops: [fill("M2.5 14h19l-3.5 6H6z"), fill("M7 9h8v4H7z"), fill("M10.5 4h1.8v5h-1.8z")] },
  riot: { size: 24, ops: [fill("M12 2c1 3 5.5 5 5.5 10.5a5.5 5.5 0 0 1-11 0c0-2.3 1-3.8 2.2-5 0 2.2 1 3.3 2.1 3.3C9.7 7.5 11 4.5 12 2z")] },
  ground: { size: 24, ops: [stroke("M4 11l8-6 8 6M4 18l8-6 8 6", 2.6)] },
  meeting: {
    size: 24,
    ops: [fill(circle(8, 8, 2.8)), fill(circle(16, 8, 2.8)), fill("M2.5 20c0-3.6 2.4-6 5.5-6s5.5 2.4 5.5 6z"), fill("M10.5 20c0-3.6 2.4-6 5.5-6s5.5 2.4 5.5 6z")],
  },
};

export const ARC_COLOR = "#c2410c";

export const UI_ICONS: Record<"arrowhead" | "at-sea", Icon> = {
  /** Points north; the layer rotates it along the arc. */
  arrowhead: { size: 24, ops: [fill("M12 2l9 19-9-5-9 5z", ARC_COLOR), stroke("M12 2l9 19-9-5-9 5z", 1.4)] },
  /** Badge beside an event placed at sea. */
  "at-sea": {
    size: 24,
    ops: [fill(circle(12, 12, 11), "#0b5394"), stroke("M5 10q1.75-2 3.5 0t3.5 0 3.5 0 3.5 0M5 15q1.75-2 3.5 0t3.5 0 3.5 0 3.5 0", 1.8)],
  },
};

export const FAMILY_ICON_PREFIX = "family-";
export const familyIconId = (f: Family) => `${FAMILY_ICON_PREFIX}${f}`;
