import { getStore } from "../../db/client";
import { listEvents, listLinks } from "../../db/queries";
import type { Io } from "../../lib/io";

export async function exportCommand(o: { format: "geojson" | "links"; all?: boolean }, io: Io): Promise<number> {
  const store = await getStore();
  try {
    const q = { status: o.all ? ("all" as const) : ("visible" as const) };
    const body =
      o.format === "geojson"
        ? { type: "FeatureCollection", features: await listEvents(store.db, q) }
        : { links: await listLinks(store.db, q) };
    io.stdout(JSON.stringify(body, null, 2) + "\n");
    return 0;
  } finally {
    await store.close();
  }
}
