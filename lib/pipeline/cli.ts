/**
 * `strikeline ingest` and `strikeline overrides`: argument checks, progress, and the run report.
 * The work is in db/ingest.ts and db/overrides.ts; this file only talks to the user.
 * Exit codes: 0 ok, 2 usage error, 3 every input rejected, 130 interrupted, 1 anything else.
 */
import { userInfo } from "node:os";
import path from "node:path";
import { withStore as withGivenStore, type Store } from "../../db/client";
import type { Io } from "../io";
import { emptyReport, ingestArticle, loadActorIndex, type ArticleReport } from "../../db/ingest";
import { addOverride, exportOverrides, importOverrides, listOverrides, overrideLog, removeOverride, undoOverride } from "../../db/overrides";
import { parseOverride } from "../overrides";
import { localFiles, type CommandFiles } from "../command-files";
import { StrikelineError } from "../errors";
import { IsoDate } from "../schema";
import { cachedGeocoder, type GeocodeFn } from "./places";

export type IngestCliOptions = { paths: string[]; published?: string; outlet?: string; url?: string; dryRun?: boolean; json?: boolean };
/**
 * Tests pass their own store and geocoder; the CLI opens the process-wide ones. A server running
 * a command for a CLI beside it (bin/remote.ts) passes its store, the caller's name and the files
 * the CLI read.
 */
export type CliDeps = { store?: Store; geocode?: GeocodeFn; signal?: AbortSignal; author?: string; files?: CommandFiles };

const cliAuthor = (deps: CliDeps) => deps.author ?? `cli:${userInfo().username}`;

async function defaultGeocoder(): Promise<GeocodeFn> {
  const { getGeocoder } = await import("../../geo");
  const g = await getGeocoder();
  return (m, o) => g.geocode(m, o);
}

const withStore = <T>(deps: CliDeps, fn: (store: Store) => Promise<T>) => withGivenStore(deps.store, fn);

function progress(io: Io, done: number, total: number, file: string) {
  if (!io.isTTY) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  const name = path.basename(file);
  io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name.length > 40 ? `${name.slice(0, 39)}…` : name.padEnd(40)}`);
  if (done === total) io.stderr("\n");
}

export type RunReport = {
  dryRun: boolean;
  store: string;
  files: number;
  ingested: number;
  unchanged: number;
  rejected: number;
  failed: number;
  interrupted: boolean;
  eventsNew: number;
  eventsMerged: number;
  links: number;
  captionsIgnored: number;
  unresolvedPlaces: string[];
  warnings: number;
  articlesPerSecond: number;
  articles: ArticleReport[];
};

export async function ingestCommand(opts: IngestCliOptions, io: Io, deps: CliDeps = {}): Promise<number> {
  if (!opts.paths.length) {
    io.stderr("ingest: give at least one file or folder.\n");
    return 2;
  }
  if (opts.published !== undefined && !IsoDate.safeParse(opts.published).success) {
    io.stderr(`ingest: --published must be a date as YYYY-MM-DD, not "${opts.published}".\n`);
    return 2;
  }
  if (opts.url !== undefined && !/^https?:\/\/\S+$/.test(opts.url)) {
    io.stderr(`ingest: --url must be an http(s) address, not "${opts.url}".\n`);
    return 2;
  }
  const { files, missing } = (deps.files ?? localFiles).expand(opts.paths);
  const reports: ArticleReport[] = missing.map((file) => ({ ...emptyReport(file, Boolean(opts.dryRun)), reason: "no such file or folder" }));
  if (!files.length && !missing.length) {
    io.stderr("ingest: no .txt, .md or .html files in the given folders.\n");
    return 3;
  }

  // Ctrl-C: the article in progress is rolled back, the rest are not started.
  let interrupted = deps.signal?.aborted ?? false;
  const onSigint = () => {
    interrupted = true;
    io.stderr("\nInterrupted: rolling back the article in progress…\n");
  };
  deps.signal?.addEventListener("abort", onSigint);
  if (!deps.signal) process.once("SIGINT", onSigint);
  const t0 = performance.now();
  try {
    const store = await withStore(deps, async (store) => {
      const geocode = cachedGeocoder(deps.geocode ?? (await defaultGeocoder()));
      const index = await loadActorIndex(store.db);
      for (let i = 0; i < files.length && !interrupted; i++) {
        const file = files[i]!;
        progress(io, i, files.length, file);
        const read = (deps.files ?? localFiles).readArticle(file);
        if (!read.ok) {
          reports.push({ ...emptyReport(file, Boolean(opts.dryRun)), reason: `${read.reason}: ${read.message}` });
          continue;
        }
        try {
          reports.push(
            await ingestArticle(store.db, read, geocode, index, {
              ...(opts.published ? { published: opts.published } : {}),
              ...(opts.outlet ? { outlet: opts.outlet } : {}),
              ...(opts.url ? { url: opts.url } : {}),
              dryRun: Boolean(opts.dryRun),
              shouldAbort: () => interrupted,
            }),
          );
        } catch (e) {
          reports.push({ ...emptyReport(file, Boolean(opts.dryRun)), status: "failed", reason: (e as Error).message });
        }
      }
      progress(io, files.length, files.length, "done");
      return store.kind;
    });
    const report = summarise(reports, Boolean(opts.dryRun), store, interrupted, performance.now() - t0);
    if (opts.json) io.stdout(`${JSON.stringify(report)}\n`);
    else io.stdout(human(report));
    if (interrupted) return 130;
    const accepted = report.ingested + report.unchanged;
    if (accepted === 0 && report.rejected > 0 && report.failed === 0) return 3;
    return report.failed > 0 ? 1 : 0;
  } finally {
    deps.signal?.removeEventListener("abort", onSigint);
    if (!deps.signal) process.removeListener("SIGINT", onSigint);
  }
}


function summarise(articles: ArticleReport[], dryRun: boolean, store: string, interrupted: boolean, ms: number): RunReport {
  const count = (s: ArticleReport["status"]) => articles.filter((a) => a.status === s).length;
  const ingested = count("ingested");
  return {
    dryRun,
    store,
    files: articles.length,
    ingested,
    unchanged: count("unchanged"),
    rejected: count("rejected"),
    failed: count("failed"),
    interrupted,
    eventsNew: articles.reduce((n, a) => n + a.eventsNew.length, 0),
    eventsMerged: articles.reduce((n, a) => n + a.eventsMerged.length, 0),
    links: articles.reduce((n, a) => n + a.links, 0),
    captionsIgnored: articles.reduce((n, a) => n + a.captionsIgnored, 0),
    unresolvedPlaces: [...new Set(articles.flatMap((a) => a.unresolvedPlaces))],
    warnings: articles.reduce((n, a) => n + a.warnings.length, 0),
    articlesPerSecond: ingested ? Math.round((ingested / (ms / 1000)) * 10) / 10 : 0,
    articles,
  };
}

function human(r: RunReport): string {
  const lines: string[] = [];
  for (const a of r.articles) {
    const name = path.basename(a.file);
    if (a.status === "rejected" || a.status === "failed") {
      lines.push(`  ✗ ${name}: ${a.status} (${a.reason})`);
      continue;
    }
    if (a.status === "unchanged") {
      lines.push(`  = ${name}: unchanged (${a.reason})`);
      continue;
    }
    const date = a.published ? (a.publishedInferred ? `published ${a.published}, inferred from the ${a.publishedFrom}` : `published ${a.published}`) : "no publication date found";
    lines.push(`  ${a.status === "aborted" ? "!" : "✓"} ${name}: ${a.eventsNew.length} new, ${a.eventsMerged.length} merged, ${a.links} links; ${date}`);
    for (const w of a.warnings.filter((w) => w.code === "no-date")) lines.push(`      ${w.message}`);
  }
  const verb = r.dryRun ? "Would ingest" : "Ingested";
  lines.push(
    `${verb} ${r.ingested} of ${r.files} files (${r.unchanged} unchanged, ${r.rejected} rejected${r.failed ? `, ${r.failed} failed` : ""}) into the ${r.store} store${r.dryRun ? " — dry run, nothing written" : ""}.`,
    `Events: ${r.eventsNew} new, ${r.eventsMerged} merged into known events; links: ${r.links}; caption-only mentions ignored: ${r.captionsIgnored}.`,
    `Unresolved places: ${r.unresolvedPlaces.length ? r.unresolvedPlaces.join("; ") : "none"}. Warnings: ${r.warnings}.`,
  );
  if (r.interrupted) lines.push("Interrupted: the article in progress was rolled back; later files were not read.");
  return `${lines.join("\n")}\n`;
}

export type OverridesCliOptions =
  | { command: "add"; action: string; target: string; payload?: string; reason?: string; json?: boolean }
  | { command: "remove"; action: string; target: string; json?: boolean }
  | { command: "list"; json?: boolean }
  | { command: "log"; limit?: string; json?: boolean }
  | { command: "undo"; id: string; json?: boolean }
  | { command: "export"; file?: string }
  | { command: "import"; file: string; json?: boolean };

/**
 * `strikeline overrides add <action> <target> [--payload JSON] [--reason TEXT]`,
 * `overrides remove <action> <target>`, `overrides list [--json]`,
 * `overrides export [file]` (stdout without a file), `overrides import <file>`,
 * `overrides log [--limit N]` (newest first), `overrides undo <entry number>`.
 */
export async function overridesCommand(opts: OverridesCliOptions, io: Io, deps: CliDeps = {}): Promise<number> {
  try {
    if (opts.command === "add") {
      let payload: unknown = {};
      if (opts.payload) {
        try {
          payload = JSON.parse(opts.payload);
        } catch {
          io.stderr(`overrides add: --payload must be JSON, e.g. '{"lat":33.3,"lon":44.4}'.\n`);
          return 2;
        }
      }
      const input = parseOverride({ action: opts.action, targetId: opts.target, payload, ...(opts.reason ? { reason: opts.reason } : {}) });
      const r = await withStore(deps, (s) => addOverride(s.db, input, { author: cliAuthor(deps) }));
      if (opts.json) io.stdout(`${JSON.stringify({ ...input, ...r })}\n`);
      else io.stdout(`Recorded ${input.action} ${input.targetId}${r.applied ? "" : " (its target is not in the store yet; it applies when it arrives)"}.\n`);
      return 0;
    }
    if (opts.command === "remove") {
      const gone = await withStore(deps, (s) => removeOverride(s.db, opts.action, opts.target, { author: cliAuthor(deps) }));
      if (opts.json) io.stdout(`${JSON.stringify({ removed: gone })}\n`);
      else io.stdout(gone ? `Undid ${opts.action} ${opts.target}: the target is back as it was without it.\n` : `No ${opts.action} override for ${opts.target}.\n`);
      return gone ? 0 : 3;
    }
    if (opts.command === "log") {
      const limit = opts.limit === undefined ? 50 : Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        io.stderr(`overrides log: --limit must be a whole number from 1 to 500, not "${opts.limit}".\n`);
        return 2;
      }
      const entries = await withStore(deps, (s) => overrideLog(s.db, { limit }));
      if (opts.json) io.stdout(`${JSON.stringify({ entries })}\n`);
      else if (!entries.length) io.stdout("The correction log is empty.\n");
      else
        for (const e of entries)
          io.stdout(`#${e.id} ${e.time} ${e.author}: ${e.action} ${e.targetId}${e.reason ? ` — ${e.reason}` : ""}${e.undoneAt ? ` (undone ${e.undoneAt} by ${e.undoneBy})` : ""}\n`);
      return 0;
    }
    if (opts.command === "undo") {
      if (!/^[1-9][0-9]{0,9}$/.test(opts.id)) {
        io.stderr(`overrides undo: give the entry's number from \`overrides log\`, not "${opts.id}".\n`);
        return 2;
      }
      const entry = await withStore(deps, (s) => undoOverride(s.db, Number(opts.id), { author: cliAuthor(deps) }));
      if (opts.json) io.stdout(`${JSON.stringify({ entry })}\n`);
      else io.stdout(`Undid #${entry.id} (${entry.action} ${entry.targetId}): the target is back as it was without it.\n`);
      return 0;
    }
    if (opts.command === "list") {
      const list = await withStore(deps, (s) => listOverrides(s.db));
      if (opts.json) io.stdout(`${JSON.stringify({ overrides: list })}\n`);
      else if (!list.length) io.stdout("No overrides.\n");
      else for (const o of list) io.stdout(`${o.action.padEnd(13)} ${o.targetId}${Object.keys(o.payload).length ? ` ${JSON.stringify(o.payload)}` : ""}${o.reason ? ` — ${o.reason}` : ""}\n`);
      return 0;
    }
    if (opts.command === "export") {
      const file = await withStore(deps, (s) => exportOverrides(s.db));
      const text = `${JSON.stringify(file, null, 2)}\n`;
      if (opts.file) {
        (deps.files ?? localFiles).writeText(opts.file, text);
        io.stderr(`Wrote ${file.overrides.length} overrides to ${opts.file}.\n`);
      } else io.stdout(text);
      return 0;
    }
    let raw: unknown;
    try {
      raw = JSON.parse((deps.files ?? localFiles).readText(opts.file));
    } catch (e) {
      io.stderr(`overrides import: cannot read ${opts.file}: ${(e as Error).message}\n`);
      return 3;
    }
    const r = await withStore(deps, (s) => importOverrides(s.db, raw, { author: cliAuthor(deps) }));
    if (opts.json) io.stdout(`${JSON.stringify(r)}\n`);
    else io.stdout(`Imported ${r.imported} overrides (${r.skipped} already in force); ${r.applied} applied now, the rest apply when their targets arrive.\n`);
    return 0;
  } catch (e) {
    if (e instanceof StrikelineError) {
      io.stderr(`overrides: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
