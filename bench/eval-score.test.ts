import { describe, expect, it } from "vitest";
import { matches, scoreEvents, scoreLinks, type PredEvent, type TruthEvent } from "./eval-score";

const truth = (id: string, date: string, o: Partial<TruthEvent> = {}): TruthEvent => ({
  id,
  dateStart: date,
  dateEnd: date,
  families: ["airstrike"],
  place: { lat: 33.3, lon: 44.4, toleranceKm: 25 },
  ...o,
});
const pred = (id: string, date: string, o: Partial<PredEvent> = {}): PredEvent => ({ id, dateStart: date, dateEnd: date, family: "airstrike", lat: 33.3, lon: 44.4, uncertaintyKm: 10, ...o });

describe("eval scoring", () => {
  it("matches on family, overlapping dates (a day of slack) and place within both tolerances", () => {
    const t = truth("t", "2020-01-03");
    expect(matches(pred("p", "2020-01-02"), t)).toBe(true);
    expect(matches(pred("p", "2020-01-05"), t)).toBe(false);
    expect(matches(pred("p", "2020-01-03", { family: "drone" }), t)).toBe(false);
    expect(matches(pred("p", "2020-01-03", { family: "drone" }), t, true)).toBe(true);
    expect(matches(pred("p", "2020-01-03", { lat: 34.5 }), t)).toBe(false);
    expect(matches(pred("p", "2020-01-03", { lat: 34.5, uncertaintyKm: 300 }), t)).toBe(true);
  });

  it("assigns one to one, counts duplicates as false positives, and skips optional truths in recall", () => {
    const s = scoreEvents([pred("a", "2020-01-03"), pred("b", "2020-01-03"), pred("c", "2021-05-01")], [truth("t", "2020-01-03"), truth("o", "2021-05-01", { optional: true }), truth("m", "2022-01-01")]);
    expect(s).toMatchObject({ truePositives: 2, predicted: 3, required: 2, requiredFound: 1, missed: ["m"], extra: ["b"] });
    const l = scoreLinks([{ from: "a", to: "c" }, { from: "c", to: "a" }], [{ from: "t", to: "o" }], s.assignment);
    expect(l).toMatchObject({ requiredFound: 1, recall: 1, precision: 0.5 });
  });
});
