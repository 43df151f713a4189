import { getStore } from "@/db/client";
import { importEvents } from "@/db/import";
import { loadActorIndex } from "@/db/ingest";
import { readBody } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { fieldMapFor, importText, parseImport } from "@/lib/interchange/index";
import { ImportFields, type ImportOutcome } from "@/lib/review-api";
import { gateWrite, json, serialWrite } from "../editor";
import { parseFields, readForm, safeName } from "../form-body";
import { respond } from "../respond";

export const dynamic = "force-dynamic";

/** A browser upload: a country-year of ACLED is a few MB; larger files go through `strikeline import`. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * Imports another dataset's file (ACLED, UCDP GED, GeoJSON, mapped CSV) through the same reshapers
 * and store adapter as `strikeline import`: one transaction, bad rows reported with their line.
 */
export function POST(req: Request) {
  return respond(async () => {
    gateWrite(req);
    const { fields, file } = await readForm(req, await readBody(req, MAX_IMPORT_BYTES + 64 * 1024));
    const { format, map: spec, retireMissing } = parseFields(ImportFields, fields);
    if (!file) throw new StrikelineError("bad_request", "Choose the dataset file to import", undefined, "file");
    const name = safeName(file.name);
    const map = fieldMapFor(format, spec);
    const text = importText(file.bytes, name);
    const db = (await getStore()).db;
    const report = await serialWrite(async () => {
      const index = await loadActorIndex(db);
      return importEvents(db, parseImport(text, format, index, map), index, { retireMissing });
    });
    const outcome: ImportOutcome = { file: name, format, ...report };
    // Nothing could be imported: the same refusal (exit 3) as the CLI, with the row reasons.
    if (report.added + report.updated === 0 && report.rows > 0) {
      const refusal = new StrikelineError("rejected", `No row of ${name} could be imported (${report.skipped.length} skipped)`, undefined, "file");
      return json({ ...refusal.toJSON(), import: outcome }, refusal.status);
    }
    return { import: outcome };
  });
}
