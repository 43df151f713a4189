/**
 * The command line: `npx strikeline <command>`. Each command parses its options with commander,
 * runs a function that returns an exit code, and prints through `io` so tests can capture it.
 * Exit codes: 0 ok, 2 usage error, 3 input rejected, 130 interrupted (Ctrl-C), 1 anything else. Commands
 * are imported only when they run (bin/dispatch.ts), and go through the running server when it holds the store.
 */
import { Argument, Command, CommanderError, Option } from "commander";
import { StrikelineError } from "../lib/errors";
import type { Io } from "../lib/io";
import { EXPORT_FORMATS } from "../lib/api";
import { IMPORT_FORMATS } from "../lib/interchange/record";
import { OVERRIDE_ACTIONS } from "../lib/overrides";
import type { BenchOptions } from "./commands/bench";
import type { ExportArgs } from "./commands/export";
import type { ImportArgs } from "./commands/import";
import { dispatch, type CommandCall } from "./dispatch";

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

export type { Io };

/** Runs a writing command with Ctrl-C turned into an abort signal it checks, so it can roll back cleanly. */
async function withInterrupt(fn: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once("SIGINT", onSigint);
  try {
    return await fn(abort.signal);
  } finally {
    process.off("SIGINT", onSigint);
  }
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const run = (call: CommandCall, signal?: AbortSignal) => async () => {
    code = await dispatch(call, io, signal ? { signal } : {});
  };
  const program = new Command("strikeline")
    .description("Strikeline: map strike and retaliation chains from news reports, offline.")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("seed")
    .description("Load the curated seed events into the store (idempotent).")
    .option("--seeds <dir>", "folder holding the seed article files, for evidence quotes")
    .option("--json", "print the report as one JSON object")
    .action((o: { seeds?: string; json?: boolean }) => run({ command: "seed", opts: o })());

  program
    .command("synth")
    .description("Replace the store's synthetic events with N new ACLED-like ones (clustered, with actors, casualties and chains).")
    .requiredOption("--events <n>", "how many events to write")
    .option("--seed <n>", "random seed; the same seed writes the same events", "1")
    .option("--json", "print the report as one JSON object")
    .action((o: { events: string; seed: string; json?: boolean }) => run({ command: "synth", opts: o })());

  program
    .command("bench")
    .description("Scale bench through the built app and real stores: API latency, server memory, first-view bytes and frame, scrub frame time (bench/scale.ts).")
    .option("--stores <list>", "store kinds, in order (default postgres,pglite)")
    .option("--sizes <list>", "event counts on PostgreSQL (default 20000,2000000)")
    .option("--pglite-sizes <list>", "event counts on PGlite (default 20000,2000000)")
    .option("--scrub-sizes <list>", "event counts the page is scrubbed at, on the first store (default 1000,1000000)")
    .option("--port <n>", "port of the server it starts (default 3320)")
    .option("--json", "print one JSON object of figures and ratios")
    .action((o: BenchOptions) => run({ command: "bench", opts: o })());

  program
    .command("export")
    .description("Write the events (filtered like the view, with the page's URL parameters) to stdout.")
    .addOption(new Option("--format <format>", "output format").choices([...EXPORT_FORMATS, "links"]).default("geojson"))
    .option("--query <params>", 'the view\'s URL parameters, e.g. "from=2020-01-01&f=drone"')
    .option("--all", "include rejected events")
    .action((o: ExportArgs) => run({ command: "export", opts: o })());

  program
    .command("import")
    .description("Import events from an ACLED or UCDP GED export, a GeoJSON FeatureCollection or a CSV (one transaction; re-importing updates).")
    .argument("<file>", "the file to import")
    .addOption(new Option("--format <format>", "what the file is").choices(IMPORT_FORMATS).makeOptionMandatory())
    .option("--map <field=column,...>", "for csv and geojson: which column or property holds which field, e.g. lat=y,lon=x,dateStart=day")
    .option("--retire-missing", "retire events of the same source that this file no longer holds")
    .option("--dry-run", "import and report, store nothing")
    .option("--json", "print the report as one JSON object")
    .action((file: string, o: Omit<ImportArgs, "file">) =>
      // Ctrl-C rolls the whole import back between batches instead of killing the process mid-write.
      withInterrupt((signal) => run({ command: "import", opts: { file, ...o } }, signal)()),
    );

  program
    .command("ingest")
    .description("Read articles (.txt, .md, .html, optional front matter), extract events and links, store them.")
    .argument("<paths...>", "article files or folders")
    .option("--published <YYYY-MM-DD>", "publication date, when the files do not say")
    .option("--outlet <name>", "outlet, when the files do not say")
    .option("--url <url>", "source address, when the files do not say")
    .option("--dry-run", "extract and report, store nothing")
    .option("--json", "print the run report as one JSON object")
    .action((paths: string[], o: { published?: string; outlet?: string; url?: string; dryRun?: boolean; json?: boolean }) =>
      // Ctrl-C finishes by rolling back the article in progress instead of killing the process mid-write.
      withInterrupt((signal) => run({ command: "ingest", opts: { paths, ...o } }, signal)()),
    );

  const overrides = program
    .command("overrides")
    .description("Analyst corrections (a log with author and time) that every re-ingest and re-seed honours: confirm, reject or edit an event, move a place, fix a date, confirm/reject/add a link.");
  overrides
    .command("add")
    .description("Record a correction and apply it now.")
    .addArgument(new Argument("<action>", "what to do").choices(OVERRIDE_ACTIONS))
    .argument("<target>", "event id, or <from>--<to> for a link")
    .option("--payload <json>", 'details, e.g. \'{"lat":33.3,"lon":44.4}\' for move-place')
    .option("--reason <text>", "why, for the record")
    .option("--json", "print one JSON object")
    .action((action: string, target: string, o: { payload?: string; reason?: string; json?: boolean }) =>
      run({ command: "overrides", opts: { command: "add", action, target, ...o } })(),
    );
  overrides
    .command("remove")
    .description("Undo a correction: its target goes back to what it was without it.")
    .addArgument(new Argument("<action>", "what it did").choices(OVERRIDE_ACTIONS))
    .argument("<target>", "event id, or <from>--<to> for a link")
    .option("--json", "print one JSON object")
    .action((action: string, target: string, o: { json?: boolean }) => run({ command: "overrides", opts: { command: "remove", action, target, ...o } })());
  overrides
    .command("list")
    .description("List the corrections in the store.")
    .option("--json", "print one JSON object")
    .action((o: { json?: boolean }) => run({ command: "overrides", opts: { command: "list", ...o } })());
  overrides
    .command("log")
    .description("The correction log, newest first: number, time, author, action, target, reason, undone.")
    .option("--limit <n>", "how many entries (1-500)", "50")
    .option("--json", "print one JSON object")
    .action((o: { limit?: string; json?: boolean }) => run({ command: "overrides", opts: { command: "log", ...o } })());
  overrides
    .command("undo")
    .description("Undo one log entry by its number: its target goes back to what it was without it.")
    .argument("<entry>", "the entry's number in `overrides log`")
    .option("--json", "print one JSON object")
    .action((id: string, o: { json?: boolean }) => run({ command: "overrides", opts: { command: "undo", id, ...o } })());
  overrides
    .command("export")
    .description("Write the corrections as a JSON file (stdout without a file).")
    .argument("[file]", "output file")
    .action((file: string | undefined) => run({ command: "overrides", opts: { command: "export", ...(file ? { file } : {}) } })());
  overrides
    .command("import")
    .description("Load corrections from a file written by export, and apply them.")
    .argument("<file>", "input file")
    .option("--json", "print one JSON object")
    .action((file: string, o: { json?: boolean }) => run({ command: "overrides", opts: { command: "import", file, ...o } })());

  program
    .command("geocode")
    .description("Resolve a place mention offline: point, area, precision, kind, country, alternatives.")
    .argument("[mention]", 'the place as a text names it, e.g. "near Kirkuk"')
    .option("--context <text>", "sentence or article text that disambiguates the mention")
    .option("--json", "print exactly one JSON object")
    .option("--batch <file.jsonl>", 'resolve one {"mention", "context"} object per line; one result per line, in order')
    .action((mention: string | undefined, o: { context?: string; json?: boolean; batch?: string }) =>
      run({ command: "geocode", opts: { ...(mention !== undefined ? { mention } : {}), ...o } })(),
    );

  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync(argv, { from: "user" });
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 2;
    }
    if (e instanceof StrikelineError) {
      io.stderr(`strikeline: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`strikeline: ${(e as Error).message}\n`);
    return 1;
  }
}
