#!/usr/bin/env node
// Starts the app for the end-to-end tests exactly as `npm start` does, on a fresh embedded store.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";

// STRIKELINE_E2E_DATA_DIR names the folder when a spec must reach the same store through the CLI;
// it is emptied first, so every run starts fresh either way.
const named = process.env.STRIKELINE_E2E_DATA_DIR;
if (named) fs.rmSync(named, { recursive: true, force: true });
const dataDir = named ? (fs.mkdirSync(named, { recursive: true }), named) : fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-e2e-"));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const child = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
  stdio: "inherit",
  env: { ...process.env, STRIKELINE_DATA_DIR: dataDir, DATABASE_URL: "" },
});
const stop = (sig) => child.kill(sig);
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
child.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
