/**
 * What the server does when it starts (instrumentation.ts): announce itself in the data folder so a
 * CLI sends its store commands here instead of failing on the lock, print the editor token when it
 * is new, open the store, and seed when asked (`npm start`), in this process: the store opens once.
 */
import { seedCommand } from "../bin/commands/seed";
import { getStore } from "../db/client";
import { serverEditorToken } from "../lib/auth";
import { env } from "../lib/env";
import type { Io } from "../lib/io";
import { announceServer } from "../lib/running-server";

const consoleIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: false };

export async function startServer(): Promise<void> {
  const e = env();
  // A PostgreSQL store admits every process; only the embedded one needs the CLI to come through here.
  if (!e.databaseUrl) announceServer(e.dataDir, `http://127.0.0.1:${e.port}`);
  serverEditorToken();
  const store = await getStore();
  if (e.seedOnStart) {
    const t = Date.now();
    console.log("▸ loading the seed events");
    const code = await seedCommand({}, consoleIo, { store });
    if (code !== 0) throw new Error(`loading the seed events failed (exit ${code})`);
    console.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
}
