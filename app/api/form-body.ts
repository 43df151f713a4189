/**
 * The body of a write route that takes a file: multipart form data (one "file" and text fields,
 * each at most once) or a JSON object, already read within its size cap (lib/auth readBody).
 */
import path from "node:path";
import type { z } from "zod";
import { StrikelineError } from "@/lib/errors";

export type FormParts = { fields: Record<string, unknown>; file: { name: string; bytes: Uint8Array } | null };

export async function readForm(req: Request, body: Uint8Array): Promise<FormParts> {
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
  const out: FormParts = { fields: {}, file: null };
  for (const [key, value] of form) {
    if (key in out.fields || (key === "file" && out.file)) throw new StrikelineError("bad_request", `Field "${key}" is given more than once`, undefined, key);
    if (typeof value === "string") out.fields[key] = value;
    else if (key === "file") out.file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
    else throw new StrikelineError("bad_request", `Only "file" may be a file, not "${key}"`, undefined, key);
  }
  return out;
}

/** A file's own name, without folders or control characters; its extension says how to read it. */
export const safeName = (name: string) => path.basename(name.replace(/[\u0000-\u001f\u007f]/g, "")).slice(-200) || "report";

/** The form's fields through their schema; the first problem is a 400 naming its field. */
export function parseFields<S extends z.ZodType>(schema: S, fields: Record<string, unknown>): z.infer<S> {
  const f = schema.safeParse(fields);
  if (f.success) return f.data;
  const i = f.error.issues[0]!;
  const name = i.code === "unrecognized_keys" ? i.keys.join(", ") : String(i.path[0] ?? "body");
  throw new StrikelineError("bad_request", i.code === "unrecognized_keys" ? `Unknown field "${name}"` : `Invalid field "${name}": ${i.message}`, f.error.issues, name);
}
