#!/usr/bin/env node
// `npm test`: every test — unit and integration (vitest, PGlite and PostgreSQL), then end-to-end
// (Playwright in Debian Chromium) — and a closing line `N passed, N failed` for CI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const out = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-test-"));
const bin = (n) => path.join(root, "node_modules", ".bin", n);

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env: process.env }).status ?? 1;
const readJson = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

console.log("▸ unit and integration tests (vitest)");
const vitestJson = path.join(out, "vitest.json");
const vStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
if (vStatus !== 0 && (!v || v.numFailedTests === 0)) failed += 1; // a crash or a failed suite with no failed test

if (!fs.existsSync("/usr/bin/chromium")) {
  console.error("✗ end-to-end tests need Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)");
  failed += 1;
} else {
  console.log("▸ end-to-end tests (Playwright, Chromium)");
  const pwJson = path.join(out, "playwright.json");
  const pStatus = spawnSync(bin("playwright"), ["test"], {
    stdio: "inherit",
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
  }).status ?? 1;
  const p = readJson(pwJson);
  if (p) {
    passed += p.stats.expected + (p.stats.flaky ?? 0);
    failed += p.stats.unexpected;
    skipped += p.stats.skipped;
  }
  if (pStatus !== 0 && (!p || p.stats.unexpected === 0)) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
