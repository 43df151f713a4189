import { getStore } from "@/db/client";
import { queryView } from "@/db/queries";
import { ApiParams } from "@/lib/api";
import { cachedResponse, viewJson, viewKey } from "../cache";
import { gateStatus } from "../editor";
import { parseViewQuery, requestUrl, respond } from "../respond";

export const dynamic = "force-dynamic";

/** The links the page draws for the same parameters: both ends shown. */
export function GET(req: Request) {
  return respond(async () => {
    const { view, own } = parseViewQuery(requestUrl(req), ApiParams);
    gateStatus(req, own.status);
    const { db } = await getStore();
    return cachedResponse(req, db, viewKey("links", view, own), async () => viewJson({ links: (await queryView(db, { ...view, ...own })).links }, own.status));
  });
}
