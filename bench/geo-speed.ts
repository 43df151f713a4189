/**
 * Geocoder speed and size: time to import the code (zod, Turf) and to load the prebuilt
 * gazetteer, the heap the gazetteer takes, the first answer that needs the shape file, and lookups per second for plain names, names with a
 * short context, and qualified mentions.
 *
 *   npx tsx bench/geo-speed.ts          (the index must be built: npx tsx geo/build-index.ts)
 *
 * Runs in a fresh child process, so the load is measured cold even when called from `npm run bench`.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { INDEX_FILE, SHAPES_FILE } from "../geo/index-format";

/** Mentions of the kind the seed events produce, cycled through in the loops. */
const PLAIN = ["Baghdad", "Beirut", "Damascus", "Kirkuk", "Camp Taji", "Gulf of Oman", "Tehran", "Erbil", "Tripoli", "Georgia", "Springfield", "Deir al-Zour"];
const QUALIFIED = ["near Kirkuk", "outside Damascus", "a suburb of Beirut", "southern Lebanon", "20 km north of Mosul", "Kirkuk province", "Iranian embassy in Beirut"];
const CONTEXT = "Rockets struck a base in Iraq hosting US troops; Iraqi officials blamed an Iran-backed militia near Baghdad.";

function perSecond(n: number, ms: number): number {
  return Math.round((n / ms) * 1000);
}

/** The measurements, taken in this process. */
async function measure(): Promise<Record<string, number | string>> {
  const t0 = performance.now();
  const { getGeocoder } = await import("../geo/index");
  const importMs = performance.now() - t0;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const geo = await getGeocoder();
  const loadMs = performance.now() - t1;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;

  // The first answer with a polygon reads the shape file: once per process, after the index.
  const t2 = performance.now();
  geo.geocode("Ontario");
  const shapesMs = performance.now() - t2;
  const shapesMb = fs.statSync(path.join(process.cwd(), SHAPES_FILE)).size / 1e6;

  const loop = (mentions: string[], n: number, context?: string) => {
    geo.geocode(mentions[0] ?? "", { context }); // warm the context cache and lazy data
    const t = performance.now();
    for (let i = 0; i < n; i++) geo.geocode(mentions[i % mentions.length] ?? "", { context });
    return perSecond(n, performance.now() - t);
  };
  const plain = loop(PLAIN, 20_000);
  const withContext = loop(PLAIN, 20_000, CONTEXT);
  const qualified = loop(QUALIFIED, 5_000);
  const indexMb = fs.statSync(path.join(process.cwd(), INDEX_FILE)).size / 1e6;
  return {
    "module import ms": Math.round(importMs),
    "index load ms": Math.round(loadMs),
    "heap MB": Math.round(heapMb),
    "index MB": Math.round(indexMb * 10) / 10,
    "first polygon answer ms": Math.round(shapesMs),
    "shapes MB": Math.round(shapesMb * 10) / 10,
    "lookups/s plain": plain,
    "lookups/s with context": withContext,
    "lookups/s qualified": qualified,
  };
}

/** For `npm run bench`: runs the measurement in a child process so the load time is cold. */
export async function runGeoBench(): Promise<Record<string, number | string>> {
  const self = path.join(process.cwd(), "bench", "geo-speed.ts");
  const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", self, "--json"], { encoding: "utf8" });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`geo-speed failed: ${child.stderr || child.stdout}`);
  return JSON.parse(line) as Record<string, number | string>;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!fs.existsSync(path.join(process.cwd(), INDEX_FILE))) {
    console.log(`no gazetteer index at ${INDEX_FILE}; build it with: npx tsx geo/build-index.ts`);
  } else {
    const figures = process.argv.includes("--json") || global.gc ? await measure() : await runGeoBench();
    if (process.argv.includes("--json")) console.log(JSON.stringify(figures));
    else for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(24)} ${v}`);
  }
}
