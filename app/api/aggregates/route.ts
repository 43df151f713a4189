import { aggregateView } from "@/db/aggregate";
import { getStore } from "@/db/client";
import { AggregateParams } from "@/lib/api";
import { cachedResponse, viewJson, viewKey } from "../cache";
import { gateStatus } from "../editor";
import { parseViewQuery, requestUrl, respond } from "../respond";

export const dynamic = "force-dynamic";

/** The view counted for a map at `zoom`: cells, families, days and arcs, sized by the viewport, not the store. */
export function GET(req: Request) {
  return respond(async () => {
    const { view, own } = parseViewQuery(requestUrl(req), AggregateParams);
    gateStatus(req, own.status);
    const { db } = await getStore();
    return cachedResponse(req, db, viewKey("aggregates", view, own), async () => viewJson(await aggregateView(db, { ...view, ...own }), own.status));
  });
}
