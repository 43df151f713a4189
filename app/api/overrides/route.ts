import { getStore } from "@/db/client";
import { addOverride } from "@/db/overrides";
import { readJson } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { MAX_OVERRIDE_BODY_BYTES, parseOverride } from "@/lib/overrides";
import { authorOf, gateWrite, json, serialWrite } from "../editor";
import { respond } from "../respond";

export const dynamic = "force-dynamic";

/** Records a correction in the log and applies it (the same records `strikeline overrides add` writes). */
export function POST(req: Request) {
  return respond(async () => {
    gateWrite(req);
    const raw = await readJson(req, MAX_OVERRIDE_BODY_BYTES);
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new StrikelineError("bad_request", "Send one override as a JSON object", undefined, "body");
    const { author, ...rest } = raw as Record<string, unknown>;
    const input = parseOverride(rest);
    const db = (await getStore()).db;
    return json(await serialWrite(() => addOverride(db, input, { author: authorOf(author) })), 201);
  });
}
