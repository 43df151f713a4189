"use client";
/**
 * The MapLibre map. It owns nothing but the map object: every prop is derived view state, and
 * every change is pushed to the overlay sources only when what is drawn actually changes
 * (lib/map/drawn.ts, lib/map/arcs.ts), through writers that keep one update in flight.
 */
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap, MapGeoJSONFeature, Marker } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useMemo, useRef, useState } from "react";
import type { EventFeature } from "@/lib/api";
import { arcFeatures, arcsInView, arcsKey, type PreparedArc } from "@/lib/map/arcs";
import { drawnSet, isDrawn, sameDrawn, type Drawn, type Viewport } from "@/lib/map/drawn";
import { mercatorX, mercatorY, type EventIndex } from "@/lib/map/event-index";
import { drawnCollections, pointsCollection } from "@/lib/map/features";
import { ARC_LAYERS, EVENT_LAYERS, INITIAL_GLOBAL_STATE, LAYERS, OVERLAY_SOURCES, overlayLayers, SOURCES, STATE } from "@/lib/map/layers";
import { FONT_FACES_URL, STYLE_URL } from "@/lib/map/style";
import { normalizeCamera, type Camera } from "@/lib/url-state";
import { createMap, mapStart, showWhenComplete, type CreatedMap } from "./boot";
import { addIconImages } from "./icon-images";
import { SourceWriter } from "./source-writer";
import { Tooltip, type Hover } from "./Tooltip";

export type MapViewProps = {
  index: EventIndex;
  range: readonly [number, number];
  arcs: readonly PreparedArc[];
  cursor: number;
  /** Data days an arc takes to draw; 0 draws arcs whole. */
  drawDays: number;
  selected: string | null;
  highlight: string | null;
  /** All events by id (a highlighted chain may include events filtered out of `index`). */
  eventsById: ReadonlyMap<string, EventFeature>;
  /** The view's camera; null = the page's own framing of the data, which is never reported back. */
  camera: Camera | null;
  /**
   * Changes when a whole view is put in place from the URL (Back, Forward): its camera is kept, where a
   * selection or highlight the user picks moves the map to it.
   */
  restores: number;
  /** A style URL; the offline one by default. */
  styleUrl: string | null;
  reducedMotion: boolean;
  hidden: boolean;
  /** Pixels on the left covered by the event panel: camera moves keep what they show clear of it. */
  coveredLeft: number;
  onSelect: (id: string) => void;
  onHighlight: (chain: string | null) => void;
  /** Told the camera after every move but the page's own framing (fitting the data, resizing a hidden map). */
  onCamera: (camera: Camera) => void;
  onMap: (map: MapLibreMap | null) => void;
  /** Told which link ids are on the map after every arc update (for the test hook). */
  onArcs: (ids: string[]) => void;
  /** While true, a click anywhere on the map is a dropped pin, told to onPick, and selects nothing. */
  picking?: boolean;
  /** A proposed place (a review's dropped pin or chosen alternative), drawn as a marker. */
  pin?: { lat: number; lon: number } | null;
  onPick?: (p: { lat: number; lon: number }) => void;
};

function viewportOf(map: MapLibreMap): Viewport {
  const b = map.getBounds();
  return { x0: mercatorX(b.getWest()), x1: mercatorX(b.getEast()), y0: mercatorY(b.getNorth()), y1: mercatorY(b.getSouth()), zoom: map.getZoom() };
}

function cameraOf(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { lat: c.lat, lon: c.lng, zoom: map.getZoom(), bearing: map.getBearing() };
}

/** Equal as a link would write them: what the URL brought back is where the map already is. */
const sameCamera = (a: Camera, b: Camera) => JSON.stringify(normalizeCamera(a)) === JSON.stringify(normalizeCamera(b));

function boundsOf(events: readonly EventFeature[]): LngLatBoundsLike | null {
  if (!events.length) return null;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const ev of events) {
    const [x, y] = ev.geometry.coordinates;
    [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  }
  return [w, s, e, n];
}

/** Adds the overlay on top of whatever style loaded; its fonts come from our files if the style lacks them. */
async function addOverlay(map: MapLibreMap, ownStyle: boolean) {
  if (!ownStyle) {
    const ours = (await (await fetch(FONT_FACES_URL)).json()) as NonNullable<ReturnType<MapLibreMap["getFontFaces"]>>;
    map.setFontFaces({ ...ours, ...(map.getFontFaces() ?? {}) });
  }
  addIconImages(map);
  for (const [id, spec] of Object.entries(OVERLAY_SOURCES)) map.addSource(id, spec);
  for (const layer of overlayLayers()) map.addLayer(layer);
  for (const [k, v] of Object.entries(INITIAL_GLOBAL_STATE)) map.setGlobalStateProperty(k, v);
}

export function MapView(props: MapViewProps) {
  const { index, range, arcs, cursor, drawDays, selected, highlight, eventsById, camera, restores, onArcs } = props;
  const [lo, hi] = range;
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const markerClass = useRef<typeof Marker | null>(null);
  const [viewportVersion, setViewportVersion] = useState(0);
  const [hover, setHover] = useState<Hover | null>(null);
  // Latest props for map event handlers registered once.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  // One writer per overlay source, made on first use.
  const writers = useRef<Record<string, SourceWriter>>({});
  const write = (m: MapLibreMap, source: string, data: GeoJSON.GeoJSON) => (writers.current[source] ??= new SourceWriter(m, source)).set(data);

  // Moves the page makes on its own (framing the data, measuring a map that was hidden) are not the
  // user's camera: `camera` stays null so a link keeps saying "frame the data". Both move at once,
  // so the flag covers exactly their moveend. A moveend that leaves the camera where it was (the
  // page's layout resized the map) is no news either.
  const quiet = useRef(false);
  const lastCamera = useRef<Camera | null>(null);
  const quietly = (move: () => void) => {
    quiet.current = true;
    try {
      move();
    } finally {
      quiet.current = false;
    }
  };
  // Framing the data waits for a map with a size (one laid out while hidden has none).
  const pendingFit = useRef(false);
  const fitData = (m: MapLibreMap) => {
    const b = boundsOf(latest.current.index.events);
    const padding = { top: 60, bottom: 60, right: 60, left: latest.current.coveredLeft + 60 };
    if (b) quietly(() => m.fitBounds(b, { padding, maxZoom: 7, duration: 0 }));
  };
  const frameData = (m: MapLibreMap) => {
    if (m.getContainer().clientWidth > 0) fitData(m);
    else pendingFit.current = true;
  };

  // Create the map once per style (the one prepared before the data came, when it fits), frame
  // the data at once so no tiles load for a camera about to change, and add the overlay on load.
  useEffect(() => {
    let cancelled = false;
    let created: CreatedMap | null = null;
    (async () => {
      const el = container.current;
      if (!el) return;
      // ←/→ step through events on this page; the map pans by drag and zooms by its buttons.
      const made = await createMap(el, mapStart(props.styleUrl ?? STYLE_URL, latest.current.camera), { minZoom: 2, keyboard: false });
      if (cancelled) return made.remove();
      created = made;
      const { map: m, maplibre } = made;
      markerClass.current = maplibre.Marker;
      m.addControl(new maplibre.NavigationControl({ showCompass: false }), "top-right");
      made.loaded.then(async () => {
        if (cancelled) return;
        await addOverlay(m, props.styleUrl === null);
        if (cancelled) return;
        setMap(m);
      });
      m.on("moveend", () => {
        setViewportVersion((v) => v + 1);
        const now = cameraOf(m);
        const moved = !lastCamera.current || !sameCamera(now, lastCamera.current);
        lastCamera.current = now;
        if (moved && !quiet.current) latest.current.onCamera(now);
      });
      const hoverOn = (e: { point: { x: number; y: number }; features?: MapGeoJSONFeature[] }) => {
        const f = e.features?.[0];
        if (!f || latest.current.picking) return;
        m.getCanvas().style.cursor = "pointer";
        const p = f.properties as Record<string, unknown>;
        setHover({ x: e.point.x, y: e.point.y, id: typeof p.id === "string" ? p.id : null, count: Number(p.point_count ?? p.count ?? 1) });
      };
      const hoverOff = () => {
        m.getCanvas().style.cursor = latest.current.picking ? "crosshair" : "";
        setHover(null);
      };
      const interactive = [...EVENT_LAYERS, LAYERS.clusters, LAYERS.cells];
      m.on("mousemove", interactive, hoverOn);
      m.on("mouseleave", interactive, hoverOff);
      m.on("click", (e) => latest.current.picking && latest.current.onPick?.({ lat: e.lngLat.lat, lon: e.lngLat.lng }));
      m.on("click", [...EVENT_LAYERS], (e) => {
        if (latest.current.picking) return;
        const id = e.features?.[0]?.properties.id;
        if (typeof id === "string") latest.current.onSelect(id);
      });
      m.on("click", LAYERS.clusters, async (e) => {
        const f = e.features?.[0];
        if (!f || latest.current.picking) return;
        const zoom = await m.getSource<GeoJSONSource>(SOURCES.points)!.getClusterExpansionZoom(f.properties.cluster_id as number);
        m.easeTo({ center: (f.geometry as GeoJSON.Point).coordinates as [number, number], zoom, duration: latest.current.reducedMotion ? 0 : 500 });
      });
      m.on("click", LAYERS.cells, (e) => {
        if (latest.current.picking) return;
        m.easeTo({ center: e.lngLat, zoom: m.getZoom() + 2, duration: latest.current.reducedMotion ? 0 : 500 });
      });
      m.on("click", [...ARC_LAYERS], (e) => {
        if (latest.current.picking) return;
        const chain = e.features?.[0]?.properties.chain;
        if (typeof chain === "string") latest.current.onHighlight(chain);
      });
      if (!latest.current.camera) frameData(m);
    })();
    return () => {
      cancelled = true;
      latest.current.onMap(null);
      created?.remove();
      setMap(null);
    };
  }, [props.styleUrl]);

  // What is drawn for the visible range in this viewport (deps name the range's ends: a new but
  // equal tuple is no change). Pushed to the sources only when it changed.
  const drawn = useMemo(() => (map ? drawnSet(index, [lo, hi], viewportOf(map)) : null), [map, index, lo, hi, viewportVersion]);
  const lastDrawn = useRef<{ index: EventIndex; drawn: Drawn } | null>(null);
  useEffect(() => {
    if (!map || !drawn) return;
    const last = lastDrawn.current;
    if (last && last.index === index && sameDrawn(last.drawn, drawn)) return;
    lastDrawn.current = { index, drawn };
    const c = drawnCollections(index, drawn);
    write(map, SOURCES.points, c.points);
    write(map, SOURCES.areas, c.areas);
    write(map, SOURCES.cells, c.cells);
  }, [map, index, drawn]);

  // Arcs: between two events drawn on their own (none while the view is aggregated into cells),
  // growing while playback draws them.
  const lastArcs = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !drawn) return;
    const isVisible = (id: string) => {
      const i = index.pos.get(id);
      return i !== undefined && isDrawn(drawn, i);
    };
    const list = arcsInView(arcs, isVisible, cursor, drawDays);
    const key = arcsKey(list);
    if (key === lastArcs.current) return;
    lastArcs.current = key;
    const f = arcFeatures(list);
    write(map, SOURCES.arcLines, f.lines);
    write(map, SOURCES.arcHeads, f.heads);
    write(map, SOURCES.arcLabels, f.labels);
    onArcs(list.map((a) => a.arc.link.id));
  }, [map, index, drawn, arcs, cursor, drawDays, onArcs]);

  // The selected event and the highlighted chain, drawn unclustered on top (a few features at most).
  const lastFocus = useRef<string | null>(null);
  useEffect(() => {
    if (!map) return;
    const focus: number[] = [];
    const add = (i: number | undefined) => i !== undefined && i >= lo && i < hi && !focus.includes(i) && focus.push(i);
    if (selected) add(index.pos.get(selected));
    if (highlight) for (const e of eventsById.values()) if (e.properties.chainId === highlight) add(index.pos.get(e.id));
    const key = focus.join(",");
    if (key === lastFocus.current) return;
    lastFocus.current = key;
    write(map, SOURCES.focus, pointsCollection(index, Int32Array.from(focus)));
  }, [map, index, lo, hi, selected, highlight, eventsById]);

  // Shown once the sources above have their first data, which it then draws in one frame; only a
  // map on screen is handed to the page.
  useEffect(() => {
    if (!map) return;
    let live = true;
    showWhenComplete(map, quietly).then(() => live && latest.current.onMap(map));
    return () => {
      live = false;
    };
  }, [map]);

  // Selection and highlight live in the map's global state: a paint change, no re-tiling.
  useEffect(() => {
    map?.setGlobalStateProperty(STATE.selected, selected ?? "");
  }, [map, selected]);
  useEffect(() => {
    map?.setGlobalStateProperty(STATE.chain, highlight ?? "");
  }, [map, highlight]);

  // A view restored from the URL brings its camera (moveend then reports where the map really is,
  // clamped to its zoom range), or none: the page's own framing again. Otherwise `camera` came
  // from the map itself and already matches it.
  const restoresSeen = useRef(restores);
  useEffect(() => {
    if (!map) return;
    const restored = restores !== restoresSeen.current;
    restoresSeen.current = restores;
    if (camera) {
      if (!sameCamera(camera, cameraOf(map))) map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom, bearing: camera.bearing });
    } else if (restored) frameData(map);
  }, [map, camera, restores]);

  // Camera moves answer a highlight or selection the user picks, not every change of the panel or
  // data, and not the view the page opens with or goes back to, whose camera is part of it.
  const focusSeen = useRef<{ selected: string | null; highlight: string | null; restores: number } | null>(null);
  useEffect(() => {
    if (!map) return;
    const before = focusSeen.current;
    focusSeen.current = { selected, highlight, restores };
    if (!before || before.restores !== restores) return;
    const { eventsById, reducedMotion, coveredLeft } = latest.current;
    if (highlight && highlight !== before.highlight) {
      const b = boundsOf([...eventsById.values()].filter((e) => e.properties.chainId === highlight));
      const padding = { top: 70, bottom: 50, right: 70, left: coveredLeft + 50 };
      if (b) map.fitBounds(b, { padding, maxZoom: 8, duration: reducedMotion ? 0 : 900 });
      return;
    }
    const e = selected && selected !== before.selected ? eventsById.get(selected) : undefined;
    if (!e) return;
    const p = map.project(e.geometry.coordinates);
    const c = map.getContainer();
    if (p.x > coveredLeft + 20 && p.x < c.clientWidth - 20 && p.y > 20 && p.y < c.clientHeight - 20) return;
    // `offset` centres it in the uncovered part (a `padding` here would stay on the map afterwards).
    map.easeTo({ center: e.geometry.coordinates, offset: [coveredLeft / 2, 0], duration: reducedMotion ? 0 : 700 });
  }, [map, selected, highlight, restores]);

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = props.picking ? "crosshair" : "";
  }, [map, props.picking]);

  // The proposed place: a marker (a DOM element, so no layer or source of its own).
  const marker = useRef<Marker | null>(null);
  useEffect(
    () => () => {
      marker.current?.remove();
      marker.current = null;
    },
    [map],
  );
  const pinLat = props.pin?.lat;
  const pinLon = props.pin?.lon;
  useEffect(() => {
    const valid = pinLat !== undefined && pinLon !== undefined && Math.abs(pinLat) <= 90 && Math.abs(pinLon) <= 180;
    if (!map || !markerClass.current || !valid) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    marker.current ??= new markerClass.current({ color: "#c2410c" }).setLngLat([pinLon, pinLat]).addTo(map);
    marker.current.setLngLat([pinLon, pinLat]);
    marker.current.getElement().setAttribute("aria-label", `Proposed place: ${pinLat.toFixed(4)}, ${pinLon.toFixed(4)}`);
  }, [map, pinLat, pinLon]);

  // A map laid out while hidden (phone list view) has no size: measure again when shown.
  useEffect(() => {
    if (!map || props.hidden) return;
    quietly(() => map.resize());
    if (pendingFit.current) {
      pendingFit.current = false;
      fitData(map);
    }
  }, [map, props.hidden]);

  return (
    <div className="map-view">
      <div ref={container} className="map-canvas" role="region" aria-label="Map of events and retaliation arcs" />
      {hover && <Tooltip hover={hover} event={hover.id ? eventsById.get(hover.id) : undefined} />}
    </div>
  );
}
