"use client";
/** Browser glue for playback: the frame clock, keyboard shortcuts and the reduced-motion preference. */
import { useEffect, useRef, useState } from "react";
import type { Dispatch, ViewAction } from "./view-state";

/** Longest frame counted: after a background tab or a stall, playback resumes instead of leaping. */
const MAX_FRAME_MS = 100;

/** Sends a `tick` with the elapsed time every animation frame while playing. */
export function usePlaybackClock(playing: boolean, dispatch: Dispatch) {
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      dispatch({ type: "tick", ms: Math.min(MAX_FRAME_MS, now - last) });
      last = now;
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, dispatch]);
}

/** Controls that use these keys themselves; a shortcut there would steal them. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return true;
  if (target.getAttribute("role") === "slider") return true;
  // Space activates a focused button or link; arrows and Home/End stay shortcuts there.
  return key === " " && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
}

/** Space plays or pauses, ←/→ step between events, Home/End jump to the window's ends. */
const KEY_ACTIONS: Readonly<Record<string, ViewAction>> = {
  " ": { type: "toggle" },
  ArrowLeft: { type: "step", direction: -1 },
  ArrowRight: { type: "step", direction: 1 },
  Home: { type: "home" },
  End: { type: "end" },
};

export function usePlaybackKeys(dispatch: Dispatch) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target, e.key)) return;
      const action = KEY_ACTIONS[e.key];
      if (!action) return;
      e.preventDefault();
      dispatch(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dispatch]);
}

export function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia("(prefers-reduced-motion: reduce)");
    setReduced(mq.matches);
    const on = () => setReduced(mq.matches);
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, []);
  return reduced;
}

/** Whether the viewport is phone-sized (the list is the main view there). */
export function useNarrow(maxWidth = 720): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia(`(max-width: ${maxWidth}px)`);
    setNarrow(mq.matches);
    const on = () => setNarrow(mq.matches);
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, [maxWidth]);
  return narrow;
}

/**
 * A pair of numbers that follows `value` at most every `ms` while it keeps changing, and always
 * settles on the last one: for views that need not redraw every animation frame. A new `key`
 * (the data the pair indexes into) passes `value` through at once, so it never points into
 * data it was not computed for.
 */
export function useThrottledPair(value: readonly [number, number], ms: number, key: unknown): readonly [number, number] {
  const [shown, setShown] = useState({ key, value });
  const last = useRef(0);
  const [a, b] = value;
  useEffect(() => {
    if (shown.key === key && shown.value[0] === a && shown.value[1] === b) return;
    const update = () => {
      last.current = performance.now();
      setShown({ key, value: [a, b] });
    };
    if (shown.key !== key) return update();
    const t = setTimeout(update, Math.max(0, last.current + ms - performance.now()));
    return () => clearTimeout(t);
  }, [a, b, ms, key, shown]);
  return shown.key === key ? shown.value : value;
}
