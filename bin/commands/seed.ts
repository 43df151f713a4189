import path from "node:path";
import { withStore, type Db, type Store } from "../../db/client";
import { applyOverrides } from "../../db/overrides";
import { defaultSeedsDir, loadCurated, readCuratedFile } from "../../db/seed";
import { getGeocoder } from "../../geo";
import { env } from "../../lib/env";
import type { Io } from "../../lib/io";

export async function seedCommand(o: { seeds?: string; json?: boolean }, io: Io, deps: { store?: Store } = {}): Promise<number> {
  const dataset = readCuratedFile();
  const seedsDir = o.seeds ? path.resolve(o.seeds) : defaultSeedsDir(env().seedsDir);
  const geocoder = await getGeocoder();
  return withStore(deps.store, async (store) => {
    // A reload rewrites curated rows; analysts' corrections go back on top in the same transaction.
    const report = await store.db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const r = await loadCurated(t, { dataset, geocode: (m, c) => geocoder.geocode(m, c), seedsDir });
      await applyOverrides(t);
      return r;
    });
    if (o.json) io.stdout(JSON.stringify({ store: store.kind, ...report }) + "\n");
    else
      io.stdout(
        `Seeded ${report.events} events, ${report.links} links, ${report.actors} actors into the ${store.kind} store.\n` +
          (report.seedsDir
            ? `Evidence quotes from ${report.articlesWithText} seed articles in ${report.seedsDir}.\n`
            : "Seed article texts not found (set STRIKELINE_SEEDS_DIR or --seeds): events load without evidence quotes.\n"),
      );
    return 0;
  });
}
