import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createExclusive } from "./exclusive-file";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-excl-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("createExclusive", () => {
  it("makes the file appear with all of its text at once, and leaves nothing else behind", () => {
    const file = path.join(tmp, "a");
    const seen: string[] = [];
    const link = fs.linkSync;
    const spy = vi.spyOn(fs, "linkSync").mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
      if (to === file) seen.push(fs.existsSync(file) ? "present before" : "absent before");
      link(from, to);
      if (to === file) seen.push(fs.readFileSync(file, "utf8"));
    }) as typeof fs.linkSync);
    try {
      createExclusive(file, "1234 56\n", 0o600);
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual(["absent before", "1234 56\n"]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(tmp)).toEqual(["a"]);
  });

  it("refuses a name that exists with EEXIST and keeps what is there", () => {
    const file = path.join(tmp, "b");
    fs.writeFileSync(file, "theirs");
    expect(() => createExclusive(file, "mine")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(fs.readFileSync(file, "utf8")).toBe("theirs");
    expect(fs.readdirSync(tmp).sort()).toEqual(["a", "b"]);
  });
});
