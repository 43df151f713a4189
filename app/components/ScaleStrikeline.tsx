"use client";
/**
 * The page for a store too large to send whole (more than FULL_LOAD_LIMIT events): the map asks
 * the store per view (ScaleMap), and the timeline and playback run on events per day, asked once
 * per set of filters (/api/aggregates with an empty box: the histogram covers every filtered
 * event). Moving the cursor asks nothing: the map and the counts follow it from what they hold.
 * The URL's filters, window, cursor and camera apply and are written back as on the full page.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AggregateOut } from "@/lib/api";
import { cursorOf, effectiveWindow, visibleSpan, type PlaybackContext } from "@/lib/map/playback";
import { dayOf } from "@/lib/map/time";
import { DEFAULT_VIEW, selectionToApiQuery, serializeView, type View } from "@/lib/url-state";
import { getJson } from "./get-json";
import { usePlaybackClock, usePlaybackKeys } from "./hooks";
import { ScaleMap, type ScaleStatus } from "./map/ScaleMap";
import { PlaybackControls } from "./PlaybackControls";
import { installTestHook } from "./test-hook";
import { Timeline } from "./Timeline";
import { useUrlSync } from "./url-sync";
import { playbackOf, toView, useViewState, type ViewAction } from "./view-state";

/** Events per start day of the filtered store: the timeline's bars and the playback's steps. */
type Days = { day: Float64Array; n: Float64Array; domain: [number, number] };

const NO_DAYS: Days = { day: new Float64Array(), n: new Float64Array(), domain: [0, 0] };

/** Events in [lo, hi] (whole days) from the per-day counts. */
function countIn(d: Days, lo: number, hi: number): number {
  let s = 0;
  for (let i = 0; i < d.day.length; i++) if (d.day[i]! >= Math.ceil(lo) && d.day[i]! <= Math.floor(hi)) s += d.n[i]!;
  return s;
}

export function ScaleStrikeline({ initialView, total }: { initialView: View; total: number }) {
  const [state, rawDispatch] = useViewState(initialView);
  const view = toView(state);
  // Time is the playback's business: the histogram is asked for the filters alone, the map for the filters and window.
  const still = { cursor: null, mode: DEFAULT_VIEW.mode, slideDays: DEFAULT_VIEW.slideDays };
  const filterQuery = selectionToApiQuery({ ...view, ...still, from: null, to: null });
  const mapQuery = selectionToApiQuery({ ...view, ...still });

  const [days, setDays] = useState<Days | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    getJson(`/api/aggregates?${filterQuery ? `${filterQuery}&` : ""}bbox=0,0,0,0&zoom=0`, ctrl.signal)
      .then((body) => {
        const rows = AggregateOut.parse(body).days;
        const day = Float64Array.from(rows, (r) => dayOf(r.day));
        setDays({ day, n: Float64Array.from(rows, (r) => r.n), domain: day.length ? [day[0]!, day[day.length - 1]!] : [0, 0] });
      })
      .catch((e: unknown) => ctrl.signal.aborted || console.error(e));
    return () => ctrl.abort();
  }, [filterQuery]);

  const d = days ?? NO_DAYS;
  const ctx: PlaybackContext = useMemo(() => ({ domain: d.domain, eventDays: d.day }), [d]);
  const dispatch = useCallback((a: ViewAction) => rawDispatch(a, ctx), [rawDispatch, ctx]);
  const playback = playbackOf(state, ctx);
  const timeWindow = effectiveWindow(playback, ctx);
  const cursor = cursorOf(playback, ctx);
  const span = visibleSpan(playback, ctx);
  // No cursor: the whole window shows, as the map's cells already count it.
  const mapSpan = useMemo(() => (state.cursor === null || !days ? null : ([span[0], span[1]] as const)), [state.cursor === null, days, span[0], span[1]]);
  const shown = useMemo(() => countIn(d, span[0], span[1]), [d, span[0], span[1]]);

  usePlaybackClock(state.playing, dispatch);
  usePlaybackKeys(dispatch);
  const restore = useCallback((v: View) => dispatch({ type: "restore", view: v }), [dispatch]);
  useUrlSync(view, serializeView(view), !state.playing, restore, "push");
  const onCamera = useCallback((camera: View["camera"] & object) => dispatch({ type: "camera", camera }), [dispatch]);

  const [status, setStatus] = useState<ScaleStatus | null>(null);
  const map = useRef<MapLibreMap | null>(null);
  const onMap = useCallback((m: MapLibreMap | null) => (map.current = m), []);
  const latest = useRef({ state, ctx });
  useEffect(() => {
    latest.current = { state, ctx };
  });
  useEffect(
    () =>
      installTestHook({
        map: () => map.current,
        view: () => toView(latest.current.state),
        visibleEvents: () => [],
        drawnArcs: () => [],
        domain: () => latest.current.ctx.domain,
        dispatch,
      }),
    [dispatch],
  );
  const n = (x: number) => x.toLocaleString("en");
  const at = state.cursor === null ? "" : " at the playback date";
  return (
    <div className="app wide scale">
      <header className="topbar">
        <h1 className="brand">
          Strikeline <span className="tagline">strikes and reprisals, from news reports</span>
        </h1>
        <p role="status" aria-live="polite">
          {status
            ? status.drawn === "cells"
              ? `${n(status.shown)} of ${n(status.total)} events in view${at}, counted per area: zoom in to see single events.`
              : `${n(status.shown)} of ${n(status.total)} events in view${at}.`
            : `${n(total)} events: loading the view…`}
        </p>
      </header>
      <main className="stage scale-stage">
        <section className="map-pane" aria-label="Map">
          <ScaleMap query={mapQuery} span={mapSpan} camera={initialView.camera} onStatus={setStatus} onCamera={onCamera} onMap={onMap} />
        </section>
      </main>
      <footer className="timeline-pane">
        <PlaybackControls state={state} cursor={cursor} window={timeWindow} windowSet={playback.window !== null} shown={shown} dispatch={dispatch} />
        {days && <Timeline days={days.day} weights={days.n} domain={days.domain} window={timeWindow} windowSet={playback.window !== null} cursor={cursor} span={span} dispatch={dispatch} />}
      </footer>
    </div>
  );
}
