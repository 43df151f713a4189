"use client";
/** Play/pause, stepping, speed, cumulative or trailing window, loop, and the current date. */
import { SPEEDS } from "@/lib/map/playback";
import { formatDay, isoOf } from "@/lib/map/time";
import type { Dispatch, ViewState } from "./view-state";

const WINDOW_CHOICES = [7, 30, 90, 365];

/** Button glyphs as SVG: the UI font has no media-control characters. */
const GLYPHS = {
  start: "M5 4h2v16H5zM20 4v16L9 12z",
  previous: "M18 4v16L7 12zM5 4h2v16H5z",
  play: "M7 4v16l13-8z",
  pause: "M6 4h4v16H6zM14 4h4v16h-4z",
  next: "M6 4v16l11-8zM17 4h2v16h-2z",
  end: "M4 4v16l11-8zM17 4h2v16h-2z",
} as const;

const Glyph = ({ name }: { name: keyof typeof GLYPHS }) => (
  <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
    <path d={GLYPHS[name]} fill="currentColor" />
  </svg>
);

type Props = {
  state: Pick<ViewState, "playing" | "speed" | "mode" | "slideDays" | "loop">;
  cursor: number;
  window: readonly [number, number];
  windowSet: boolean;
  shown: number;
  dispatch: Dispatch;
};

export function PlaybackControls({ state, cursor, window, windowSet, shown, dispatch }: Props) {
  const modeValue = state.mode === "cumulative" ? "cumulative" : `window-${state.slideDays}`;
  return (
    <div className="playback" role="group" aria-label="Playback">
      <div className="pb-buttons">
        <button type="button" onClick={() => dispatch({ type: "home" })} aria-label="Go to start" title="Start (Home)">
          <Glyph name="start" />
        </button>
        <button type="button" onClick={() => dispatch({ type: "step", direction: -1 })} aria-label="Previous event" title="Previous event (←)">
          <Glyph name="previous" />
        </button>
        <button
          type="button"
          className="pb-play"
          onClick={() => dispatch({ type: "toggle" })}
          aria-label={state.playing ? "Pause" : "Play"}
          title={state.playing ? "Pause (Space)" : "Play (Space)"}
        >
          <Glyph name={state.playing ? "pause" : "play"} />
        </button>
        <button type="button" onClick={() => dispatch({ type: "step", direction: 1 })} aria-label="Next event" title="Next event (→)">
          <Glyph name="next" />
        </button>
        <button type="button" onClick={() => dispatch({ type: "end" })} aria-label="Go to end" title="End (End)">
          <Glyph name="end" />
        </button>
      </div>
      <p className="pb-date">
        <time dateTime={isoOf(cursor)} data-testid="cursor-date">
          {formatDay(cursor)}
        </time>
        <span className="pb-count">
          {shown.toLocaleString("en")} event{shown === 1 ? "" : "s"}
        </span>
      </p>
      <div className="pb-options">
        <label>
          <span className="sr-only">Speed</span>
          <select value={state.speed} onChange={(e) => dispatch({ type: "setSpeed", speed: Number(e.target.value) })} aria-label="Speed">
            {SPEEDS.map((s) => (
              <option key={s.daysPerSecond} value={s.daysPerSecond}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">Show</span>
          <select
            value={modeValue}
            aria-label="Show"
            onChange={(e) => {
              const v = e.target.value;
              if (v === "cumulative") dispatch({ type: "setMode", mode: "cumulative" });
              else {
                dispatch({ type: "setSlideDays", days: Number(v.split("-")[1]) });
                dispatch({ type: "setMode", mode: "window" });
              }
            }}
          >
            <option value="cumulative">All up to date</option>
            {WINDOW_CHOICES.map((d) => (
              <option key={d} value={`window-${d}`}>
                Last {d} days
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={state.loop} onClick={() => dispatch({ type: "setLoop", loop: !state.loop })} title="Loop playback">
          Loop
        </button>
        {windowSet && (
          <button type="button" onClick={() => dispatch({ type: "setWindow", window: null })} title="Show the whole time range">
            {formatDay(window[0])} – {formatDay(window[1])} ✕
          </button>
        )}
      </div>
    </div>
  );
}
