import { getStore } from "@/db/client";
import { listLinks } from "@/db/queries";
import { EventsQuery } from "@/lib/api";
import { parseQuery, respond } from "../respond";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return respond(async () => {
    const q = parseQuery(EventsQuery, new URL(req.url).searchParams);
    return { links: await listLinks((await getStore()).db, q) };
  });
}
