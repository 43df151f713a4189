/**
 * Shared plumbing for route handlers: parse the query with a zod schema, run, and turn every
 * failure into a JSON error naming the offending parameter. Handlers stay three lines long.
 */
import { NextResponse } from "next/server";
import type { z } from "zod";
import { StrikelineError } from "@/lib/errors";
import { parseView, type View } from "@/lib/url-state";

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

/**
 * The page's parameters (lib/url-state.ts) plus the route's own (`own`, a strict object schema).
 * Where the page quietly drops what it cannot use, the API refuses it: whatever parseView would
 * drop is a 400 naming that parameter, so a client never mistakes an ignored filter for an empty result.
 */
export function parseViewQuery<S extends z.ZodObject>(params: URLSearchParams, own: S): { view: View; own: z.infer<S> } {
  const ownParams = new URLSearchParams();
  const viewParams = new URLSearchParams();
  for (const [key, value] of params) (key in own.shape ? ownParams : viewParams).append(key, value);
  const { view, dropped } = parseView(viewParams);
  const first = dropped[0];
  if (first) throw new StrikelineError("bad_request", `Bad parameter "${first.param}": ${first.reason}`, dropped, first.param);
  return { view, own: parseQuery(own, ownParams) };
}

/** Runs a handler: a plain value is sent as JSON, a Response (a download, an image) as it is. */
export async function respond(run: () => Promise<unknown>, contentType = "application/json"): Promise<Response> {
  try {
    const body = await run();
    if (body instanceof Response) return body;
    return new NextResponse(JSON.stringify(body), { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (e) {
    const err = e instanceof StrikelineError ? e : new StrikelineError("internal", "Internal error", e);
    if (err.code === "internal") console.error(e);
    return NextResponse.json(err.toJSON(), { status: err.status });
  }
}
