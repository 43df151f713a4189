/**
 * A view counted for a map at a zoom (lib/api.ts AggregateOut): grid cells with counts per family,
 * events per day, and links per pair of cells. Grouped in SQL, so the answer's size follows the
 * viewport and zoom, not the store. Text search, outlets and single chains need what only
 * lib/filter knows (folded text, the chain index): views using them are counted in memory from
 * the pushed-down candidates, with the same result.
 */
import { and, sql } from "drizzle-orm";
import type { AggregateOut, EventsQuery } from "../lib/api";
import { aggregateFeatures, CellCounter, cellDeg, sortArcs } from "../lib/map/aggregate";
import { FAMILIES, type Family } from "../lib/schema";
import type { Db } from "./client";
import { countEvents, eventWhere, linkedOnly, queryView, sqlExact, viewWhere } from "./queries";
import { events, links } from "./schema";

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(p: Promise<unknown>): Promise<T[]> => ((await p) as Rows<T>).rows;

export async function aggregateView(db: Db, q: EventsQuery & { zoom: number }): Promise<AggregateOut> {
  const [{ where }, totalCount] = await Promise.all([viewWhere(db, q), countEvents(db, q)]);
  if (!sqlExact(q)) {
    const [view, windowed] = await Promise.all([queryView(db, q), queryView(db, { ...q, cursor: null })]);
    return aggregateFeatures(view.events, windowed.events, view.links, q.zoom, totalCount);
  }
  const deg = cellDeg(q.zoom);
  const shownWhere = and(where, linkedOnly(q));
  const cx = sql`floor((ST_X(${events.geom}) + 180) / ${deg}::float8)::int`;
  const cy = sql`floor((ST_Y(${events.geom}) + 90) / ${deg}::float8)::int`;
  const liveLinks = q.status === "visible" ? sql`and l.status <> 'rejected'` : sql``;
  const [cellRows, dayRows, arcRows] = await Promise.all([
    rowsOf<{ cx: number; cy: number; family: string; n: number; sx: number; sy: number }>(
      db.execute(sql`select ${cx} as cx, ${cy} as cy, ${events.family} as family, count(*)::int as n,
        sum(ST_X(${events.geom}))::float8 as sx, sum(ST_Y(${events.geom}))::float8 as sy
        from ${events} where ${shownWhere ?? sql`true`} group by 1, 2, 3`),
    ),
    rowsOf<{ day: string; n: number }>(
      db.execute(sql`select ${events.dateStart}::text as day, count(*)::int as n from ${events}
        where ${and(eventWhere(q), linkedOnly(q)) ?? sql`true`} group by 1 order by 1`),
    ),
    rowsOf<{ fx: number; fy: number; tx: number; ty: number; n: number }>(
      db.execute(sql`with v as (select ${events.id} as id, ${cx} as cx, ${cy} as cy from ${events} where ${shownWhere ?? sql`true`})
        select a.cx as fx, a.cy as fy, b.cx as tx, b.cy as ty, count(*)::int as n
        from ${links} l join v a on a.id = l.from_event join v b on b.id = l.to_event
        where true ${liveLinks} group by 1, 2, 3, 4`),
    ),
  ]);
  const cells = new CellCounter();
  for (const r of cellRows) cells.add(r.cx, r.cy, r.family as Family, r.n, Number(r.sx), Number(r.sy));
  const out = cells.cells();
  return {
    zoom: q.zoom,
    cellDeg: deg,
    families: [...FAMILIES],
    cells: out,
    days: dayRows,
    arcs: sortArcs(arcRows.map((r) => ({ from: [r.fx, r.fy] as [number, number], to: [r.tx, r.ty] as [number, number], n: r.n }))),
    counts: { shown: out.reduce((s, c) => s + c.n, 0), total: totalCount },
  };
}
