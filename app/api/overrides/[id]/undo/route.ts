import { getStore } from "@/db/client";
import { undoOverride } from "@/db/overrides";
import { readJson } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { authorOf, gateWrite, serialWrite } from "../../../editor";
import { respond } from "../../../respond";

export const dynamic = "force-dynamic";

/** Undoes one log entry: its target goes back to what it was without it; later entries stay. */
export function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    gateWrite(req);
    const { id } = await ctx.params;
    if (!/^[1-9][0-9]{0,9}$/.test(id)) throw new StrikelineError("bad_request", "Invalid override id", undefined, "id");
    const raw = (await readJson(req, 4096)) as { author?: unknown } | null;
    const db = (await getStore()).db;
    return { entry: await serialWrite(() => undoOverride(db, Number(id), { author: authorOf(raw?.author) })) };
  });
}
