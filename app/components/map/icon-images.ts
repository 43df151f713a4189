/**
 * Rasterises the pictograms of lib/map/icons.ts on a canvas and registers them with the map,
 * so the style needs no sprite sheet.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { FAMILY_ICONS, familyIconId, UI_ICONS, type Icon } from "@/lib/map/icons";
import type { Family } from "@/lib/schema";

const PIXEL_RATIO = 3;

function rasterize(icon: Icon): ImageData {
  const px = icon.size * PIXEL_RATIO;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = px;
  const ctx = canvas.getContext("2d")!;
  ctx.scale(PIXEL_RATIO, PIXEL_RATIO);
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const op of icon.ops) {
    const path = new Path2D(op.d);
    if (op.op === "fill") {
      ctx.fillStyle = op.color;
      ctx.fill(path);
    } else {
      ctx.strokeStyle = op.color;
      ctx.lineWidth = op.width ?? 2;
      ctx.stroke(path);
    }
  }
  return ctx.getImageData(0, 0, px, px);
}

export function addIconImages(map: MapLibreMap): void {
  const all: [string, Icon][] = [
    ...(Object.entries(FAMILY_ICONS) as [Family, Icon][]).map(([f, icon]) => [familyIconId(f), icon] as [string, Icon]),
    ...Object.entries(UI_ICONS),
  ];
  for (const [id, icon] of all) if (!map.hasImage(id)) map.addImage(id, rasterize(icon), { pixelRatio: PIXEL_RATIO });
}
