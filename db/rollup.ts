/**
 * Rollups (migration 0005): the events counted per fine grid cell and family, per date span and
 * family, and the links per pair of fine cells and families, each with rejected rows apart. A
 * zoomed-out view of millions of events sums a few thousand of these rows instead of scanning
 * every event it covers (db/aggregate.ts), so its cost follows the area and the time span, not
 * the number of events.
 *
 * They are rebuilt whole when the data version (migration 0004) has moved: once per version and
 * process, and once per version across processes (an advisory lock and the version stamped in
 * rollup_state). A rebuild reads every event; `strikeline synth` runs it after loading, so the
 * first view after a bulk load does not pay for it.
 */
import { sql, type SQL } from "drizzle-orm";
import { cellDeg } from "../lib/map/aggregate";
import type { Db } from "./client";
import { perVersion } from "./queries";
import { events } from "./schema";

/** The zoom of the rollups' cells. Coarser zooms group them (cell numbers shifted right); finer ones scan the events. */
export const ROLLUP_ZOOM = 8;
/** The advisory lock a rebuild holds ("ROLL"), so two servers on one database rebuild once. */
const ROLLUP_LOCK = 0x524f4c4c;

/** A fine cell's number of an event, the same floor((lon + 180) / deg) lib/map/aggregate.ts computes. */
export const fineCell = {
  x: sql`floor((ST_X(${events.geom}) + 180) / ${cellDeg(ROLLUP_ZOOM)}::float8)::int`,
  y: sql`floor((ST_Y(${events.geom}) + 90) / ${cellDeg(ROLLUP_ZOOM)}::float8)::int`,
};

type Rows<T> = { rows: T[] };

/** Makes the rollups match the store's data version, once per version in this process. */
export function ensureRollups(db: Db): Promise<boolean> {
  return perVersion(db, "rollups", () => refreshRollups(db));
}

/** Rebuilds the rollups unless they already match the data version. Returns whether it rebuilt them. */
export async function refreshRollups(db: Db): Promise<boolean> {
  const cell = (t: "a" | "b") => ({
    x: sql`floor((ST_X(${sql.raw(t)}.geom) + 180) / ${cellDeg(ROLLUP_ZOOM)}::float8)::int`,
    y: sql`floor((ST_Y(${sql.raw(t)}.geom) + 90) / ${cellDeg(ROLLUP_ZOOM)}::float8)::int`,
  });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    // The version is read before the counts: a write landing in between leaves the stamp behind the data, so the next read rebuilds again rather than trusting it.
    const [state] = ((await tx.execute(sql`select (select version from data_version)::text as data, (select version from rollup_state)::text as rolled`)) as unknown as Rows<{ data: string; rolled: string }>).rows;
    if (!state || state.data === state.rolled) return false;
    await tx.execute(sql`delete from rollup_cells`);
    await tx.execute(sql`delete from rollup_days`);
    await tx.execute(sql`delete from rollup_arcs`);
    await tx.execute(sql`insert into rollup_cells (cx, cy, family, rejected, n, sum_lon, sum_lat)
      select ${fineCell.x}, ${fineCell.y}, ${events.family}, ${events.status} = 'rejected', count(*)::int, sum(ST_X(${events.geom})), sum(ST_Y(${events.geom}))
      from ${events} group by 1, 2, 3, 4`);
    // Grouping sets: the rows per family and span, and the rows over all families per start day (family and end left null).
    await tx.execute(sql`insert into rollup_days (date_start, date_end, family, rejected, n)
      select ${events.dateStart}, ${events.dateEnd}, ${events.family}, ${events.status} = 'rejected', count(*)::int from ${events}
      group by grouping sets ((1, 2, 3, 4), (1, 4))`);
    const [a, b] = [cell("a"), cell("b")];
    await tx.execute(sql`insert into rollup_arcs (from_cx, from_cy, to_cx, to_cy, from_family, to_family, hidden, n)
      select ${a.x}, ${a.y}, ${b.x}, ${b.y}, a.family, b.family, (l.status = 'rejected' or a.status = 'rejected' or b.status = 'rejected'), count(*)::int
      from links l join events a on a.id = l.from_event join events b on b.id = l.to_event
      group by grouping sets ((1, 2, 3, 4, 5, 6, 7), (1, 2, 3, 4, 7))`);
    await tx.execute(sql`update rollup_state set version = ${state.data}::bigint`);
    return true;
  });
}

/** The inclusive ranges of fine cells a rollup read is limited to, as a condition on `cx`/`cy`-style columns. */
export function cellRange(x: SQL, y: SQL, inner: { x: [number, number]; y: [number, number] } | null): SQL {
  return inner ? sql`${x} between ${inner.x[0]} and ${inner.x[1]} and ${y} between ${inner.y[0]} and ${inner.y[1]}` : sql`true`;
}
