/**
 * How both map pages get their map. MapLibre, the style, the map worker, the first tiles and the
 * shaders take longer than the API's answer, so the page starts them before it knows its data:
 * prepareMap (ApiStrikeline, on mount) makes the map in a hidden full-window element, and the
 * map component that shows it (MapView or ScaleMap) takes it with createMap, which moves that
 * element into its own container. A map prepared for another style is dropped, and without one a
 * new map is made in place, so a page works the same either way; only its first frame comes later.
 *
 * Under software WebGL every frame costs about the same whatever it shows (its pixels are drawn
 * and read back for the compositor), and MapLibre draws one each time a tile, a font or a source
 * arrives: ten to twenty while a first view loads. So a map is made drawing at a tiny pixel ratio
 * on a hidden canvas, where those frames cost next to nothing, and showWhenComplete draws it once
 * at the screen's pixel ratio when everything in view has arrived.
 *
 * The browser hands a hidden canvas's drawing to the GPU process only when it must: without a
 * flush, the shown frame would wait there for every queued hidden frame and for the compilation
 * of every shader at its first use, in one long task. So each hidden frame is flushed, letting
 * that work run while the page still waits on the network, and the map is shown once a fence
 * says the GPU has done it.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { WORKER_URL } from "@/lib/map/style";
import type { Camera } from "@/lib/url-state";

type MapLibre = typeof import("maplibre-gl");

/** Where a map without a camera of its own opens (the region of the curated events). */
const FALLBACK_CAMERA = { center: [44, 30] as [number, number], zoom: 4 };

export type MapStart = {
  style: string;
  center: [number, number];
  zoom: number;
  bearing: number;
};

/** A map on `style` at a view's camera, or at the fallback when the view names none. */
export function mapStart(style: string, camera: Camera | null): MapStart {
  return {
    style,
    center: camera ? [camera.lon, camera.lat] : FALLBACK_CAMERA.center,
    zoom: camera?.zoom ?? FALLBACK_CAMERA.zoom,
    bearing: camera?.bearing ?? 0,
  };
}

/** What differs between the pages, set on a prepared map when it is taken. */
export type MapTuning = { minZoom: number; keyboard: boolean };

export type CreatedMap = {
  map: MapLibreMap;
  maplibre: MapLibre;
  /** Resolves once the style has loaded (the map's "load" event, which may be over already). */
  loaded: Promise<void>;
  remove: () => void;
};

/** The pixel ratio of the hidden frames drawn while a map loads: a 1280 × 800 map draws 80 × 50 pixels. */
const LOADING_PIXEL_RATIO = 1 / 16;
/** The longest a map stays hidden waiting for what its first view shows (a slow tile or source). */
const SHOW_AFTER_MS = 3000;
/** The longest a map waits for the GPU to finish its hidden frames before it is shown anyway. */
const GPU_WAIT_MS = 1500;

let mapLibre: Promise<MapLibre> | null = null;
function loadMapLibre(): Promise<MapLibre> {
  mapLibre ??= import("maplibre-gl").then((m) => {
    m.setWorkerUrl(WORKER_URL);
    return m;
  });
  return mapLibre;
}

function make(maplibre: MapLibre, container: HTMLElement, start: MapStart, tuning?: MapTuning): CreatedMap {
  const map = new maplibre.Map({
    container,
    style: start.style,
    center: start.center,
    zoom: start.zoom,
    bearing: start.bearing,
    maxZoom: 14,
    ...tuning,
    attributionControl: { compact: true },
    pixelRatio: LOADING_PIXEL_RATIO,
    // Label fades keep the map repainting for 300 ms after every change, which playback makes
    // constant; under software WebGL that doubles the cost of a frame.
    fadeDuration: 0,
  });
  map.getCanvas().style.visibility = "hidden";
  const gl = map.getCanvas().getContext("webgl2");
  const flush = () => (map.getCanvas().style.visibility === "hidden" ? gl?.flush() : map.off("render", flush));
  map.on("render", flush);
  const loaded = new Promise<void>((resolve) => map.once("load", () => resolve()));
  return { map, maplibre, loaded, remove: () => map.remove() };
}

let prepared: { start: MapStart; element: HTMLDivElement; made: Promise<CreatedMap> } | null = null;

/** Starts the page's map before the component that shows it exists. Once per page load. */
export function prepareMap(start: MapStart): void {
  if (prepared) return;
  const element = document.createElement("div");
  element.setAttribute("aria-hidden", "true");
  // The window's size, so the tiles it loads cover the smaller pane it will move into; hidden, so
  // nothing shows before the page is laid out.
  element.style.cssText = "position:fixed;inset:0;visibility:hidden;pointer-events:none;z-index:-1";
  document.body.appendChild(element);
  prepared = { start, element, made: loadMapLibre().then((m) => make(m, element, start)) };
}

/** The prepared map, moved into `container`, when it was made for this style; a new map there otherwise. */
export async function createMap(container: HTMLElement, start: MapStart, tuning: MapTuning): Promise<CreatedMap> {
  const p = prepared;
  prepared = null;
  const made = p && (await p.made.catch(() => null));
  if (p && made) {
    if (p.start.style === start.style) {
      p.element.style.cssText = "width:100%;height:100%";
      p.element.removeAttribute("aria-hidden");
      container.appendChild(p.element);
      made.map.setMinZoom(tuning.minZoom);
      if (!tuning.keyboard) made.map.keyboard.disable();
      made.map.resize();
      return {
        ...made,
        remove: () => {
          made.map.remove();
          p.element.remove();
        },
      };
    }
    made.map.remove();
  }
  p?.element.remove();
  return make(await loadMapLibre(), container, start, tuning);
}

/**
 * Shows a map made by createMap once what its view shows has loaded (every source and tile: call
 * it after the page has given the sources their first data), or after SHOW_AFTER_MS at the latest:
 * it draws at the screen's pixel ratio from then on. Resolves when that first full frame is drawn.
 * The pixel ratio changes through a resize, which fires the map's move events; `move` runs it as
 * the caller runs its own moves that are no user's.
 */
export function showWhenComplete(map: MapLibreMap, move: (change: () => void) => void = (change) => change()): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      map.off("idle", onIdle);
      map.off("remove", stop);
    };
    let removed = false;
    const show = async () => {
      stop();
      map.once("remove", () => (removed = true));
      await gpuDone(map.getCanvas().getContext("webgl2"));
      if (removed) return;
      move(() => map.setPixelRatio(window.devicePixelRatio));
      map.getCanvas().style.visibility = "";
      map.once("idle", () => resolve());
    };
    const onIdle = () => map.loaded() && map.areTilesLoaded() && show();
    const timer = setTimeout(show, SHOW_AFTER_MS);
    map.on("idle", onIdle);
    // A map removed first (the page left, another style chosen) is never shown; the promise stays pending.
    map.on("remove", stop);
    // A map that has nothing left to load fires no idle of its own.
    map.triggerRepaint();
  });
}

/** Resolves once the GPU has run every command issued so far, or after GPU_WAIT_MS; the page stays responsive meanwhile. */
function gpuDone(gl: WebGL2RenderingContext | null): Promise<void> {
  const sync = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!gl || !sync) return Promise.resolve();
  gl.flush();
  const until = performance.now() + GPU_WAIT_MS;
  return new Promise((resolve) => {
    const poll = () => {
      if (gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED && performance.now() < until) return void setTimeout(poll, 10);
      gl.deleteSync(sync);
      resolve();
    };
    setTimeout(poll, 10);
  });
}
