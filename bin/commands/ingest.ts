/**
 * `strikeline ingest`: argument checks, progress, and the run report. The work is in db/ingest.ts;
 * this file only talks to the user.
 * Exit codes: 0 ok, 2 usage error, 3 every input rejected, 130 interrupted, 1 anything else.
 */
import path from "node:path";
import { emptyReport, ingestArticle, loadActorIndex, yieldToEventLoop, type ArticleReport } from "../../db/ingest";
import { connectionLost, storeErrorMessage } from "../../db/store-errors";
import type { Io } from "../../lib/io";
import { cachedGeocoder, type GeocodeFn } from "../../lib/pipeline/places";
import { localFiles } from "../../lib/command-files";
import { isHttpUrl } from "../../lib/pipeline/read-file";
import { IsoDate } from "../../lib/schema";
import { withStore, type CliDeps } from "./store";

export type IngestCliOptions = { paths: string[]; published?: string; outlet?: string; url?: string; dryRun?: boolean; json?: boolean };

async function defaultGeocoder(): Promise<GeocodeFn> {
  const { getGeocoder } = await import("../../geo");
  const g = await getGeocoder();
  return (m, o) => g.geocode(m, o);
}

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
  if (opts.url !== undefined && !isHttpUrl(opts.url)) {
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
      for (let i = 0; i < files.length; i++) {
        // Between articles too: Ctrl-C during a rejected or unchanged file stops before the next one.
        await yieldToEventLoop();
        if (interrupted) break;
        const file = files[i]!;
        progress(io, i, files.length, file);
        const read = (deps.files ?? localFiles).readArticle(file);
        if (!read.ok) {
          reports.push({ ...emptyReport(file, Boolean(opts.dryRun)), reason: `${read.reason}: ${read.message}` });
          continue;
        }
        const ingest = () =>
          ingestArticle(store.db, read, geocode, index, {
            ...(opts.published ? { published: opts.published } : {}),
            ...(opts.outlet ? { outlet: opts.outlet } : {}),
            ...(opts.url ? { url: opts.url } : {}),
            dryRun: Boolean(opts.dryRun),
            shouldAbort: () => interrupted,
          });
        try {
          reports.push(await ingest());
        } catch (first) {
          // A lost connection rolled the article back on the server; one retry on a fresh connection, then report it and go on.
          let e = first;
          if (connectionLost(first)) {
            io.stderr(`\n${path.basename(file)}: lost the connection to the database; retrying once…\n`);
            try {
              reports.push(await ingest());
              continue;
            } catch (second) {
              e = second;
            }
          }
          reports.push({ ...emptyReport(file, Boolean(opts.dryRun)), status: "failed", reason: storeErrorMessage(e) });
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
