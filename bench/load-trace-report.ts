/**
 * Reads the logs of `bench/load.ts --trace DIR` and says, for each level, where its slow requests
 * spent their time: before fetch wrote them (sent → written: the generator's connect and queue),
 * before the server accepted a new socket, before the app was handed the request (accept, read,
 * and the server's turn queue, lib/request-admission.ts), in the server (parsed → finished), or after (finished → received: the
 * generator's own thread busy), and how much of that the server's and generator's GCs and
 * event-loop stalls cover.
 *   npx tsx bench/load-trace-report.ts DIR [--store pglite] [--over 1000]
 */
import fs from "node:fs";
import path from "node:path";

type ClientReq = { k: "req"; id: string; sent: number; received: number; ok: boolean };
type ServerReq = { k: "req"; id: string; url: string; accepted?: number; parsed: number; finished: number; first: boolean };
type Pause = { k: "gc" | "stall"; at: number; ms: number };
type Level = { k: "level"; route: string; connections: number; start: number; end: number };

const dir = process.argv[2];
if (!dir) throw new Error("usage: bench/load-trace-report.ts DIR [--store pglite] [--over 1000]");
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const over = Number(arg("over") ?? 1000);
const read = (file: string) =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { k: string })
    : [];

/** Milliseconds of the pauses that overlap [from, to]. */
const covered = (pauses: Pause[], from: number, to: number) => pauses.reduce((ms, p) => ms + Math.max(0, Math.min(to, p.at + p.ms) - Math.max(from, p.at)), 0);
const f = (ms: number) => ms.toFixed(0).padStart(5);

for (const store of arg("store")?.split(",") ?? ["pglite", "postgres"]) {
  const client = read(path.join(dir, `${store}-client.jsonl`));
  if (!client.length) continue;
  const server = read(path.join(dir, `${store}-server.jsonl`));
  const byId = new Map((server.filter((e) => e.k === "req") as ServerReq[]).map((r) => [r.id, r]));
  const pausesOf = (log: { k: string }[], k: string) => log.filter((e) => e.k === k) as Pause[];
  const [sGc, sStall, cGc, cStall] = [pausesOf(server, "gc"), pausesOf(server, "stall"), pausesOf(client, "gc"), pausesOf(client, "stall")];
  const reqs = client.filter((e) => e.k === "req") as ClientReq[];
  const written = new Map((client.filter((e) => e.k === "written") as { k: string; id: string; at: number }[]).map((w) => [w.id, w.at]));
  console.log(`\n${store}: server GC ${sGc.length}× ${covered(sGc, 0, Infinity).toFixed(0)} ms in all (longest ${Math.max(0, ...sGc.map((g) => g.ms)).toFixed(0)} ms); generator GC longest ${Math.max(0, ...cGc.map((g) => g.ms)).toFixed(0)} ms`);
  for (const level of client.filter((e) => e.k === "level") as Level[]) {
    const mine = reqs.filter((r) => r.sent >= level.start && r.sent <= level.end);
    const slow = mine.filter((r) => r.received - r.sent > over).sort((a, b) => b.received - b.sent - (a.received - a.sent));
    const firstSecond = slow.filter((r) => r.sent - level.start < 1000).length;
    console.log(
      `${level.route.padEnd(24)} ${String(level.connections).padStart(3)} conn: ${mine.length} requests, ${slow.length} over ${over} ms (${firstSecond} sent in the level's first second); ` +
        `longest server stall in the level ${Math.max(0, ...sStall.filter((s) => s.at >= level.start && s.at <= level.end).map((s) => s.ms)).toFixed(0)} ms, generator's ${Math.max(0, ...cStall.filter((s) => s.at >= level.start && s.at <= level.end).map((s) => s.ms)).toFixed(0)} ms`,
    );
    if (slow.length) console.log("     total  after-start  to-write  to-accept  to-app  in-server  to-client  new-socket  server-stall  server-gc  gen-stall  gen-gc");
    for (const r of slow.slice(0, 8)) {
      const s = byId.get(r.id);
      const w = written.get(r.id);
      const cells = s
        ? [w === undefined ? "    ?" : f(w - r.sent), s.accepted === undefined ? "    -" : f(s.accepted - r.sent), f(s.parsed - r.sent), f(s.finished - s.parsed), f(r.received - s.finished), s.first ? "   yes" : "    no"]
        : ["    ?", "    ?", "    ?", "    ?", "    ?", "     ?"];
      console.log(
        `    ${f(r.received - r.sent)}  ${f(r.sent - level.start)}       ${cells.slice(0, 5).join("     ")}      ${cells[5]}       ${f(covered(sStall, r.sent, r.received))}      ${f(covered(sGc, r.sent, r.received))}      ${f(covered(cStall, r.sent, r.received))}   ${f(covered(cGc, r.sent, r.received))}`,
      );
    }
  }
}
