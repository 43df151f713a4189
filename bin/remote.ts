/**
 * The CLI beside the running app. The embedded store admits one process; when the server holds it
 * (its `server.json` in the data folder names a live process), `seed`, `ingest`, `overrides` and
 * `export` are sent to the server's /api/cli with the editor token and run there on its open store,
 * printing the same output with the same exit code. Files are read here, by the CLI, exactly as a
 * local run reads them; the server never opens a path the CLI names (except `seed --seeds`).
 */
import path from "node:path";
import { userInfo } from "node:os";
import { z } from "zod";
import { readEditorToken, TOKEN_FILE } from "../lib/auth";
import type { CommandFiles } from "../lib/command-files";
import { env } from "../lib/env";
import { StrikelineError, type ErrorCode } from "../lib/errors";
import type { Io } from "../lib/io";
import { Author } from "../lib/overrides";
import { ArticleInput } from "../lib/pipeline/types";
import type { ReadOutcome } from "../lib/pipeline/read-file";
import { findServer } from "../lib/running-server";
import type { CliDeps } from "./commands/store";
import { runCommand, type CommandCall } from "./dispatch";

/** One request carries every file of an ingest; past this, ingest in parts. */
export const MAX_REMOTE_BODY_BYTES = 64 * 1024 * 1024;

const Flag = z.boolean().optional();
const Str = z.string().max(4000);
const OverridesOpts = z.discriminatedUnion("command", [
  z.strictObject({ command: z.literal("add"), action: Str, target: Str, payload: z.string().max(64 * 1024).optional(), reason: Str.optional(), json: Flag }),
  z.strictObject({ command: z.literal("remove"), action: Str, target: Str, json: Flag }),
  z.strictObject({ command: z.literal("list"), json: Flag }),
  z.strictObject({ command: z.literal("log"), limit: z.string().max(20).optional(), json: Flag }),
  z.strictObject({ command: z.literal("undo"), id: z.string().max(20), json: Flag }),
  z.strictObject({ command: z.literal("export"), file: Str.optional() }),
  z.strictObject({ command: z.literal("import"), file: Str, json: Flag }),
]);
const StoreCall = z.discriminatedUnion("command", [
  z.object({ command: z.literal("seed"), opts: z.strictObject({ seeds: Str.optional(), json: Flag }) }),
  z.object({ command: z.literal("export"), opts: z.strictObject({ format: z.enum(["geojson", "links"]), all: Flag }) }),
  z.object({
    command: z.literal("ingest"),
    opts: z.strictObject({ paths: z.array(Str).max(100_000), published: Str.optional(), outlet: Str.optional(), url: Str.optional(), dryRun: Flag, json: Flag }),
  }),
  z.object({ command: z.literal("overrides"), opts: OverridesOpts }),
]);

const Read = z.union([
  z.object({ ok: z.literal(true), file: Str, hash: z.string().regex(/^[0-9a-f]{64}$/), format: z.enum(["txt", "md", "html"]), article: ArticleInput }),
  z.object({ ok: z.literal(false), file: Str, reason: z.string().max(40), message: Str }),
]);

export const RemoteRequest = z.object({
  call: StoreCall,
  author: Author,
  inputs: z.object({ files: z.array(Str), missing: z.array(Str) }).optional(),
  reads: z.record(z.string(), Read).default({}),
  texts: z.record(z.string(), z.union([z.object({ text: z.string() }), z.object({ error: z.string() })])).default({}),
});
export type RemoteRequest = z.infer<typeof RemoteRequest>;

export const RemoteResponse = z.object({
  code: z.number().int(),
  stdout: z.string(),
  stderr: z.string(),
  /** Files the command wrote (`overrides export FILE`): written by the CLI, on its side. */
  writes: z.array(z.object({ file: z.string(), text: z.string() })),
});
export type RemoteResponse = z.infer<typeof RemoteResponse>;

/** Server side: runs a forwarded call on the server's store, with the files the CLI sent. */
export async function serveCommand(raw: unknown, deps: Required<Pick<CliDeps, "store">> & Pick<CliDeps, "signal">): Promise<RemoteResponse> {
  const parsed = RemoteRequest.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new StrikelineError("bad_request", `Invalid CLI request at ${i.path.join(".") || "(root)"}: ${i.message}`, parsed.error.issues, i.path.join("."));
  }
  const req = parsed.data;
  const writes: RemoteResponse["writes"] = [];
  const files: CommandFiles = {
    expand: () => req.inputs ?? { files: [], missing: [] },
    readArticle: (file) => (req.reads[file] as ReadOutcome | undefined) ?? { ok: false, file, reason: "unreadable", message: "the CLI did not send this file" },
    readText: (file) => {
      const t = req.texts[file];
      if (!t) throw new Error("the CLI did not send this file");
      if ("error" in t) throw new Error(t.error);
      return t.text;
    },
    writeText: (file, text) => void writes.push({ file, text }),
  };
  const out = { stdout: "", stderr: "" };
  const io: Io = { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), isTTY: false };
  const code = await runCommand(req.call as CommandCall, io, { ...deps, author: req.author, files });
  return { code, ...out, writes };
}

/** CLI side: what the server needs to run the call as this process would. */
async function prepare(call: CommandCall): Promise<RemoteRequest> {
  const author = `cli:${userInfo().username}`;
  if (call.command === "ingest") {
    const { localFiles } = await import("../lib/command-files");
    const inputs = localFiles.expand(call.opts.paths);
    return { call, author, inputs, reads: Object.fromEntries(inputs.files.map((f) => [f, localFiles.readArticle(f)])), texts: {} };
  }
  if (call.command === "overrides" && call.opts.command === "import") {
    const { localFiles } = await import("../lib/command-files");
    const file = call.opts.file;
    let entry: { text: string } | { error: string };
    try {
      entry = { text: localFiles.readText(file) };
    } catch (e) {
      entry = { error: (e as Error).message };
    }
    return { call, author, reads: {}, texts: { [file]: entry } };
  }
  if (call.command === "seed" && call.opts.seeds) return { call: { ...call, opts: { ...call.opts, seeds: path.resolve(call.opts.seeds) } }, author, reads: {}, texts: {} };
  return { call: call as RemoteRequest["call"], author, reads: {}, texts: {} };
}

const STATUS_CODES: Record<number, ErrorCode> = { 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 409: "conflict", 413: "too_large", 422: "rejected" };

/**
 * Sends a store command to the server holding the data folder. Null when there is none, when
 * nothing answers at its address, or when the store is a PostgreSQL server (which any number of
 * processes may open): the caller runs it here.
 */
export async function forwardToServer(call: CommandCall, io: Io, signal?: AbortSignal): Promise<number | null> {
  const e = env();
  if (e.databaseUrl) return null;
  const server = findServer(e.dataDir);
  if (!server) return null;
  const token = readEditorToken(e.dataDir, e.editorToken);
  if (!token) {
    io.stderr(
      `strikeline: the server at ${server.url} (process ${server.pid}) holds the data folder ${e.dataDir}, but no editor token was found ` +
        `(${path.join(e.dataDir, TOKEN_FILE)}): set STRIKELINE_EDITOR_TOKEN to the server's token.\n`,
    );
    return 1;
  }
  const body = JSON.stringify(await prepare(call));
  if (body.length > MAX_REMOTE_BODY_BYTES) {
    io.stderr(`strikeline: ${(body.length / 1048576).toFixed(0)} MB is too much to send to the running server in one go (limit ${MAX_REMOTE_BODY_BYTES / 1048576} MB): give fewer files at a time.\n`);
    return 3;
  }
  let res: Response;
  try {
    res = await fetch(new URL("/api/cli", server.url), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
      ...(signal ? { signal } : {}),
    });
  } catch {
    if (signal?.aborted) {
      io.stderr("\nInterrupted: the server rolls back the article in progress.\n");
      return 130;
    }
    // Nothing listens there (a stale record whose pid now belongs to another process, or a server
    // still starting): run here, where the data folder's lock explains any conflict.
    return null;
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `the server answered ${res.status}`;
    const err = new StrikelineError(STATUS_CODES[res.status] ?? "internal", message);
    io.stderr(`strikeline: ${err.message}\n`);
    return err.exitCode;
  }
  const out = RemoteResponse.parse(json);
  if (out.writes.length) {
    const { localFiles } = await import("../lib/command-files");
    for (const w of out.writes) localFiles.writeText(w.file, w.text);
  }
  io.stdout(out.stdout);
  io.stderr(out.stderr);
  return out.code;
}
