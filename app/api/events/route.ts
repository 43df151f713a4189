import { getStore } from "@/db/client";
import { queryView } from "@/db/queries";
import { ApiParams } from "@/lib/api";
import { cachedResponse, viewJson, viewKey } from "../cache";
import { gateStatus } from "../editor";
import { parseViewQuery, requestUrl, respond } from "../respond";

export const dynamic = "force-dynamic";

/** The events the page shows for the same parameters, with "shown of total" counts. */
export function GET(req: Request) {
  return respond(async () => {
    const { view, own } = parseViewQuery(requestUrl(req), ApiParams);
    gateStatus(req, own.status);
    const { db } = await getStore();
    return cachedResponse(req, db, viewKey("events", view, own), async () => {
      const { events, counts } = await queryView(db, { ...view, ...own });
      return viewJson({ type: "FeatureCollection", features: events, counts }, own.status, "application/geo+json");
    });
  });
}
