"use client";
/**
 * The page's side of the write API (API.md): editor sign-in, adding a report, the review queue,
 * overrides and their log, and the gazetteer search. Every answer is parsed with the schema the
 * server answers with (lib/review-api.ts); every failure becomes the one error type, with the
 * server's own message, so a refusal reads the same here as in the CLI.
 *
 * The editor token travels once, in the sign-in request's body; the server answers with an
 * HttpOnly cookie the page cannot read, so the token is never in a URL, in storage, or in a link.
 */
import type { z } from "zod";
import { StrikelineError, type ErrorCode } from "@/lib/errors";
import type { OverrideInput } from "@/lib/overrides";
import {
  ActorList,
  GazetteerResults,
  ImportResponse,
  LogList,
  OverrideResponse,
  ReportResponse,
  ReviewQueue,
  Session,
  UndoResponse,
  type ArticleReport,
  type ImportOutcome,
} from "@/lib/review-api";

const ERROR_CODES: readonly ErrorCode[] = ["bad_request", "unauthorized", "forbidden", "not_found", "rejected", "conflict", "too_large", "internal"];

/** The server's `{error: {code, message, parameter}}` as a StrikelineError; anything else by its status. */
export function errorOf(status: number, body: unknown): StrikelineError {
  const e = (body as { error?: { code?: unknown; message?: unknown; parameter?: unknown } } | null)?.error;
  const code = ERROR_CODES.find((c) => c === e?.code) ?? (status === 401 ? "unauthorized" : status === 403 ? "forbidden" : "internal");
  const message = typeof e?.message === "string" ? e.message : `The server answered ${status}`;
  return new StrikelineError(code, message, body, typeof e?.parameter === "string" ? e.parameter : undefined);
}

async function call<S extends z.ZodType>(schema: S, url: string, init: RequestInit = {}): Promise<z.infer<S>> {
  const res = await fetch(url, { ...init, credentials: "same-origin", headers: { accept: "application/json", ...init.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw errorOf(res.status, body);
  return schema.parse(body);
}

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const getSession = () => call(Session, "/api/session").then((s) => s.editor);
export const signIn = (token: string) => call(Session, "/api/session", json("POST", { token })).then((s) => s.editor);
export const signOut = () => call(Session, "/api/session", { method: "DELETE" });

export const getReviewQueue = (signal?: AbortSignal) => call(ReviewQueue, "/api/review?limit=200", { signal });
export const postOverride = (o: OverrideInput, author: string) => call(OverrideResponse, "/api/overrides", json("POST", { ...o, author }));
export const undoOverride = (id: number, author: string) => call(UndoResponse, `/api/overrides/${id}/undo`, json("POST", { author }));
export const getActors = (signal?: AbortSignal) => call(ActorList, "/api/actors", { signal }).then((a) => a.actors);
export const getLog = (signal?: AbortSignal) => call(LogList, "/api/overrides/log?limit=100", { signal }).then((l) => l.entries);
export const searchGazetteer = (q: string, context: string, signal?: AbortSignal) =>
  call(GazetteerResults, `/api/gazetteer?${new URLSearchParams(context ? { q, context } : { q })}`, { signal }).then((r) => r.results);

/** Where adding a report is: sending the body, then waiting while the server ingests it. */
export type ReportProgress = { phase: "upload"; fraction: number } | { phase: "ingest" };

/**
 * Sends a form (a file or pasted text with its details, as multipart form data) and reports
 * progress: XMLHttpRequest, because fetch cannot tell how much of a request body has gone.
 */
function upload<S extends z.ZodType>(url: string, schema: S, what: string, form: FormData, onProgress: (p: ReportProgress) => void): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => onProgress({ phase: "upload", fraction: e.lengthComputable && e.total > 0 ? e.loaded / e.total : 0 });
    xhr.upload.onload = () => onProgress({ phase: "ingest" });
    xhr.onerror = () => reject(new StrikelineError("internal", `The ${what} could not be sent: the server did not answer`));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOf(xhr.status, body));
      const r = schema.safeParse(body);
      if (r.success) resolve(r.data);
      else reject(new StrikelineError("internal", `The server's answer was not a ${what} result`, r.error));
    };
    onProgress({ phase: "upload", fraction: 0 });
    xhr.send(form);
  });
}

/** Adds a report: the server runs `strikeline ingest` on it. */
export const addReport = (form: FormData, onProgress: (p: ReportProgress) => void): Promise<ArticleReport> =>
  upload("/api/reports", ReportResponse, "report", form, onProgress).then((r) => r.report);

/** Imports a dataset file (ACLED, UCDP, GeoJSON, CSV): the server runs `strikeline import` on it. */
export const importDataset = (form: FormData, onProgress: (p: ReportProgress) => void): Promise<ImportOutcome> =>
  upload("/api/imports", ImportResponse, "import", form, onProgress).then((r) => r.import);

/** A message for a person: the server's, or what went wrong on the way. */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
