/**
 * Load on the served app, over loopback only, bounded in time and concurrency: for each store
 * (the embedded PGlite, and PostgreSQL when STRIKELINE_TEST_DATABASE_URL reaches one), `next start`
 * on the seeded data, then 10, 50 and 100 concurrent connections (each a loop of sequential
 * requests) on /api/events, the page, /api/preview and /api/events with a new view on every
 * request (every one a cache miss). Prints requests/s, p50/p99/max latency,
 * errors (non-2xx or failed) and the server's resident memory. Needs a build (`next build`).
 * `--trace DIR` also writes, per store, the server's log (bench/load-trace.cjs) and the generator's
 * (every request's send and receive time, its own GCs and event-loop stalls) for bench/load-trace-report.ts.
 *   npx tsx bench/load.ts [--seconds 20] [--port 3106] [--stores pglite,postgres] [--connections 10,50,100] [--trace DIR]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import diagnostics from "node:diagnostics_channel";
import { PerformanceObserver } from "node:perf_hooks";
import { throwawayDatabase } from "../db/test-stores";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

export type LoadRow = { store: string; route: string; connections: number; rps: number; p50: number; p99: number; max: number; errors: number; rssMb: number };

/**
 * What each level asks for: one URL over and over (what the read cache answers after the first
 * request), and `/api/events` with a different view every time (each one a cache miss, so the store
 * itself answers every request; the `to` dates lie after the data, so every miss reads every event).
 */
type Route = { label: string; url: (i: number) => string };
const FIRST_MISS_DAY = Date.UTC(2040, 0, 1);
const ROUTES: Route[] = [
  ...["/api/events", "/", "/api/preview?f=rocket"].map((u) => ({ label: u, url: () => u })),
  { label: "/api/events (distinct)", url: (i) => `/api/events?to=${new Date(FIRST_MISS_DAY + i * 86_400_000).toISOString().slice(0, 10)}` },
];
let requestNumber = 0;

/** The generator's side of a trace: JSON lines on the wall clock (ms), like bench/load-trace.cjs's. */
type Trace = { log: (o: object) => void; close: () => void };
const wallNow = () => performance.timeOrigin + performance.now();

function openTrace(file: string): Trace {
  const lines: string[] = [];
  const log = (o: object) => lines.push(JSON.stringify(o));
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) log({ k: "gc", at: performance.timeOrigin + e.startTime, ms: e.duration });
  });
  gc.observe({ entryTypes: ["gc"] });
  let expected = wallNow() + 10;
  const timer = setInterval(() => {
    const t = wallNow();
    if (t - expected > 50) log({ k: "stall", at: expected, ms: t - expected });
    expected = t + 10;
  }, 10);
  // When fetch's client actually wrote a request's headers to its socket (after any connect).
  const written = (m: unknown) => {
    const id = /x-load-id: (\d+)/.exec(String((m as { headers?: unknown }).headers))?.[1];
    if (id) log({ k: "written", id, at: wallNow() });
  };
  diagnostics.subscribe("undici:client:sendHeaders", written);
  return {
    log,
    close: () => {
      clearInterval(timer);
      diagnostics.unsubscribe("undici:client:sendHeaders", written);
      gc.disconnect();
      fs.writeFileSync(file, lines.join("\n") + "\n");
    },
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

function rssMb(pid: number): number {
  // `next start` serves from a child process: count the whole tree.
  const tree = (p: number): number[] => {
    let kids: number[] = [];
    try {
      kids = fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      /* gone */
    }
    return [p, ...kids.flatMap(tree)];
  };
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return Math.round(kb / 1024);
}

async function serve(port: number, env: Record<string, string>, traceFile?: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const seed = spawnSync(process.execPath, [path.join(root, "bin", "strikeline.mjs"), "seed"], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      ...(traceFile ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "bench", "load-trace.cjs")}`, STRIKELINE_LOAD_TRACE: traceFile } : {}),
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let i = 0; i < 240; i++) {
    try {
      // The first answer opens the store (seconds for PGlite): wait for it before measuring.
      if ((await fetch(`${url}/api/events`)).ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("next start did not answer");
}

async function hammer(url: (i: number) => string, connections: number, seconds: number, trace?: Trace): Promise<Omit<LoadRow, "store" | "route" | "connections" | "rssMb">> {
  const times: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const n = requestNumber++;
      let ok = false;
      try {
        // Node's fetch keeps one connection per request in flight, so `connections` loops hold that many sockets.
        const res = await fetch(url(n), { signal: AbortSignal.timeout(30_000), ...(trace ? { headers: { "x-load-id": String(n) } } : {}) });
        await res.arrayBuffer();
        ok = res.ok;
      } catch {
        // counted below
      }
      if (!ok) errors++;
      const ms = performance.now() - t;
      times.push(ms);
      trace?.log({ k: "req", id: String(n), sent: performance.timeOrigin + t, received: performance.timeOrigin + t + ms, ok });
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const wall = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { rps: times.length / wall, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? NaN, errors };
}

export async function runLoadBench(opts: { seconds?: number; port?: number; stores?: string[]; connections?: number[]; trace?: string } = {}): Promise<LoadRow[]> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build: run `npx next build` first");
  const seconds = opts.seconds ?? 20;
  const port = opts.port ?? 3106;
  const connections = opts.connections ?? [10, 50, 100];
  const rows: LoadRow[] = [];
  for (const store of opts.stores ?? ["pglite", "postgres"]) {
    let env: Record<string, string>;
    let cleanup = async () => {};
    if (store === "pglite") {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-load-"));
      env = { STRIKELINE_DATA_DIR: dir, DATABASE_URL: "" };
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      let db: Awaited<ReturnType<typeof throwawayDatabase>>;
      try {
        db = await throwawayDatabase();
      } catch (e) {
        console.log(`postgres: skipped (${(e as Error).message})`);
        continue;
      }
      env = { DATABASE_URL: db.url };
      cleanup = db.drop;
    }
    if (opts.trace) fs.mkdirSync(opts.trace, { recursive: true });
    const serverTrace = opts.trace && path.join(opts.trace, `${store}-server.jsonl`);
    if (serverTrace) fs.rmSync(serverTrace, { force: true });
    const trace = opts.trace ? openTrace(path.join(opts.trace, `${store}-client.jsonl`)) : undefined;
    const server = await serve(port, env, serverTrace || undefined);
    try {
      for (const route of ROUTES)
        for (const c of connections) {
          const start = wallNow();
          const r = await hammer((i) => `${server.url}${route.url(i)}`, c, seconds, trace);
          trace?.log({ k: "level", route: route.label, connections: c, start, end: wallNow() });
          const row = { store, route: route.label, connections: c, ...r, rssMb: rssMb(server.pid) };
          rows.push(row);
          console.log(
            `${store.padEnd(8)} ${row.route.padEnd(24)} ${String(c).padStart(3)} conn  ${row.rps.toFixed(1).padStart(7)} req/s  p50 ${row.p50.toFixed(0).padStart(5)} ms  p99 ${row.p99.toFixed(0).padStart(5)} ms  max ${row.max.toFixed(0).padStart(5)} ms  errors ${row.errors}  server ${row.rssMb} MB`,
          );
        }
    } finally {
      trace?.close();
      await server.stop();
      await cleanup();
    }
  }
  for (const { label: route } of ROUTES)
    for (const store of new Set(rows.map((r) => r.store))) {
      const [lo, hi] = [rows.find((r) => r.store === store && r.route === route && r.connections === connections[0]), rows.find((r) => r.store === store && r.route === route && r.connections === connections.at(-1))];
      if (lo && hi) console.log(`${store} ${route}: ${hi.connections} / ${lo.connections} connections, throughput ×${(hi.rps / lo.rps).toFixed(2)}`);
    }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await runLoadBench({
    seconds: arg("seconds") ? Number(arg("seconds")) : undefined,
    port: arg("port") ? Number(arg("port")) : undefined,
    stores: arg("stores")?.split(","),
    connections: arg("connections")?.split(",").map(Number),
    trace: arg("trace"),
  });
}
