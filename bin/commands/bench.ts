import { printScale, runScaleBench, SCALE_DEFAULTS } from "../../bench/scale";
import { StrikelineError } from "../../lib/errors";
import type { Io } from "../cli";

const STORES = ["postgres", "pglite"] as const;

export type BenchOptions = { stores?: string; sizes?: string; pgliteSizes?: string; scrubSizes?: string; port?: string; json?: boolean };

/** `strikeline bench`: the scale bench (bench/scale.ts) through the built app and real stores. */
export async function benchCommand(o: BenchOptions, io: Io): Promise<number> {
  const stores = o.stores ? o.stores.split(",") : SCALE_DEFAULTS.stores;
  const bad = stores.find((s) => !(STORES as readonly string[]).includes(s));
  if (bad) throw new StrikelineError("bad_request", `--stores takes ${STORES.join(", ")}; got "${bad}"`, undefined, "--stores");
  const sizes = (name: string, raw: string | undefined, fallback: number[]) =>
    raw === undefined ? fallback : raw.split(",").map((s) => {
      if (!/^\d+$/.test(s) || Number(s) < 1) throw new StrikelineError("bad_request", `${name} takes whole numbers separated by commas; got "${s}"`, undefined, name);
      return Number(s);
    });
  const result = await runScaleBench({
    stores: stores as (typeof STORES)[number][],
    sizes: sizes("--sizes", o.sizes, SCALE_DEFAULTS.sizes),
    pgliteSizes: sizes("--pglite-sizes", o.pgliteSizes, SCALE_DEFAULTS.pgliteSizes),
    scrubSizes: sizes("--scrub-sizes", o.scrubSizes, SCALE_DEFAULTS.scrubSizes),
    port: o.port ? Number(o.port) : SCALE_DEFAULTS.port,
  });
  if (o.json) io.stdout(JSON.stringify(result) + "\n");
  else printScale(result, (line) => io.stdout(line + "\n"));
  return 0;
}
