/**
 * The importers on real-shaped samples written for these tests (ACLED's and UCDP GED's column
 * sets, our own rows): counts, the mapping to families, dates, precisions, actors and casualty
 * ranges, and bad rows reported with their line and reason while the good ones are kept.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EventFeature } from "../api";
import { acledCsv } from "../export";
import { buildActorIndex } from "../pipeline/actors";
import { ACLED_COLUMNS } from "./acled";
import { csvCell, readCsvRecords } from "./csv";
import { parseImport } from "./index";
import { inferReversals } from "./links";
import { reversalLinks, type LinkableEvent } from "../pipeline/links";
import { FAMILIES } from "../schema";
import { parseFieldMap } from "./mapped";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const index = buildActorIndex([
  { id: "israel", name: "Israel", kind: "state", aliases: ["IDF"] },
  { id: "hezbollah", name: "Hezbollah", kind: "group", aliases: ["Hizballah"] },
  { id: "united-states", name: "United States", kind: "state", aliases: ["U.S."] },
  { id: "kataib-hezbollah", name: "Kata'ib Hezbollah", kind: "group", aliases: ["Kataib Hezbollah"] },
]);
const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));

describe("ACLED CSV", () => {
  const r = parseImport(fixture("acled-sample.csv"), "acled", index);
  const ev = byId(r.events);

  it("imports the 10 good rows of 15 and reports the 5 bad ones by line and reason", () => {
    expect(r.rows).toBe(15);
    expect(r.events).toHaveLength(10);
    expect(r.issues.map((i) => i.line)).toEqual([12, 13, 14, 15, 16]);
    expect(r.issues.map((i) => i.reason)).toEqual([
      'sub_event_type "Arrests" is no attack (nothing to map)',
      'latitude "north" is not a number',
      'event_date "2024-02-30" is not a date',
      "8 cells where the header has 31",
      'unknown sub_event_type "Bombing"',
    ]);
  });

  it("maps sub-event types to families (a roadside bomb is a bombing), refined by the weapon the notes name", () => {
    expect(ev.get("acled-irq1001")!.family).toBe("drone");
    expect(ev.get("acled-irq1002")!.family).toBe("missile");
    expect(ev.get("acled-irq1003")!.family).toBe("airstrike");
    expect(ev.get("acled-lbn2001")!.family).toBe("rocket");
    expect(ev.get("acled-irq1005")!.family).toBe("riot");
    expect(ev.get("acled-irq1006")!.family).toBe("bombing");
    expect(ev.get("acled-irq1001")!.subtype).toBe("Air/drone strike");
  });

  it("spans the date by time_precision and reads old-style dates", () => {
    expect(ev.get("acled-syr3001")).toMatchObject({ dateStart: "2024-01-30", dateEnd: "2024-02-05", datePrecision: "week" });
    expect(ev.get("acled-irq1006")).toMatchObject({ dateStart: "2023-11-01", dateEnd: "2023-11-30", datePrecision: "month", geoPrecision: 3, placeKind: "region" });
    expect(ev.get("acled-yem4001")).toMatchObject({ dateStart: "2024-01-12", datePrecision: "day", country: "YE" });
  });

  it("reconciles actors with the known ones through their aliases and creates the rest once", () => {
    expect(ev.get("acled-lbn2002")).toMatchObject({ attacker: "israel", target: "hezbollah" });
    expect(ev.get("acled-irq1003")).toMatchObject({ attacker: "united-states", target: "kataib-hezbollah" });
    expect(ev.get("acled-yem4001")).toMatchObject({ attacker: "united-kingdom", target: "houthis" });
    expect(ev.get("acled-irq1004")).toMatchObject({ attacker: "unidentified-armed-group", target: null, targetLabel: "Civilians (Iraq)" });
    expect(ev.get("acled-irq1005")!.attacker).toBe("protesters-iraq");
    const made = r.newActors.map((a) => a.id);
    expect(made).toContain("unidentified-armed-group");
    expect(made).not.toContain("israel");
    expect(new Set(made).size).toBe(made.length);
    expect(r.newActors.find((a) => a.id === "unidentified-armed-group")!.aliases).toEqual(["Unidentified Armed Group (Iraq)"]);
  });

  it("keeps fatalities as a range and the source id", () => {
    expect(ev.get("acled-lbn2002")).toMatchObject({ killed: { low: 3, high: 3 }, sourceSystem: "acled", sourceId: "LBN2002", sourceLabel: "Local outlet; Wire service" });
    expect(ev.get("acled-lbn2002")!.title).toBe("Drone strike by Israel on Hezbollah, Aitaroun");
  });

  it("takes the later of two rows with one id and reports the earlier", () => {
    const text = fixture("acled-sample.csv");
    const lines = text.split("\r\n");
    const twice = parseImport([...lines.slice(0, 3), lines[2]!.replace(",2,", ",4,"), ""].join("\r\n"), "acled", index);
    expect(twice.events).toHaveLength(2);
    expect(twice.issues).toEqual([{ line: 3, reason: "IRQ1002 appears again at 4; the later row is kept" }]);
  });

  it("refuses a file without ACLED's columns as a whole, saying which are missing", () => {
    expect(() => parseImport("id,date\r\n1,2024-01-01\r\n", "acled", index)).toThrow(/lacks the columns event_id_cnty, event_date/);
  });
});

describe("UCDP GED CSV", () => {
  const r = parseImport(fixture("ucdp-ged-sample.csv"), "ucdp", index);
  const ev = byId(r.events);

  it("imports the 5 good rows of 8 and reports the 3 bad ones", () => {
    expect(r.rows).toBe(8);
    expect(r.events).toHaveLength(5);
    expect(r.issues).toEqual([
      { line: 5, reason: 'date_start "2023-13-01" is not a date' },
      { line: 6, reason: 'where_prec "9" is not 1 to 7' },
      { line: 7, reason: "low, best and high must be whole numbers" },
    ]);
  });

  it("maps low–high to the casualty range, precisions to ours, sides to actors", () => {
    expect(ev.get("ucdp-400001")).toMatchObject({ family: "drone", attacker: "israel", target: "hezbollah", killed: { low: 3, high: 4 }, datePrecision: "day", geoPrecision: 1 });
    expect(ev.get("ucdp-400002")).toMatchObject({ attacker: "islamic-state", target: null, targetLabel: "Civilians", datePrecision: "month", placeKind: "province" });
    expect(ev.get("ucdp-400007")).toMatchObject({ attacker: "united-states", target: "kataib-hezbollah", family: "airstrike" });
    expect(ev.get("ucdp-400008")).toMatchObject({ family: "maritime", geoPrecision: 4, placeKind: "sea", country: "YE", datePrecision: "week" });
    expect(ev.get("ucdp-400002")!.note).toContain("UCDP best estimate: 6 killed.");
  });
});

describe("mapped CSV and GeoJSON", () => {
  it("reads any CSV through a field map", () => {
    const text = "ref,day,x,y,kind,dead\r\nA-1,2024-03-01,44.4,33.3,drone strike,2\r\nA-2,2024-03-02,44.5,,rocket,\r\n";
    const r = parseImport(text, "csv", index, parseFieldMap("id=ref,dateStart=day,lon=x,lat=y,subtype=kind,killedLow=dead"));
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ id: "csv-a-1", family: "drone", killed: { low: 2, high: 2 }, country: "IQ", provenance: "imported" });
    expect(r.issues).toEqual([{ line: 3, reason: 'y "" is not a number' }]);
  });

  it("reads GeoJSON Points with renamed properties and reports other geometries by feature number", () => {
    const fc = {
      type: "FeatureCollection",
      features: [
        { type: "Feature", id: 7, geometry: { type: "Point", coordinates: [35.5, 33.2] }, properties: { when: "2023-10-09", family: "drone", killed: { low: 1, high: 3 } } },
        { type: "Feature", geometry: { type: "Polygon", coordinates: [] }, properties: { when: "2023-10-09" } },
        { type: "Feature", id: 8, geometry: { type: "Point", coordinates: [35.5, 33.2] }, properties: { when: "yesterday", family: "drone" } },
      ],
    };
    const r = parseImport(JSON.stringify(fc), "geojson", index, parseFieldMap("dateStart=when"));
    expect(r.events.map((e) => [e.id, e.killed, e.country])).toEqual([["geojson-7", { low: 1, high: 3 }, "LB"]]);
    expect(r.issues).toEqual([
      { line: 2, unit: "feature", reason: "geometry Polygon: an event needs a Point" },
      { line: 3, unit: "feature", reason: 'when "yesterday" is not a date' },
    ]);
    expect(() => parseImport(JSON.stringify({ ...fc, crs: { type: "name" } }), "geojson", index)).toThrow(/crs/);
  });
});

describe("ACLED export", () => {
  const feature = (over: Partial<EventFeature["properties"]>): EventFeature => ({
    type: "Feature",
    id: "x-1",
    geometry: { type: "Point", coordinates: [44.3, 33.26] },
    properties: {
      id: "x-1", title: "t", dateStart: "2020-01-03", dateEnd: "2020-01-03", datePrecision: "day", family: "rocket", attacker: "kataib-hezbollah",
      attackerName: "Kata'ib Hezbollah", attackerColor: null, target: "united-states", targetName: "United States", targetLabel: null, placeName: "=Taji",
      geoPrecision: 4, placeKind: "country", country: "IQ", areaKm: null, killed: { low: 1, high: 3 }, injured: null, claim: "claimed", note: "-said",
      status: "reviewed", provenance: "curated", outlets: ["Wire"], sourceCount: 1, chainId: null, ...over,
    },
  });

  it("writes ACLED's columns, guarded against formulas, and reads back to the same facts", () => {
    const events = [feature({}), feature({ id: "x-2", dateStart: "2020-01-01", dateEnd: "2020-12-31", datePrecision: "year", family: "maritime", target: null, targetName: null })];
    const csv = acledCsv(events);
    const { header, records } = readCsvRecords(csv);
    expect(header).toEqual([...ACLED_COLUMNS]);
    expect(csv).toContain(",'=Taji,");
    expect(records[0]!.values).toMatchObject({ event_id_cnty: "x-1", event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack", iso: "368", country: "Iraq", fatalities: "1", geo_precision: "3" });
    const back = byId(parseImport(csv, "acled", index).events);
    expect(back.get("acled-x-1")).toMatchObject({ family: "rocket", claim: "claimed", killed: { low: 1, high: 3 }, geoPrecision: 4, placeName: "=Taji", note: "-said", status: "reviewed", attacker: "kataib-hezbollah", target: "united-states" });
    expect(back.get("acled-x-2")).toMatchObject({ family: "maritime", dateStart: "2020-01-01", dateEnd: "2020-12-31", datePrecision: "year" });
  });

  it("guards every text cell and leaves numbers alone", () => {
    expect(csvCell("@x")).toBe("'@x");
    expect(csvCell(-3)).toBe("-3");
  });
});

describe("reversal links over imported events", () => {
  it("links each answer to the attack it reverses within the window, typed and with a confidence", () => {
    const { events } = parseImport(fixture("acled-sample.csv"), "acled", index);
    const found = inferReversals(events, new Set(events.map((e) => e.id)), [], index);
    const pairs = found.map((l) => `${l.from}->${l.to}`);
    expect(pairs).toContain("acled-irq1002->acled-irq1003");
    expect(pairs).toContain("acled-lbn2001->acled-lbn2002");
    for (const l of found) {
      expect(l.kind).toBe("retaliation");
      expect(l.confidence).toBeGreaterThan(0);
      expect(l.delayDays).toBeLessThanOrEqual(10);
    }
    // A stated cause wins: no reversal guess into an event that already has one.
    expect(inferReversals(events, new Set(events.map((e) => e.id)), [{ from: "acled-irq1001", to: "acled-irq1003" }], index).map((l) => l.to)).not.toContain("acled-irq1003");
  });

  it("finds exactly the links the pipeline's rule finds over all pairs", () => {
    const withFamily = buildActorIndex([
      { id: "iran", name: "Iran", kind: "state", aliases: [] },
      { id: "irgc", name: "IRGC", kind: "force", parent: "iran", aliases: [] },
      { id: "kataib-hezbollah", name: "KH", kind: "group", aliases: [] },
      { id: "united-states", name: "US", kind: "state", aliases: [] },
      { id: "israel", name: "Israel", kind: "state", aliases: [] },
      { id: "hezbollah", name: "Hezbollah", kind: "group", aliases: [] },
      { id: "unidentified-militants", name: "Unidentified militants", kind: "group", aliases: [] },
    ]);
    const sides = [null, "iran", "irgc", "kataib-hezbollah", "united-states", "israel", "hezbollah", "unidentified-militants", "unspecified-target"];
    let s = 11;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const events: LinkableEvent[] = Array.from({ length: 400 }, (_, i) => {
      const start = Math.floor(rnd() * 200);
      return {
        id: `e${String(i).padStart(3, "0")}`,
        dateStart: day(start),
        dateEnd: day(start + (rnd() < 0.15 ? Math.floor(rnd() * 30) : 0)),
        family: FAMILIES[Math.floor(rnd() * FAMILIES.length)]!,
        attacker: sides[Math.floor(rnd() * sides.length)]!,
        target: sides[Math.floor(rnd() * sides.length)]!,
      };
    });
    const sorted = [...events].sort((a, b) => (a.dateStart < b.dateStart ? -1 : a.dateStart > b.dateStart ? 1 : a.id < b.id ? -1 : 1));
    const touched = new Set(events.filter((_, i) => i % 3 !== 0).map((e) => e.id));
    const all = reversalLinks(sorted, touched, [], withFamily);
    expect(all.length).toBeGreaterThan(50);
    const key = (l: { from: string; to: string; confidence: number }) => `${l.from}>${l.to}@${l.confidence}`;
    expect(inferReversals(events, touched, [], withFamily).map(key).sort()).toEqual(all.map(key).sort());
    // Links already in the store: a stated cause (the answer gets no guess), a meeting that prepared
    // the answer (not a cause, but that pair is not linked twice: the next nearest cause is taken),
    // and links the other way (never reversed).
    const existing = [
      ...all.slice(0, 40).map((l, i) => ({ from: l.from, to: l.to, kind: i % 2 ? "retaliation" : "escalation" })),
      ...all.slice(40, 50).map((l) => ({ from: l.to, to: l.from, kind: "retaliation" })),
    ];
    const reversed = new Set(existing.map((l) => `${l.to}>${l.from}`));
    const withExisting = reversalLinks(sorted, touched, existing, withFamily).filter((l) => !reversed.has(`${l.from}>${l.to}`));
    expect(withExisting.map(key).sort()).not.toEqual(all.map(key).sort());
    expect(inferReversals(events, touched, existing, withFamily).map(key).sort()).toEqual(withExisting.map(key).sort());
  });
});
