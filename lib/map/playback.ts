/**
 * Playback as a pure state machine: (state, action, context) → state. The clock that sends
 * `tick`s lives in the page; everything it decides is here, so it is testable without a browser.
 *
 * Days throughout (lib/map/time.ts). The window is the brushed date range; the cursor moves
 * inside it. A null window means "the whole data range" and a null cursor means "at the end of
 * the window", so both follow the data as it loads instead of freezing an old range.
 */
import { lowerBound } from "./bisect";
import { dayOf, isoOf } from "./time";

export const SPEEDS = [
  { daysPerSecond: 1, label: "1 day/s" },
  { daysPerSecond: 7, label: "1 week/s" },
  { daysPerSecond: 30, label: "1 month/s" },
  { daysPerSecond: 91, label: "1 quarter/s" },
  { daysPerSecond: 365, label: "1 year/s" },
] as const;

/** Names as in lib/url-state.ts: everything up to the cursor, or a trailing window of `slideDays`. */
export type PlaybackMode = "cumulative" | "window";

export type Playback = {
  window: readonly [number, number] | null;
  cursor: number | null;
  playing: boolean;
  /** Days of data time per second of wall time. */
  speed: number;
  mode: PlaybackMode;
  /** Width of the sliding window, in days. */
  slideDays: number;
  loop: boolean;
};

export const INITIAL_PLAYBACK: Playback = {
  window: null,
  cursor: null,
  playing: false,
  speed: 30,
  mode: "cumulative",
  slideDays: 30,
  loop: false,
};

export type PlaybackContext = {
  /** First and last event day of the data. */
  domain: readonly [number, number];
  /** Start days of the events that can be stepped to, ascending. */
  eventDays: Float64Array;
};

export type PlaybackAction =
  | { type: "play" }
  | { type: "pause" }
  | { type: "toggle" }
  | { type: "tick"; ms: number }
  | { type: "seek"; day: number }
  | { type: "step"; direction: 1 | -1 }
  | { type: "home" }
  | { type: "end" }
  | { type: "setWindow"; window: readonly [number, number] | null }
  | { type: "setSpeed"; speed: number }
  | { type: "setMode"; mode: PlaybackMode }
  | { type: "setSlideDays"; days: number }
  | { type: "setLoop"; loop: boolean };

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The brushed window, kept inside the data range and never inverted. */
export function effectiveWindow(p: Playback, ctx: PlaybackContext): [number, number] {
  const [d0, d1] = ctx.domain;
  if (!p.window) return [d0, d1];
  const a = clamp(Math.min(p.window[0], p.window[1]), d0, d1);
  const b = clamp(Math.max(p.window[0], p.window[1]), d0, d1);
  return [a, b];
}

export function cursorOf(p: Playback, ctx: PlaybackContext): number {
  const [a, b] = effectiveWindow(p, ctx);
  return p.cursor === null ? b : clamp(p.cursor, a, b);
}

/** The days whose events are on the map: [from, cursor], or the trailing window in "window" mode. */
export function visibleSpan(p: Playback, ctx: PlaybackContext): [number, number] {
  const [a] = effectiveWindow(p, ctx);
  const c = cursorOf(p, ctx);
  return [p.mode === "cumulative" ? a : Math.max(a, c - p.slideDays + 1), c];
}

/** The brushed window a view's `from`/`to` name; a half-open window takes the data's end. */
export function windowOf(from: string | null, to: string | null, domain: readonly [number, number]): Playback["window"] {
  return from === null && to === null ? null : [from === null ? domain[0] : dayOf(from), to === null ? domain[1] : dayOf(to)];
}

/**
 * The start dates (inclusive, ISO) of the events a paused view at `cursor` shows, as the page
 * computes them from visibleSpan; null without a cursor, when the whole window shows. The API
 * applies it so a shared link with `t=` returns what the page lists.
 */
export function cursorSpan(
  v: { from: string | null; to: string | null; cursor: string | null; mode: PlaybackMode; slideDays: number },
  domain: readonly [number, number],
): [string, string] | null {
  if (v.cursor === null) return null;
  const p: Playback = { ...INITIAL_PLAYBACK, window: windowOf(v.from, v.to, domain), cursor: dayOf(v.cursor), mode: v.mode, slideDays: v.slideDays };
  const [lo, hi] = visibleSpan(p, { domain, eventDays: new Float64Array() });
  return [isoOf(Math.ceil(lo)), isoOf(Math.floor(hi))];
}

function firstAfter(days: Float64Array, d: number): number | null {
  const i = lowerBound(days, d, true);
  return i < days.length ? days[i]! : null;
}

function lastBefore(days: Float64Array, d: number): number | null {
  const i = lowerBound(days, d);
  return i > 0 ? days[i - 1]! : null;
}

export function playbackReducer(p: Playback, action: PlaybackAction, ctx: PlaybackContext): Playback {
  const [a, b] = effectiveWindow(p, ctx);
  const c = cursorOf(p, ctx);
  switch (action.type) {
    case "play":
      // Playing from the end would show nothing new: start over from the window's start.
      return { ...p, playing: true, cursor: c >= b ? a : c };
    case "pause":
      return { ...p, playing: false, cursor: c };
    case "toggle":
      return playbackReducer(p, { type: p.playing ? "pause" : "play" }, ctx);
    case "tick": {
      if (!p.playing) return p;
      const next = c + (action.ms / 1000) * p.speed;
      if (next < b) return { ...p, cursor: next };
      return p.loop ? { ...p, cursor: a } : { ...p, cursor: b, playing: false };
    }
    case "seek":
      return { ...p, playing: false, cursor: clamp(action.day, a, b) };
    case "step": {
      const target =
        action.direction > 0 ? firstAfter(ctx.eventDays, Math.floor(c)) : lastBefore(ctx.eventDays, Math.floor(c));
      const day = target === null ? (action.direction > 0 ? b : a) : clamp(target, a, b);
      return { ...p, playing: false, cursor: day };
    }
    case "home":
      return { ...p, cursor: a };
    case "end":
      return { ...p, playing: false, cursor: null };
    case "setWindow": {
      const next = { ...p, window: action.window };
      if (p.cursor === null) return next;
      const [na, nb] = effectiveWindow(next, ctx);
      return { ...next, cursor: clamp(p.cursor, na, nb) };
    }
    case "setSpeed":
      return { ...p, speed: action.speed };
    case "setMode":
      return { ...p, mode: action.mode };
    case "setSlideDays":
      return { ...p, slideDays: Math.max(1, Math.round(action.days)) };
    case "setLoop":
      return { ...p, loop: action.loop };
  }
}
