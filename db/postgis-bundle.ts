/**
 * PGlite's PostGIS bundle without what the app never loads. At start PGlite unpacks an extension's
 * whole bundle into its in-memory file system and compiles every library in it, so the raster and
 * topology libraries (16 and 15 MB of WebAssembly), the tiger geocoder and the upgrade scripts
 * cost a server about 280 MB of resident memory although no query reaches them (measured on a
 * two-million-event store, README "First view and server memory"). The bundle handed to PGlite
 * keeps PostGIS itself (its library, control file and install script) and PROJ's data; it is cut
 * once from the installed bundle and cached in node_modules/.cache (inside the project, not the
 * shared temporary folder, where another user could plant a bundle under the predictable name).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import type { Extension } from "@electric-sql/pglite";
import { fromRoot } from "../lib/paths";

/** The files of the bundle that PostGIS needs for `CREATE EXTENSION postgis` and its functions. */
export const keepInBundle = (name: string): boolean =>
  /^lib\/postgresql\/postgis-\d+\.so$/.test(name) || name.startsWith("share/proj/") || /^share\/postgresql\/extension\/postgis(\.control|--\d+(\.\d+)*\.sql)$/.test(name);

const BLOCK = 512;
const text = (b: Uint8Array, from: number, length: number) => {
  const s = Buffer.from(b.subarray(from, from + length)).toString("latin1");
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
};

/**
 * The entries of a tar archive whose names pass `keep`, headers and data copied as they are. A pax
 * or GNU long-name header goes with the entry it describes.
 */
export function filterTar(tar: Uint8Array, keep: (name: string) => boolean): Uint8Array {
  const parts: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let longName: string | null = null;
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((x) => x === 0)) break;
    const size = parseInt(text(header, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156]!);
    const end = at + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const entry = tar.subarray(at, end);
    at = end;
    if (type === "x" || type === "g" || type === "L") {
      if (type === "L") longName = text(entry, BLOCK, size);
      pending.push(entry);
      continue;
    }
    const prefix = text(header, 257, 6) === "ustar" ? text(header, 345, 155) : "";
    const name = (longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100))).replace(/^\.\//, "");
    if (keep(name)) parts.push(...pending, entry);
    pending = [];
    longName = null;
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return Buffer.concat(parts);
}

/** The pruned copy of a gzipped bundle, written once per source file (by path, size and time). */
export function prunedBundle(source: string, dir = fromRoot("node_modules", ".cache", "strikeline")): string {
  const st = fs.statSync(source);
  const tag = createHash("sha256").update(`${source}|${st.size}|${st.mtimeMs}`).digest("hex").slice(0, 16);
  const out = path.join(dir, `strikeline-postgis-${tag}.tar.gz`);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, zlib.gzipSync(filterTar(zlib.gunzipSync(fs.readFileSync(source)), keepInBundle), { level: 1 }));
    // A rename, so two processes starting at once never read a half-written bundle.
    fs.renameSync(tmp, out);
  }
  return out;
}

/** PGlite's postgis extension, handing over the pruned bundle. */
export async function prunedPostgis(): Promise<Extension> {
  const { postgis } = await import("@electric-sql/pglite-postgis");
  return {
    name: postgis.name,
    setup: async (pg, opts) => {
      const r = await postgis.setup(pg, opts);
      return r.bundlePath ? { ...r, bundlePath: new URL(`file://${prunedBundle(fileURLToPath(r.bundlePath))}`) } : r;
    },
  };
}
