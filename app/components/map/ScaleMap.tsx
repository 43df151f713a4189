"use client";
/**
 * The map of a store too large to send whole: after every move it asks the store for the view
 * at this zoom (/api/aggregates) and draws counts per cell, or, once few events are in view,
 * asks for those events (/api/events with a bounding box). What it downloads follows the
 * viewport, never the store.
 */
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef } from "react";
import { AggregateOut, EventCollection } from "@/lib/api";
import { cellCollection, eventCollection, SCALE_POINT_LIMIT, SCALE_SOURCES, scaleLayers } from "@/lib/map/scale-layers";
import { FONT, STYLE_URL } from "@/lib/map/style";
import type { Camera } from "@/lib/url-state";
import { getJson } from "../get-json";
import { createMap, mapStart, type CreatedMap } from "./boot";

export type ScaleStatus = { shown: number; total: number; drawn: "cells" | "events"; inView: number };

type Props = {
  /** Filters and playback as API parameters (lib/url-state.ts selectionToApiQuery). */
  query: string;
  camera: Camera | null;
  onStatus: (s: ScaleStatus) => void;
  onMap?: (m: MapLibreMap | null) => void;
};

const clampLon = (x: number) => Math.max(-180, Math.min(180, x));
const clampLat = (y: number) => Math.max(-90, Math.min(90, y));

export function ScaleMap({ query, camera, onStatus, onMap }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef({ query, onStatus });
  useEffect(() => {
    latest.current = { query, onStatus };
  });
  const refresh = useRef<() => void>(() => {});

  useEffect(() => {
    let cancelled = false;
    let ready = false;
    let inflight: AbortController | null = null;
    let created: CreatedMap | null = null;
    (async () => {
      if (!container.current) return;
      const made = await createMap(container.current, mapStart(STYLE_URL, camera), { minZoom: 1, keyboard: true });
      if (cancelled) return made.remove();
      created = made;
      const { map: m, maplibre } = made;
      mapRef.current = m;
      m.addControl(new maplibre.NavigationControl({ showCompass: false }), "top-right");
      refresh.current = () => {
        inflight?.abort();
        const ctrl = (inflight = new AbortController());
        const b = m.getBounds();
        const bbox = [clampLon(b.getWest()), clampLat(b.getSouth()), clampLon(b.getEast()), clampLat(b.getNorth())].map((x) => x.toFixed(4)).join(",");
        const zoom = Math.max(0, Math.floor(m.getZoom()));
        const q = latest.current.query;
        const base = `${q ? `${q}&` : ""}bbox=${bbox}`;
        (async () => {
          const agg = AggregateOut.parse(await getJson(`/api/aggregates?${base}&zoom=${zoom}`, ctrl.signal));
          const few = agg.counts.shown <= SCALE_POINT_LIMIT;
          const evs = few ? EventCollection.parse(await getJson(`/api/events?${base}`, ctrl.signal)).features : [];
          if (ctrl.signal.aborted) return;
          (m.getSource(SCALE_SOURCES.cells) as GeoJSONSource).setData(few ? cellCollection({ ...agg, cells: [] }) : cellCollection(agg));
          (m.getSource(SCALE_SOURCES.events) as GeoJSONSource).setData(eventCollection(evs));
          latest.current.onStatus({ shown: agg.counts.shown, total: agg.counts.total, drawn: few ? "events" : "cells", inView: agg.counts.shown });
        })().catch((e: unknown) => ctrl.signal.aborted || console.error(e));
      };
      made.loaded.then(() => {
        if (cancelled) return;
        for (const s of Object.values(SCALE_SOURCES)) m.addSource(s, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
        for (const l of scaleLayers(FONT.regular)) m.addLayer(l);
        ready = true;
        onMap?.(m);
        refresh.current();
      });
      m.on("moveend", () => ready && refresh.current());
    })();
    return () => {
      cancelled = true;
      inflight?.abort();
      onMap?.(null);
      created?.remove();
      mapRef.current = null;
    };
    // The map is made once; later queries reach it through refs.
  }, []);

  useEffect(() => {
    if (mapRef.current?.getSource(SCALE_SOURCES.cells)) refresh.current();
  }, [query]);

  return (
    <div className="map-view">
      <div ref={container} className="map-canvas" role="region" aria-label="Map of event counts per area" />
    </div>
  );
}
