import { getStore } from "../../db/client";
import { writeSynthetic } from "../../db/synth";
import { StrikelineError } from "../../lib/errors";
import type { Io } from "../cli";

/** Most a run writes: the benchmarks go to two million; beyond that a store wants partitions first. */
export const MAX_SYNTH_EVENTS = 5_000_000;

export async function synthCommand(o: { events: string; seed: string; json?: boolean }, io: Io): Promise<number> {
  const n = wholeNumber(o.events, "--events", 1, MAX_SYNTH_EVENTS);
  const seed = wholeNumber(o.seed, "--seed", 0, 2 ** 32 - 1);
  const store = await getStore();
  try {
    const report = await writeSynthetic(store.db, n, {
      seed,
      onBatch: (done) => io.isTTY && !o.json && io.stderr(`\r${done.toLocaleString("en")} / ${n.toLocaleString("en")} events`),
    });
    if (io.isTTY && !o.json) io.stderr("\n");
    if (o.json) io.stdout(JSON.stringify({ store: store.kind, ...report }) + "\n");
    else
      io.stdout(
        `Wrote ${report.events} synthetic events and ${report.links} links into the ${store.kind} store in ${report.seconds.toFixed(1)} s` +
          ` (${Math.round(report.events / report.seconds)} events/s; ${report.replaced} earlier synthetic events replaced).\n`,
      );
    return 0;
  } finally {
    await store.close();
  }
}

function wholeNumber(raw: string, name: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    throw new StrikelineError("bad_request", `${name} must be a whole number from ${min} to ${max.toLocaleString("en")}, got "${raw}"`, undefined, name);
  return n;
}
