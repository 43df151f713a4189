/**
 * Scale bench, through the real server and store: for each store kind and size it writes that
 * many synthetic events (`strikeline synth`), serves the built app on them (`next start`) and
 * measures, over HTTP:
 *   - p50 / p95 latency of viewport queries: counts for the region at zoom 5 (/api/aggregates)
 *     and the events of one city's box in one month (/api/events?bbox=…);
 *   - the server's resident memory after those queries;
 * and, at the largest size of the first store, in Chromium:
 *   - bytes on the wire for the first view (basemap, fonts, scripts, data), compressed as sent;
 *   - time from navigation to the first complete map frame and main-thread long tasks, against a
 *     bare MapLibre page with an empty style (/bench/bare) in the same browser and run;
 * and, at the scrub sizes of the first store, in Chromium: frame times while the playback cursor
 * is dragged across the whole range on the page as served (the full page up to FULL_LOAD_LIMIT
 * events, the large-store page above), with the API requests the page made meanwhile.
 * Figures and ratios are printed (and written to bench/out/scale.json, with screenshots of both
 * first views); nothing is asserted.
 *
 *   npx tsx bench/scale.ts [--stores postgres,pglite] [--sizes 20000,2000000] [--pglite-sizes 20000,2000000] [--scrub-sizes 1000,1000000] [--port 3320] [--json]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "@playwright/test";
import type {} from "../app/components/test-hook";
import { FULL_LOAD_LIMIT } from "../lib/map/scale-layers";
import { env } from "../lib/env";
import { scrub, waitIdle } from "./browser-scrub";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export type StoreFigures = {
  store: "postgres" | "pglite";
  events: number;
  loadSeconds: number;
  aggregatesP50Ms: number;
  aggregatesP95Ms: number;
  eventsP50Ms: number;
  eventsP95Ms: number;
  eventsReturned: number;
  serverRssMb: number;
};
export type FirstViewFigures = {
  events: number;
  store: string;
  bytes: number;
  requests: number;
  firstFrameMs: number;
  /** Navigation to the first counts drawn on the map. */
  dataMs: number | null;
  longTasksMs: number;
  bare: { firstFrameMs: number; longTasksMs: number; bytes: number };
};
export type ScrubPageFigures = {
  events: number;
  store: string;
  page: "full" | "large-store";
  frames: number;
  medianMs: number;
  p95Ms: number;
  /** API requests the page made while the cursor moved: none means no data was fetched per frame. */
  requestsDuringScrub: number;
};
export type ScaleBenchResult = { machine: string; stores: StoreFigures[]; firstView: FirstViewFigures | null; scrub: ScrubPageFigures[]; ratios: Record<string, number> };

/** PGlite's sizes apart, as it loads and opens slower: on a busy machine a smaller second size keeps the run short. */
export const SCALE_DEFAULTS = {
  stores: ["postgres", "pglite"] as ("postgres" | "pglite")[],
  sizes: [20_000, 2_000_000],
  pgliteSizes: [20_000, 2_000_000],
  scrubSizes: [1000, 1_000_000],
  port: 3320,
};
const SCRUB_FRAMES = 240;

const REGION_AGGREGATES = "/api/aggregates?bbox=25,10,65,42&zoom=5";
const CITY_EVENTS = "/api/events?bbox=44.1,33.1,44.6,33.5&from=2019-03-01&to=2019-03-31";
const ROUNDS = 15;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

export type Target = { store: "postgres" | "pglite"; env: Record<string, string>; cleanup: () => Promise<void> };

export async function freshTarget(store: "postgres" | "pglite"): Promise<Target> {
  if (store === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-scale-"));
    return { store, env: { STRIKELINE_DATA_DIR: dir, DATABASE_URL: "" }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = env().testDatabaseUrl;
  const name = `strikeline_scale_${process.pid}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`drop database if exists ${name} with (force)`);
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { store, env: { DATABASE_URL: url.toString() }, cleanup: () => run(`drop database if exists ${name} with (force)`) };
}

function synth(t: Target, n: number): number {
  const r = spawnSync(process.execPath, [path.join(root, "bin", "strikeline.mjs"), "synth", "--events", String(n), "--json"], {
    cwd: root,
    env: { ...process.env, ...t.env },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`synth failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!).seconds;
}

export async function serve(t: Target, port: number): Promise<{ url: string; child: ChildProcess; stop: () => void }> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build: run `npm run build` first");
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, ...t.env },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/aggregates?bbox=0,0,0,0&zoom=0`)).ok) return { url, child, stop: () => child.kill("SIGTERM") };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error("next start did not answer");
}

/** Resident memory of a process and its descendants (next start runs the server in a child), MB. */
export function rssMb(pid: number): number {
  const ps = spawnSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of ps) if (!tree.has(p!) && tree.has(pp!)) (tree.add(p!), (grew = true));
  }
  return ps.filter(([p]) => tree.has(p!)).reduce((s, [, , rss]) => s + rss!, 0) / 1024;
}

async function timed(url: string): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - t0, body };
}

async function measureStore(t: Target, n: number, port: number, loadSeconds: number): Promise<StoreFigures> {
  // The read cache off: a repeated view would otherwise be a cache hit, and this measures the store.
  const server = await serve({ ...t, env: { ...t.env, STRIKELINE_CACHE_MB: "0" } }, port);
  try {
    // The first request builds the chain index of this data version; later ones share it.
    await timed(server.url + REGION_AGGREGATES);
    await timed(server.url + CITY_EVENTS);
    const agg: number[] = [];
    const evs: number[] = [];
    let returned = 0;
    for (let i = 0; i < ROUNDS; i++) {
      agg.push((await timed(server.url + REGION_AGGREGATES)).ms);
      const e = await timed(server.url + CITY_EVENTS);
      evs.push(e.ms);
      returned = (e.body as { features: unknown[] }).features.length;
    }
    return {
      store: t.store,
      events: n,
      loadSeconds: r1(loadSeconds),
      aggregatesP50Ms: r1(quantile(agg, 0.5)),
      aggregatesP95Ms: r1(quantile(agg, 0.95)),
      eventsP50Ms: r1(quantile(evs, 0.5)),
      eventsP95Ms: r1(quantile(evs, 0.95)),
      eventsReturned: returned,
      serverRssMb: Math.round(rssMb(server.child.pid!)),
    };
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 1500));
  }
}

/** Long tasks summed from navigation until the map's first complete frame; bytes as received. */
export async function firstView(url: string, shot: string, dataText?: RegExp): Promise<{ firstFrameMs: number; dataMs: number | null; longTasksMs: number; bytes: number; requests: number }> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number };
      w.__longTasks = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks += e.duration;
      }).observe({ type: "longtask", buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let bytes = 0;
    let requests = 0;
    cdp.on("Network.loadingFinished", (e) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    // Timed from navigation start, so waiting for "load" would only add a timeout to trip on a busy machine.
    await page.goto(url, { waitUntil: "commit", timeout: 180_000 });
    await page.waitForFunction(
      () => {
        const m = window.__strikeline?.map;
        return !!m && m.loaded() && m.areTilesLoaded() && m.isStyleLoaded();
      },
      undefined,
      { timeout: 180_000, polling: "raf" },
    );
    const firstFrameMs = await page.evaluate(() => performance.now());
    // The events' counts come after the basemap's first frame: when the page says what is in view.
    const dataMs = dataText
      ? await page.getByText(dataText).waitFor({ timeout: 300_000 }).then(() => page.evaluate(() => performance.now()), () => null)
      : null;
    // Data requests started by the map's load finish after it: let them land before counting bytes.
    await page.waitForLoadState("networkidle", { timeout: 60_000 }).catch(() => undefined);
    const longTasksMs = await page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);
    // To look at, not to assert: a grey or empty map shows here at once.
    await page.screenshot({ path: path.join(root, "bench", "out", shot) });
    return { firstFrameMs: r1(firstFrameMs), dataMs: dataMs === null ? null : r1(dataMs), longTasksMs: r1(longTasksMs), bytes, requests };
  } finally {
    await browser.close();
  }
}

/**
 * Frame times of the page as served while the cursor is dragged across the whole range, once per
 * animation frame (bench/browser-scrub.ts). The large-store page asks for its view's days at the
 * first seek; the frames are counted after that, with the requests made while they ran.
 */
async function scrubPage(url: string, n: number, store: string): Promise<ScrubPageFigures> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let requests = 0;
    // The browser asks for the favicon again when the URL's cursor changes: only data requests count.
    page.on("request", (r) => new URL(r.url()).pathname.startsWith("/api/") && requests++);
    await page.goto(url, { waitUntil: "commit", timeout: 180_000 });
    await page.waitForFunction(() => (window.__strikeline?.domain()[1] ?? 0) > 0, undefined, { timeout: 300_000, polling: 250 });
    await waitIdle(page);
    await page.evaluate(() => {
      const h = window.__strikeline!;
      const [a, b] = h.domain();
      h.dispatch({ type: "seek", day: Math.round((a + b) / 2) });
    });
    await page.waitForLoadState("networkidle", { timeout: 300_000 });
    await waitIdle(page);
    await scrub(page, 20); // warm-up: first frames pay for lazy work
    const before = requests;
    const times = await scrub(page, SCRUB_FRAMES);
    return {
      events: n,
      store,
      page: n > FULL_LOAD_LIMIT ? "large-store" : "full",
      frames: times.length,
      medianMs: r1(quantile(times, 0.5)),
      p95Ms: r1(quantile(times, 0.95)),
      requestsDuringScrub: requests - before,
    };
  } finally {
    await browser.close();
  }
}

export async function runScaleBench(opts: { stores: ("postgres" | "pglite")[]; sizes: number[]; pgliteSizes: number[]; scrubSizes: number[]; port: number }): Promise<ScaleBenchResult> {
  const stores: StoreFigures[] = [];
  const scrubs: ScrubPageFigures[] = [];
  let first: FirstViewFigures | null = null;
  for (const store of opts.stores) {
    const t = await freshTarget(store);
    try {
      const sizes = store === "pglite" ? opts.pgliteSizes : opts.sizes;
      // Scrubbing is measured on the first store only: the page's frames do not touch the store.
      const scrubSizes = store === opts.stores[0] ? opts.scrubSizes : [];
      for (const n of [...new Set([...sizes, ...scrubSizes])].sort((a, b) => a - b)) {
        console.error(`[scale] ${store}: writing ${n} events`);
        const seconds = synth(t, n);
        console.error(`[scale] ${store}: ${n} written in ${seconds.toFixed(0)} s, measuring`);
        if (scrubSizes.includes(n)) {
          const server = await serve(t, opts.port);
          try {
            scrubs.push(await scrubPage(`${server.url}/`, n, store));
            console.error(`[scale] ${JSON.stringify(scrubs[scrubs.length - 1])}`);
          } finally {
            server.stop();
            await new Promise((r) => setTimeout(r, 1500));
          }
        }
        if (!sizes.includes(n)) continue;
        stores.push(await measureStore(t, n, opts.port, seconds));
        console.error(`[scale] ${JSON.stringify(stores[stores.length - 1])}`);
        if (!first && n === Math.max(...sizes)) {
          const server = await serve(t, opts.port);
          try {
            fs.mkdirSync(path.join(root, "bench", "out"), { recursive: true });
            const page = await firstView(`${server.url}/`, "scale-first-view.png", /events in view/);
            const bare = await firstView(`${server.url}/bench/bare`, "scale-bare.png");
            first = { events: n, store, ...page, bare: { firstFrameMs: bare.firstFrameMs, longTasksMs: bare.longTasksMs, bytes: bare.bytes } };
          } finally {
            server.stop();
            await new Promise((r) => setTimeout(r, 1500));
          }
        }
      }
    } finally {
      await t.cleanup();
    }
  }
  const ratios: Record<string, number> = {};
  for (const store of opts.stores) {
    const rows = stores.filter((s) => s.store === store).sort((a, b) => a.events - b.events);
    const [small, big] = [rows[0], rows[rows.length - 1]];
    if (small && big && big !== small) {
      ratios[`${store} aggregates p50 ${big.events}/${small.events}`] = r1(big.aggregatesP50Ms / small.aggregatesP50Ms);
      ratios[`${store} events p50 ${big.events}/${small.events}`] = r1(big.eventsP50Ms / small.eventsP50Ms);
    }
  }
  const pglBig = stores.filter((s) => s.store === "pglite").sort((a, b) => b.events - a.events)[0];
  const pgSame = pglBig && stores.find((s) => s.store === "postgres" && s.events === pglBig.events);
  if (pglBig && pgSame) {
    ratios[`pglite/postgres aggregates p50 at ${pglBig.events}`] = r1(pglBig.aggregatesP50Ms / pgSame.aggregatesP50Ms);
    ratios[`pglite/postgres events p50 at ${pglBig.events}`] = r1(pglBig.eventsP50Ms / pgSame.eventsP50Ms);
  }
  const [scrubSmall, scrubBig] = [scrubs[0], scrubs[scrubs.length - 1]];
  if (scrubSmall && scrubBig && scrubBig !== scrubSmall) {
    ratios[`scrub median ${scrubBig.events}/${scrubSmall.events}`] = r1(scrubBig.medianMs / scrubSmall.medianMs);
    ratios[`scrub p95 ${scrubBig.events}/${scrubSmall.events}`] = r1(scrubBig.p95Ms / scrubSmall.p95Ms);
  }
  if (first) {
    ratios["first frame / bare page"] = r1(first.firstFrameMs / first.bare.firstFrameMs);
    ratios["long tasks / bare page"] = r1(first.longTasksMs / Math.max(1, first.bare.longTasksMs));
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const result = { machine, stores, firstView: first, scrub: scrubs, ratios };
  fs.mkdirSync(path.join(root, "bench", "out"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench", "out", "scale.json"), JSON.stringify(result, null, 2));
  return result;
}

const list = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return (i >= 0 ? process.argv[i + 1]! : fallback).split(",").filter(Boolean);
};

export function printScale(r: ScaleBenchResult, print: (line: string) => void = console.log): void {
  print(`machine: ${r.machine}`);
  for (const s of r.stores)
    print(
      `${s.store.padEnd(9)} ${String(s.events).padStart(8)} events  load ${s.loadSeconds} s  region counts p50 ${s.aggregatesP50Ms} ms (p95 ${s.aggregatesP95Ms})` +
        `  city month p50 ${s.eventsP50Ms} ms (p95 ${s.eventsP95Ms}, ${s.eventsReturned} events)  server RSS ${s.serverRssMb} MB`,
    );
  if (r.firstView) {
    const f = r.firstView;
    print(`first view at ${f.events} events (${f.store}): ${(f.bytes / 1024).toFixed(0)} KB in ${f.requests} requests, first frame ${f.firstFrameMs} ms, counts drawn ${f.dataMs ?? "–"} ms, long tasks ${f.longTasksMs} ms`);
    print(`bare MapLibre page:        ${(f.bare.bytes / 1024).toFixed(0)} KB, first frame ${f.bare.firstFrameMs} ms, long tasks ${f.bare.longTasksMs} ms`);
  }
  for (const x of r.scrub)
    print(`scrub at ${x.events} events (${x.store}, ${x.page} page): median ${x.medianMs} ms, p95 ${x.p95Ms} ms over ${x.frames} frames, ${x.requestsDuringScrub} API requests meanwhile`);
  for (const [k, v] of Object.entries(r.ratios)) print(`${k}: ×${v}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const r = await runScaleBench({
    stores: list("--stores", String(SCALE_DEFAULTS.stores)) as ("postgres" | "pglite")[],
    sizes: list("--sizes", String(SCALE_DEFAULTS.sizes)).map(Number),
    pgliteSizes: list("--pglite-sizes", String(SCALE_DEFAULTS.pgliteSizes)).map(Number),
    scrubSizes: list("--scrub-sizes", String(SCALE_DEFAULTS.scrubSizes)).map(Number),
    port: Number(list("--port", String(SCALE_DEFAULTS.port))[0]),
  });
  if (process.argv.includes("--json")) console.log(JSON.stringify(r));
  else printScale(r);
}
