/**
 * The editor gate of the route handlers: the installation's token (lib/auth.ts), who is asking,
 * and one queue for writes so two requests never interleave their transactions in this process.
 */
import { credentialOf, requireEditor, requireWriter, serverEditorToken, type Credential } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { Author } from "@/lib/overrides";

export const editorToken = serverEditorToken;

export const isEditor = (req: Request) => credentialOf(req, editorToken()) !== null;
/** Editor-only reads (review queue, log, gazetteer). */
export const gateRead = (req: Request): Credential => requireEditor(req, editorToken());
/** Writes: editor credential and same origin, before the body is read. */
export const gateWrite = (req: Request): Credential => requireWriter(req, editorToken());

/** Rejected events are for editors only (`status=all`). */
export function gateStatus(req: Request, status: "visible" | "all"): void {
  if (status === "all" && !isEditor(req)) throw new StrikelineError("unauthorized", "status=all (rejected events) is for editors: log in or send the editor token", undefined, "status");
}

/** A JSON answer with a status other than 200 (201 Created). */
export const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

/** The name a write is logged under: what the client says (trimmed, ≤ 80 chars), else "editor". */
export const authorOf = (raw: unknown): string => {
  const a = Author.safeParse(raw);
  return a.success ? a.data : "editor";
};

const QUEUE = Symbol.for("strikeline.write-queue");
type Holder = { [QUEUE]?: Promise<unknown> };

/** Runs writes one after another in this process (a second ingest waits for the first). */
export function serialWrite<T>(fn: () => Promise<T>): Promise<T> {
  const g = globalThis as Holder;
  const next = (g[QUEUE] ?? Promise.resolve()).then(fn, fn);
  g[QUEUE] = next.catch(() => {});
  return next;
}
