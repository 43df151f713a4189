import { getStore } from "@/db/client";
import { addReport } from "@/db/reports";
import { getGeocoder } from "@/geo";
import { readBody } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { MAX_BYTES } from "@/lib/pipeline/read-file";
import { ReportFields } from "@/lib/review-api";
import { gateWrite, json, serialWrite } from "../editor";
import { parseFields, readForm, safeName } from "../form-body";
import { respond } from "../respond";

export const dynamic = "force-dynamic";

/** The article cap plus room for the form's other fields and multipart framing. */
const MAX_BODY_BYTES = MAX_BYTES + 512 * 1024;

/** Adds a report (a file, or pasted text) through the same ingest as the CLI: one transaction. */
export function POST(req: Request) {
  return respond(async () => {
    gateWrite(req);
    const { fields, file } = await readForm(req, await readBody(req, MAX_BODY_BYTES));
    const { text, format, ...meta } = parseFields(ReportFields, fields);
    if (file && text !== undefined) throw new StrikelineError("bad_request", "Give a file or pasted text, not both", undefined, "text");
    if (!file && text === undefined) throw new StrikelineError("bad_request", "Give a file or paste the report's text", undefined, "file");
    const input = file ? { bytes: file.bytes, fileName: safeName(file.name) } : { bytes: new TextEncoder().encode(text), fileName: `pasted.${format}` };
    const db = (await getStore()).db;
    const geocoder = await getGeocoder();
    const report = await serialWrite(() => addReport(db, { ...input, ...meta }, (m, o) => geocoder.geocode(m, o)));
    if (report.status === "rejected") {
      const refusal = new StrikelineError("rejected", `Refused ${input.fileName}: ${report.reason}`, undefined, file ? "file" : "text");
      return json({ ...refusal.toJSON(), report }, refusal.status);
    }
    return { report };
  });
}
