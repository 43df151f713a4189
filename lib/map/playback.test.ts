import { describe, expect, it } from "vitest";
import { cursorOf, effectiveWindow, INITIAL_PLAYBACK, playbackReducer, visibleSpan, type Playback, type PlaybackAction } from "./playback";

const ctx = { domain: [100, 200] as const, eventDays: new Float64Array([100, 120, 120, 150, 200]) };
const run = (actions: PlaybackAction[], from: Playback = INITIAL_PLAYBACK) => actions.reduce((p, a) => playbackReducer(p, a, ctx), from);

describe("playback", () => {
  it("starts at the end of the data, showing everything", () => {
    expect(cursorOf(INITIAL_PLAYBACK, ctx)).toBe(200);
    expect(visibleSpan(INITIAL_PLAYBACK, ctx)).toEqual([100, 200]);
  });

  it("plays from the start when at the end, and advances by speed × time", () => {
    const p = run([{ type: "play" }, { type: "tick", ms: 500 }]);
    expect(p.playing).toBe(true);
    expect(p.cursor).toBe(100 + 0.5 * INITIAL_PLAYBACK.speed);
  });

  it("stops at the end of the window, or loops to its start", () => {
    const stop = run([{ type: "setWindow", window: [110, 130] }, { type: "play" }, { type: "tick", ms: 60_000 }]);
    expect(stop).toMatchObject({ playing: false, cursor: 130 });
    const loop = run([{ type: "setLoop", loop: true }, { type: "setWindow", window: [110, 130] }, { type: "play" }, { type: "tick", ms: 60_000 }]);
    expect(loop).toMatchObject({ playing: true, cursor: 110 });
  });

  it("ignores ticks while paused", () => {
    const p = run([{ type: "home" }]);
    expect(run([{ type: "tick", ms: 1000 }], p)).toBe(p);
  });

  it("steps between event days and pauses", () => {
    let p = run([{ type: "home" }, { type: "play" }, { type: "step", direction: 1 }]);
    expect(p).toMatchObject({ cursor: 120, playing: false });
    p = run([{ type: "step", direction: 1 }], p);
    expect(p.cursor).toBe(150);
    p = run([{ type: "step", direction: -1 }], p);
    expect(p.cursor).toBe(120);
    p = run([{ type: "step", direction: -1 }, { type: "step", direction: -1 }], p);
    expect(p.cursor).toBe(100);
  });

  it("Home and End go to the window's ends", () => {
    expect(cursorOf(run([{ type: "home" }]), ctx)).toBe(100);
    expect(run([{ type: "home" }, { type: "end" }]).cursor).toBeNull();
  });

  it("keeps the window inside the data and the cursor inside the window", () => {
    const p = run([{ type: "seek", day: 190 }, { type: "setWindow", window: [160, 20] }]);
    expect(effectiveWindow(p, ctx)).toEqual([100, 160]);
    expect(p.cursor).toBe(160);
    expect(run([{ type: "seek", day: 5000 }]).cursor).toBe(200);
  });

  it("shows a trailing window in window mode", () => {
    const p = run([{ type: "setMode", mode: "window" }, { type: "setSlideDays", days: 10 }, { type: "seek", day: 150 }]);
    expect(visibleSpan(p, ctx)).toEqual([141, 150]);
  });

  it("toggles between play and pause", () => {
    const p = run([{ type: "home" }, { type: "toggle" }]);
    expect(p.playing).toBe(true);
    expect(run([{ type: "toggle" }], p).playing).toBe(false);
  });
});
