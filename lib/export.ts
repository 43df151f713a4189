/**
 * Downloads of a filtered view, for the tools analysts hand views to: GeoJSON (RFC 7946: events as
 * Points, links as LineStrings, for QGIS and Kepler.gl), CSV (Strikeline's columns, for
 * spreadsheets), ACLED-CSV (ACLED's columns, for ACLED tooling), KML (styled placemarks with time
 * spans, for Google Earth's time slider) and links alone as LineStrings. Pure, so the escaping is
 * tested without a server.
 */
import type { EventFeature, ExportFormat, LinkOut } from "./api";
import { ACLED_COLUMNS, toAcledRow } from "./interchange/acled";
import { csvCell } from "./interchange/csv";
import type { EventExtra } from "./interchange/record";
import { FAMILY_LABEL, GEO_PRECISION_LABEL } from "./map/event-style";
import { FAMILIES, type Family } from "./schema";


const COLUMNS = [
  "id", "title", "dateStart", "dateEnd", "datePrecision", "family", "attacker", "attackerName", "target", "targetName",
  "targetLabel", "placeName", "country", "lon", "lat", "geoPrecision", "killedLow", "killedHigh", "injuredLow",
  "injuredHigh", "claim", "chainId", "respondsTo", "answeredBy", "outlets", "sourceCount", "note", "status", "provenance",
  "subtype", "sourceSystem", "sourceId",
] as const;

/** Extras of the view's events by id (db/import.ts exportExtras); an event without any has none. */
export type Extras = ReadonlyMap<string, EventExtra>;
const noExtras: Extras = new Map();

/** Where the source's outlets are not articles in the store (an import), its own citation stands in. */
const outletsOf = (p: EventFeature["properties"], x: EventExtra | undefined) => (p.outlets.length ? p.outlets.join("; ") : (x?.source?.label ?? ""));

/** Events of the view, one row each; links appear as the ids an event answers and is answered by. */
export function eventsCsv(events: readonly EventFeature[], links: readonly LinkOut[], extras: Extras = noExtras): string {
  const ids = (pick: (l: LinkOut) => string, where: (l: LinkOut) => boolean) => links.filter(where).map(pick).join("; ");
  const rows = events.map(({ properties: p, geometry }) => {
    const x = extras.get(p.id);
    const row: Record<(typeof COLUMNS)[number], string | number | null> = {
      ...p,
      lon: geometry.coordinates[0],
      lat: geometry.coordinates[1],
      killedLow: p.killed?.low ?? null,
      killedHigh: p.killed?.high ?? null,
      injuredLow: p.injured?.low ?? null,
      injuredHigh: p.injured?.high ?? null,
      respondsTo: ids((l) => l.from, (l) => l.to === p.id),
      answeredBy: ids((l) => l.to, (l) => l.from === p.id),
      outlets: outletsOf(p, x),
      subtype: x?.subtype ?? null,
      sourceSystem: x?.source?.system ?? null,
      sourceId: x?.source?.sourceId ?? null,
    };
    return COLUMNS.map((c) => csvCell(row[c])).join(",");
  });
  return csvText(COLUMNS, rows);
}

// CRLF as RFC 4180 asks; spreadsheets and CSV libraries all read it.
const csvText = (header: readonly string[], rows: string[]) => [header.join(","), ...rows].map((r) => `${r}\r\n`).join("");

/** Events as ACLED rows (lib/interchange/acled.ts), with the same formula guard as every CSV. */
export function acledCsv(events: readonly EventFeature[], extras: Extras = noExtras): string {
  return csvText(
    ACLED_COLUMNS,
    events.map((e) => {
      const row = toAcledRow(e, extras.get(e.id));
      return ACLED_COLUMNS.map((c) => csvCell(row[c])).join(",");
    }),
  );
}

/**
 * Events as Points and links as LineStrings from cause to response, in one FeatureCollection.
 * An imported event also carries where it came from, so importing the file back keeps its source id.
 */
export function viewGeoJson(events: readonly EventFeature[], links: readonly LinkOut[], extras: Extras = noExtras) {
  return {
    type: "FeatureCollection" as const,
    features: [
      ...events.map((e) => {
        const x = extras.get(e.id);
        return x ? { ...e, properties: { ...e.properties, subtype: x.subtype, sourceSystem: x.source?.system ?? null, sourceId: x.source?.sourceId ?? null, sourceLabel: x.source?.label ?? null } } : e;
      }),
      ...linkFeatures(events, links),
    ],
  };
}

/** Links as LineStrings, origin → effect, with kind, method, confidence and the response delay in days. */
function linkFeatures(events: readonly EventFeature[], links: readonly LinkOut[]) {
  const at = new Map(events.map((e) => [e.id, e]));
  return links.map((l) => ({
    type: "Feature" as const,
    id: l.id,
    geometry: { type: "LineString" as const, coordinates: [at.get(l.from)!.geometry.coordinates, at.get(l.to)!.geometry.coordinates] },
    properties: {
      id: l.id, from: l.from, to: l.to, kind: l.kind, method: l.method, confidence: l.confidence, delayDays: l.delayDays, chainId: l.chainId, note: l.note,
      fromDate: at.get(l.from)!.properties.dateStart, toDate: at.get(l.to)!.properties.dateStart,
    },
  }));
}

export function linksGeoJson(events: readonly EventFeature[], links: readonly LinkOut[]) {
  return { type: "FeatureCollection" as const, features: linkFeatures(events, links) };
}

/** Text for XML element content and attributes. */
const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One colour per family, as KML writes colours: aabbggrr. */
const FAMILY_KML_COLOR: Record<Family, string> = {
  airstrike: "ff2f3fd6", drone: "ff7a1f9e", missile: "ff0055e6", rocket: "ff1a8cf2", artillery: "ff3c6e8c", bombing: "ff1f3f7a",
  assassination: "ff000000", maritime: "ffb47a1f", riot: "ff1fb4d2", ground: "ff3c8c3c", meeting: "ffa0a0a0",
};

/**
 * KML 2.2 for Google Earth: one styled placemark per event (style by family, label and balloon
 * with the facts) and a TimeSpan from its first to its last possible day, so Earth's time slider
 * plays the view back; links are lines shown from the day of the response.
 */
export function viewKml(events: readonly EventFeature[], links: readonly LinkOut[]): string {
  const at = new Map(events.map((e) => [e.id, e]));
  const styles = FAMILIES.map(
    (f) =>
      `<Style id="family-${f}"><IconStyle><color>${FAMILY_KML_COLOR[f]}</color><scale>1.1</scale></IconStyle><LabelStyle><scale>0.7</scale></LabelStyle></Style>`,
  );
  const kill = (p: EventFeature["properties"]) => (p.killed ? (p.killed.low === p.killed.high ? `${p.killed.low}` : `${p.killed.low}–${p.killed.high}`) : "not reported");
  const placemarks = events.map(({ id, properties: p, geometry: g }) => {
    const facts: [string, string][] = [
      ["Date", p.dateStart === p.dateEnd ? p.dateStart : `${p.dateStart} – ${p.dateEnd} (${p.datePrecision})`],
      ["Type", FAMILY_LABEL[p.family]],
      ["Attacker", p.attackerName ?? p.attacker ?? "unknown"],
      ["Target", p.targetName ?? p.target ?? p.targetLabel ?? "unknown"],
      ["Place", `${p.placeName} (${GEO_PRECISION_LABEL[p.geoPrecision]})`],
      ["Killed", kill(p)],
      ["Claim", p.claim],
    ];
    const description = `${facts.map(([k, v]) => `${k}: ${v}`).join("\n")}${p.note ? `\n\n${p.note}` : ""}`;
    const data = (["id", "family", "attacker", "target", "claim", "status", "chainId"] as const).map((k) => `<Data name="${k}"><value>${xml(String(p[k] ?? ""))}</value></Data>`);
    return (
      // XML ids may not start with a digit, as dated event ids do: prefixed.
      `<Placemark id="event-${xml(id)}"><name>${xml(p.title)}</name><description>${xml(description)}</description>` +
      `<TimeSpan><begin>${p.dateStart}</begin><end>${p.dateEnd}</end></TimeSpan><styleUrl>#family-${p.family}</styleUrl>` +
      `<ExtendedData>${data.join("")}</ExtendedData><Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point></Placemark>`
    );
  });
  const lines = links.map((l) => {
    const [a, b] = [at.get(l.from)!, at.get(l.to)!];
    return (
      `<Placemark id="link-${xml(l.id)}"><name>${xml(`${l.kind}: ${a.properties.title} → ${b.properties.title}`)}</name>` +
      `<description>${xml(`${l.kind} after ${l.delayDays} days (${l.method}, confidence ${l.confidence})${l.note ? `: ${l.note}` : ""}`)}</description>` +
      `<TimeSpan><begin>${b.properties.dateStart}</begin></TimeSpan><styleUrl>#link-${l.kind}</styleUrl>` +
      `<LineString><tessellate>1</tessellate><coordinates>${a.geometry.coordinates.join(",")} ${b.geometry.coordinates.join(",")}</coordinates></LineString></Placemark>`
    );
  });
  const linkStyles = ["retaliation", "response", "escalation"].map((k, i) => `<Style id="link-${k}"><LineStyle><color>${["ff2f3fd6", "ff1a8cf2", "ff7a1f9e"][i]}</color><width>2</width></LineStyle></Style>`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Strikeline view</name>`,
    ...styles,
    ...linkStyles,
    `<Folder><name>Events</name>`,
    ...placemarks,
    `</Folder><Folder><name>Links</name>`,
    ...lines,
    `</Folder></Document></kml>`,
    "",
  ].join("\n");
}

export type ExportFile = { body: string; contentType: string; extension: string };

/** The view in one format, with what a download needs to be named and typed. */
export function exportView(format: ExportFormat, events: readonly EventFeature[], links: readonly LinkOut[], extras: Extras = noExtras): ExportFile {
  switch (format) {
    case "csv":
      // The byte-order mark makes spreadsheet programs read the file as UTF-8 (accented place names).
      return { body: `\uFEFF${eventsCsv(events, links, extras)}`, contentType: "text/csv; charset=utf-8", extension: "csv" };
    case "acled-csv":
      return { body: `\uFEFF${acledCsv(events, extras)}`, contentType: "text/csv; charset=utf-8", extension: "acled.csv" };
    case "kml":
      return { body: viewKml(events, links), contentType: "application/vnd.google-earth.kml+xml", extension: "kml" };
    case "links-geojson":
      return { body: JSON.stringify(linksGeoJson(events, links)), contentType: "application/geo+json", extension: "links.geojson" };
    case "geojson":
      return { body: JSON.stringify(viewGeoJson(events, links, extras)), contentType: "application/geo+json", extension: "geojson" };
  }
}
