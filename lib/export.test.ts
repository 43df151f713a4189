import { describe, expect, it } from "vitest";
import type { EventFeature, LinkOut } from "./api";
import { eventsCsv, exportView, linksGeoJson, viewGeoJson, viewKml } from "./export";
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

/** Every tag closed in order, nothing unescaped between them: enough to know a KML reader will parse it. */
function wellFormed(xml: string): boolean {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:]*)([^>]*?)(\/?)>|([<>])/g)) {
    if (m[5]) return false;
    if (m[4]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;)/.test(body);
}

describe("viewKml", () => {
  const events = [feature("2020-a", 'Rockets <at> "K-1" & after', "Note with <b>tags</b>.", [44, 33]), feature("b", "B", "", [45, 34])];
  const kml = viewKml(events, [{ ...link, from: "2020-a", id: "2020-a--b" }]);

  it("is well-formed KML with every text escaped", () => {
    expect(kml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">')).toBe(true);
    expect(wellFormed(kml)).toBe(true);
    expect(kml).toContain("<name>Rockets &lt;at&gt; &quot;K-1&quot; &amp; after</name>");
    expect(wellFormed(kml.replace("&lt;at&gt;", "<at>"))).toBe(false);
  });

  it("gives each event a styled placemark with a time span, and each link a line from the day of the answer", () => {
    expect(kml.match(/<Placemark /g)).toHaveLength(3);
    expect(kml).toContain('<Placemark id="event-2020-a">');
    expect(kml).toContain("<TimeSpan><begin>2020-01-03</begin><end>2020-01-03</end></TimeSpan><styleUrl>#family-airstrike</styleUrl>");
    expect(kml).toContain('<Style id="family-airstrike"><IconStyle><color>');
    expect(kml).toContain("<Point><coordinates>44,33</coordinates></Point>");
    expect(kml).toContain("<TimeSpan><begin>2020-01-03</begin></TimeSpan><styleUrl>#link-retaliation</styleUrl><LineString><tessellate>1</tessellate><coordinates>44,33 45,34</coordinates>");
  });
});

describe("exportView", () => {
  const events = [feature("a", "A", "", [44, 33]), feature("b", "B", "", [45, 34])];
  it("names and types every format", () => {
    const got = (["geojson", "csv", "acled-csv", "kml", "links-geojson"] as const).map((f) => {
      const { contentType, extension } = exportView(f, events, [link]);
      return [f, contentType, extension];
    });
    expect(got).toEqual([
      ["geojson", "application/geo+json", "geojson"],
      ["csv", "text/csv; charset=utf-8", "csv"],
      ["acled-csv", "text/csv; charset=utf-8", "acled.csv"],
      ["kml", "application/vnd.google-earth.kml+xml", "kml"],
      ["links-geojson", "application/geo+json", "links.geojson"],
    ]);
  });

  it("writes links alone as LineStrings with the dates of both ends", () => {
    const fc = linksGeoJson(events, [link]);
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties).toMatchObject({ from: "a", to: "b", delayDays: 2, fromDate: "2020-01-03", toDate: "2020-01-03" });
    expect(JSON.parse(exportView("geojson", events, [link]).body)).not.toHaveProperty("crs");
  });
});
