import * as turf from "@turf/turf";
import { describe, expect, it } from "vitest";
import { ARC_STEPS, arcFeatures, arcPath, arcsInView, arcsKey, prepareArcs, screenBearing } from "./arcs";
import { SAMPLE_EVENTS, SAMPLE_LINKS } from "./fixtures/sample";
import { dayOf } from "./time";

const byId = new Map(SAMPLE_EVENTS.map((e) => [e.id, e]));

describe("arc geometry", () => {
  it("runs from cause to effect and bows to the left of travel", () => {
    const from = [44.39, 35.47];
    const to = [41.1, 34.4];
    const path = arcPath(from, to);
    expect(path).toHaveLength(ARC_STEPS + 1);
    expect(path[0]).toEqual(from);
    expect(path[ARC_STEPS]![0]).toBeCloseTo(to[0]!);
    // Travelling west, left is south: the middle of the curve lies south of the chord's midpoint.
    expect(path[ARC_STEPS / 2]![1]!).toBeLessThan(turf.midpoint(from, to).geometry.coordinates[1]!);
    // The reverse trip bends the other way.
    expect(arcPath(to, from)[ARC_STEPS / 2]![1]!).toBeGreaterThan(turf.midpoint(from, to).geometry.coordinates[1]!);
  });

  it("draws a visible loop between events at the same place", () => {
    const p = arcPath([34.45, 31.45], [34.45, 31.45]);
    const far = Math.max(...p.map((q) => turf.distance([34.45, 31.45], q)));
    expect(far).toBeGreaterThan(10);
  });

  it("measures arrow angles on screen, clockwise from north", () => {
    expect(screenBearing([0, 0], [0, 1])).toBeCloseTo(0);
    expect(screenBearing([0, 0], [1, 0])).toBeCloseTo(90);
    expect(screenBearing([0, 0], [0, -1])).toBeCloseTo(180);
  });
});

describe("arcs in view", () => {
  const arcs = prepareArcs(SAMPLE_LINKS, byId);

  it("prepares one curve per link whose events are known, by effect day", () => {
    expect(arcs.map((a) => a.link.id)).toEqual(["l1", "l2", "l3", "l4", "l5"]);
    expect(prepareArcs([{ ...SAMPLE_LINKS[0]!, to: "missing" }], byId)).toEqual([]);
  });

  it("shows an arc once its effect is reached and both its events are visible", () => {
    const visible = new Set(["k1-rockets", "us-strikes-kh", "embassy-storming"]);
    const list = arcsInView(arcs, (id) => visible.has(id), dayOf("2019-12-31"), 0);
    expect(list.map((a) => a.arc.link.id)).toEqual(["l1", "l2"]);
    expect(list.every((a) => a.progress === 1)).toBe(true);
  });

  it("grows an arc over drawDays while playing, and labels it when complete", () => {
    const all = () => true;
    const half = arcsInView(arcs, all, dayOf("2019-12-29") + 0.5, 1).find((a) => a.arc.link.id === "l1")!;
    expect(half.progress).toBeCloseTo(0.5);
    const f = arcFeatures([half]);
    expect(f.lines.features[0]!.geometry.coordinates.length).toBeLessThan(ARC_STEPS + 1);
    expect(f.heads.features).toHaveLength(1);
    expect(f.labels.features).toHaveLength(0);
    const done = arcFeatures(arcsInView(arcs, all, dayOf("2019-12-29") + 2, 1).filter((a) => a.arc.link.id === "l1"));
    expect(done.labels.features[0]!.properties.label).toBe("+2 days");
  });

  it("keys change only when what is drawn changes", () => {
    const all = () => true;
    const a = arcsKey(arcsInView(arcs, all, dayOf("2024-01-01"), 0));
    expect(a).toBe(arcsKey(arcsInView(arcs, all, dayOf("2024-02-01"), 0)));
    expect(a).not.toBe(arcsKey(arcsInView(arcs, all, dayOf("2020-01-01"), 0)));
  });

  it("keeps only the most recent arcs beyond the limit", () => {
    const list = arcsInView(arcs, () => true, dayOf("2024-01-01"), 0, 2);
    expect(list.map((a) => a.arc.link.id)).toEqual(["l4", "l5"]);
  });
});
