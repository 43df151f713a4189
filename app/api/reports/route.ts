import path from "node:path";
import { getStore } from "@/db/client";
import { addReport } from "@/db/reports";
import { getGeocoder } from "@/geo";
import { readBody } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { MAX_BYTES } from "@/lib/pipeline/read-file";
import { ReportFields } from "@/lib/review-api";
import { gateWrite, json, serialWrite } from "../editor";
import { respond } from "../respond";

export const dynamic = "force-dynamic";

/** The article cap plus room for the form's other fields and multipart framing. */
const MAX_BODY_BYTES = MAX_BYTES + 512 * 1024;

type Parts = { fields: Record<string, unknown>; file: { name: string; bytes: Uint8Array } | null };

async function parts(req: Request, body: Uint8Array): Promise<Parts> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    let v: unknown;
    try {
      v = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } catch {
      throw new StrikelineError("bad_request", "The request body is not valid JSON", undefined, "body");
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) throw new StrikelineError("bad_request", "Send a JSON object", undefined, "body");
    return { fields: v as Record<string, unknown>, file: null };
  }
  if (!type.startsWith("multipart/form-data")) throw new StrikelineError("bad_request", "Send multipart/form-data (a file or text) or JSON", undefined, "content-type");
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new StrikelineError("bad_request", "The form data is malformed", undefined, "body");
  }
  const out: Parts = { fields: {}, file: null };
  for (const [key, value] of form) {
    if (key in out.fields || (key === "file" && out.file)) throw new StrikelineError("bad_request", `Field "${key}" is given more than once`, undefined, key);
    if (typeof value === "string") out.fields[key] = value;
    else if (key === "file") out.file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
    else throw new StrikelineError("bad_request", `Only "file" may be a file, not "${key}"`, undefined, key);
  }
  return out;
}

/** A file's own name, without folders or control characters; its extension says how to read it. */
const safeName = (name: string) => path.basename(name.replace(/[\u0000-\u001f\u007f]/g, "")).slice(-200) || "report";

/** Adds a report (a file, or pasted text) through the same ingest as the CLI: one transaction. */
export function POST(req: Request) {
  return respond(async () => {
    gateWrite(req);
    const { fields, file } = await parts(req, await readBody(req, MAX_BODY_BYTES));
    const f = ReportFields.safeParse(fields);
    if (!f.success) {
      const i = f.error.issues[0]!;
      const name = i.code === "unrecognized_keys" ? i.keys.join(", ") : String(i.path[0] ?? "body");
      throw new StrikelineError("bad_request", i.code === "unrecognized_keys" ? `Unknown field "${name}"` : `Invalid field "${name}": ${i.message}`, f.error.issues, name);
    }
    const { text, format, ...meta } = f.data;
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
