"use client";
/**
 * The page for a store too large to send whole (more than FULL_LOAD_LIMIT events): the map asks
 * the store per view (ScaleMap) and the header says how many events the view holds. The view's
 * filters and playback cursor from the URL apply, as on the full page.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { useCallback, useEffect, useRef, useState } from "react";
import { selectionToApiQuery, type View } from "@/lib/url-state";
import { ScaleMap, type ScaleStatus } from "./map/ScaleMap";
import { installTestHook } from "./test-hook";

export function ScaleStrikeline({ initialView, total }: { initialView: View; total: number }) {
  const [status, setStatus] = useState<ScaleStatus | null>(null);
  const map = useRef<MapLibreMap | null>(null);
  const onMap = useCallback((m: MapLibreMap | null) => (map.current = m), []);
  useEffect(
    () =>
      installTestHook({
        map: () => map.current,
        view: () => initialView,
        visibleEvents: () => [],
        drawnArcs: () => [],
        domain: () => [0, 0],
        dispatch: () => {},
      }),
    [initialView],
  );
  const n = (x: number) => x.toLocaleString("en");
  return (
    <div className="app wide scale">
      <header className="topbar">
        <h1 className="brand">
          Strikeline <span className="tagline">strikes and reprisals, from news reports</span>
        </h1>
        <p role="status" aria-live="polite">
          {status
            ? status.drawn === "cells"
              ? `${n(status.shown)} of ${n(status.total)} events in view, counted per area: zoom in to see single events.`
              : `${n(status.shown)} of ${n(status.total)} events in view.`
            : `${n(total)} events: loading the view…`}
        </p>
      </header>
      <main className="stage scale-stage">
        <section className="map-pane" aria-label="Map">
          <ScaleMap query={selectionToApiQuery(initialView)} camera={initialView.camera} onStatus={setStatus} onMap={onMap} />
        </section>
      </main>
    </div>
  );
}
