import { describe, expect, it } from "vitest";
import { stripCorpusHeader, type NewsTruthEvent } from "../lib/pipeline/testing/news-corpus";
import { calibration } from "./eval-news";
import { matches, matchesNews, onNoisePoint, scoreEvents, scoreLinks, scoreNewsEvents, type PredEvent, type TruthEvent } from "./eval-score";

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

describe("news corpus scoring", () => {
  const t: NewsTruthEvent = { id: "t", date: "2024-01-28", dateAlt: ["2024-01-29"], lat: 33.3, lon: 44.4, tolKm: 25 };
  it("ignores family, takes the date, a date_alt or an honest span of at most a month, and the point within tol_km", () => {
    expect(matchesNews(pred("p", "2024-01-28", { family: "artillery" }), t)).toBe(true);
    expect(matchesNews(pred("p", "2024-01-29"), t)).toBe(true);
    expect(matchesNews(pred("p", "2024-01-27"), t)).toBe(false);
    expect(matchesNews(pred("p", "2024-01-01", { dateEnd: "2024-01-31" }), t)).toBe(true);
    expect(matchesNews(pred("p", "2023-12-01", { dateEnd: "2024-01-31" }), t)).toBe(false);
    expect(matchesNews(pred("p", "2024-01-28", { lat: 33.6, uncertaintyKm: 400 }), t)).toBe(false);
  });
  it("lets a month-level truth take any day of that month, one to one", () => {
    const m: NewsTruthEvent = { ...t, id: "m", date: "2016-10", dateAlt: [] };
    const s = scoreNewsEvents([pred("a", "2016-10-09"), pred("b", "2016-10-12"), pred("c", "2016-11-01")], [m]);
    expect(s).toMatchObject({ truePositives: 1, predicted: 3, extra: ["b", "c"] });
  });
  it("counts an event within 100 km of a noise point as placed on it", () => {
    expect(onNoisePoint({ lat: 38.9, lon: -77.5 }, [{ lat: 38.9, lon: -77.04 }])).toBe(true);
    expect(onNoisePoint({ lat: 36.9, lon: -77.04 }, [{ lat: 38.9, lon: -77.04 }])).toBe(false);
  });
  it("cuts the SOURCE/LICENSE header, which is not article text", () => {
    expect(stripCorpusHeader("SOURCE: https://x.example DATE: 2024-02-03\nLICENSE: PD\n\nBody line\nmore")).toBe("Body line\nmore");
    expect(stripCorpusHeader("No header\n")).toBe("No header\n");
  });
  it("bins confidences for the calibration table", () => {
    const c = calibration([{ confidence: 0.95, right: true }, { confidence: 0.8, right: false }, { confidence: 0.55, right: true }]);
    expect(c.atLeast08).toEqual({ events: 2, right: 1 });
    expect(c.rows.find((r) => r.from === 0.5)).toMatchObject({ events: 1, right: 1 });
    expect(c.rows.find((r) => r.from === 0.9)).toMatchObject({ events: 1, right: 1, to: 1 });
  });
});
