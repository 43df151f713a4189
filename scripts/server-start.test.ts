/**
 * What `npm start`'s server does before it serves: one store for the whole process, seeded there
 * (no separate seed process), a new editor token kept private in the data folder, and a record
 * that tells a CLI where the server listens.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-start-"));
Object.assign(process.env, { STRIKELINE_DATA_DIR: dataDir, STRIKELINE_SEED_ON_START: "1", PORT: "3998", DATABASE_URL: "", STRIKELINE_EDITOR_TOKEN: "" });

const { getStore, openStore, useStore } = await import("../db/client");
const { events } = await import("../db/schema");
const { findServer } = await import("../lib/running-server");
const { TOKEN_FILE } = await import("../lib/auth");
const { startServer } = await import("./server-start");

const store = await openStore({ memory: true });
afterAll(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("server start", () => {
  it("seeds into the process's one store, makes a private token, and announces itself", async () => {
    useStore(store);
    const log: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const said = vi.spyOn(console, "log").mockImplementation((s: unknown) => void log.push(String(s)));
    process.stdout.write = ((s: string) => (log.push(String(s)), true)) as typeof process.stdout.write;
    try {
      await startServer();
    } finally {
      process.stdout.write = write;
      said.mockRestore();
    }
    expect(await getStore()).toBe(store);
    expect((await store.db.select({ n: count() }).from(events))[0]!.n).toBeGreaterThan(20);
    const token = fs.readFileSync(path.join(dataDir, TOKEN_FILE), "utf8").trim();
    expect(fs.statSync(path.join(dataDir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(log.join("")).toContain(token);
    expect(log.join("")).toMatch(/Seeded \d+ events/);
    expect(findServer(dataDir)).toMatchObject({ pid: process.pid, url: "http://127.0.0.1:3998" });
  });
});
