import { defineConfig } from "@playwright/test";
import { E2E_EDITOR_TOKEN, e2eDataDir } from "./e2e/server-env";

// STRIKELINE_E2E_PORT lets several checkouts run their end-to-end tests side by side.
const port = Number(process.env.STRIKELINE_E2E_PORT || 3100);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
    trace: "off",
  },
  webServer: {
    // The real start path (build when needed, seed, serve) on a throw-away data folder.
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/api/events`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM, not the default SIGKILL of the process group: scripts/e2e-server.mjs then stops the
    // app and removes its data folder instead of leaving /tmp/strikeline-e2e-<port> behind.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), STRIKELINE_EDITOR_TOKEN: E2E_EDITOR_TOKEN, STRIKELINE_E2E_DATA_DIR: e2eDataDir(port) },
  },
});
