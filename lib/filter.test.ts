import { describe, expect, it } from "vitest";
import type { EventFeature, EventProperties, LinkOut } from "./api";
import { eventMatcher, filterView, foldText } from "./filter";
import { DEFAULT_VIEW, parseView, type ViewFilters } from "./url-state";

function ev(id: string, p: Partial<EventProperties> = {}): EventFeature {
  return {
    type: "Feature",
    id,
    geometry: { type: "Point", coordinates: [44, 33] },
    properties: {
      id,
      title: `Event ${id}`,
      dateStart: "2020-01-01",
      dateEnd: "2020-01-01",
      datePrecision: "day",
      family: "rocket",
      attacker: null,
      attackerName: null,
      attackerColor: null,
      target: null,
      targetName: null,
      targetLabel: null,
      placeName: "Somewhere",
      geoPrecision: 1,
      placeKind: "city",
      country: "IQ",
      areaKm: null,
      killed: null,
      injured: null,
      claim: "unknown",
      note: "",
      status: "reviewed",
      provenance: "curated",
      outlets: [],
      sourceCount: 1,
      chainId: null,
      ...p,
    },
  };
}

const link = (from: string, to: string, chainId: string): LinkOut => ({
  id: `${from}>${to}`,
  from,
  to,
  kind: "retaliation",
  method: "curated",
  confidence: 1,
  status: "reviewed",
  note: null,
  evidence: null,
  delayDays: 1,
  chainId,
});

const EVENTS = [
  ev("a", { dateStart: "2019-12-27", dateEnd: "2019-12-27", family: "rocket", attacker: "kh", attackerName: "Kata'ib Hezbollah", target: "us", targetName: "United States", country: "IQ", killed: { low: 1, high: 1 }, claim: "attributed", outlets: ["Defense Department", "Reason"], chainId: "a", placeName: "near Kirkuk", note: "Thirty-one rockets struck a base." }),
  ev("b", { dateStart: "2019-12-29", dateEnd: "2019-12-29", family: "airstrike", attacker: "us", attackerName: "United States", target: "kh", country: "SY", killed: { low: 19, high: 25 }, claim: "claimed", outlets: ["Reason"], chainId: "a", title: "U.S. strikes in al-Qāʼim" }),
  ev("c", { dateStart: "2020-03-01", dateEnd: "2020-03-31", datePrecision: "month", family: "drone", attacker: "iran", target: "us", country: null, killed: null, claim: "denied", outlets: ["Le Monde"], chainId: null, note: "Une frappe à Téhéran." }),
  ev("d", { dateStart: "2020-04-02", dateEnd: "2020-04-02", family: "rocket", attacker: "kh", target: "us", country: "IQ", killed: { low: 0, high: 3 }, claim: "claimed", outlets: [], chainId: "d" }),
  ev("e", { dateStart: "2020-04-05", dateEnd: "2020-04-05", family: "airstrike", attacker: "us", target: "kh", country: "IQ", killed: { low: 5, high: 5 }, claim: "claimed", outlets: ["The Times of Israel"], chainId: "d" }),
];
const LINKS = [link("a", "b", "a"), link("d", "e", "d")];

const filters = (qs: string): ViewFilters => {
  const { view, dropped } = parseView(new URLSearchParams(qs));
  expect(dropped).toEqual([]);
  return view;
};
const ids = (qs: string) => filterView(EVENTS, LINKS, filters(qs)).events.map((e) => e.id);

describe("filterView", () => {
  it("shows everything, with counts, when nothing is filtered", () => {
    const r = filterView(EVENTS, LINKS, DEFAULT_VIEW);
    expect(r.events).toEqual(EVENTS);
    expect(r.links).toEqual(LINKS);
    expect(r.counts).toEqual({ shown: 5, total: 5 });
  });

  it("counts shown of total", () => {
    expect(filterView(EVENTS, LINKS, filters("f=rocket")).counts).toEqual({ shown: 2, total: 5 });
    expect(filterView([], [], DEFAULT_VIEW).counts).toEqual({ shown: 0, total: 0 });
  });

  it("filters by a date window that overlaps the event's date span", () => {
    expect(ids("from=2019-12-28")).toEqual(["b", "c", "d", "e"]);
    expect(ids("to=2019-12-28")).toEqual(["a"]);
    // A month-precision event shows in any window touching its month.
    expect(ids("from=2020-03-15&to=2020-03-16")).toEqual(["c"]);
    expect(ids("from=2020-03-31&to=2020-03-31")).toEqual(["c"]);
    expect(ids("from=2019-12-27&to=2019-12-27")).toEqual(["a"]);
  });

  it("filters by families, attackers, targets, countries and claim status (any of each, all of them together)", () => {
    expect(ids("f=rocket,drone")).toEqual(["a", "c", "d"]);
    expect(ids("atk=us")).toEqual(["b", "e"]);
    expect(ids("tgt=us")).toEqual(["a", "c", "d"]);
    expect(ids("atk=kh,iran&tgt=us")).toEqual(["a", "c", "d"]);
    expect(ids("cc=IQ")).toEqual(["a", "d", "e"]);
    expect(ids("cc=SY,IQ")).toEqual(["a", "b", "d", "e"]);
    expect(ids("claim=claimed")).toEqual(["b", "d", "e"]);
    expect(ids("claim=claimed&f=rocket&cc=IQ")).toEqual(["d"]);
  });

  it("does not match an unknown attacker or country with an actor or country filter", () => {
    expect(ids("cc=IR")).toEqual([]);
    expect(filterView([ev("z", { attacker: null })], [], filters("atk=kh")).events).toEqual([]);
  });

  it("filters by chain: all, only linked events, or one chain", () => {
    expect(ids("chain=all")).toEqual(["a", "b", "c", "d", "e"]);
    expect(ids("chain=linked")).toEqual(["a", "b", "d", "e"]);
    expect(ids("chain=d")).toEqual(["d", "e"]);
    expect(filterView(EVENTS, LINKS, filters("chain=d")).links).toEqual([LINKS[1]]);
    expect(ids("chain=nope")).toEqual([]);
  });

  it("filters by minimum killed against the highest figure, leaving out events without one", () => {
    expect(ids("minK=1")).toEqual(["a", "b", "d", "e"]);
    expect(ids("minK=3")).toEqual(["b", "d", "e"]);
    expect(ids("minK=20")).toEqual(["b"]);
    expect(ids("minK=26")).toEqual([]);
  });

  it("filters by source outlet, ignoring case and accents", () => {
    expect(ids("src=Reason")).toEqual(["a", "b"]);
    expect(ids("src=reason,The%20Times%20of%20Israel")).toEqual(["a", "b", "e"]);
    expect(ids("src=le%20mondé")).toEqual(["c"]);
  });

  it("searches titles, notes, places, actor names and outlets, ignoring case, accents and apostrophes", () => {
    expect(ids("q=kirkuk")).toEqual(["a"]);
    expect(ids("q=THIRTY-ONE")).toEqual(["a"]);
    expect(ids("q=kataib")).toEqual(["a"]);
    expect(ids("q=Kata'ib")).toEqual(["a"]);
    expect(ids("q=qaim")).toEqual(["b"]);
    expect(ids("q=al-Qā'im")).toEqual(["b"]);
    expect(ids("q=teheran")).toEqual(["c"]);
    expect(ids("q=Defense%20department")).toEqual(["a"]);
    expect(ids("q=united%20states")).toEqual(["a", "b"]);
    // Every word must occur, in any order.
    expect(ids("q=base%20thirty")).toEqual(["a"]);
    expect(ids("q=base%20nothing")).toEqual([]);
  });

  it("shows a link only when both its ends are shown", () => {
    expect(filterView(EVENTS, LINKS, filters("f=rocket")).links).toEqual([]);
    expect(filterView(EVENTS, LINKS, filters("from=2019-12-28")).links).toEqual([LINKS[1]]);
    expect(filterView(EVENTS, LINKS, filters("cc=IQ")).links).toEqual([LINKS[1]]);
  });

  it("keeps the input order and does not modify its input", () => {
    const before = JSON.stringify(EVENTS);
    const reversed = [...EVENTS].reverse();
    expect(filterView(reversed, LINKS, filters("f=rocket")).events.map((e) => e.id)).toEqual(["d", "a"]);
    expect(JSON.stringify(EVENTS)).toBe(before);
  });
});

describe("eventMatcher", () => {
  it("is the per-event test filterView uses", () => {
    const m = eventMatcher(filters("f=airstrike&minK=10"));
    expect(EVENTS.filter((e) => m(e.properties)).map((e) => e.id)).toEqual(["b"]);
  });
});

describe("foldText", () => {
  it("removes case, accents and apostrophes", () => {
    expect(foldText("Kataʼib Ḥizballāh")).toBe("kataib hizballah");
    expect(foldText("KATA'IB")).toBe("kataib");
    expect(foldText("Zürcher’s")).toBe("zurchers");
  });
});
