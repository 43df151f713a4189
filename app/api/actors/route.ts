import { getStore } from "@/db/client";
import { listActors } from "@/db/queries";
import { respond } from "../respond";

export const dynamic = "force-dynamic";

/** Every actor (id, name, kind, country): the attacker and target pickers of the review editor. */
export function GET() {
  return respond(async () => ({ actors: await listActors((await getStore()).db) }));
}
