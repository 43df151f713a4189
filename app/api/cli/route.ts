import { MAX_REMOTE_BODY_BYTES, serveCommand } from "@/bin/remote";
import { getStore } from "@/db/client";
import { readJson } from "@/lib/auth";
import { StrikelineError } from "@/lib/errors";
import { gateWrite, serialWrite } from "../editor";
import { respond } from "../respond";

export const dynamic = "force-dynamic";

/** A CLI command run beside the app (bin/remote.ts): on the server's open store, answered with its output and exit code. */
export function POST(req: Request) {
  return respond(async () => {
    if (gateWrite(req) !== "bearer") throw new StrikelineError("forbidden", "The CLI endpoint takes the editor token as a bearer header only");
    const raw = await readJson(req, MAX_REMOTE_BODY_BYTES);
    const store = await getStore();
    return serialWrite(() => serveCommand(raw, { store, signal: req.signal }));
  });
}
