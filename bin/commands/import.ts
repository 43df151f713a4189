/**
 * `strikeline import <file> --format acled|ucdp|geojson|csv`: reads the file, reshapes it
 * (lib/interchange), writes it in one transaction (db/import.ts) and reports every skipped row
 * with its line and reason. Exit 0 when any row was imported, 3 when none could be.
 */
import fs from "node:fs";
import path from "node:path";
import { getStore, type Store } from "../../db/client";
import { importEvents, type ImportReport } from "../../db/import";
import { loadActorIndex } from "../../db/ingest";
import { StrikelineError } from "../../lib/errors";
import { fieldMapFor, importText, parseImport, type ImportFormat } from "../../lib/interchange/index";
import type { Io } from "../../lib/io";

export type ImportArgs = { file: string; format: ImportFormat; map?: string; retireMissing?: boolean; dryRun?: boolean; json?: boolean };

/** Files past this size are refused before reading: a whole ACLED country-decade is well under it. */
const MAX_BYTES = 512 * 1024 * 1024;

export async function importCommand(o: ImportArgs, io: Io, deps: { store?: Store; signal?: AbortSignal } = {}): Promise<number> {
  const map = fieldMapFor(o.format, o.map);
  let size: number;
  try {
    size = fs.statSync(o.file).size;
  } catch {
    throw new StrikelineError("not_found", `no such file: ${o.file}`);
  }
  if (size > MAX_BYTES) throw new StrikelineError("rejected", `${o.file} is ${(size / 1048576).toFixed(0)} MB, over the ${MAX_BYTES / 1048576} MB limit; split it`);
  const bytes = fs.readFileSync(o.file);
  const text = importText(bytes, o.file);
  const store = deps.store ?? (await getStore());
  try {
    const index = await loadActorIndex(store.db);
    const parsed = parseImport(text, o.format, index, map);
    const t0 = performance.now();
    const report = await importEvents(store.db, parsed, index, {
      retireMissing: o.retireMissing,
      dryRun: o.dryRun,
      shouldAbort: () => Boolean(deps.signal?.aborted),
      onProgress: (done, total) => progress(io, done, total, t0),
    });
    io.stdout(o.json ? JSON.stringify({ file: o.file, format: o.format, ...report }) + "\n" : describe(o, report));
    if (report.status === "aborted") return 1;
    return report.added + report.updated === 0 && report.rows > 0 ? 3 : 0;
  } finally {
    if (!deps.store) await store.close();
  }
}

/** A bar on a terminal only; piped output stays clean. Large files only: a short import needs none. */
function progress(io: Io, done: number, total: number, t0: number) {
  if (!io.isTTY || total < 2000) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = Math.round(done / Math.max(0.001, (performance.now() - t0) / 1000));
  io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en")}/${total.toLocaleString("en")} rows, ${rate.toLocaleString("en")}/s`);
  if (done === total) io.stderr("\n");
}

function describe(o: ImportArgs, r: ImportReport): string {
  const name = path.basename(o.file);
  const lines = [
    `${r.dryRun ? "Dry run (nothing stored): " : ""}${r.status === "aborted" ? "Interrupted, nothing stored: " : ""}${name}: ${r.rows} rows, ${r.added} added, ${r.updated} updated, ${r.skipped.length} skipped` +
      `${r.retired ? `, ${r.retired} retired` : ""}; ${r.actorsAdded} new actors; ${r.linksStated} links stated, ${r.linksInferred} inferred (${(r.ms / 1000).toFixed(1)} s).`,
    ...r.skipped.map((s) => `  ${s.unit ?? "line"} ${s.line}: ${s.reason}`),
  ];
  return lines.join("\n") + "\n";
}
