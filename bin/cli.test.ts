/**
 * The CLI as a user runs it: a real process, a real data folder, the real curated dataset and
 * geocoder. Exit codes: 0 ok, 2 usage error, 3 input rejected.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EventCollection, LinkList } from "../lib/api";
import { main, type Io } from "./cli";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.resolve("bin/strikeline.mjs"), ...args], {
    encoding: "utf8",
    env: { ...process.env, STRIKELINE_DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

function capture(): Io & { out: string; err: string } {
  const io = { out: "", err: "", isTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
}

describe("strikeline CLI", () => {
  it("prints help for every command and exits 0", async () => {
    for (const args of [["--help"], ["seed", "--help"], ["export", "--help"], ["synth", "--help"], ["bench", "--help"]]) {
      const io = capture();
      expect(await main(args, io)).toBe(0);
      expect(io.out).toMatch(/Usage: strikeline/);
    }
  });

  it("exits 2 on a usage error and says what was wrong", async () => {
    const io = capture();
    expect(await main(["export", "--format", "xlsx"], io)).toBe(2);
    expect(io.err).toMatch(/xlsx/);
    const imp = capture();
    expect(await main(["import", "x.csv", "--format", "shapefile"], imp)).toBe(2);
    expect(imp.err).toMatch(/acled, ucdp, geojson, csv/);
    const map = capture();
    expect(await main(["import", "x.csv", "--format", "csv", "--map", "height=z"], map)).toBe(2);
    expect(map.err).toMatch(/unknown field "height"/);
    expect(await main(["import", "no-such-file.csv", "--format", "acled"], capture())).toBe(3);
    for (const args of [["synth", "--events", "0"], ["synth", "--events", "1e6"], ["synth", "--events", "10", "--seed", "-1"], ["bench", "--stores", "mysql"], ["bench", "--sizes", "20k"]]) {
      const bad = capture();
      expect(await main(args, bad), args.join(" ")).toBe(2);
      expect(bad.err, args.join(" ")).toMatch(/--events|--seed|--stores|--sizes/);
    }
    expect(await main(["frobnicate"], capture())).toBe(2);
    expect(await main([], capture())).toBe(2);
  });

  it("seeds the curated events into a data folder and exports them as GeoJSON, twice the same", () => {
    const first = cli("seed", "--json");
    expect(first.code, first.err).toBe(0);
    const report = JSON.parse(first.out);
    expect(report.store).toBe("pglite");
    expect(report.events).toBeGreaterThanOrEqual(20);

    const exported = cli("export", "--format", "geojson");
    expect(exported.code, exported.err).toBe(0);
    const all = JSON.parse(exported.out) as { features: { geometry: { type: string } }[] };
    const fc = EventCollection.parse({ type: "FeatureCollection", features: all.features.filter((f) => f.geometry.type === "Point") });
    expect(fc.features).toHaveLength(report.events);
    expect(new Set(fc.features.map((f) => f.id)).size).toBe(fc.features.length);

    expect(cli("seed").code).toBe(0);
    const again = cli("export", "--format", "geojson");
    expect(again.out).toBe(exported.out);

    const links = LinkList.parse(JSON.parse(cli("export", "--format", "links").out));
    expect(links.links.length).toBe(report.links);
    // Five processes, each opening the embedded store with PostGIS (15 s or more on two busy cores).
  }, 300_000);
});
