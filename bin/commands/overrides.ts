/**
 * `strikeline overrides`: analyst corrections from the command line. The work is in db/overrides.ts.
 */
import { addOverride, exportOverrides, importOverrides, listOverrides, overrideLog, removeOverride, undoOverride } from "../../db/overrides";
import { localFiles } from "../../lib/command-files";
import { parseOverride } from "../../lib/overrides";
import { StrikelineError } from "../../lib/errors";
import type { Io } from "../../lib/io";
import { cliAuthor, withStore, type CliDeps } from "./store";

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
