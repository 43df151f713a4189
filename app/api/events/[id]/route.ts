import { getStore } from "@/db/client";
import { getEventDetail } from "@/db/queries";
import { StrikelineError } from "@/lib/errors";
import { Slug } from "@/lib/schema";
import { isEditor } from "../../editor";
import { lastSegment, requestUrl, respond } from "../../respond";

export const dynamic = "force-dynamic";

/**
 * The id is read from the raw path rather than the framework's decoded params, so that a malformed
 * escape (%C0%AF, a lone %) is a 400 naming the path, never a decoding crash.
 */
export function GET(req: Request) {
  return respond(async () => {
    const id = lastSegment(requestUrl(req));
    if (!Slug.safeParse(id).success) throw new StrikelineError("bad_request", "Invalid event id", undefined, "id");
    const detail = await getEventDetail((await getStore()).db, id);
    // A rejected event is for editors only: to anyone else it does not exist.
    if (!detail || (detail.event.properties.status === "rejected" && !isEditor(req))) throw new StrikelineError("not_found", `No event with id "${id}"`, undefined, "id");
    return detail;
  });
}
