/**
 * Integration of the ingest adapter with the store (in-memory PGlite, one per file): merging with
 * the curated events, idempotence, dry runs, interrupted articles, and analyst overrides that
 * survive every re-ingest. Articles here are written for the test in our own words.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGeocoder } from "../geo";
import { cachedGeocoder, type GeocodeFn } from "../lib/pipeline/places";
import { readArticleFile } from "../lib/pipeline/read-file";
import { SAMPLE_ARTICLE } from "../lib/pipeline/testing/fixtures";
import { openStore, type Store } from "./client";
import { ingestArticle, loadActorIndex } from "./ingest";
import { parseOverride } from "../lib/overrides";
import { addOverride, exportOverrides, importOverrides, listOverrides } from "./overrides";
import { articles, events, eventSources, links, overrides } from "./schema";
import { loadCurated, readCuratedFile } from "./seed";

const SOLEIMANI = [
  "Wire report",
  "",
  "BAGHDAD — An American drone strike near Baghdad International Airport early on Friday killed Gen. Qassem Soleimani, the commander of Iran's Quds Force, along with several companions, officials in Washington and Baghdad said.",
  "",
].join("\n");
/** The invented rocket attack of the sample article, told again by another outlet. */
const RETOLD = [
  "Second outlet",
  "",
  "BAGHDAD — Rockets fired by Kataib Hezbollah slammed into Camp Taji on Tuesday, and three contractors died, according to a coalition statement.",
  "",
].join("\n");

let store: Store;
let geocode: GeocodeFn;
let dir: string;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
async function ingest(p: string, opts: Parameters<typeof ingestArticle>[4] = {}) {
  const read = readArticleFile(p);
  if (!read.ok) throw new Error(read.message);
  return ingestArticle(store.db, read, geocode, await loadActorIndex(store.db), opts);
}
async function counts() {
  const n = async (t: typeof events | typeof links | typeof eventSources | typeof articles) => (await store.db.select({ n: count() }).from(t))[0]!.n;
  return { events: await n(events), links: await n(links), sources: await n(eventSources), articles: await n(articles) };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-ingest-"));
  store = await openStore({ memory: true });
  const g = await getGeocoder();
  geocode = cachedGeocoder((m, o) => g.geocode(m, o));
  await loadCurated(store.db, { dataset: readCuratedFile(), geocode, seedsDir: null });
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("ingestArticle", () => {
  it("merges a new telling of a curated event into it, keeping each source's figures", async () => {
    const before = await counts();
    const r = await ingest(file("soleimani.txt", SOLEIMANI), { published: "2020-01-04" });
    expect(r).toMatchObject({ status: "ingested", eventsNew: [], eventsMerged: ["2020-01-03-soleimani-airstrike"] });
    const [e] = await store.db.select().from(events).where(eq(events.id, "2020-01-03-soleimani-airstrike"));
    expect(e).toMatchObject({ family: "airstrike", provenance: "curated", killedLow: 1 });
    expect(e!.killedHigh).toBeGreaterThan(1);
    const after = await counts();
    expect(after.events).toBe(before.events);
    expect(after.sources).toBe(before.sources + 1);
  });

  it("is idempotent: the same file again changes nothing", async () => {
    const before = await counts();
    const r = await ingest(path.join(dir, "soleimani.txt"), { published: "2020-01-04" });
    expect(r.status).toBe("unchanged");
    expect(await counts()).toEqual(before);
  });

  it("writes nothing on a dry run or when interrupted before commit", async () => {
    const before = await counts();
    const p = file("sample.txt", SAMPLE_ARTICLE);
    const dry = await ingest(p, { dryRun: true });
    expect(dry.status).toBe("ingested");
    expect(dry.eventsNew.length).toBe(2);
    expect(await counts()).toEqual(before);
    const cut = await ingest(p, { shouldAbort: () => true });
    expect(cut.status).toBe("aborted");
    expect(await counts()).toEqual(before);
  });

  it("adds new events with their cue link", async () => {
    const r = await ingest(path.join(dir, "sample.txt"));
    expect(r.status).toBe("ingested");
    expect(r.eventsNew).toHaveLength(2);
    const [rockets, strikes] = r.eventsNew;
    const [l] = await store.db.select().from(links).where(eq(links.fromEvent, rockets!));
    expect(l).toMatchObject({ toEvent: strikes, method: "cue", kind: "response" });
  });

  it("honours analyst overrides on every later ingest, and exports and imports them", async () => {
    const sample = (await store.db.select().from(articles).where(eq(articles.fileName, "sample.txt")))[0]!;
    const ids = (await store.db.select({ id: eventSources.eventId }).from(eventSources).where(eq(eventSources.articleId, sample.id))).map((r) => r.id);
    const rockets = ids.find((id) => id.includes("rocket"))!;
    const strikes = ids.find((id) => id.includes("airstrike"))!;
    await addOverride(store.db, parseOverride({ action: "reject-event", targetId: strikes, reason: "not a real strike" }));
    await addOverride(store.db, parseOverride({ action: "fix-date", targetId: rockets, payload: { dateStart: "2021-03-08", datePrecision: "day" } }));
    await addOverride(store.db, parseOverride({ action: "move-place", targetId: rockets, payload: { lat: 33.52, lon: 44.27, name: "Camp Taji (north gate)" } }));
    await addOverride(store.db, parseOverride({ action: "reject-link", targetId: `${rockets}--${strikes}` }));

    // Another outlet tells the rocket attack: it merges, and the corrections stand.
    const r = await ingest(file("retold.txt", RETOLD), { published: "2021-03-12" });
    expect(r.eventsMerged).toContain(rockets);
    const [e] = await store.db.select().from(events).where(eq(events.id, rockets));
    expect(e).toMatchObject({ dateStart: "2021-03-08", dateEnd: "2021-03-08", placeName: "Camp Taji (north gate)", geom: { lat: 33.52, lon: 44.27 } });
    expect(e!.killedHigh).toBe(3);
    expect((await store.db.select().from(events).where(eq(events.id, strikes)))[0]!.status).toBe("rejected");
    expect((await store.db.select().from(links).where(eq(links.id, `${rockets}--${strikes}`)))[0]!.status).toBe("rejected");

    const exported = await exportOverrides(store.db);
    expect(exported.overrides).toHaveLength(4);
    await store.db.delete(overrides);
    expect(await listOverrides(store.db)).toEqual([]);
    expect(await importOverrides(store.db, JSON.parse(JSON.stringify(exported)))).toEqual({ imported: 4, skipped: 0, applied: 4 });
    await expect(importOverrides(store.db, { strikeline: "overrides", version: 2, overrides: [] })).rejects.toThrow(/overrides file/);
  });

  it("adds a link an analyst asks for once both events exist", async () => {
    const r = await addOverride(
      store.db,
      parseOverride({ action: "add-link", targetId: "2019-12-27-k1-rocket-attack--2020-01-iran-missile-attack-us-airbase-iraq", payload: { kind: "escalation", confidence: 0.4 } }),
    );
    expect(r.applied).toBe(true);
    const pending = await addOverride(store.db, parseOverride({ action: "add-link", targetId: "no-such-event--2019-12-27-k1-rocket-attack" }));
    expect(pending.applied).toBe(false);
    expect(() => parseOverride({ action: "move-place", targetId: "x", payload: { lat: 200, lon: 0 } })).toThrow(/Invalid override/);
  });
});
