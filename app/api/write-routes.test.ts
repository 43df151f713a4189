/**
 * The write side of the HTTP API, route handlers called as the server calls them, on one in-memory
 * store: who may write (token, cookie, origin, body caps), adding a report, the review queue,
 * overrides with undo and log, editor-only reads, gazetteer search, and a CLI beside the server
 * (bin/remote.ts over real HTTP) that goes through it instead of opening the store.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "test-editor-token-0123456789";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-routes-"));
process.env.STRIKELINE_EDITOR_TOKEN = TOKEN;
process.env.STRIKELINE_DATA_DIR = dataDir;
process.env.DATABASE_URL = "";

const { openStore, useStore } = await import("@/db/client");
const { loadCurated } = await import("@/db/seed");
const { dataset, geocode } = await import("@/db/test-fixtures");
const { articles, overrides } = await import("@/db/schema");
const { SAMPLE_ARTICLE } = await import("@/lib/pipeline/testing/fixtures");
const { SERVER_FILE } = await import("@/lib/running-server");
const { main } = await import("@/bin/cli");
const { forwardToServer } = await import("@/bin/remote");
const session = await import("./session/route");
const reports = await import("./reports/route");
const review = await import("./review/route");
const overridesRoute = await import("./overrides/route");
const undo = await import("./overrides/[id]/undo/route");
const log = await import("./overrides/log/route");
const gazetteer = await import("./gazetteer/route");
const eventsRoute = await import("./events/route");
const eventRoute = await import("./events/[id]/route");
const cli = await import("./cli/route");
const imports = await import("./imports/route");
const { events: eventsTable } = await import("@/db/schema");

const BASE = "http://127.0.0.1:3999";
const bearer = { authorization: `Bearer ${TOKEN}` };
const req = (p: string, init: RequestInit & { headers?: Record<string, string> } = {}) => new Request(`${BASE}${p}`, { ...init, headers: { host: "127.0.0.1:3999", ...init.headers } });
const post = (p: string, body: unknown, headers: Record<string, string> = bearer) =>
  req(p, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });
const body = async (r: Response) => (await r.json()) as Record<string, any>;
const params = <T extends Record<string, string>>(o: T) => ({ params: Promise.resolve(o) });

let store: Awaited<ReturnType<typeof openStore>>;
const overrideCount = async () => (await store.db.select({ n: count() }).from(overrides))[0]!.n;

beforeAll(async () => {
  store = await openStore({ memory: true });
  await loadCurated(store.db, { dataset: dataset(), geocode, seedsDir: null });
  useStore(store);
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("who may write", () => {
  it("refuses a write without the token, with a wrong one, or with the token in the URL, changing nothing", async () => {
    const o = { action: "reject-event", targetId: "a-rockets" };
    expect((await overridesRoute.POST(post("/api/overrides", o, {}))).status).toBe(401);
    expect((await overridesRoute.POST(post("/api/overrides", o, { authorization: "Bearer not-the-token-at-all" }))).status).toBe(401);
    const inUrl = await overridesRoute.POST(post(`/api/overrides?token=${TOKEN}`, o));
    expect([inUrl.status, (await body(inUrl)).error.parameter]).toEqual([400, "token"]);
    expect(await overrideCount()).toBe(0);
  });

  it("refuses a cross-site write (a form on another site) even with a valid credential", async () => {
    const o = { action: "reject-event", targetId: "a-rockets" };
    const login = await session.POST(post("/api/session", { token: TOKEN }, { origin: BASE, "sec-fetch-site": "same-origin" }));
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const crossSite = await overridesRoute.POST(post("/api/overrides", o, { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" }));
    expect(crossSite.status).toBe(403);
    expect((await overridesRoute.POST(post("/api/overrides", o, { ...bearer, origin: "https://evil.example" }))).status).toBe(403);
    // A cookie write that does not say where it comes from is not trusted either.
    expect((await overridesRoute.POST(post("/api/overrides", o, { cookie }))).status).toBe(403);
    expect(await overrideCount()).toBe(0);
  });

  it("signs in with an HttpOnly, SameSite=Strict cookie that is not the token", async () => {
    expect((await session.POST(post("/api/session", { token: "wrong-token-wrong-token" }, { origin: BASE }))).status).toBe(401);
    const r = await session.POST(post("/api/session", { token: TOKEN }, { origin: BASE }));
    const set = r.headers.get("set-cookie")!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).not.toContain(TOKEN);
    const cookie = set.split(";")[0]!;
    expect(await body(await session.GET(req("/api/session", { headers: { cookie } })))).toEqual({ editor: true });
    expect(await body(await session.GET(req("/api/session")))).toEqual({ editor: false });
    const sameSite = await overridesRoute.POST(post("/api/overrides", { action: "confirm-event", targetId: "b-strikes" }, { cookie, origin: BASE, "sec-fetch-site": "same-origin" }));
    expect(sameSite.status).toBe(201);
  });

  it("caps body sizes: 413 before anything is stored", async () => {
    const n = await overrideCount();
    const big = await overridesRoute.POST(post("/api/overrides", { action: "reject-event", targetId: "a-rockets", reason: "x".repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    const huge = await reports.POST(post("/api/reports", { text: "a".repeat(6 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await overrideCount()).toBe(n);
  });
});

describe("adding and reviewing a report", () => {
  let newIds: string[] = [];

  it("ingests pasted text as the CLI does; the same text again changes nothing", async () => {
    const r = await reports.POST(post("/api/reports", { text: SAMPLE_ARTICLE, outlet: "Harbour Town Gazette", published: "2021-03-12" }));
    expect(r.status).toBe(200);
    const { report } = await body(r);
    expect(report.status).toBe("ingested");
    expect(report.eventsNew.length).toBeGreaterThan(0);
    newIds = report.eventsNew;
    const again = await body(await reports.POST(post("/api/reports", { text: SAMPLE_ARTICLE, outlet: "Harbour Town Gazette", published: "2021-03-12" })));
    expect(again.report.status).toBe("unchanged");
  });

  it("refuses a binary file and a bad field with a clear reason, storing nothing", async () => {
    const before = (await store.db.select({ n: count() }).from(articles))[0]!.n;
    const form = new FormData();
    form.set("file", new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x10, 0])], "report.txt"));
    const bin = await reports.POST(req("/api/reports", { method: "POST", body: form, headers: bearer }));
    const b = await body(bin);
    expect([bin.status, b.error.code, b.error.parameter]).toEqual([422, "rejected", "file"]);
    expect(b.error.message).toMatch(/binary/);
    const badDate = await reports.POST(post("/api/reports", { text: "Rockets hit a base.", published: "March 2021" }));
    expect([badDate.status, (await body(badDate)).error.parameter]).toEqual([400, "published"]);
    expect((await store.db.select({ n: count() }).from(articles))[0]!.n).toBe(before);
  });

  it("lists the new events least confident first, with the article text their spans point into", async () => {
    const q = await body(await review.GET(req("/api/review?limit=50", { headers: bearer })));
    expect(q.events.map((e: any) => e.event.id).sort()).toEqual([...newIds].sort());
    const conf = q.events.map((e: any) => e.confidence);
    expect(conf).toEqual([...conf].sort((a, b) => a - b));
    const first = q.events[0];
    const text = q.articles[first.sources[0].articleId].text as string;
    expect(text.slice(first.sources[0].span.start, first.sources[0].span.end)).toMatch(/rocket|strike|struck/i);
    expect(q.counts.events).toBe(newIds.length);
    expect((await review.GET(req("/api/review"))).status).toBe(401);
  });

  it("rejects an event (hidden from everyone but editors), logs it, and undoes it", async () => {
    const id = newIds[0]!;
    const r = await overridesRoute.POST(post("/api/overrides", { action: "reject-event", targetId: id, author: "Ana", reason: "duplicate" }));
    const { entry, applied } = await body(r);
    expect([r.status, applied, entry.author, entry.action]).toEqual([201, true, "Ana", "reject-event"]);
    const ids = async (p: string, headers: Record<string, string> = {}) => (await body(await eventsRoute.GET(req(p, { headers })))).features.map((f: any) => f.id);
    expect(await ids("/api/events")).not.toContain(id);
    expect((await eventsRoute.GET(req("/api/events?status=all"))).status).toBe(401);
    expect(await ids("/api/events?status=all", bearer)).toContain(id);
    expect((await eventRoute.GET(req(`/api/events/${id}`))).status).toBe(404);
    expect((await eventRoute.GET(req(`/api/events/${id}`, { headers: bearer }))).status).toBe(200);

    const entries = (await body(await log.GET(req(`/api/overrides/log?target=${id}`, { headers: bearer })))).entries;
    expect(entries.map((e: any) => [e.id, e.author])).toEqual([[entry.id, "Ana"]]);
    const u = await undo.POST(post(`/api/overrides/${entry.id}/undo`, { author: "Ben" }), params({ id: String(entry.id) }));
    expect((await body(u)).entry.undoneBy).toBe("Ben");
    expect(await ids("/api/events")).toContain(id);
    expect((await undo.POST(post(`/api/overrides/${entry.id}/undo`, {}), params({ id: String(entry.id) }))).status).toBe(409);
    expect((await undo.POST(post("/api/overrides/abc/undo", {}), params({ id: "abc" }))).status).toBe(400);
  });

  it("refuses an invalid override naming the field", async () => {
    const r = await overridesRoute.POST(post("/api/overrides", { action: "move-place", targetId: "a-rockets", payload: { lat: 95, lon: 44 } }));
    expect([r.status, (await body(r)).error.parameter]).toEqual([400, "payload.lat"]);
    // Values the store's column types cannot hold are refused here, not failed on in the database.
    const year0 = await overridesRoute.POST(post("/api/overrides", { action: "fix-date", targetId: "a-rockets", payload: { dateStart: "0000-01-01" } }));
    expect([year0.status, (await body(year0)).error.parameter]).toEqual([400, "payload.dateStart"]);
    const huge = await overridesRoute.POST(post("/api/overrides", { action: "edit-event", targetId: "a-rockets", payload: { killed: { low: 0, high: 1e12 } } }));
    expect([huge.status, (await body(huge)).error.parameter]).toEqual([400, "payload.killed"]);
  });

  it("searches the gazetteer for the place editor", async () => {
    const r = await body(await gazetteer.GET(req("/api/gazetteer?q=Kirkuk", { headers: bearer })));
    expect(r.results[0].name).toMatch(/Kirkuk/);
    expect(r.results[0].country).toBe("IQ");
    expect((await gazetteer.GET(req("/api/gazetteer?q=", { headers: bearer }))).status).toBe(400);
  });
});

describe("importing a dataset through the page", () => {
  const acled = () => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "../../lib/interchange/fixtures/acled-sample.csv")));
  const upload = (bytes: Uint8Array<ArrayBuffer>, fields: Record<string, string>, headers: Record<string, string> = bearer) => {
    const form = new FormData();
    form.set("file", new File([bytes], "acled-export.csv"));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return imports.POST(req("/api/imports", { method: "POST", body: form, headers }));
  };
  const eventCount = async () => (await store.db.select({ n: count() }).from(eventsTable))[0]!.n;

  it("imports an ACLED export as `strikeline import` does: good rows kept, bad rows listed by line; again it updates", async () => {
    const before = await eventCount();
    const r = await upload(acled(), { format: "acled" });
    expect(r.status).toBe(200);
    const first = (await body(r)).import;
    expect([first.rows, first.added, first.updated, first.skipped.map((i: any) => i.line)]).toEqual([15, 10, 0, [12, 13, 14, 15, 16]]);
    expect(await eventCount()).toBe(before + 10);
    const again = (await body(await upload(acled(), { format: "acled" }))).import;
    expect([again.added, again.updated]).toEqual([0, 10]);
    expect(await eventCount()).toBe(before + 10);
  });

  it("refuses without the token, a wrong format, a field map on ACLED and a file that is not UTF-8, storing nothing", async () => {
    const before = await eventCount();
    expect((await upload(acled(), { format: "acled" }, {})).status).toBe(401);
    const bad = await upload(acled(), { format: "shapefile" });
    expect([bad.status, (await body(bad)).error.parameter]).toEqual([400, "format"]);
    const map = await upload(acled(), { format: "acled", map: "lat=y" });
    expect([map.status, (await body(map)).error.parameter]).toEqual([400, "map"]);
    const latin1 = await upload(new Uint8Array([0x69, 0x64, 0x0a, 0xe9, 0x0a]), { format: "csv" });
    expect([latin1.status, (await body(latin1)).error.message]).toEqual([422, expect.stringMatching(/not UTF-8/)]);
    expect(await eventCount()).toBe(before);
  });
});

describe("the CLI beside the running server", () => {
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer(async (inc, res) => {
      const chunks: Buffer[] = [];
      for await (const c of inc) chunks.push(c as Buffer);
      const headers = Object.fromEntries(Object.entries(inc.headers).map(([k, v]) => [k, String(v)]));
      const r = await cli.POST(new Request(`http://${inc.headers.host}${inc.url}`, { method: inc.method, headers, body: Buffer.concat(chunks) }));
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const { port } = server.address() as { port: number };
    fs.writeFileSync(path.join(dataDir, SERVER_FILE), JSON.stringify({ pid: process.pid, url: `http://127.0.0.1:${port}`, startedAt: new Date().toISOString() }));
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const capture = () => {
    const io = { out: "", err: "", isTTY: false, stdout: (s: string) => void (io.out += s), stderr: (s: string) => void (io.err += s) };
    return io;
  };

  it("ingests through the server's store, with the local run's report and exit codes", async () => {
    const file = path.join(dataDir, "retold.txt");
    fs.writeFileSync(file, "Wire\n\nMarch 12, 2021\n\nBAGHDAD — Rockets launched by Kataib Hezbollah struck Camp Taji on Tuesday, a coalition spokesman said.\n");
    const bad = path.join(dataDir, "bad.txt");
    fs.writeFileSync(bad, Buffer.from([0, 1, 2, 3]));
    const io = capture();
    expect(await main(["ingest", file, bad, "--json"], io)).toBe(0);
    const report = JSON.parse(io.out);
    expect([report.store, report.ingested, report.rejected, report.articles[0].file, report.articles[1].reason]).toEqual(["pglite", 1, 1, file, expect.stringMatching(/^binary/)]);
    // Stored in the server's (in-memory) store: the CLI never opened the data folder.
    expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false);
    const onlyBad = capture();
    expect(await main(["ingest", bad], onlyBad)).toBe(3);
    expect(await main(["ingest", file, "--published", "12/03/2021"], capture())).toBe(2);
  });

  it("adds, lists, exports and undoes overrides through the server, files on the CLI's side", async () => {
    const add = capture();
    expect(await main(["overrides", "add", "reject-event", "c-month", "--reason", "test", "--json"], add)).toBe(0);
    expect(JSON.parse(add.out).entry.author).toMatch(/^cli:/);
    const out = path.join(dataDir, "corrections.json");
    const exp = capture();
    expect(await main(["overrides", "export", out], exp)).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, "utf8")).overrides.some((o: any) => o.targetId === "c-month")).toBe(true);
    expect(exp.err).toMatch(/Wrote \d+ overrides/);
    const imp = capture();
    expect(await main(["overrides", "import", out, "--json"], imp)).toBe(0);
    expect(JSON.parse(imp.out).imported).toBe(0);
    expect(await main(["overrides", "remove", "reject-event", "c-month"], capture())).toBe(0);
    expect(await main(["overrides", "remove", "reject-event", "c-month"], capture())).toBe(3);
    expect(await main(["overrides", "add", "move-place", "x", "--payload", "{bad"], capture())).toBe(2);
    const logged = capture();
    expect(await main(["overrides", "log", "--limit", "5", "--json"], logged)).toBe(0);
    const [latest] = JSON.parse(logged.out).entries;
    expect([latest.action, latest.targetId, latest.undoneBy]).toEqual(["reject-event", "c-month", expect.stringMatching(/^cli:/)]);
    const edit = capture();
    expect(await main(["overrides", "add", "edit-event", "c-month", "--payload", '{"claim":"claimed"}', "--json"], edit)).toBe(0);
    const id = String(JSON.parse(edit.out).entry.id);
    const undone = capture();
    expect(await main(["overrides", "undo", id], undone)).toBe(0);
    expect(undone.out).toMatch(new RegExp(`Undid #${id} \\(edit-event c-month\\)`));
    const again = capture();
    expect(await main(["overrides", "undo", id], again)).toBe(1);
    expect(again.err).toMatch(/already undone/);
    expect(await main(["overrides", "undo", "first"], capture())).toBe(2);
  });

  it("runs a command here when nothing answers at the recorded address", async () => {
    const file = path.join(dataDir, SERVER_FILE);
    const live = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(live), url: "http://127.0.0.1:9" }));
    try {
      expect(await forwardToServer({ command: "export", opts: { format: "links" } }, capture())).toBeNull();
    } finally {
      fs.writeFileSync(file, live);
    }
  });

  it("refuses a CLI request without the token or from a browser cookie", async () => {
    const r = await cli.POST(post("/api/cli", { call: { command: "export", opts: { format: "geojson" } }, author: "x" }, {}));
    expect(r.status).toBe(401);
  });
});
