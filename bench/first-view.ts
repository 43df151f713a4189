/**
 * First view of the seed page (what `npm start` shows: the 28 seed events on PGlite), against the
 * bare MapLibre page (/bench/bare, empty style), in the same browser and run. Each round opens both
 * in a fresh browser, page first, then bare; the medians of the rounds and their ratios are printed
 * (and written to bench/out/first-view.json, with screenshots); nothing is asserted.
 *
 *   npx tsx bench/first-view.ts [--rounds 5] [--port 3330] [--json]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isMain, numberArg } from "./args";
import { firstView, freshTarget, rssMb, serve } from "./scale";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

type View = { firstFrameMs: number; longTasksMs: number; bytes: number; requests: number };
export type FirstViewBench = {
  machine: string;
  rounds: number;
  page: View;
  bare: View;
  serverRssMb: number;
  ratios: { firstFrame: number; longTasks: number };
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const medianView = (vs: View[]): View => ({
  firstFrameMs: Math.round(median(vs.map((v) => v.firstFrameMs))),
  longTasksMs: Math.round(median(vs.map((v) => v.longTasksMs))),
  bytes: Math.round(median(vs.map((v) => v.bytes))),
  requests: Math.round(median(vs.map((v) => v.requests))),
});

export async function runFirstViewBench({ rounds = 5, port = 3330 } = {}): Promise<FirstViewBench> {
  const t = await freshTarget("pglite");
  const server = await serve({ ...t, env: { ...t.env, STRIKELINE_SEED_ON_START: "1" } }, port);
  try {
    fs.mkdirSync(path.join(root, "bench", "out"), { recursive: true });
    // One unmeasured visit of each: the server compiles nothing, but its first answers warm its caches.
    await firstView(`${server.url}/`, "first-view-warmup.png");
    const page: View[] = [];
    const bare: View[] = [];
    for (let i = 0; i < rounds; i++) {
      page.push(await firstView(`${server.url}/`, "first-view-page.png"));
      bare.push(await firstView(`${server.url}/bench/bare`, "first-view-bare.png"));
      console.error(`[first-view] round ${i + 1}: page ${JSON.stringify(page[i])} bare ${JSON.stringify(bare[i])}`);
    }
    const [p, b] = [medianView(page), medianView(bare)];
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
    const result: FirstViewBench = {
      machine,
      rounds,
      page: p,
      bare: b,
      serverRssMb: Math.round(rssMb(server.child.pid!)),
      ratios: { firstFrame: Math.round((p.firstFrameMs / b.firstFrameMs) * 100) / 100, longTasks: Math.round((p.longTasksMs / Math.max(1, b.longTasksMs)) * 100) / 100 },
    };
    fs.writeFileSync(path.join(root, "bench", "out", "first-view.json"), JSON.stringify(result, null, 2));
    return result;
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await t.cleanup();
  }
}

export function printFirstView(r: FirstViewBench, print: (line: string) => void = console.log): void {
  const line = (name: string, v: View) => `${name.padEnd(20)} first frame ${v.firstFrameMs} ms, long tasks ${v.longTasksMs} ms, ${(v.bytes / 1024).toFixed(0)} KB in ${v.requests} requests`;
  print(`machine: ${r.machine}; median of ${r.rounds} rounds`);
  print(line("seed page (28 events)", r.page));
  print(line("bare MapLibre page", r.bare));
  print(`first frame / bare: ×${r.ratios.firstFrame}; long tasks / bare: ×${r.ratios.longTasks}; server RSS ${r.serverRssMb} MB`);
}

if (isMain(import.meta.url)) {
  const r = await runFirstViewBench({ rounds: numberArg("--rounds") ?? 5, port: numberArg("--port") ?? 3330 });
  if (process.argv.includes("--json")) console.log(JSON.stringify(r));
  else printFirstView(r);
}
