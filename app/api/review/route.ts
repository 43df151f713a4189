import { getStore } from "@/db/client";
import { reviewQueue } from "@/db/review";
import { ReviewParams } from "@/lib/review-api";
import { gateRead } from "../editor";
import { parseQuery, requestUrl, respond } from "../respond";

export const dynamic = "force-dynamic";

/** Extracted events and links not yet reviewed, least confident first, with their evidence. */
export function GET(req: Request) {
  return respond(async () => {
    gateRead(req);
    const { limit } = parseQuery(ReviewParams, requestUrl(req).searchParams);
    return reviewQueue((await getStore()).db, { limit });
  });
}
