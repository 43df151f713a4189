/**
 * The command line: `npx strikeline <command>`. Each command parses its options with commander,
 * runs a function that returns an exit code, and prints through `io` so tests can capture it.
 * Exit codes: 0 ok, 2 usage error, 3 input rejected, 1 anything else.
 */
import { Command, CommanderError, Option } from "commander";
import { StrikelineError } from "../lib/errors";
import { geocodeCommand } from "../geo/cli";
import { exportCommand } from "./commands/export";
import { seedCommand } from "./commands/seed";

export type Io = { stdout: (s: string) => void; stderr: (s: string) => void; isTTY: boolean };

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

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
    .command("export")
    .description("Write the current events to stdout.")
    .addOption(new Option("--format <format>", "output format").choices(["geojson", "links"]).default("geojson"))
    .option("--all", "include rejected events")
    .action((o: { format: "geojson" | "links"; all?: boolean }) => run(() => exportCommand(o, io))());

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

  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

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
