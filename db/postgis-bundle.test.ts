import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { filterTar, keepInBundle, prunedBundle } from "./postgis-bundle";

const source = path.join(path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite-postgis")), "postgis.tar.gz");
const namesOf = (tar: Uint8Array) => {
  const names: string[] = [];
  filterTar(tar, (n) => (names.push(n), false));
  return names;
};

describe("the pruned PostGIS bundle", () => {
  const tar = zlib.gunzipSync(fs.readFileSync(source));

  it("keeps PostGIS's library, control file, install script and PROJ's data, and nothing else", () => {
    const all = namesOf(tar);
    const kept = namesOf(filterTar(tar, keepInBundle));
    expect(kept).toEqual(all.filter(keepInBundle));
    expect(kept).toEqual(expect.arrayContaining(["lib/postgresql/postgis-3.so", "share/postgresql/extension/postgis.control", "share/proj/proj.db"]));
    expect(kept.some((n) => /^share\/postgresql\/extension\/postgis--[\d.]+\.sql$/.test(n))).toBe(true);
    expect(all).toContain("lib/postgresql/postgis_raster-3.so");
    expect(kept.filter((n) => /raster|topology|tiger|--ANY|unpackaged/.test(n))).toEqual([]);
  });

  it("copies the entries it keeps byte for byte", () => {
    const copy = filterTar(tar, () => true);
    expect(Buffer.from(copy.subarray(0, copy.length - 1024)).equals(Buffer.from(tar.subarray(0, copy.length - 1024)))).toBe(true);
    expect(namesOf(copy)).toEqual(namesOf(tar));
  });

  it("is cut once and then read from its cache", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-bundle-"));
    try {
      const first = prunedBundle(source, dir);
      const written = fs.statSync(first).mtimeMs;
      expect(prunedBundle(source, dir)).toBe(first);
      expect(fs.statSync(first).mtimeMs).toBe(written);
      expect(fs.statSync(first).size).toBeLessThan(fs.statSync(source).size / 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
