/**
 * Shared plumbing for route handlers: parse the query with a zod schema, run, and turn every
 * failure into a JSON error naming the offending parameter. Handlers stay three lines long.
 */
import { NextResponse } from "next/server";
import type { z } from "zod";
import { StrikelineError } from "@/lib/errors";
import { malformedUrl, parseView, strictDecode, type View } from "@/lib/url-state";

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
 * A 400 naming the parameter (or "path") when the URL's percent-encoding is malformed or not
 * UTF-8: decoding it leniently would answer a question the client never asked. Refusals are
 * logged, with the raw bytes escaped, since they are what a prober sends.
 */
export function encodingRefusal(url: URL): StrikelineError | null {
  const bad = malformedUrl(url);
  if (!bad) return null;
  console.warn(`400 ${JSON.stringify(url.pathname + url.search).slice(0, 300)}: ${bad.param}: ${bad.reason}`);
  return new StrikelineError("bad_request", `Bad ${bad.param === "path" ? "path" : `parameter "${bad.param}"`}: ${bad.reason}`, undefined, bad.param);
}

/** The request's URL, once encodingRefusal has nothing against it. */
export function requestUrl(req: Request): URL {
  const url = new URL(req.url);
  const refusal = encodingRefusal(url);
  if (refusal) throw refusal;
  return url;
}

/** The last path segment of the request, strictly decoded (requestUrl has checked it decodes). */
export const lastSegment = (url: URL): string => strictDecode(url.pathname.split("/").at(-1) ?? "") ?? "";

/**
 * The page's parameters (lib/url-state.ts) plus the route's own (`own`, a strict object schema).
 * Where the page quietly drops what it cannot use, the API refuses it: whatever parseView would
 * drop is a 400 naming that parameter, so a client never mistakes an ignored filter for an empty result.
 */
export function parseViewQuery<S extends z.ZodObject>(url: URL, own: S): { view: View; own: z.infer<S> } {
  const params = url.searchParams;
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
