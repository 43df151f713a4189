import { withStore, type Store } from "../../db/client";
import { listEvents, listLinks } from "../../db/queries";
import type { Io } from "../../lib/io";

export async function exportCommand(o: { format: "geojson" | "links"; all?: boolean }, io: Io, deps: { store?: Store } = {}): Promise<number> {
  return withStore(deps.store, async (store) => {
    const q = { status: o.all ? ("all" as const) : ("visible" as const) };
    const body =
      o.format === "geojson"
        ? { type: "FeatureCollection", features: await listEvents(store.db, q) }
        : { links: await listLinks(store.db, q) };
    io.stdout(JSON.stringify(body, null, 2) + "\n");
    return 0;
  });
}
