/**
 * Shared plumbing for route handlers: parse the query with a zod schema, run, and turn every
 * failure into a JSON error naming the offending parameter. Handlers stay three lines long.
 */
import { NextResponse } from "next/server";
import type { z } from "zod";
import { StrikelineError } from "@/lib/errors";

export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in raw) throw new StrikelineError("bad_request", `Parameter "${key}" is given more than once`, undefined, key);
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name =
      issue.code === "unrecognized_keys" ? issue.keys.join(", ") : String(issue.path[0] ?? "query");
    const message = issue.code === "unrecognized_keys" ? `Unknown parameter "${name}"` : `Invalid parameter "${name}": ${issue.message}`;
    throw new StrikelineError("bad_request", message, parsed.error.issues, name);
  }
  return parsed.data;
}

export async function respond(run: () => Promise<unknown>, contentType = "application/json"): Promise<Response> {
  try {
    const body = await run();
    return new NextResponse(JSON.stringify(body), { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (e) {
    const err = e instanceof StrikelineError ? e : new StrikelineError("internal", "Internal error", e);
    if (err.code === "internal") console.error(e);
    return NextResponse.json(err.toJSON(), { status: err.status });
  }
}
