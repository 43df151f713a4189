/**
 * `strikeline import` in process, on an in-memory store: the report a user reads (every skipped
 * row with its line and reason), exit codes, the progress bar on a terminal only, and files
 * refused as a whole.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../db/client";
import type { Io } from "../../lib/io";
import { importCommand } from "./import";

const fixtures = path.resolve("lib/interchange/fixtures");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-import-"));
let store: Store;
beforeAll(async () => {
  store = await openStore({ memory: true });
}, 120_000);
afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const capture = (isTTY = false): Io & { out: string; err: string } => {
  const io = { out: "", err: "", isTTY, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
  return io;
};

describe("strikeline import", () => {
  it("reports what it imported and every skipped row with its line and reason", async () => {
    const io = capture();
    expect(await importCommand({ file: path.join(fixtures, "acled-sample.csv"), format: "acled" }, io, { store })).toBe(0);
    const [summary, ...skipped] = io.out.trimEnd().split("\n");
    expect(summary).toMatch(/^acled-sample\.csv: 15 rows, 10 added, 0 updated, 5 skipped; \d+ new actors; 0 links stated, \d+ inferred \(/);
    expect(skipped).toEqual([
      '  line 12: sub_event_type "Arrests" is no attack (nothing to map)',
      '  line 13: latitude "north" is not a number',
      '  line 14: event_date "2024-02-30" is not a date',
      "  line 15: 8 cells where the header has 31",
      '  line 16: unknown sub_event_type "Bombing"',
    ]);
    const json = capture();
    expect(await importCommand({ file: path.join(fixtures, "acled-sample.csv"), format: "acled", json: true }, json, { store })).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ format: "acled", added: 0, updated: 10 });
  });

  it("exits 3 when no row could be imported, and refuses files that are not text", async () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "id,dateStart,lon,lat\r\nx,someday,1,2\r\n");
    const io = capture();
    expect(await importCommand({ file: bad, format: "csv" }, io, { store })).toBe(3);
    expect(io.out).toContain('line 2: dateStart "someday" is not a date');
    const binary = path.join(dir, "bin.csv");
    fs.writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    await expect(importCommand({ file: binary, format: "acled" }, capture(), { store })).rejects.toThrow(/not UTF-8/);
    await expect(importCommand({ file: bad, format: "acled", map: "lat=y" }, capture(), { store })).rejects.toThrow(/--map applies to --format csv and geojson/);
  });

  it("draws a progress bar for a long import on a terminal, and none when piped", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `p-${i},2022-0${1 + (i % 9)}-1${i % 10},${30 + (i % 10) / 10},${33 + (i % 7) / 10},artillery`);
    const file = path.join(dir, "many.csv");
    fs.writeFileSync(file, ["id,dateStart,lon,lat,family", ...rows, ""].join("\n"));
    const tty = capture(true);
    expect(await importCommand({ file, format: "csv", dryRun: true }, tty, { store })).toBe(0);
    expect(tty.err).toMatch(/\r\[#{30}\] 2,500\/2,500 rows, [\d,]+\/s\n$/);
    expect(tty.out).toMatch(/^Dry run \(nothing stored\): many\.csv: 2500 rows, 2500 added/);
    const piped = capture(false);
    await importCommand({ file, format: "csv", dryRun: true }, piped, { store });
    expect(piped.err).toBe("");
  });
});
