/**
 * The commands by name, each imported only when it runs, so `--help` and usage errors answer
 * without loading the store, the pipeline or the gazetteer. The CLI runs a call here or, when a
 * server holds the store, sends it there (bin/remote.ts), where it runs here too.
 */
import type { Io } from "../lib/io";
import type { BenchOptions } from "./commands/bench";
import type { ExportArgs } from "./commands/export";
import type { ImportArgs } from "./commands/import";
import type { IngestCliOptions } from "./commands/ingest";
import type { OverridesCliOptions } from "./commands/overrides";
import type { CliDeps } from "./commands/store";
import type { GeocodeArgs } from "../geo/cli";

export type CommandCall =
  | { command: "seed"; opts: { seeds?: string; json?: boolean } }
  | { command: "export"; opts: ExportArgs }
  | { command: "import"; opts: ImportArgs }
  | { command: "ingest"; opts: IngestCliOptions }
  | { command: "overrides"; opts: OverridesCliOptions }
  | { command: "geocode"; opts: GeocodeArgs }
  | { command: "synth"; opts: { events: string; seed: string; json?: boolean } }
  | { command: "bench"; opts: BenchOptions };

/** Commands that open the store: these go through a running server. */
export const STORE_COMMANDS: readonly CommandCall["command"][] = ["seed", "export", "ingest", "overrides"];

export async function runCommand(call: CommandCall, io: Io, deps: CliDeps = {}): Promise<number> {
  switch (call.command) {
    case "seed":
      return (await import("./commands/seed")).seedCommand(call.opts, io, deps);
    case "export":
      return (await import("./commands/export")).exportCommand(call.opts, io, deps);
    case "ingest":
      return (await import("./commands/ingest")).ingestCommand(call.opts, io, deps);
    case "overrides":
      return (await import("./commands/overrides")).overridesCommand(call.opts, io, deps);
    case "geocode":
      return (await import("../geo/cli")).geocodeCommand(call.opts, io);
    case "import":
      return (await import("./commands/import")).importCommand(call.opts, io, deps);
    case "bench":
      return (await import("./commands/bench")).benchCommand(call.opts, io);
    case "synth":
      return (await import("./commands/synth")).synthCommand(call.opts, io);
  }
}

/** Runs a call: through the server holding the store when there is one, here otherwise. */
export async function dispatch(call: CommandCall, io: Io, deps: Pick<CliDeps, "signal"> = {}): Promise<number> {
  if (STORE_COMMANDS.includes(call.command)) {
    const forwarded = await (await import("./remote")).forwardToServer(call, io, deps.signal);
    if (forwarded !== null) return forwarded;
  }
  return runCommand(call, io, deps);
}
