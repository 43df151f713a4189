/**
 * All view state of the page in one reducer: the shareable part has exactly the fields of the URL
 * schema (lib/url-state.ts View), which app/components/url-sync.ts writes to the address bar,
 * plus the few transient fields the URL never carries (is it playing, loop, the fractional cursor
 * while playback moves between days, and a count of views restored from the URL).
 */
"use client";

import { useCallback, useReducer } from "react";
import { playbackReducer, windowOf, type Playback, type PlaybackAction, type PlaybackContext } from "@/lib/map/playback";
import { dayOf, isoOf } from "@/lib/map/time";
import { DEFAULT_VIEW, type Camera, type View, type ViewFilters } from "@/lib/url-state";

export type ViewState = Omit<View, "cursor"> & {
  /** Day number, fractional while playing; View.cursor is the day it lies in. null = end of window. */
  cursor: number | null;
  playing: boolean;
  loop: boolean;
  /**
   * Bumped whenever a whole view is put in place from a URL (Back, Forward). The map keeps that
   * view's camera then, instead of moving to its selection or highlight as it does when a user
   * picks them.
   */
  restores: number;
};

export type ViewAction =
  | PlaybackAction
  | { type: "select"; id: string | null }
  | { type: "highlight"; chain: string | null }
  | { type: "camera"; camera: Camera }
  | { type: "filters"; filters: Partial<Omit<ViewFilters, "from" | "to">> }
  | { type: "basemap"; basemap: View["basemap"] }
  | { type: "restore"; view: View };

export function fromView(v: View): ViewState {
  return { ...v, cursor: v.cursor === null ? null : dayOf(v.cursor), playing: false, loop: false, restores: 0 };
}

export function toView(s: ViewState): View {
  const { playing: _p, loop: _l, restores: _r, ...rest } = s;
  return { ...rest, cursor: s.cursor === null ? null : isoOf(s.cursor) };
}

/** The playback part as the pure state machine sees it; a half-open window takes the data's end. */
export function playbackOf(s: ViewState, ctx: PlaybackContext): Playback {
  return { window: windowOf(s.from, s.to, ctx.domain), cursor: s.cursor, playing: s.playing, speed: s.speed, mode: s.mode, slideDays: s.slideDays, loop: s.loop };
}

function withPlayback(s: ViewState, p: Playback): ViewState {
  return {
    ...s,
    from: p.window ? isoOf(p.window[0]) : null,
    to: p.window ? isoOf(p.window[1]) : null,
    cursor: p.cursor,
    playing: p.playing,
    speed: p.speed,
    mode: p.mode,
    slideDays: p.slideDays,
    loop: p.loop,
  };
}

export function viewReducer(s: ViewState, { action, ctx }: { action: ViewAction; ctx: PlaybackContext }): ViewState {
  switch (action.type) {
    case "select":
      return { ...s, selected: action.id };
    case "highlight":
      return { ...s, highlight: action.chain };
    case "camera":
      return { ...s, camera: action.camera };
    case "filters":
      return { ...s, ...action.filters };
    case "basemap":
      return { ...s, basemap: action.basemap };
    case "restore":
      // Playback stops (the view names a date, not a motion); the loop setting is the user's own.
      return { ...fromView(action.view), loop: s.loop, restores: s.restores + 1 };
    default: {
      const before = playbackOf(s, ctx);
      const after = playbackReducer(before, action, ctx);
      return after === before ? s : withPlayback(s, after);
    }
  }
}

/**
 * The page's view state. Playback needs the data's range and event days, which depend on the
 * filters held here, so the caller passes them with each action: `dispatch(action, ctx)`.
 */
export function useViewState(initial: View = DEFAULT_VIEW) {
  const [state, raw] = useReducer(viewReducer, initial, fromView);
  const dispatch = useCallback((action: ViewAction, ctx: PlaybackContext) => raw({ action, ctx }), []);
  return [state, dispatch] as const;
}

export type Dispatch = (action: ViewAction) => void;
