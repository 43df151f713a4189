/** `overrides` as the CLI runs it: exit codes and the add/list/export/import round trip, on an in-memory store. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { overridesCommand } from "./overrides";
import { fakeGeocode } from "../../lib/pipeline/testing/fixtures";
import { captureIo, commandFixture } from "./testing/support";

const ctx = commandFixture();
const io = captureIo;
const deps = () => ({ store: ctx.store, geocode: fakeGeocode });

describe("overridesCommand", () => {
  it("adds, lists, exports and imports overrides", async () => {
    const a = io();
    expect(await overridesCommand({ command: "add", action: "reject-event", target: "no-such-event", reason: "duplicate of another" }, a.io, deps())).toBe(0);
    expect(a.out.stdout).toMatch(/applies when it arrives/);
    expect(await overridesCommand({ command: "add", action: "move-place", target: "x", payload: "{not json" }, a.io, deps())).toBe(2);
    expect(await overridesCommand({ command: "add", action: "fly-away", target: "x" }, a.io, deps())).toBe(2);
    const file = path.join(ctx.dir, "overrides.json");
    expect(await overridesCommand({ command: "export", file }, a.io, deps())).toBe(0);
    const b = io();
    expect(await overridesCommand({ command: "list", json: true }, b.io, deps())).toBe(0);
    expect(JSON.parse(b.out.stdout).overrides).toHaveLength(1);
    expect(await overridesCommand({ command: "import", file, json: true }, b.io, deps())).toBe(0);
    expect(await overridesCommand({ command: "import", file: path.join(ctx.dir, "nope.json") }, b.io, deps())).toBe(3);
    expect(await overridesCommand({ command: "remove", action: "reject-event", target: "no-such-event" }, b.io, deps())).toBe(0);
  });
});
