import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT_OK, EXIT_UNRESOLVED, EXIT_USAGE, geocodeCommand } from "./cli";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

describe("geocodeCommand", () => {
  it("--json prints exactly one object with the public fields", async () => {
    const c = capture();
    expect(await geocodeCommand({ mention: "near Kirkuk", context: "Iraq", json: true }, c.io)).toBe(EXIT_OK);
    const text = c.out.join("");
    expect(text.trim().split("\n")).toHaveLength(1);
    const obj = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(obj).sort()).toEqual(["alternatives", "area", "confidence", "country", "kind", "lat", "lon", "name", "precision", "radiusKm"]);
    expect(obj.precision).toBe(2);
  });

  it("prints a readable answer without --json and exits 3 when unresolved", async () => {
    const c = capture();
    expect(await geocodeCommand({ mention: "Camp Taji" }, c.io)).toBe(EXIT_OK);
    expect(c.out.join("")).toMatch(/Camp Taji — base, IQ/);
    const u = capture();
    expect(await geocodeCommand({ mention: "Xyzzyville", json: true }, u.io)).toBe(EXIT_UNRESOLVED);
    expect(JSON.parse(u.out.join(""))).toMatchObject({ unresolved: true });
    expect(await geocodeCommand({}, capture().io)).toBe(EXIT_USAGE);
  });

  it("batch: one line out per line in, in order, errors per line, thousands in seconds", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "geo-batch-"));
    const file = path.join(dir, "in.jsonl");
    const mentions = ["Baghdad", "Tripoli", "Xyzzyville", "southern Lebanon", "Camp Taji"];
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ mention: mentions[i % mentions.length], context: "Lebanon" }));
    lines.splice(2, 0, "{not json", JSON.stringify({ context: "no mention" }));
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const c = capture();
    const t0 = performance.now();
    expect(await geocodeCommand({ batch: file }, c.io)).toBe(EXIT_OK);
    expect(performance.now() - t0).toBeLessThan(10_000);
    const out = c.out.join("").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(lines.length);
    expect(out[0]).toMatchObject({ name: "Baghdad", country: "IQ" });
    expect(out[1]).toMatchObject({ name: "Tripoli", country: "LB" });
    expect(out[2]).toMatchObject({ line: 3 });
    expect(out[3]).toMatchObject({ line: 4 });
    expect(out[4]).toMatchObject({ unresolved: true });
    expect(await geocodeCommand({ batch: path.join(dir, "missing.jsonl") }, capture().io)).toBe(EXIT_USAGE);
  });
});
