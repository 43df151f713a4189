/**
 * `ingest` as the CLI runs it: exit codes, the JSON report, refusals of bad files
 * that let the rest go on, progress on a terminal only, Ctrl-C. One in-memory store for the file;
 * the dictionary geocoder keeps it independent of the gazetteer.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articles } from "../../db/schema";
import { ingestCommand, type RunReport } from "./ingest";
import { MAX_BYTES } from "../../lib/pipeline/read-file";
import { fakeGeocode, SAMPLE_ARTICLE } from "../../lib/pipeline/testing/fixtures";
import { captureIo, commandFixture } from "./testing/support";

const ctx = commandFixture();
const io = captureIo;
const deps = () => ({ store: ctx.store, geocode: fakeGeocode });
const write = (name: string, data: string | Buffer) => {
  const p = path.join(ctx.dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
};

describe("ingestCommand", () => {
  it("rejects bad usage with exit code 2", async () => {
    const a = io();
    expect(await ingestCommand({ paths: [] }, a.io, deps())).toBe(2);
    expect(await ingestCommand({ paths: [ctx.dir], published: "12/03/2021" }, a.io, deps())).toBe(2);
    expect(await ingestCommand({ paths: [ctx.dir], url: "not a url" }, a.io, deps())).toBe(2);
    expect(a.out.stderr).toMatch(/YYYY-MM-DD/);
  });

  it("exits 3 when every input is refused, naming why", async () => {
    const bad = [
      write("bad/empty.txt", ""),
      write("bad/binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])),
      write("bad/latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9])),
      write("bad/huge.txt", Buffer.alloc(MAX_BYTES + 1, 0x61)),
    ];
    const a = io();
    expect(await ingestCommand({ paths: [...bad, path.join(ctx.dir, "missing.txt")], json: true }, a.io, deps())).toBe(3);
    const r = JSON.parse(a.out.stdout) as RunReport;
    expect(r.rejected).toBe(5);
    expect(r.articles.map((x) => x.reason?.split(":")[0])).toEqual(["no such file or folder", "empty", "binary", "not-utf8", "too-large"]);
  });

  it("ingests a folder, skipping bad files and going on, with a JSON report", async () => {
    write("good/sample.txt", SAMPLE_ARTICLE);
    write("good/zz-empty.md", "");
    const a = io();
    expect(await ingestCommand({ paths: [path.join(ctx.dir, "good")], json: true, outlet: "Test Wire" }, a.io, deps())).toBe(0);
    const r = JSON.parse(a.out.stdout) as RunReport;
    expect(r).toMatchObject({ files: 2, ingested: 1, rejected: 1, eventsNew: 2, links: 1, dryRun: false });
    expect(r.articles[0]).toMatchObject({ published: "2021-03-12", publishedInferred: true, publishedFrom: "dateline" });
    expect(a.out.stderr).toBe("");
  });

  it("says unchanged on a second run, shows progress only on a terminal, and prints a summary", async () => {
    const a = io(true);
    expect(await ingestCommand({ paths: [path.join(ctx.dir, "good", "sample.txt")] }, a.io, deps())).toBe(0);
    expect(a.out.stdout).toMatch(/unchanged/);
    expect(a.out.stdout).toMatch(/Events: 0 new, 0 merged/);
    expect(a.out.stderr).toMatch(/\[#+\] 1\/1/);
  });

  it("refuses a named pipe among the inputs without hanging, and ingests the rest", async () => {
    const fifo = path.join(ctx.dir, "pipe", "stuck.txt");
    fs.mkdirSync(path.dirname(fifo), { recursive: true });
    execFileSync("mkfifo", [fifo]);
    const good = write("pipe/after.txt", SAMPLE_ARTICLE.replace("12 rockets", "13 rockets"));
    const a = io();
    expect(await ingestCommand({ paths: [fifo, good], json: true }, a.io, deps())).toBe(0);
    const r = JSON.parse(a.out.stdout) as RunReport;
    expect(r.articles.map((x) => [path.basename(x.file), x.status, x.reason?.split(":")[0] ?? null])).toEqual([
      ["stuck.txt", "rejected", "not-a-file"],
      ["after.txt", "ingested", null],
    ]);
  });

  it("notices Ctrl-C that arrives as an event mid-run: stops after the article in progress, rolled back", async () => {
    // A signal is delivered through the event loop, like this timer: the loop must yield between articles to see it.
    const ctrl = new AbortController();
    let calls = 0;
    const geocode: typeof fakeGeocode = (m, o) => {
      if (calls++ === 0) setImmediate(() => ctrl.abort());
      return fakeGeocode(m, o);
    };
    const paths = [0, 1, 2, 3].map((i) => write(`sigint/${i}.txt`, SAMPLE_ARTICLE.replace("12 rockets", `${20 + i} rockets`)));
    const a = io();
    expect(await ingestCommand({ paths, json: true }, a.io, { store: ctx.store, geocode, signal: ctrl.signal })).toBe(130);
    const r = JSON.parse(a.out.stdout) as RunReport;
    expect(r.interrupted).toBe(true);
    expect(r.ingested).toBeLessThan(paths.length);
    expect(r.articles.length).toBeLessThan(paths.length);
    // Nothing of a file that was not reported ingested is in the store.
    const stored = await ctx.store.db.select({ file: articles.fileName }).from(articles);
    const names = new Set(stored.map((x) => x.file));
    for (const x of r.articles) expect(names.has(path.basename(x.file)), x.file).toBe(x.status === "ingested");
  });

  it("stops on Ctrl-C, rolling back the article in progress", async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const a = io();
    const p = write("later/another.txt", SAMPLE_ARTICLE.replace("12 rockets", "14 rockets"));
    expect(await ingestCommand({ paths: [p], json: true }, a.io, { ...deps(), signal: ctrl.signal })).toBe(130);
    expect(JSON.parse(a.out.stdout)).toMatchObject({ interrupted: true, ingested: 0 });
  });
});
