/** What the fault tests compare between runs: row counts, and rows that say the same thing twice. */
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";

export async function storeCounts(db: Db) {
  const one = async (q: ReturnType<typeof sql>) => Number(((await db.execute(q)) as unknown as { rows: { n: number | string }[] }).rows[0]!.n);
  return {
    articles: await one(sql`select count(*) as n from articles`),
    events: await one(sql`select count(*) as n from events`),
    sources: await one(sql`select count(*) as n from event_sources`),
    links: await one(sql`select count(*) as n from links`),
    // Two events alike in everything a reader sees are one event stored twice.
    duplicateEvents: await one(
      sql`select count(*) as n from (select 1 from events group by date_start, date_end, family, attacker, target, place_name having count(*) > 1) d`,
    ),
  };
}
export type StoreCounts = Awaited<ReturnType<typeof storeCounts>>;
