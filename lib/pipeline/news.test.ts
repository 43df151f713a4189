/**
 * Unit tables for how news is written, beyond the seed articles: the failures issue 9 names, and
 * the constructions of the development news corpus (../shared/eval/news), each in our own
 * invented words, never the corpus's sentences.
 */
import { describe, expect, it } from "vitest";
import { findDates } from "./dates";
import { calibrated } from "./events";
import { findTriggers, frames } from "./families";
import { findPlaces } from "./places";
import { runPipeline } from "./index";
import { curatedActors, fakeGeocode } from "./testing/fixtures";

const deps = { geocode: fakeGeocode, actors: curatedActors() };
const run = (text: string, published?: string) => runPipeline({ text, meta: published ? { published } : {}, hints: [] }, deps);
const fams = (s: string) => frames(s, findTriggers(s), []).map((f) => f.family);
const d = (text: string, pub: string | null) => findDates(text, pub).map((f) => `${f.start}..${f.end} ${f.precision}`);

describe("the failures issue 9 names", () => {
  it("Tower 22 / Al Qaim one-liner published Saturday 3 February 2024: the drone attack on 28 January, the strikes on Friday 2 February, one link, no invented airstrike", () => {
    const out = run("U.S. forces struck targets near Al Qaim on Friday in response to the drone attack on Tower 22 last Sunday.", "2024-02-03");
    const summary = out.events.map((e) => [e.family, e.dateStart, e.dateEnd, e.place?.name]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["drone", "2024-01-28", "2024-01-28", "Tower 22"],
        ["airstrike", "2024-02-02", "2024-02-02", "near Al Qaim"],
      ]),
    );
    expect(out.events).toHaveLength(2);
    const drone = out.events.find((e) => e.family === "drone")!;
    const strikes = out.events.find((e) => e.family === "airstrike")!;
    expect(out.links.map((l) => [l.from, l.to])).toEqual([[drone.key, strikes.key]]);
  });

  it("resolves weekdays backwards from publication: 'last Sunday' on a Saturday is six days before", () => {
    expect(d("the attack last Sunday", "2024-02-03")).toEqual(["2024-01-28..2024-01-28 day"]);
    // Said the day after, "last Thursday" may mean either Thursday: the range keeps both.
    expect(d("the salvo last Thursday", "2023-04-14")).toEqual(["2023-04-06..2023-04-13 week"]);
  });
});

describe("how the news corpus writes", () => {
  it("reads Arabic place names with their article and not whose forces took part", () => {
    const places = (t: string) => findPlaces(t, () => false).map((p) => p.mention);
    expect(places("gunmen attacked troops in the vicinity of Dar as Salam, Somalia, on Monday")).toEqual(["Dar as Salam", "Somalia"]);
    expect(places("with the militaries of Mali, Chad and Niger the army launched an operation around the town of Boni")).toEqual(["Boni"]);
  });

  it("takes the country named after a town over a homonym elsewhere", () => {
    const geocode: typeof fakeGeocode = (mention) => {
      const at = { "dar as salam": [-6.8, 39.3, 1, "city", "TZ"], somalia: [5.15, 46.2, 4, "country", "SO"] }[mention.toLowerCase()];
      if (!at) return { resolved: false as const, mention, reason: "unknown" };
      const [lat, lon, precision, kind, country] = at as [number, number, 1 | 4, "city" | "country", string];
      return { resolved: true as const, mention, name: mention, lat, lon, precision, kind, country, confidence: 0.9, alternatives: [], source: "curated" as const };
    };
    const out = runPipeline({ text: "Gunmen attacked soldiers in the vicinity of Dar as Salam, Somalia, on 24 August 2020; U.S. aircraft answered with an airstrike.", meta: {}, hints: [] }, { geocode, actors: curatedActors() });
    expect(out.events.length).toBeGreaterThan(0);
    for (const e of out.events) expect(e.place?.country).toBe("SO");
  });

  it("tells no attack by an air raid siren or shelter", () => {
    expect(fams("The air raid siren was not activated.")).toEqual([]);
    expect(fams("Residents ran to air raid shelters.")).toEqual([]);
    expect(fams("An air raid hit the port.")).toEqual(["airstrike"]);
  });

  it("dates 'one day after' from the attack answered, past the latest date an encyclopedic page names", () => {
    // No publication date: the latest full date named (19 July) is only a lower bound.
    const out = run("Rebels fired a drone at a tower in Baghdad on 19 July 2024.\n\nThe Israeli military responded one day after by striking a depot near Kirkuk.");
    expect(out.publishedFrom).toBe("latest full date in the text");
    expect(out.events.map((e) => [e.family, e.dateStart, e.dateEnd])).toEqual([
      ["drone", "2024-07-19", "2024-07-19"],
      ["airstrike", "2024-07-20", "2024-07-20"],
    ]);
    expect(out.links.map((l) => [l.from, l.to])).toEqual([[0, 1]]);
  });

  it("links a strike on a group to the attack the group made just before ('after they attacked'), on the same day range", () => {
    const out = run("U.S. forces conducted an airstrike targeting Hamas fighters after they attacked troops near Kirkuk on March 3, 2021.", "2021-03-04");
    const ground = out.events.find((e) => e.family === "ground")!;
    const strike = out.events.find((e) => e.family === "airstrike")!;
    expect(ground).toMatchObject({ attacker: "hamas", dateStart: "2021-03-03" });
    expect(strike).toMatchObject({ attacker: "united-states", target: "hamas" });
    expect(strike.dateStart >= "2021-03-03" && strike.dateEnd <= "2021-03-04").toBe(true);
    expect(out.links.map((l) => [l.from, l.to])).toEqual([[ground.key, strike.key]]);
  });

  it("calibrates confidence by what tells right from wrong on the tune half: a named town, a region or country, a borrowed place", () => {
    const place = (precision: 1 | 2 | 3 | 4, confidence: number) => ({ name: "x", lat: 0, lon: 0, precision, kind: "city" as const, country: null, confidence, source: "curated" });
    expect(calibrated(0.9, place(1, 0.9))).toBeGreaterThanOrEqual(0.8);
    expect(calibrated(0.6, place(2, 0.9))).toBe(0.8);
    expect(calibrated(0.95, place(4, 0.9))).toBeLessThan(0.8);
    expect(calibrated(0.95, place(1, 0.4))).toBeLessThan(0.6);
    const out = run("Rebels fired rockets at Iraq on March 3, 2021.", "2021-03-04");
    expect(out.events[0]!.confidence).toBeLessThan(0.8);
  });
});
