/**
 * `window.__strikeline`: a small read-mostly handle for end-to-end tests and benchmarks, which
 * cannot read a WebGL canvas's pixels and should not reach into React. It exposes the map (for
 * queryRenderedFeatures), the view, what is visible, which arcs are drawn, and dispatch.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { View } from "@/lib/url-state";
import type { Dispatch } from "./view-state";

export type TestHook = {
  map: MapLibreMap | null;
  view: () => View;
  /** Ids of the events visible at the cursor with the filters, in day order. */
  visibleEvents: () => string[];
  /** Ids of the links whose arcs are on the map. */
  drawnArcs: () => string[];
  /** First and last event day of the data (days since 1970-01-01), for scrubbing. */
  domain: () => readonly [number, number];
  dispatch: Dispatch;
};

declare global {
  interface Window {
    __strikeline?: TestHook;
  }
}

export function installTestHook(h: Omit<TestHook, "map"> & { map: () => MapLibreMap | null }): () => void {
  const hook: TestHook = {
    get map() {
      return h.map();
    },
    view: h.view,
    visibleEvents: h.visibleEvents,
    drawnArcs: h.drawnArcs,
    domain: h.domain,
    dispatch: h.dispatch,
  };
  window.__strikeline = hook;
  return () => {
    if (window.__strikeline === hook) delete window.__strikeline;
  };
}
