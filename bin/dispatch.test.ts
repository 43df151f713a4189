/**
 * Help and usage errors answer without opening anything: run as a user runs them, against a data
 * folder that does not exist, which must still not exist afterwards.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dataDir = path.join(os.tmpdir(), `strikeline-never-${process.pid}`);
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.resolve("bin/strikeline.mjs"), ...args], { encoding: "utf8", env: { ...process.env, STRIKELINE_DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 60_000 });

describe("the CLI's cheap answers", () => {
  it("prints help and refuses bad usage without opening the store", () => {
    const cases: [string[], number, RegExp][] = [
      [["--help"], 0, /Usage: strikeline/],
      [["ingest", "--help"], 0, /--dry-run/],
      [["overrides", "add", "--help"], 0, /edit-event/],
      [["export", "--format", "xlsx"], 2, /xlsx/],
      [["overrides", "add", "fly-away", "x"], 2, /fly-away/],
      [["ingest", "a.txt", "--published", "yesterday"], 2, /YYYY-MM-DD/],
    ];
    for (const [args, code, text] of cases) {
      const r = cli(...args);
      expect([args, r.status]).toEqual([args, code]);
      expect(r.stdout + r.stderr).toMatch(text);
    }
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
