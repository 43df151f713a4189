/**
 * PGlite is single-process: two processes writing one data folder corrupt it. The folder is
 * guarded by a lock file created exclusively and whole (lib/exclusive-file: a rival never reads it
 * empty), so of two processes starting at the same instant exactly one gets it. The file names its holder by pid and process start
 * time; a lock whose holder is gone, or whose pid now belongs to another program, is stale and
 * is taken over (with a warning saying so), while a live holder is refused with what to do.
 */
import fs from "node:fs";
import path from "node:path";
import { StrikelineError } from "../lib/errors";
import { createExclusive } from "../lib/exclusive-file";
import { processAlive } from "../lib/running-server";

export const LOCK_FILE = "strikeline.lock";

type Holder = { pid: number; start: string | null };
type Verdict = { stale: false } | { stale: true; why: string };

/** The kernel's start time of a process (clock ticks since boot): with the pid, it names one process for good. */
function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function commandLine(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return null;
  }
}

const describe = (h: Holder) => `${h.pid}${h.start ? ` ${h.start}` : ""}\n`;

function parse(text: string): Holder | null {
  const [pid, start] = text.trim().split(/\s+/);
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 ? { pid: n, start: start || null } : null;
}

function judge(h: Holder | null): Verdict {
  if (!h) return { stale: true, why: "it does not name a process" };
  if (!processAlive(h.pid)) return { stale: true, why: `process ${h.pid} is no longer running` };
  const start = processStart(h.pid);
  if (h.start && start && h.start !== start) return { stale: true, why: `process ${h.pid} is now another program (its pid was reused)` };
  // A lock written before start times were recorded: a live pid that is not Node is not ours.
  const cmd = h.start ? null : commandLine(h.pid);
  if (cmd !== null && !/\bnode\b|strikeline|next/.test(cmd)) return { stale: true, why: `process ${h.pid} is not Strikeline (${cmd.trim().slice(0, 60)})` };
  return { stale: false };
}

function read(lock: string): string | null {
  try {
    return fs.readFileSync(lock, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/**
 * Takes the data folder's lock or throws a StrikelineError ("conflict") naming the holder and what
 * to do. Returns the release function (also run on exit).
 */
export function lockDataDir(dataDir: string, warn: (message: string) => void = (m) => console.warn(m)): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, LOCK_FILE);
  const mine = describe({ pid: process.pid, start: processStart(process.pid) });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      createExclusive(lock, mine);
      const release = () => {
        if (read(lock) === mine) fs.rmSync(lock, { force: true });
      };
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const text = read(lock);
    if (text === null) continue;
    const holder = parse(text);
    const verdict = judge(holder);
    if (!verdict.stale) {
      const who = holder!.pid === process.pid ? "this process (the store is already open)" : `process ${holder!.pid} (is the server or another command running?)`;
      throw new StrikelineError(
        "conflict",
        `The data folder ${dataDir} is in use by ${who}. Stop it, point STRIKELINE_DATA_DIR elsewhere, or use DATABASE_URL. ` +
          `If you are sure no Strikeline process uses the folder, delete ${lock}.`,
      );
    }
    // Moved aside rather than deleted: a rename succeeds for one process only, and what it moved
    // can be checked to be the stale lock judged, not a fresh one another process just took.
    const aside = `${lock}.stale-${process.pid}`;
    try {
      fs.renameSync(lock, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw e;
    }
    if (read(aside) !== text) {
      try {
        fs.linkSync(aside, lock);
      } catch {
        /* another process holds the folder now; the next attempt reports it */
      }
    } else warn(`Took over the stale lock of ${dataDir}: ${verdict.why}.`);
    fs.rmSync(aside, { force: true });
  }
  throw new StrikelineError("conflict", `Could not lock the data folder ${dataDir}: other processes keep taking and releasing it. Try again.`);
}
