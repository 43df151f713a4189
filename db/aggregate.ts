/**
 * A view counted for a map at a zoom (lib/api.ts AggregateOut): grid cells with counts per family,
 * events per day, and links per pair of cells. Grouped in SQL, so the answer's size follows the
 * viewport and zoom, not the store. Where the rollups (db/rollup.ts) hold every filter of the view,
 * the cells wholly inside the box are summed from them and only the strips along the box's sides
 * are read from the events, so a zoomed-out view costs the same at two million events as at twenty
 * thousand. Text search, outlets and single chains need what only lib/filter knows (folded text,
 * a single chain's members): views using them are counted in memory from the pushed-down candidates, with
 * the same result.
 */
import { and, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AggregateOut, EventsQuery } from "../lib/api";
import { aggregateFeatures, CellCounter, cellDeg, SeriesCounter, seriesOfFeatures, sortArcs, splitBox, type CellSeries } from "../lib/map/aggregate";
import { dayOf } from "../lib/map/time";
import { FAMILIES, type Family } from "../lib/schema";
import type { Db } from "./client";
import { countEvents, eventWhere, linkedOnly, queryView, sqlExact, viewWhere } from "./queries";
import { cellRange, ensureRollups, fineCell, ROLLUP_ZOOM } from "./rollup";
import { events, links } from "./schema";

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(p: Promise<unknown>): Promise<T[]> => ((await p) as Rows<T>).rows;
type CellRow = { cx: number; cy: number; family: string; n: number; sx: number; sy: number };
type ArcRow = { fx: number; fy: number; tx: number; ty: number; n: number };
type Inner = ReturnType<typeof splitBox>["inner"];

const some = <T>(xs: readonly T[] | undefined): xs is readonly T[] => xs !== undefined && xs.length > 0;

/** Filters the rollups cannot hold: they keep cells, date spans and families only. */
const beyondRollups = (q: EventsQuery) =>
  some(q.attackers) || some(q.targets) || some(q.countries) || some(q.claims) || !!q.minKilled || (q.chain ?? "all") !== "all";

/** Cells and arcs come from the rollups for a view with no date filter at a zoom no finer than theirs. */
const spaceFromRollups = (q: EventsQuery & { zoom: number }) => q.zoom <= ROLLUP_ZOOM && !beyondRollups(q) && !q.from && !q.to && !q.cursor;

export async function aggregateView(db: Db, q: EventsQuery & { zoom: number; series?: "days" }): Promise<AggregateOut> {
  const [{ where }, totalCount] = await Promise.all([viewWhere(db, q), countEvents(db, q)]);
  if (!sqlExact(q)) {
    const [view, windowed, boxed] = await Promise.all([
      queryView(db, q),
      queryView(db, { ...q, bbox: undefined, cursor: null }),
      q.series ? queryView(db, { ...q, cursor: null }) : null,
    ]);
    const out = aggregateFeatures(view.events, windowed.events, view.links, q.zoom, totalCount);
    return boxed ? { ...out, series: seriesOfFeatures(boxed.events, q.zoom) } : out;
  }
  if (!beyondRollups(q)) await ensureRollups(db);
  const deg = cellDeg(q.zoom);
  const shownWhere = and(where, linkedOnly(q)) ?? sql`true`;
  const split = spaceFromRollups(q) ? (q.bbox ? splitBox(q.bbox, cellDeg(ROLLUP_ZOOM)) : WORLD) : null;
  // Without a cell wholly inside the box there is nothing to sum: the events are read as before.
  const rolled = split?.inner ? { inner: split.inner, edge: edgeWhere(q, split.strips, split.inner) } : null;
  const shift = ROLLUP_ZOOM - q.zoom;
  const [cellRows, dayRows, arcRows, series] = await Promise.all([
    rolled
      ? Promise.all([cellsFromRollup(db, q, rolled.inner, shift), rolled.edge ? cellsOfEvents(db, rolled.edge, deg) : []]).then(([a, b]) => [...a, ...b])
      : cellsOfEvents(db, shownWhere, deg),
    beyondRollups(q) ? daysOfEvents(db, q) : daysFromRollup(db, q),
    rolled
      ? Promise.all([arcsFromRollup(db, q, rolled.inner, shift), rolled.edge ? arcsOfEdge(db, q, rolled.edge, shownWhere, deg) : []]).then(([a, b]) => [...a, ...b])
      : arcsOfEvents(db, q, shownWhere, deg),
    q.series ? seriesOfEvents(db, q, deg) : null,
  ]);
  const cells = new CellCounter();
  for (const r of cellRows) cells.add(r.cx, r.cy, r.family as Family, r.n, Number(r.sx), Number(r.sy));
  const out = cells.cells();
  const arcs = new Map<string, { from: [number, number]; to: [number, number]; n: number }>();
  for (const r of arcRows) {
    const key = `${r.fx},${r.fy}|${r.tx},${r.ty}`;
    const a = arcs.get(key);
    if (a) a.n += r.n;
    else arcs.set(key, { from: [r.fx, r.fy], to: [r.tx, r.ty], n: r.n });
  }
  return {
    zoom: q.zoom,
    cellDeg: deg,
    families: [...FAMILIES],
    cells: out,
    days: dayRows,
    arcs: sortArcs([...arcs.values()]),
    counts: { shown: out.reduce((s, c) => s + c.n, 0), total: totalCount },
    ...(series ? { series } : {}),
  };
}

/** The view's cells per start day, cursor left out: a scan of the events in the box, made once per view, not per frame. */
async function seriesOfEvents(db: Db, q: EventsQuery, deg: number): Promise<CellSeries[]> {
  const [cx, cy] = viewCell(deg);
  const rows = await rowsOf<{ cx: number; cy: number; day: string; n: number }>(
    db.execute(sql`select ${cx} as cx, ${cy} as cy, ${events.dateStart}::text as day, count(*)::int as n from ${events}
      where ${and(eventWhere(q), linkedOnly(q)) ?? sql`true`} group by 1, 2, 3`),
  );
  const out = new SeriesCounter();
  for (const r of rows) out.add(r.cx, r.cy, dayOf(r.day), r.n);
  return out.series();
}

/** Every fine cell (a point at longitude 180 numbers one past the last), with no strip left over. */
const WORLD: ReturnType<typeof splitBox> = { inner: { x: [0, 2 ** (ROLLUP_ZOOM + 3)], y: [0, 2 ** (ROLLUP_ZOOM + 2)] }, strips: [] };

/**
 * The shown events of the box's side strips that are not in its inner cells: what the rollups
 * leave to read. The strips stand for the box here, so the place index reads them alone.
 */
function edgeWhere(q: EventsQuery, strips: readonly (readonly number[])[], inner: NonNullable<Inner>): SQL | null {
  if (!strips.length) return null;
  const envelopes = strips.map(([w, s, e, n]) => sql`${events.geom} && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`);
  return sql`${eventWhere({ ...q, bbox: undefined }) ?? sql`true`} and (${or(...envelopes)}) and not (${cellRange(fineCell.x, fineCell.y, inner)})`;
}

/** Rollup rows for the view's status and families. */
function rollupWhere(q: EventsQuery, family: SQL, rejected: SQL): SQL {
  return and(q.status === "visible" ? sql`not ${rejected}` : undefined, some(q.families) ? inArray(family, [...q.families]) : undefined) ?? sql`true`;
}

function cellsFromRollup(db: Db, q: EventsQuery, inner: NonNullable<Inner>, shift: number): Promise<CellRow[]> {
  return rowsOf<CellRow>(
    db.execute(sql`select cx >> ${shift} as cx, cy >> ${shift} as cy, family, sum(n)::int as n, sum(sum_lon)::float8 as sx, sum(sum_lat)::float8 as sy
      from rollup_cells where ${cellRange(sql`cx`, sql`cy`, inner)} and ${rollupWhere(q, sql`family`, sql`rejected`)} group by 1, 2, 3`),
  );
}

function cellsOfEvents(db: Db, where: SQL, deg: number): Promise<CellRow[]> {
  const [cx, cy] = viewCell(deg);
  return rowsOf<CellRow>(
    db.execute(sql`select ${cx} as cx, ${cy} as cy, ${events.family} as family, count(*)::int as n,
      sum(ST_X(${events.geom}))::float8 as sx, sum(ST_Y(${events.geom}))::float8 as sy
      from ${events} where ${where} group by 1, 2, 3`),
  );
}

const viewCell = (deg: number) => [
  sql`floor((ST_X(${events.geom}) + 180) / ${deg}::float8)::int`,
  sql`floor((ST_Y(${events.geom}) + 90) / ${deg}::float8)::int`,
];

/**
 * Events per start day over the view's filters and window, wherever the map looks and whatever
 * the cursor: the timeline's histogram, which (as on the page for a small store) covers every
 * filtered event, so it stays put while the map moves.
 */
function daysFromRollup(db: Db, q: EventsQuery): Promise<{ day: string; n: number }[]> {
  // The rows over all families answer a view with neither families nor a window; the rest read the rows per family.
  const perFamily = some(q.families) || !!q.from || !!q.to;
  const where = and(
    rollupWhere(q, sql`family`, sql`rejected`),
    perFamily ? sql`family is not null` : sql`family is null`,
    q.from ? sql`date_end >= ${q.from}` : undefined,
    q.to ? sql`date_start <= ${q.to}` : undefined,
  );
  return rowsOf(db.execute(sql`select date_start::text as day, sum(n)::int as n from rollup_days where ${where} group by 1 order by 1`));
}

function daysOfEvents(db: Db, q: EventsQuery): Promise<{ day: string; n: number }[]> {
  const where = and(eventWhere({ ...q, bbox: undefined }), linkedOnly(q)) ?? sql`true`;
  return rowsOf(db.execute(sql`select ${events.dateStart}::text as day, count(*)::int as n from ${events} where ${where} group by 1 order by 1`));
}

const liveLinks = (q: EventsQuery) => (q.status === "visible" ? sql`and l.status <> 'rejected'` : sql``);

function arcsFromRollup(db: Db, q: EventsQuery, inner: NonNullable<Inner>, shift: number): Promise<ArcRow[]> {
  // Rows over all pairs of families (null) unless the view picks families.
  const families = some(q.families) ? and(inArray(sql`from_family`, [...q.families]), inArray(sql`to_family`, [...q.families])) : sql`from_family is null`;
  const where = and(
    cellRange(sql`from_cx`, sql`from_cy`, inner),
    cellRange(sql`to_cx`, sql`to_cy`, inner),
    q.status === "visible" ? sql`not hidden` : undefined,
    families,
  );
  return rowsOf<ArcRow>(
    db.execute(sql`select from_cx >> ${shift} as fx, from_cy >> ${shift} as fy, to_cx >> ${shift} as tx, to_cy >> ${shift} as ty, sum(n)::int as n
      from rollup_arcs where ${where} group by 1, 2, 3, 4`),
  );
}

/** Links with an end among the edge events and both ends shown: the arcs the rollup's inner cells do not hold. */
function arcsOfEdge(db: Db, q: EventsQuery, edge: SQL, shownWhere: SQL, deg: number): Promise<ArcRow[]> {
  const [cx, cy] = viewCell(deg);
  return rowsOf<ArcRow>(
    // Each step is driven by the few rows before it (the strips' events, their links, the links' ends by id), never by the box.
    db.execute(sql`with e as (select ${events.id} as id from ${events} where ${edge}),
        l2 as (select l.from_event, l.to_event from ${links} l join e on e.id = l.from_event where true ${liveLinks(q)}
          union select l.from_event, l.to_event from ${links} l join e on e.id = l.to_event where true ${liveLinks(q)}),
        ends as (select ${events.id} as id, ${cx} as cx, ${cy} as cy from ${events}
          where ${events.id} = any(array(select from_event from l2 union select to_event from l2)) and ${shownWhere})
      select a.cx as fx, a.cy as fy, b.cx as tx, b.cy as ty, count(*)::int as n
      from l2 join ends a on a.id = l2.from_event join ends b on b.id = l2.to_event group by 1, 2, 3, 4`),
  );
}

function arcsOfEvents(db: Db, q: EventsQuery, shownWhere: SQL, deg: number): Promise<ArcRow[]> {
  const [cx, cy] = viewCell(deg);
  return rowsOf<ArcRow>(
    db.execute(sql`with v as (select ${events.id} as id, ${cx} as cx, ${cy} as cy from ${events} where ${shownWhere})
      select a.cx as fx, a.cy as fy, b.cx as tx, b.cy as ty, count(*)::int as n
      from ${links} l join v a on a.id = l.from_event join v b on b.id = l.to_event
      where true ${liveLinks(q)} group by 1, 2, 3, 4`),
  );
}
