/**
 * A PostGIS geometry(Point, 4326) column. drizzle's built-in `geometry` omits the SRID in both
 * the DDL and the values it writes, which PostGIS rejects for an SRID-constrained column.
 */
import { customType } from "drizzle-orm/pg-core";

export type LonLat = { lon: number; lat: number };

/** Parse a hex EWKB point (what PostGIS returns for a geometry column). */
export function parseEwkbPoint(hex: string): LonLat {
  const buf = Buffer.from(hex, "hex");
  const little = buf.readUInt8(0) === 1;
  const type = little ? buf.readUInt32LE(1) : buf.readUInt32BE(1);
  const hasSrid = (type & 0x20000000) !== 0;
  if ((type & 0xff) !== 1) throw new Error(`expected a WKB point, got type ${type & 0xff}`);
  const off = hasSrid ? 9 : 5;
  const read = (o: number) => (little ? buf.readDoubleLE(o) : buf.readDoubleBE(o));
  return { lon: read(off), lat: read(off + 8) };
}

export const pointColumn = customType<{ data: LonLat; driverData: string }>({
  dataType() {
    return "geometry(Point, 4326)";
  },
  toDriver(p) {
    return `SRID=4326;POINT(${p.lon} ${p.lat})`;
  },
  fromDriver(v) {
    return parseEwkbPoint(v);
  },
});
