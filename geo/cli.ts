/**
 * `strikeline geocode`: one mention (human-readable or --json), or a JSONL batch
 * ({"mention":…, "context":…} per line → one JSON result per line, in order). Every string handed
 * to io.stdout/io.stderr ends with a newline, so they can be wired to process.stdout.write.
 */
import fs from "node:fs";
import { z } from "zod";
import { getGeocoder } from "./index";
import type { GeocodeResult } from "./result";

export interface GeocodeArgs {
  mention?: string;
  context?: string;
  json?: boolean;
  batch?: string;
}

export interface GeocodeIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_UNRESOLVED = 3;

const BatchLine = z.object({ mention: z.string(), context: z.string().optional() });

/** The fields a consumer of the CLI gets; the in-process API carries a few more (mention, source). */
function publicJson(r: GeocodeResult): Record<string, unknown> {
  if (!r.resolved) return { mention: r.mention, unresolved: true, reason: r.reason };
  const { name, lat, lon, precision, kind, country, confidence, alternatives, area, radiusKm } = r;
  return { name, lat, lon, precision, kind, country, confidence, alternatives, ...(area ? { area } : {}), ...(radiusKm ? { radiusKm } : {}) };
}

function human(r: GeocodeResult): string {
  if (!r.resolved) return `unresolved: ${r.mention} (${r.reason})\n`;
  const area = !r.area ? "" : r.area.type === "radius" ? `, within ${r.area.km} km` : `, area ${r.area.geometry.type}${r.radiusKm ? `, equal-area radius ${r.radiusKm} km` : ""}`;
  const lines = [
    `${r.name} — ${r.kind}, ${r.country ?? "open sea"}`,
    `  ${r.lat.toFixed(5)}, ${r.lon.toFixed(5)}  precision ${r.precision}${area}`,
    `  confidence ${r.confidence.toFixed(2)} (source: ${r.source})`,
    ...r.alternatives.map((a) => `  or: ${a.name} (${a.kind}, ${a.country ?? "sea"}) ${a.lat.toFixed(3)}, ${a.lon.toFixed(3)}  ${a.score.toFixed(2)}`),
  ];
  return lines.join("\n") + "\n";
}

/** Flushes output in chunks: thousands of small writes cost more than the geocoding. */
const FLUSH_EVERY = 500;

async function runBatch(file: string, io: GeocodeIO): Promise<number> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    io.stderr(`cannot read ${file}: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  const geo = await getGeocoder();
  let out: string[] = [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => {
    let result: Record<string, unknown>;
    try {
      const parsed = BatchLine.safeParse(JSON.parse(line));
      result = parsed.success
        ? publicJson(geo.geocode(parsed.data.mention, { context: parsed.data.context }))
        : { line: i + 1, error: `expected {"mention": string, "context"?: string}: ${parsed.error.issues[0]?.message ?? "invalid"}` };
    } catch (e) {
      result = { line: i + 1, error: `not JSON: ${(e as Error).message}` };
    }
    out.push(JSON.stringify(result));
    if (out.length >= FLUSH_EVERY) {
      io.stdout(out.join("\n") + "\n");
      out = [];
    }
  });
  if (out.length) io.stdout(out.join("\n") + "\n");
  return EXIT_OK;
}

export async function geocodeCommand(args: GeocodeArgs, io: GeocodeIO): Promise<number> {
  if (args.batch) return runBatch(args.batch, io);
  if (!args.mention?.trim()) {
    io.stderr("usage: strikeline geocode <mention> [--context TEXT] [--json] | --batch FILE.jsonl\n");
    return EXIT_USAGE;
  }
  const geo = await getGeocoder();
  const r = geo.geocode(args.mention, { context: args.context });
  io.stdout(args.json ? JSON.stringify(publicJson(r)) + "\n" : human(r));
  return r.resolved ? EXIT_OK : EXIT_UNRESOLVED;
}
