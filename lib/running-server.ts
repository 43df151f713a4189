/**
 * How a CLI finds the server that holds the embedded store: the server writes `server.json`
 * (its pid and address) into the data folder at start and removes it at exit. A file naming a
 * dead process is stale and ignored.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const SERVER_FILE = "server.json";

const ServerInfo = z.object({ pid: z.number().int().positive(), url: z.url(), startedAt: z.string() });
export type ServerInfo = z.infer<typeof ServerInfo>;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Records this process as the data folder's server; the record goes when the process exits. */
export function announceServer(dataDir: string, url: string): void {
  const file = path.join(dataDir, SERVER_FILE);
  const info: ServerInfo = { pid: process.pid, url, startedAt: new Date().toISOString() };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  process.once("exit", () => {
    try {
      if (ServerInfo.parse(JSON.parse(fs.readFileSync(file, "utf8"))).pid === process.pid) fs.unlinkSync(file);
    } catch {
      // Already gone or replaced by a later server: nothing of ours to remove.
    }
  });
}

/** The live server holding this data folder, if any. */
export function findServer(dataDir: string): ServerInfo | null {
  let info: ServerInfo;
  try {
    info = ServerInfo.parse(JSON.parse(fs.readFileSync(path.join(dataDir, SERVER_FILE), "utf8")));
  } catch {
    return null;
  }
  return processAlive(info.pid) ? info : null;
}
