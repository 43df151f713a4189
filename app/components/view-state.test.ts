import { describe, expect, it } from "vitest";
import { dayOf } from "@/lib/map/time";
import { DEFAULT_VIEW, parseView, serializeView } from "@/lib/url-state";
import { fromView, playbackOf, toView, viewReducer, type ViewAction } from "./view-state";

const ctx = { domain: [dayOf("2019-12-27"), dayOf("2024-01-01")] as const, eventDays: new Float64Array([dayOf("2019-12-27"), dayOf("2020-01-03"), dayOf("2024-01-01")]) };
const run = (actions: ViewAction[]) => actions.reduce((s, action) => viewReducer(s, { action, ctx }), fromView(DEFAULT_VIEW));

describe("view state", () => {
  it("round-trips the URL's view", () => {
    const { view } = parseView(new URLSearchParams("from=2020-01-01&t=2020-06-01&f=drone&ev=some-event&mode=window&speed=7"));
    expect(toView(fromView(view))).toEqual(view);
  });

  it("keeps playback in the URL's fields: window as from/to, cursor as a day", () => {
    const s = run([{ type: "setWindow", window: [dayOf("2020-01-01"), dayOf("2021-01-01")] }, { type: "home" }, { type: "play" }, { type: "tick", ms: 1000 }]);
    expect(s).toMatchObject({ from: "2020-01-01", to: "2021-01-01", playing: true });
    expect(toView(s).cursor).toBe("2020-01-31");
    expect(serializeView(toView(s))).toBe("from=2020-01-01&to=2021-01-01&t=2020-01-31");
  });

  it("reads a half-open window against the data's range", () => {
    const s = fromView({ ...DEFAULT_VIEW, from: "2020-01-01" });
    expect(playbackOf(s, ctx).window).toEqual([dayOf("2020-01-01"), dayOf("2024-01-01")]);
  });

  it("selects, highlights, moves the camera and filters", () => {
    const s = run([
      { type: "select", id: "e1" },
      { type: "highlight", chain: "c1" },
      { type: "camera", camera: { lat: 33, lon: 44, zoom: 5, bearing: 0 } },
      { type: "filters", filters: { families: ["drone"] } },
    ]);
    expect(s).toMatchObject({ selected: "e1", highlight: "c1", camera: { zoom: 5 }, families: ["drone"] });
    expect(serializeView(toView(s))).toBe("f=drone&c=33,44,5&ev=e1&hl=c1");
  });

  it("keeps the trailing window's width in the view, for a link to show the same events", () => {
    const s = run([{ type: "setSlideDays", days: 90 }, { type: "setMode", mode: "window" }]);
    expect(serializeView(toView(s))).toBe("mode=window&win=90");
  });

  it("restores a view from the URL whole: playback stops, the loop setting stays, and the restore is counted", () => {
    const { view } = parseView(new URLSearchParams("f=rocket&t=2020-01-03&ev=e2&c=30,40,6"));
    const playing = run([{ type: "select", id: "e1" }, { type: "setLoop", loop: true }, { type: "play" }]);
    const s = viewReducer(playing, { action: { type: "restore", view }, ctx });
    expect(toView(s)).toEqual(view);
    expect(s).toMatchObject({ playing: false, loop: true, restores: playing.restores + 1 });
  });

  it("returns the same state for an action that changes nothing", () => {
    const s = fromView(DEFAULT_VIEW);
    expect(viewReducer(s, { action: { type: "tick", ms: 16 }, ctx })).toBe(s);
  });
});
