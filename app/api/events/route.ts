import { getStore } from "@/db/client";
import { queryView } from "@/db/queries";
import { ApiParams } from "@/lib/api";
import { gateStatus } from "../editor";
import { parseViewQuery, requestUrl, respond } from "../respond";

export const dynamic = "force-dynamic";

/** The events the page shows for the same parameters, with "shown of total" counts. */
export function GET(req: Request) {
  return respond(async () => {
    const { view, own } = parseViewQuery(requestUrl(req), ApiParams);
    gateStatus(req, own.status);
    const { events, counts } = await queryView((await getStore()).db, { ...view, ...own });
    return { type: "FeatureCollection", features: events, counts };
  }, "application/geo+json");
}
