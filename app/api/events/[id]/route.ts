import { getStore } from "@/db/client";
import { getEventDetail } from "@/db/queries";
import { StrikelineError } from "@/lib/errors";
import { Slug } from "@/lib/schema";
import { isEditor } from "../../editor";
import { respond } from "../../respond";

export const dynamic = "force-dynamic";

export function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    const { id } = await ctx.params;
    if (!Slug.safeParse(id).success) throw new StrikelineError("bad_request", "Invalid event id", undefined, "id");
    const detail = await getEventDetail((await getStore()).db, id);
    // A rejected event is for editors only: to anyone else it does not exist.
    if (!detail || (detail.event.properties.status === "rejected" && !isEditor(req))) throw new StrikelineError("not_found", `No event with id "${id}"`, undefined, "id");
    return detail;
  });
}
