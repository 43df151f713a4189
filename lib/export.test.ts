import { describe, expect, it } from "vitest";
import type { EventFeature, LinkOut } from "./api";
import { eventsCsv, viewGeoJson } from "./export";
import { csvCell } from "./interchange/csv";
import { readCsv } from "./testing/read-csv";

const feature = (id: string, title: string, note: string, coordinates: [number, number]): EventFeature => ({
  type: "Feature",
  id,
  geometry: { type: "Point", coordinates },
  properties: {
    id, title, note, dateStart: "2020-01-03", dateEnd: "2020-01-03", datePrecision: "day", family: "airstrike",
    attacker: "us", attackerName: "United States", attackerColor: null, target: null, targetName: null, targetLabel: "=HYPERLINK(\"x\")",
    placeName: "Baghdad, airport road", geoPrecision: 1, placeKind: "airport", country: "IQ", areaKm: null,
    killed: { low: 10, high: 10 }, injured: null, claim: "claimed", status: "reviewed", provenance: "curated",
    outlets: ["Reason", "The Times of Israel"], sourceCount: 2, chainId: "a",
  },
});
const link: LinkOut = { id: "l1", from: "a", to: "b", kind: "retaliation", method: "curated", confidence: 0.9, status: "reviewed", note: "said so", evidence: null, delayDays: 2, chainId: "a" };

describe("csvCell", () => {
  it("quotes separators, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\r")).toBe('"cr\r"');
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
  });

  it("defuses spreadsheet formulas in text", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+33 1 23")).toBe("'+33 1 23");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes numbers as numbers, negative ones too", () => {
    expect(csvCell(-44.5)).toBe("-44.5");
    expect(csvCell(0)).toBe("0");
  });
});

describe("eventsCsv", () => {
  it("writes a header and one row per event that read back exactly", () => {
    const events = [feature("a", 'Strike on "the convoy", at night', "Line one.\nLine two, with a comma.", [44.3, 33.26]), feature("b", "-1 rockets", "@note", [-1.5, -2.25])];
    const text = eventsCsv(events, [link]);
    expect(text.endsWith("\r\n")).toBe(true);
    const [header, ...rows] = readCsv(text);
    expect(rows).toHaveLength(2);
    const rec = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    expect(rec[0]).toMatchObject({ id: "a", title: 'Strike on "the convoy", at night', note: "Line one.\nLine two, with a comma.", lon: "44.3", lat: "33.26", killedLow: "10", injuredLow: "", outlets: "Reason; The Times of Israel", answeredBy: "b", respondsTo: "", targetLabel: `'=HYPERLINK("x")`, placeName: "Baghdad, airport road" });
    expect(rec[1]).toMatchObject({ id: "b", title: "'-1 rockets", note: "'@note", lon: "-1.5", lat: "-2.25", respondsTo: "a", answeredBy: "" });
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });

  it("writes only the header for an empty view", () => {
    expect(readCsv(eventsCsv([], []))).toHaveLength(1);
  });
});

describe("viewGeoJson", () => {
  it("puts events as points and links as lines from cause to response", () => {
    const fc = viewGeoJson([feature("a", "A", "", [44, 33]), feature("b", "B", "", [45, 34])], [link]);
    expect(fc.features.map((f) => f.geometry.type)).toEqual(["Point", "Point", "LineString"]);
    expect(fc.features[2]).toMatchObject({ id: "l1", geometry: { coordinates: [[44, 33], [45, 34]] }, properties: { from: "a", to: "b", kind: "retaliation", delayDays: 2 } });
  });
});
