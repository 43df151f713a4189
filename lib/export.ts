/**
 * Downloads of a filtered view: GeoJSON (events as points, links as lines, for GIS tools) and CSV
 * (one row per event, for spreadsheets). Pure, so the escaping is tested without a server.
 */
import type { EventFeature, LinkOut } from "./api";

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, separator or line break. Text that a
 * spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a
 * leading apostrophe; numbers are written as they are, so negative coordinates stay numbers.
 */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The inverse of csvCell's formula guard, for reading back a file Strikeline wrote. */
export const unguardCell = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

const COLUMNS = [
  "id", "title", "dateStart", "dateEnd", "datePrecision", "family", "attacker", "attackerName", "target", "targetName",
  "targetLabel", "placeName", "country", "lon", "lat", "geoPrecision", "killedLow", "killedHigh", "injuredLow",
  "injuredHigh", "claim", "chainId", "respondsTo", "answeredBy", "outlets", "sourceCount", "note", "status", "provenance",
] as const;

/** Events of the view, one row each; links appear as the ids an event answers and is answered by. */
export function eventsCsv(events: readonly EventFeature[], links: readonly LinkOut[]): string {
  const ids = (pick: (l: LinkOut) => string, where: (l: LinkOut) => boolean) => links.filter(where).map(pick).join("; ");
  const rows = events.map(({ properties: p, geometry }) => {
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
      outlets: p.outlets.join("; "),
    };
    return COLUMNS.map((c) => csvCell(row[c])).join(",");
  });
  // CRLF as RFC 4180 asks; spreadsheets and CSV libraries all read it.
  return [COLUMNS.join(","), ...rows].map((r) => `${r}\r\n`).join("");
}

/** Events as Points and links as LineStrings from cause to response, in one FeatureCollection. */
export function viewGeoJson(events: readonly EventFeature[], links: readonly LinkOut[]) {
  const at = new Map(events.map((e) => [e.id, e.geometry.coordinates]));
  return {
    type: "FeatureCollection" as const,
    features: [
      ...events,
      ...links.map((l) => ({
        type: "Feature" as const,
        id: l.id,
        geometry: { type: "LineString" as const, coordinates: [at.get(l.from)!, at.get(l.to)!] },
        properties: { id: l.id, from: l.from, to: l.to, kind: l.kind, method: l.method, confidence: l.confidence, delayDays: l.delayDays, chainId: l.chainId, note: l.note },
      })),
    ],
  };
}
