/**
 * `strikeline export --format …`: the view a URL's parameters describe (all events without
 * them) in any download format, to stdout. `links` is the API's JSON link list.
 */
import { withStore, type Store } from "../../db/client";
import { exportExtras } from "../../db/import";
import { listLinks, queryView } from "../../db/queries";
import type { ExportFormat } from "../../lib/api";
import { StrikelineError } from "../../lib/errors";
import { exportView } from "../../lib/export";
import type { Io } from "../../lib/io";
import { parseView } from "../../lib/url-state";

export type ExportArgs = { format: ExportFormat | "links"; query?: string; all?: boolean };

export async function exportCommand(o: ExportArgs, io: Io, deps: { store?: Store } = {}): Promise<number> {
  const { view, dropped } = parseView(new URLSearchParams(o.query ?? ""));
  if (dropped[0]) throw new StrikelineError("bad_request", `--query: bad parameter "${dropped[0].param}": ${dropped[0].reason}`, dropped, "query");
  return withStore(deps.store, async (store) => {
    const q = { ...view, status: o.all ? ("all" as const) : ("visible" as const) };
    if (o.format === "links") {
      io.stdout(JSON.stringify({ links: await listLinks(store.db, q) }, null, 2) + "\n");
      return 0;
    }
    const { events, links } = await queryView(store.db, q);
    const file = exportView(o.format, events, links, await exportExtras(store.db, events.map((e) => e.id)));
    // On a terminal or a pipe the byte-order mark that spreadsheets want is noise.
    io.stdout(file.body.replace(/^\uFEFF/, ""));
    if (!file.body.endsWith("\n")) io.stdout("\n");
    return 0;
  });
}
