import { aggregateView } from "@/db/aggregate";
import { getStore } from "@/db/client";
import { AggregateParams } from "@/lib/api";
import { parseViewQuery, respond } from "../respond";

export const dynamic = "force-dynamic";

/** The view counted for a map at `zoom`: cells, families, days and arcs, sized by the viewport, not the store. */
export function GET(req: Request) {
  return respond(async () => {
    const { view, own } = parseViewQuery(new URL(req.url).searchParams, AggregateParams);
    return aggregateView((await getStore()).db, { ...view, ...own });
  });
}
