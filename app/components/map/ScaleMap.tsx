"use client";
/**
 * The map of a store too large to send whole: after every move it asks the store for the view
 * at this zoom (/api/aggregates) and draws counts per cell, or, once few events are in view,
 * asks for those events (/api/events with a bounding box). What it downloads follows the
 * viewport, never the store.
 *
 * Playback never asks again: with a cursor, the view comes with each cell's events per day
 * (series=days) and the cursor's span sets each cell's count, or each event's visibility, as
 * feature state, which MapLibre applies to what it has already tiled.
 */
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef } from "react";
import { AggregateOut, EventCollection } from "@/lib/api";
import {
  cellCollection,
  countsInSpan,
  daysInSpan,
  eventCollection,
  indexSeries,
  SCALE_LAYERS,
  SCALE_POINT_LIMIT,
  SCALE_SOURCES,
  scaleLayers,
  startDays,
  type SeriesIndex,
} from "@/lib/map/scale-layers";
import { FONT, STYLE_URL } from "@/lib/map/style";
import type { Camera } from "@/lib/url-state";
import { getJson } from "../get-json";
import { createMap, mapStart, showWhenComplete, type CreatedMap } from "./boot";

export type ScaleStatus = { shown: number; total: number; drawn: "cells" | "events"; inView: number };

type Props = {
  /** Filters and date window as API parameters, playback cursor left out (lib/url-state.ts selectionToApiQuery). */
  query: string;
  /** The days the playback cursor shows (lib/map/playback.ts visibleSpan), or null for the whole window. */
  span: readonly [number, number] | null;
  camera: Camera | null;
  onStatus: (s: ScaleStatus) => void;
  onCamera?: (c: Camera) => void;
  onMap?: (m: MapLibreMap | null) => void;
};

/** What the map holds of the current view, to apply a cursor to. */
type Drawn =
  | { kind: "cells"; total: number; shown: number; series: SeriesIndex | null; last: Int32Array | null }
  | { kind: "events"; total: number; shown: number; days: Int32Array; last: boolean[] | null };

const clampLon = (x: number) => Math.max(-180, Math.min(180, x));
const clampLat = (y: number) => Math.max(-90, Math.min(90, y));

export function ScaleMap({ query, span, camera, onStatus, onCamera, onMap }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef({ query, span, onStatus, onCamera });
  useEffect(() => {
    latest.current = { query, span, onStatus, onCamera };
  });
  const refresh = useRef<() => void>(() => {});
  const drawn = useRef<Drawn | null>(null);

  /** The cursor's span onto what is drawn: feature state only, and only where it changed. */
  const apply = useRef(() => {
    const m = mapRef.current;
    const d = drawn.current;
    if (!m || !d) return;
    const s = latest.current.span;
    m.setLayoutProperty(SCALE_LAYERS.cellCounts, "visibility", s ? "none" : "visible");
    let shown = d.shown;
    if (d.kind === "cells") {
      if (!s || !d.series) {
        if (d.last) m.removeFeatureState({ source: SCALE_SOURCES.cells });
        d.last = null;
      } else {
        const counts = countsInSpan(d.series, s[0], s[1]);
        d.series.ids.forEach((id, i) => {
          if (d.last?.[i] !== counts[i]) m.setFeatureState({ source: SCALE_SOURCES.cells, id }, { n: counts[i] });
        });
        d.last = counts;
        shown = counts.reduce((a, b) => a + b, 0);
      }
    } else {
      const on = s ? daysInSpan(d.days, s[0], s[1]) : null;
      if (on) {
        on.forEach((v, i) => {
          if (d.last?.[i] !== v) m.setFeatureState({ source: SCALE_SOURCES.events, id: i }, { off: !v });
        });
        shown = on.filter(Boolean).length;
      } else if (d.last) m.removeFeatureState({ source: SCALE_SOURCES.events });
      d.last = on;
    }
    latest.current.onStatus({ shown, total: d.total, drawn: d.kind, inView: d.shown });
  });

  useEffect(() => {
    let cancelled = false;
    let ready = false;
    // Set while the map changes its pixel ratio once shown: a resize, not a move to ask about.
    let resizing = false;
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
        const { query: q, span: s } = latest.current;
        const base = `${q ? `${q}&` : ""}bbox=${bbox}`;
        // Each cell's days only when a cursor needs them: they cost a scan of the view's events.
        const withSeries = s !== null;
        (async () => {
          const agg = AggregateOut.parse(await getJson(`/api/aggregates?${base}&zoom=${zoom}${withSeries ? "&series=days" : ""}`, ctrl.signal));
          const few = agg.counts.shown <= SCALE_POINT_LIMIT;
          const evs = few ? EventCollection.parse(await getJson(`/api/events?${base}`, ctrl.signal)).features : [];
          if (ctrl.signal.aborted) return;
          m.removeFeatureState({ source: SCALE_SOURCES.cells });
          m.removeFeatureState({ source: SCALE_SOURCES.events });
          (m.getSource(SCALE_SOURCES.cells) as GeoJSONSource).setData(few ? cellCollection({ ...agg, cells: [] }) : cellCollection(agg));
          (m.getSource(SCALE_SOURCES.events) as GeoJSONSource).setData(eventCollection(evs));
          const counts = { total: agg.counts.total, shown: agg.counts.shown };
          drawn.current = few
            ? { kind: "events", ...counts, days: startDays(evs), last: null }
            : { kind: "cells", ...counts, series: agg.series ? indexSeries(agg.series) : null, last: null };
          apply.current();
        })().catch((e: unknown) => ctrl.signal.aborted || console.error(e));
      };
      made.loaded.then(() => {
        if (cancelled) return;
        for (const s of Object.values(SCALE_SOURCES)) m.addSource(s, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
        for (const l of scaleLayers(FONT.regular)) m.addLayer(l);
        ready = true;
        refresh.current();
        const quietly = (change: () => void) => {
          resizing = true;
          try {
            change();
          } finally {
            resizing = false;
          }
        };
        showWhenComplete(m, quietly).then(() => cancelled || onMap?.(m));
      });
      m.on("moveend", () => {
        if (!ready || resizing) return;
        const c = m.getCenter();
        latest.current.onCamera?.({ lat: c.lat, lon: c.lng, zoom: m.getZoom(), bearing: m.getBearing() });
        refresh.current();
      });
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

  // Cells drawn without their days, and a cursor appears: ask once for this view's days.
  const needsSeries = span !== null;
  useEffect(() => {
    const d = drawn.current;
    if (needsSeries && d?.kind === "cells" && !d.series) refresh.current();
  }, [needsSeries]);

  useEffect(() => apply.current(), [span?.[0], span?.[1]]);

  return (
    <div className="map-view">
      <div ref={container} className="map-canvas" role="region" aria-label="Map of event counts per area" />
    </div>
  );
}
