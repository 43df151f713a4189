/**
 * Scrub bench: frame times while the playback cursor is dragged across the whole time range, at
 * 1k and 100k synthetic events, in Chromium (software WebGL here). It serves the built app
 * (`next start`, building first when there is no build) and opens /bench?n=N, which generates the
 * events in the page and talks to no API. Each frame moves the cursor once; the frame time is the
 * interval between animation frames, so it counts React, the visible-set computation, MapLibre's
 * drawing and anything else the page does in that frame.
 *
 *   npx tsx bench/browser-scrub.ts [--url http://127.0.0.1:3000 | --port 3310] [--sizes 1000,100000] [--frames 240]
 *
 * Prints a table and writes bench/out/browser-scrub.json.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import type {} from "../app/components/test-hook";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export type ScrubFigures = {
  n: number;
  /**
   * cumulative: everything up to the cursor; window: the trailing 30 days; repaint: no cursor
   * move, the map only redrawn each frame — the floor the renderer sets, for comparison.
   */
  mode: "cumulative" | "window" | "repaint";
  frames: number;
  medianMs: number;
  p95Ms: number;
  /** Navigation to a loaded map with all events handed over, ms. */
  loadMs: number;
};

export type ScrubBenchResult = {
  device: string;
  results: ScrubFigures[];
  /** median and p95 frame time at the largest size over the smallest, cumulative scrub. */
  ratio: { median: number; p95: number };
};

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

export async function waitIdle(page: Page) {
  await page.waitForFunction(() => {
    const m = window.__strikeline?.map;
    return !!m && m.loaded() && m.areTilesLoaded();
  }, undefined, { timeout: 120_000 });
}

/**
 * Moves the cursor once per animation frame from the first to the last day; returns frame intervals.
 * Written as source text: tsx would wrap named functions in a helper the page does not have.
 */
const SCRUB_IN_PAGE = `(frames, repaintOnly) => new Promise((resolve) => {
  const h = window.__strikeline;
  const [d0, d1] = h.domain();
  const times = [];
  let i = 0;
  let last = 0;
  function step(now) {
    if (i > 0) times.push(now - last);
    last = now;
    if (i >= frames) return resolve(times);
    if (repaintOnly) h.map.triggerRepaint();
    else h.dispatch({ type: "seek", day: d0 + ((d1 - d0) * i) / (frames - 1) });
    i++;
    requestAnimationFrame(step);
  }
  requestAnimationFrame(step);
})`;

export async function scrub(page: Page, frames: number, repaintOnly = false): Promise<number[]> {
  return page.evaluate(`(${SCRUB_IN_PAGE})(${frames}, ${repaintOnly})`);
}

async function serve(port: number): Promise<{ url: string; stop: () => void }> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("no build found: running next build");
    const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/basemap/style.json`)).ok) return { url, stop: () => child.kill("SIGTERM") };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error("next start did not answer");
}

export async function runScrubBench(opts: { url?: string; sizes?: number[]; frames?: number; port?: number } = {}): Promise<ScrubBenchResult> {
  const sizes = opts.sizes ?? [1000, 100_000];
  const frames = opts.frames ?? 240;
  const server = opts.url ? { url: opts.url, stop: () => undefined } : await serve(opts.port ?? 3310);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const device = `Chromium ${browser.version()} (--disable-gpu: SwiftShader WebGL), ${os.cpus().length} CPUs`;
  const results: ScrubFigures[] = [];
  try {
    for (const n of sizes) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const t0 = Date.now();
      await page.goto(`${server.url}/bench?n=${n}`);
      await waitIdle(page);
      const loadMs = Date.now() - t0;
      for (const mode of ["repaint", "cumulative", "window"] as const) {
        if (mode !== "repaint") await page.evaluate((mode) => window.__strikeline!.dispatch({ type: "setMode", mode }), mode);
        await scrub(page, 20, mode === "repaint"); // warm-up: first frames pay for lazy work
        const times = await scrub(page, frames, mode === "repaint");
        results.push({ n, mode, frames: times.length, medianMs: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)), loadMs });
        await waitIdle(page);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
  const cum = results.filter((r) => r.mode === "cumulative");
  const small = cum[0]!;
  const large = cum[cum.length - 1]!;
  return {
    device,
    results,
    ratio: { median: round(large.medianMs / small.medianMs), p95: round(large.p95Ms / small.p95Ms) },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const r = await runScrubBench({
    url: arg("url"),
    sizes: arg("sizes")?.split(",").map(Number),
    frames: arg("frames") ? Number(arg("frames")) : undefined,
    port: arg("port") ? Number(arg("port")) : undefined,
  });
  console.log(r.device);
  console.log("events   mode        frames  median ms  p95 ms  load ms");
  for (const x of r.results)
    console.log(`${String(x.n).padStart(7)}  ${x.mode.padEnd(10)}  ${String(x.frames).padStart(6)}  ${String(x.medianMs).padStart(9)}  ${String(x.p95Ms).padStart(6)}  ${String(x.loadMs).padStart(7)}`);
  console.log(`ratio largest/smallest (cumulative): median ${r.ratio.median}×, p95 ${r.ratio.p95}×`);
  fs.mkdirSync(path.join(root, "bench", "out"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench", "out", "browser-scrub.json"), JSON.stringify(r, null, 2));
}
