/**
 * Interchange: one entry for every importer. Each foreign format is reshaped here, in lib/, into
 * ImportedEvent rows; the store adapter (db/import.ts) only writes them.
 */
import type { ActorIndex } from "../pipeline/actors";
import { parseAcled } from "./acled";
import { reconciler } from "./actors";
import { readCsvRecords } from "./csv";
import { parseGeoJson } from "./geojson";
import { StrikelineError } from "../errors";
import { fromMapped, parseFieldMap, type FieldMap } from "./mapped";
import type { ImportedEvent, ImportedLink, ImportFormat, ParsedImport, RowIssue } from "./record";
import { parseUcdp } from "./ucdp";

/** A CSV with Strikeline's columns (its own export) or any columns named by a field map. */
export function parseMappedCsv(text: string, actors: ActorIndex, map: FieldMap = {}): ParsedImport {
  const { records, issues } = readCsvRecords(text, [map.id ?? "id", map.dateStart ?? "dateStart", map.lon ?? "lon", map.lat ?? "lat"]);
  const rows = records.length + issues.length;
  const resolve = reconciler(actors);
  const events: ImportedEvent[] = [];
  const links: ImportedLink[] = [];
  const all: RowIssue[] = [...issues];
  for (const { line, values } of records) {
    const r = fromMapped(values, line, { system: "csv", map, resolve });
    if (typeof r === "string") all.push({ line, reason: r });
    else events.push(r.event), links.push(...r.links);
  }
  return { events, links, newActors: resolve.created(), issues: all.sort((a, b) => a.line - b.line), rows };
}

export function parseImport(text: string, format: ImportFormat, actors: ActorIndex, map: FieldMap = {}): ParsedImport {
  const parsed =
    format === "acled" ? parseAcled(text, actors) : format === "ucdp" ? parseUcdp(text, actors) : format === "geojson" ? parseGeoJson(text, actors, map) : parseMappedCsv(text, actors, map);
  return dedupe(parsed, format === "geojson" ? "feature" : undefined);
}

/** The same source id twice in one file: the later row wins (an export appended to), and the earlier is reported. */
function dedupe(p: ParsedImport, unit: RowIssue["unit"]): ParsedImport {
  const last = new Map<string, ImportedEvent>();
  const issues = [...p.issues];
  for (const e of p.events) {
    const prev = last.get(e.id);
    if (prev) issues.push({ line: prev.line, ...(unit ? { unit } : {}), reason: `${e.sourceId} appears again at ${e.line}; the later row is kept` });
    last.set(e.id, e);
  }
  return { ...p, events: [...last.values()], issues: issues.sort((a, b) => a.line - b.line) };
}

export { parseFieldMap, FIELDS, type FieldMap } from "./mapped";

/** A field map for a format: only csv and geojson take one; ACLED and UCDP files have fixed columns. */
export function fieldMapFor(format: ImportFormat, spec: string | undefined): FieldMap {
  const map = parseFieldMap(spec);
  if (Object.keys(map).length && (format === "acled" || format === "ucdp"))
    throw new StrikelineError("bad_request", `--map applies to --format csv and geojson; ${format} files have fixed columns`, undefined, "map");
  return map;
}
export type { ImportedEvent, ImportedLink, ImportFormat, ParsedImport, RowIssue } from "./record";

/** A dataset file's bytes as text; a file that is not UTF-8 is refused (ACLED and UCDP files are). */
export function importText(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new StrikelineError("rejected", `${name} is not UTF-8 text (ACLED and UCDP files are; re-save it as UTF-8)`);
  }
}
