/** `overrides` as the CLI runs it: exit codes and the add/list/export/import round trip, on an in-memory store. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../db/client";
import { actors } from "../../db/schema";
import { CuratedDataset } from "../../lib/curated";
import { overridesCommand } from "./overrides";
import { fakeGeocode, repoRoot } from "../../lib/pipeline/testing/fixtures";

let store: Store;
let dir: string;
const io = (isTTY = false) => {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), isTTY } };
};
const deps = () => ({ store, geocode: fakeGeocode });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-cli-"));
  store = await openStore({ memory: true });
  const curated = CuratedDataset.parse(JSON.parse(fs.readFileSync(path.join(repoRoot, "data", "seed", "curated.json"), "utf8")));
  for (const a of curated.actors) await store.db.insert(actors).values({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, parent: a.parent ?? null, aliases: a.aliases });
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("overridesCommand", () => {
  it("adds, lists, exports and imports overrides", async () => {
    const a = io();
    expect(await overridesCommand({ command: "add", action: "reject-event", target: "no-such-event", reason: "duplicate of another" }, a.io, deps())).toBe(0);
    expect(a.out.stdout).toMatch(/applies when it arrives/);
    expect(await overridesCommand({ command: "add", action: "move-place", target: "x", payload: "{not json" }, a.io, deps())).toBe(2);
    expect(await overridesCommand({ command: "add", action: "fly-away", target: "x" }, a.io, deps())).toBe(2);
    const file = path.join(dir, "overrides.json");
    expect(await overridesCommand({ command: "export", file }, a.io, deps())).toBe(0);
    const b = io();
    expect(await overridesCommand({ command: "list", json: true }, b.io, deps())).toBe(0);
    expect(JSON.parse(b.out.stdout).overrides).toHaveLength(1);
    expect(await overridesCommand({ command: "import", file, json: true }, b.io, deps())).toBe(0);
    expect(await overridesCommand({ command: "import", file: path.join(dir, "nope.json") }, b.io, deps())).toBe(3);
    expect(await overridesCommand({ command: "remove", action: "reject-event", target: "no-such-event" }, b.io, deps())).toBe(0);
  });
});
