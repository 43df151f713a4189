import { getStore } from "@/db/client";
import { listEvents } from "@/db/queries";
import { EventsQuery } from "@/lib/api";
import { parseQuery, respond } from "../respond";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return respond(async () => {
    const q = parseQuery(EventsQuery, new URL(req.url).searchParams);
    const features = await listEvents((await getStore()).db, q);
    return { type: "FeatureCollection", features };
  }, "application/geo+json");
}
