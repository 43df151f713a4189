#!/usr/bin/env node
// `npm start`: build the app when the sources are newer than the last build, then serve on PORT
// (default 3000). The server opens the store once and loads the seed events (idempotent) itself,
// before it answers (instrumentation.ts). No database server needed.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const port = process.env.PORT || "3000";

const bin = (name) => path.join(root, "node_modules", ".bin", name);
const step = (label, cmd, args) => {
  const t = Date.now();
  console.log(`▸ ${label}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`✗ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === "node_modules" || e.startsWith(".")) continue;
    max = Math.max(max, newestMtime(path.join(p, e)));
  }
  return max;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "bin", "lib", "db", "geo", "public", "scripts", "data", "instrumentation.ts", "proxy.ts", "next.config.js", "package-lock.json", "tsconfig.json"];
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (!built || Math.max(...sources.map((s) => newestMtime(path.join(root, s)))) > built) {
  step("building the app (first start takes a couple of minutes)", "npm", ["run", "build", "--silent"]);
} else {
  console.log("▸ build is up to date");
}

console.log(`▸ serving on http://localhost:${port} (after the store is open and the seed events are loaded)`);
const server = spawn(bin("next"), ["start", "-p", port], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, STRIKELINE_SEED_ON_START: "1" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
