/**
 * The command line: `npx strikeline <command>`. Each command parses its options with commander,
 * runs a function that returns an exit code, and prints through `io` so tests can capture it.
 * Exit codes: 0 ok, 2 usage error, 3 input rejected, 1 anything else.
 */
import { Argument, Command, CommanderError, Option } from "commander";
import { StrikelineError } from "../lib/errors";
import type { Io } from "../lib/io";
import { ingestCommand, overridesCommand } from "../lib/pipeline/cli";
import { OVERRIDE_ACTIONS } from "../db/overrides";
import { geocodeCommand } from "../geo/cli";
import { exportCommand } from "./commands/export";
import { seedCommand } from "./commands/seed";
import { synthCommand } from "./commands/synth";
import type { BenchOptions } from "./commands/bench";


export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

export type { Io };

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const run = (fn: () => Promise<number>) => async () => {
    code = await fn();
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
    .action((o: { seeds?: string; json?: boolean }) => run(() => seedCommand(o, io))());

  program
    .command("synth")
    .description("Replace the store's synthetic events with N new ACLED-like ones (clustered, with actors, casualties and chains).")
    .requiredOption("--events <n>", "how many events to write")
    .option("--seed <n>", "random seed; the same seed writes the same events", "1")
    .option("--json", "print the report as one JSON object")
    .action((o: { events: string; seed: string; json?: boolean }) => run(() => synthCommand(o, io))());

  program
    .command("bench")
    .description("Scale bench through the built app and real stores: API latency, server memory, first-view bytes and frame (bench/scale.ts).")
    .option("--stores <list>", "store kinds, in order (default postgres,pglite)")
    .option("--sizes <list>", "event counts on PostgreSQL (default 20000,2000000)")
    .option("--pglite-sizes <list>", "event counts on PGlite (default 20000,2000000)")
    .option("--port <n>", "port of the server it starts (default 3320)")
    .option("--json", "print one JSON object of figures and ratios")
    // Loaded on use: the bench brings Playwright, which no other command needs.
    .action((o: BenchOptions) => run(async () => (await import("./commands/bench")).benchCommand(o, io))());

  program
    .command("export")
    .description("Write the current events to stdout.")
    .addOption(new Option("--format <format>", "output format").choices(["geojson", "links"]).default("geojson"))
    .option("--all", "include rejected events")
    .action((o: { format: "geojson" | "links"; all?: boolean }) => run(() => exportCommand(o, io))());

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
      run(async () => {
        // Ctrl-C finishes by rolling back the article in progress instead of killing the process mid-write.
        const abort = new AbortController();
        const onSigint = () => abort.abort();
        process.once("SIGINT", onSigint);
        try {
          return await ingestCommand({ paths, ...o }, io, { signal: abort.signal });
        } finally {
          process.off("SIGINT", onSigint);
        }
      })(),
    );

  const overrides = program
    .command("overrides")
    .description("Analyst corrections that every re-ingest honours: reject an event, confirm/reject/add a link, move a place, fix a date.");
  overrides
    .command("add")
    .description("Record a correction and apply it now.")
    .addArgument(new Argument("<action>", "what to do").choices(OVERRIDE_ACTIONS))
    .argument("<target>", "event id, or <from>--<to> for a link")
    .option("--payload <json>", 'details, e.g. \'{"lat":33.3,"lon":44.4}\' for move-place')
    .option("--reason <text>", "why, for the record")
    .option("--json", "print one JSON object")
    .action((action: string, target: string, o: { payload?: string; reason?: string; json?: boolean }) =>
      run(() => overridesCommand({ command: "add", action, target, ...o }, io))(),
    );
  overrides
    .command("remove")
    .description("Forget a correction.")
    .addArgument(new Argument("<action>", "what it did").choices(OVERRIDE_ACTIONS))
    .argument("<target>", "event id, or <from>--<to> for a link")
    .option("--json", "print one JSON object")
    .action((action: string, target: string, o: { json?: boolean }) => run(() => overridesCommand({ command: "remove", action, target, ...o }, io))());
  overrides
    .command("list")
    .description("List the corrections in the store.")
    .option("--json", "print one JSON object")
    .action((o: { json?: boolean }) => run(() => overridesCommand({ command: "list", ...o }, io))());
  overrides
    .command("export")
    .description("Write the corrections as a JSON file (stdout without a file).")
    .argument("[file]", "output file")
    .action((file: string | undefined) => run(() => overridesCommand({ command: "export", file }, io))());
  overrides
    .command("import")
    .description("Load corrections from a file written by export, and apply them.")
    .argument("<file>", "input file")
    .option("--json", "print one JSON object")
    .action((file: string, o: { json?: boolean }) => run(() => overridesCommand({ command: "import", file, ...o }, io))());

  program
    .command("geocode")
    .description("Resolve a place mention offline: point, area, precision, kind, country, alternatives.")
    .argument("[mention]", 'the place as a text names it, e.g. "near Kirkuk"')
    .option("--context <text>", "sentence or article text that disambiguates the mention")
    .option("--json", "print exactly one JSON object")
    .option("--batch <file.jsonl>", 'resolve one {"mention", "context"} object per line; one result per line, in order')
    .action((mention: string | undefined, o: { context?: string; json?: boolean; batch?: string }) =>
      run(() => geocodeCommand({ mention, ...o }, io))(),
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
