/**
 * The read cache as the routes use it, on an in-memory store holding the curated events: a write
 * (here straight to the store, as another process would make it) is seen by the next read;
 * editors' and others' answers are kept apart; identical concurrent reads share one computation;
 * a client holding the answer gets a 304 until the data changes.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@/db/client";
import { events as eventsTable } from "@/db/schema";
import { curatedMemoryStore } from "@/db/test-stores";

const TOKEN = "test-editor-token-cache-0123456789";
process.env.STRIKELINE_EDITOR_TOKEN = TOKEN;

let store: Store;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getStore: async () => store }));

const { readCacheStats } = await import("./cache");
const eventsRoute = await import("./events/route");
const linksRoute = await import("./links/route");
const aggregates = await import("./aggregates/route");
const preview = await import("./preview/route");
const { generateShareMetadata } = await import("../share-metadata");

const bearer = { authorization: `Bearer ${TOKEN}` };
const get = (p: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1:3999${p}`, { headers });
const ids = async (r: Response) => ((await r.json()) as { features: { id: string }[] }).features.map((f) => f.id);
const stats = () => readCacheStats(store.db)!;

beforeAll(async () => {
  store = await curatedMemoryStore();
});
afterAll(async () => {
  await store?.close();
});

const statusOf = new Map<string, string>();
async function reject(id: string) {
  const [row] = await store.db.select({ status: eventsTable.status }).from(eventsTable).where(eq(eventsTable.id, id));
  if (row) statusOf.set(id, row.status);
  await store.db.update(eventsTable).set({ status: "rejected" }).where(eq(eventsTable.id, id));
}
const restore = (id: string) => store.db.update(eventsTable).set({ status: statusOf.get(id)! }).where(eq(eventsTable.id, id));

describe("read cache", () => {
  it("answers a repeated read from memory, and the read after a write sees the write", async () => {
    const before = await ids(await eventsRoute.GET(get("/api/events")));
    expect(before.length).toBeGreaterThan(2);
    const misses = stats().misses;
    expect(await ids(await eventsRoute.GET(get("/api/events")))).toEqual(before);
    expect(stats().misses).toBe(misses);

    const gone = before[1]!;
    await reject(gone);
    const after = await ids(await eventsRoute.GET(get("/api/events")));
    expect(after).toEqual(before.filter((id) => id !== gone));
    await restore(gone);
    expect(await ids(await eventsRoute.GET(get("/api/events")))).toEqual(before);
  });

  it("keys on the canonical parameters: the same view spelled two ways is one entry, another view is not", async () => {
    await eventsRoute.GET(get("/api/events?f=airstrike,drone"));
    const { misses } = stats();
    await eventsRoute.GET(get("/api/events?f=airstrike%2Cdrone"));
    expect(stats().misses).toBe(misses);
    const few = await ids(await eventsRoute.GET(get("/api/events?f=drone")));
    expect(stats().misses).toBe(misses + 1);
    expect(few.length).toBeLessThan((await ids(await eventsRoute.GET(get("/api/events")))).length);
  });

  it("never serves an editor's answer to anyone else", async () => {
    const id = (await ids(await eventsRoute.GET(get("/api/events"))))[0]!;
    await reject(id);
    const editors = await eventsRoute.GET(get("/api/events?status=all", bearer));
    expect(editors.headers.get("cache-control")).toBe("private, no-cache");
    expect(await ids(editors)).toContain(id);
    // The same parameters without the credential: refused, not answered from the editor's entry.
    expect((await eventsRoute.GET(get("/api/events?status=all"))).status).toBe(401);
    // Even where the answers agree, an editor's read and a public one are separate entries.
    const { misses } = stats();
    await eventsRoute.GET(get("/api/events?f=rocket", bearer));
    await eventsRoute.GET(get("/api/events?f=rocket"));
    expect(stats().misses).toBe(misses + 2);
    expect(await ids(await eventsRoute.GET(get("/api/events")))).not.toContain(id);
    await restore(id);
  });

  it("shares one computation between identical concurrent reads", async () => {
    // A write touching no row still moves the version (statement triggers): the cache starts empty.
    await store.db.update(eventsTable).set({ status: "rejected" }).where(eq(eventsTable.id, "no-such-event"));
    await eventsRoute.GET(get("/api/events?f=artillery"));
    const { misses, shared, hits } = stats();
    const answers = await Promise.all(Array.from({ length: 12 }, () => eventsRoute.GET(get("/api/events?f=airstrike"))));
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    const s = stats();
    expect(s.misses).toBe(misses + 1);
    expect(s.shared + s.hits - shared - hits).toBe(11);
  });

  it("answers a client that already holds the answer with a 304, until the data changes", async () => {
    const first = await linksRoute.GET(get("/api/links"));
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await linksRoute.GET(get("/api/links", { "if-none-match": `W/${etag}, "other"` }));
    expect([again.status, await again.text()]).toEqual([304, ""]);
    const gone = (await ids(await eventsRoute.GET(get("/api/events"))))[0]!;
    await reject(gone);
    const changed = await linksRoute.GET(get("/api/links", { "if-none-match": etag }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    await restore(gone);
  });

  it("caches the aggregates, the preview image and the page's share metadata per view too", async () => {
    const zoom = async () => (await aggregates.GET(get("/api/aggregates?zoom=3"))).json();
    const png = async () => new Uint8Array(await (await preview.GET(get("/api/preview?f=rocket"))).arrayBuffer());
    const meta = () => generateShareMetadata({ searchParams: Promise.resolve({ f: "rocket" }) });
    const first = [await zoom(), await png(), await meta()];
    const { misses, hits } = stats();
    expect([await zoom(), await png(), await meta()]).toEqual(first);
    expect([stats().misses, stats().hits]).toEqual([misses, hits + 3]);
  });
});
