import { getStore } from "@/db/client";
import { overrideLog } from "@/db/overrides";
import { LogParams } from "@/lib/review-api";
import { gateRead } from "../../editor";
import { parseQuery, requestUrl, respond } from "../../respond";

export const dynamic = "force-dynamic";

/** The correction log, newest first (`before` pages back, `target` narrows to one event or link). */
export function GET(req: Request) {
  return respond(async () => {
    gateRead(req);
    const q = parseQuery(LogParams, requestUrl(req).searchParams);
    return { entries: await overrideLog((await getStore()).db, q) };
  });
}
