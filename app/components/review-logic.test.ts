import { describe, expect, it } from "vitest";
import type { EventFeature, EventProperties } from "@/lib/api";
import type { LogEntry } from "@/lib/overrides";
import { actorsOf, describeEntry, draftOf, editPayload, parseFigures, passage } from "./review-logic";

const props: EventProperties = {
  id: "x-2024-02-02-airstrike-1",
  title: "Air strikes near Al Qaim",
  dateStart: "2024-02-02",
  dateEnd: "2024-02-02",
  datePrecision: "day",
  family: "airstrike",
  attacker: "united-states",
  attackerName: "United States",
  attackerColor: null,
  target: "quds-force",
  targetName: "Quds Force",
  targetLabel: null,
  placeName: "Al Qaim",
  geoPrecision: 2,
  placeKind: "city",
  country: "IQ",
  areaKm: null,
  killed: null,
  injured: { low: 2, high: 4 },
  claim: "claimed",
  note: "",
  status: "extracted",
  provenance: "extracted",
  outlets: [],
  sourceCount: 1,
  chainId: null,
};

const entry = (over: Partial<LogEntry>): LogEntry => ({
  id: 1,
  time: "2026-12-04T18:00:00.000Z",
  author: "analyst",
  action: "reject-event",
  targetId: props.id,
  payload: {},
  reason: null,
  undoneAt: null,
  undoneBy: null,
  ...over,
});

describe("figures as typed", () => {
  it("reads empty as unknown, one figure as low = high, and refuses the rest", () => {
    expect(parseFigures("", " ", "Killed")).toEqual({ ok: true, value: null });
    expect(parseFigures("3", "", "Killed")).toEqual({ ok: true, value: { low: 3, high: 3 } });
    expect(parseFigures("", "12", "Killed")).toEqual({ ok: true, value: { low: 12, high: 12 } });
    expect(parseFigures("2", "5", "Killed")).toEqual({ ok: true, value: { low: 2, high: 5 } });
    expect(parseFigures("5", "2", "Injured")).toEqual({ ok: false, message: "Injured: the low figure is above the high one" });
    for (const bad of ["-1", "2.5", "three", "1e3"]) expect(parseFigures(bad, "", "Killed").ok).toBe(false);
  });
});

describe("the details edit", () => {
  it("asks for nothing when nothing changed", () => {
    expect(editPayload(props, draftOf(props))).toEqual({ ok: false, message: "Nothing changed" });
  });

  it("sends only what changed, with none as null", () => {
    const d = { ...draftOf(props), target: "", killed: { low: "7", high: "9" }, injured: { low: "", high: "" }, targetLabel: "  depot  " };
    expect(editPayload(props, d)).toEqual({ ok: true, value: { target: null, targetLabel: "depot", killed: { low: 7, high: 9 }, injured: null } });
  });

  it("names the bad figure", () => {
    expect(editPayload(props, { ...draftOf(props), killed: { low: "x", high: "" } })).toEqual({ ok: false, message: "Killed: whole numbers, or empty for unknown" });
  });
});

describe("the passage around a span", () => {
  const text = "First sentence here. The strike hit the depot at night. Last words of it.";
  const span = { start: text.indexOf("The strike"), end: text.indexOf(" Last") };

  it("keeps the span and cuts the context at word boundaries", () => {
    const p = passage(text, span, 8);
    expect(text.slice(p.start, p.end)).toBe("The strike hit the depot at night.");
    expect(p.from).toBeLessThanOrEqual(p.start);
    expect(p.to).toBeGreaterThanOrEqual(p.end);
    expect(text[p.from - 1]).toBe(" ");
    expect(text[p.to]).toBe(" ");
  });

  it("shows the whole text when the context reaches both ends, and clamps a span past the end", () => {
    expect(passage(text, span, 1000)).toMatchObject({ from: 0, to: text.length });
    expect(passage(text, { start: 60, end: 500 }, 0)).toMatchObject({ start: 60, end: text.length });
    expect(passage(text, { start: 900, end: 950 }, 10)).toMatchObject({ start: text.length, end: text.length });
  });
});

describe("log entries in words", () => {
  const titles = new Map([[props.id, props.title], ["a-cause", "Drone attack on Tower 22"]]);

  it("names the event, or a link's two events, by title, and what was set", () => {
    expect(describeEntry(entry({}), titles)).toBe("Rejected Air strikes near Al Qaim");
    expect(describeEntry(entry({ action: "move-place", payload: { lat: 34.3921, lon: 40.9886, name: "Al-Qaim", precision: 1 } }), titles)).toBe(
      "Moved Air strikes near Al Qaim to Al-Qaim (34.392, 40.989), exact site or town",
    );
    expect(describeEntry(entry({ action: "edit-event", payload: { killed: { low: 7, high: 9 }, family: "drone", target: null } }), titles)).toBe(
      "Edited Air strikes near Al Qaim killed: 7–9, family: Drone strike, target: unknown",
    );
    expect(describeEntry(entry({ action: "add-link", targetId: `a-cause--${props.id}`, payload: { kind: "retaliation" } }), titles)).toBe(
      "Added the link Drone attack on Tower 22 → Air strikes near Al Qaim (retaliation)",
    );
  });

  it("falls back to the id of an event the page does not know", () => {
    expect(describeEntry(entry({ targetId: "gone-event" }), titles)).toBe("Rejected gone-event");
  });
});

describe("actors to choose from", () => {
  const ev = (attacker: string, attackerName: string) => ({ properties: { attacker, attackerName, target: null, targetName: null } }) as unknown as EventFeature;
  it("offers every stored actor, not only those the shown events name, sorted by name", () => {
    const stored = [
      { id: "us", name: "United States" },
      { id: "kh", name: "Kata'ib Hezbollah" },
    ];
    expect(actorsOf(stored, [ev("us", "United States")]).map((a) => a.id)).toEqual(["kh", "us"]);
  });
  it("keeps an actor a shown event names that the stored list does not have yet", () => {
    expect(actorsOf([], [ev("irgc", "IRGC")])).toEqual([{ id: "irgc", name: "IRGC" }]);
  });
});
