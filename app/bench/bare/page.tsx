"use client";
/**
 * A bare MapLibre page with an empty style, the yardstick of bench/scale.ts: the same browser's
 * cost of a map with nothing on it, to which the real page's first frame and long tasks compare.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef } from "react";
import { WORKER_URL } from "@/lib/map/style";
import { installTestHook } from "../../components/test-hook";

export default function BarePage() {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let map: MapLibreMap | null = null;
    let uninstall = () => {};
    (async () => {
      const maplibre = await import("maplibre-gl");
      if (!container.current) return;
      maplibre.setWorkerUrl(WORKER_URL);
      map = new maplibre.Map({ container: container.current, style: { version: 8, sources: {}, layers: [] }, center: [44, 30], zoom: 4 });
      const m = map;
      uninstall = installTestHook({ map: () => m, view: () => { throw new Error("no view on the bare page"); }, visibleEvents: () => [], drawnArcs: () => [], domain: () => [0, 0], dispatch: () => {} });
    })();
    return () => {
      uninstall();
      map?.remove();
    };
  }, []);
  return <div ref={container} style={{ position: "fixed", inset: 0 }} />;
}
