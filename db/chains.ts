/**
 * Chain membership (lib/chains.ts) kept in the store (migration 0010): one row per linked event
 * with the id of its chain. Chains are a property of the whole link graph, so they are rebuilt
 * whole when the data version (migration 0004) has moved: once per version and process, and once
 * per version across processes (an advisory lock and the version stamped in chain_state), as the
 * rollups are. Reads join the table, so no server holds the graph in memory.
 *
 * A rebuild numbers the linked events in date order in a temporary table, reads the live links as
 * pairs of those numbers a range of events at a time, joins them in a ChainForest (typed arrays)
 * and writes the roots back a range at a time: its memory follows the range, not the store.
 */
import { sql } from "drizzle-orm";
import { ChainForest } from "../lib/chains";
import type { Db } from "./client";
import { perVersion } from "./queries";

/** The advisory lock a rebuild holds ("CHNS"), so two servers on one database rebuild once. */
const CHAIN_LOCK = 0x43484e53;
/** Linked events whose links are read, and whose chains are written, per statement. */
const PAGE = 200_000;

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown): T[] => (r as Rows<T>).rows;

/** Makes the chain table match the store's data version, once per version in this process. */
export function ensureChains(db: Db): Promise<boolean> {
  return perVersion(db, "chains", () => refreshChains(db));
}

/** Rebuilds the chain table unless it already matches the data version. Returns whether it rebuilt it. */
export async function refreshChains(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    // The version is read before the links: a write landing in between leaves the stamp behind the data, so the next read rebuilds again.
    const [state] = rowsOf<{ data: string; done: string }>(await tx.execute(sql`select (select version from data_version)::text as data, (select version from chain_state)::text as done`));
    if (!state || state.data === state.done) return false;
    await tx.execute(sql`create temp table chain_nodes on commit drop as
      select e.id, (row_number() over (order by e.date_start, e.id) - 1)::int as n
      from events e
      where e.id in (select from_event from links where status <> 'rejected' union select to_event from links where status <> 'rejected')`);
    await tx.execute(sql`create unique index on chain_nodes (id)`);
    await tx.execute(sql`create unique index on chain_nodes (n)`);
    await tx.execute(sql`analyze chain_nodes`);
    const [count] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from chain_nodes`));
    const nodes = Number(count?.n ?? 0);
    const forest = new ChainForest(nodes);
    // The live links out of one range of causes at a time, as two arrays of numbers (a row per link would cost an object each).
    for (let lo = 0; lo < nodes; lo += PAGE) {
      const [page] = rowsOf<{ a: number[] | null; b: number[] | null }>(
        await tx.execute(sql`select array_agg(f.n) as a, array_agg(t.n) as b from chain_nodes f
          join links l on l.from_event = f.id join chain_nodes t on t.id = l.to_event
          where f.n >= ${lo} and f.n < ${lo + PAGE} and l.status <> 'rejected'`),
      );
      const [a, b] = [page?.a ?? [], page?.b ?? []];
      for (let i = 0; i < a.length; i++) forest.join(Number(a[i]), Number(b[i]));
    }
    await tx.execute(sql`create temp table chain_roots (n int not null, root int not null) on commit drop`);
    for (let lo = 0; lo < nodes; lo += PAGE) {
      const roots = forest.roots(lo, Math.min(nodes, lo + PAGE));
      await tx.execute(sql`insert into chain_roots select ${lo} + k::int - 1, root from unnest(${`{${roots.join(",")}}`}::int[]) with ordinality as u(root, k)`);
    }
    // Written whole with its key built after: at 2M events, a million inserts into the live key took 24 s on PGlite, this 4 s.
    await tx.execute(sql`truncate event_chains`);
    await tx.execute(sql`alter table event_chains drop constraint if exists event_chains_pkey`);
    await tx.execute(sql`insert into event_chains (event_id, chain_id)
      select m.id, r.id from chain_roots x join chain_nodes m on m.n = x.n join chain_nodes r on r.n = x.root`);
    await tx.execute(sql`alter table event_chains add primary key (event_id)`);
    await tx.execute(sql`update chain_state set version = ${state.data}::bigint`);
    return true;
  });
}
