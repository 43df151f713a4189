/**
 * Folder ingests under faults, on both stores: a process killed with SIGKILL at a random article
 * and moment, then run again, ends at the counts of an uninterrupted run with nothing stored
 * twice; Ctrl-C in a real process exits 130 with `interrupted: true`; on PostgreSQL a connection
 * killed mid-article is retried once (and reported when it dies again, the run going on), and two
 * overlapping ingests of one folder store each event once. Seeded: a failure names its seed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Db, type Store } from "../../db/client";
import { loadCurated, readCuratedFile } from "../../db/seed";
import { storeCases, throwawayDatabase } from "../../db/test-stores";
import { getGeocoder } from "../../geo";
import { env } from "../../lib/env";
import type { GeocodeFn } from "../../lib/pipeline/places";
import { repoRoot } from "../../lib/pipeline/testing/fixtures";
import { rng } from "../../lib/testing/rng";
import { ingestCommand, type RunReport } from "./ingest";
import { storeCounts, type StoreCounts } from "./testing/counts";
import { captureIo } from "./testing/support";

const SEED = 14;
const random = rng(SEED);
const cases = await storeCases();
const pgSkip = cases.find((c) => c.kind === "postgres")!.skip;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-fault-"));
/** Our own eval articles (data/eval/dev2 and its fresh/ set): 16 files whose events merge across articles. */
const folder = path.join(tmp, "articles");
fs.mkdirSync(folder);
for (const dir of ["data/eval/dev2", "data/eval/dev2/fresh"])
  for (const f of fs.readdirSync(path.join(repoRoot, dir)))
    if (/\.(md|txt|html)$/.test(f) && f !== "README.md") fs.copyFileSync(path.join(repoRoot, dir, f), path.join(folder, f));
const FILES = fs.readdirSync(folder).length;

let geocode: GeocodeFn;
const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false };
const capture = () => captureIo();

/** An uninterrupted run on a fresh store: seed, ingest the folder, count. */
async function baseline(store: Store): Promise<StoreCounts> {
  await loadCurated(store.db, { dataset: readCuratedFile(), geocode, seedsDir: null });
  expect(await ingestCommand({ paths: [folder] }, quiet, { store, geocode })).toBe(0);
  return storeCounts(store.db);
}

/** Children still running when the file ends (a timed-out test) are killed, not left behind. */
const running = new Set<ChildProcess>();

type ChildResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** The ingest child; with `stop`, it is sent `signal` a few milliseconds into article `at` (1-based). */
function child(storeEnv: Record<string, string>, args: string[], stop?: { at: number; delayMs: number; signal: NodeJS.Signals }): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // tsx as a loader, not its CLI, which would run the script in a second process that a kill -9 of the first leaves running.
    const p = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "bin/commands/testing/ingest-child.ts"), folder, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...storeEnv },
    });
    running.add(p);
    let stdout = "";
    let stderr = "";
    let sent = false;
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => {
      stderr += d;
      const done = [...stderr.matchAll(/\] (\d+)\/\d+ /g)].map((m) => Number(m[1]));
      if (stop && !sent && done.some((k) => k >= stop.at - 1)) {
        sent = true;
        setTimeout(() => p.kill(stop.signal), stop.delayMs);
      }
    });
    p.on("error", reject);
    p.on("exit", (code, signal) => {
      running.delete(p);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
const lastLine = (s: string) => JSON.parse(s.trim().split("\n").at(-1)!);

beforeAll(async () => {
  const g = await getGeocoder();
  geocode = (m, o) => g.geocode(m, o);
});
afterAll(() => {
  for (const p of running) p.kill("SIGKILL");
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("kill -9 mid-ingest, then run again", () => {
  it("embedded store: ends at the counts of an uninterrupted run, nothing twice", async () => {
    const at = random.int(2, FILES - 1);
    const delayMs = random.int(0, 40);
    const dataDir = path.join(tmp, "pglite");
    const storeEnv = { STRIKELINE_DATA_DIR: dataDir, DATABASE_URL: "" };
    const memory = await openStore({ memory: true });
    const [expected, killed] = await Promise.all([baseline(memory), child(storeEnv, ["--seed"], { at, delayMs, signal: "SIGKILL" })]);
    await memory.close();
    expect(killed.signal, `seed ${SEED}: killed at article ${at} + ${delayMs} ms`).toBe("SIGKILL");
    const rerun = await child(storeEnv, []);
    expect(rerun.code, rerun.stderr).toBe(0);
    // The dead process's lock was recognised as stale, and said so.
    expect(rerun.stderr).toMatch(/Took over the stale lock .*no longer running/);
    const report = JSON.parse(rerun.stdout.trim().split("\n")[0]!) as RunReport;
    expect(report.unchanged, `seed ${SEED}`).toBeGreaterThan(0);
    expect(lastLine(rerun.stdout), `seed ${SEED}: killed at article ${at} + ${delayMs} ms`).toEqual(expected);
    // Two PGlite + PostGIS opens in child processes, one after the other, are most of the time: ~15 s each on an idle machine.
  }, 240_000);

  it.skipIf(pgSkip)("PostgreSQL: the same, after a kill -9 and then a Ctrl-C, each at a random article", async () => {
    const db = await throwawayDatabase();
    try {
      const storeEnv = { DATABASE_URL: db.url };
      const reference = await cases.find((c) => c.kind === "postgres")!.open();
      const expected = await baseline(reference);
      await reference.close();

      const at = random.int(2, FILES - 1);
      const delayMs = random.int(0, 40);
      const killed = await child(storeEnv, ["--seed"], { at, delayMs, signal: "SIGKILL" });
      expect(killed.signal, `seed ${SEED}: killed at article ${at} + ${delayMs} ms`).toBe("SIGKILL");

      const atInt = random.int(2, FILES - 1);
      const interrupted = await child(storeEnv, [], { at: atInt, delayMs: random.int(0, 40), signal: "SIGINT" });
      if (interrupted.code !== 0) {
        // Unless the run had already finished when the signal came, it stopped and said so.
        expect(interrupted.code, interrupted.stderr).toBe(130);
        expect(JSON.parse(interrupted.stdout.trim().split("\n")[0]!)).toMatchObject({ interrupted: true });
      }

      const rerun = await child(storeEnv, []);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(lastLine(rerun.stdout), `seed ${SEED}: kill at ${at}, Ctrl-C at ${atInt}`).toEqual(expected);
    } finally {
      await db.drop();
    }
  }, 120_000);
});

/** The store's db with a fault injected: the backend of the article transactions numbered in `kill` is terminated as they begin. */
function withKilledTransactions(db: Db, admin: pg.Client, kill: Set<number>): Db {
  let n = 0;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== "transaction") {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === "function" ? v.bind(target) : v;
      }
      return (fn: (tx: Db) => Promise<unknown>, config?: unknown) => {
        const mine = ++n;
        return target.transaction(async (tx) => {
          if (kill.has(mine)) {
            const r = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
            await admin.query("select pg_terminate_backend($1)", [r.rows[0]!.pid]);
          }
          return fn(tx as unknown as Db);
        }, config as undefined);
      };
    },
  });
}

describe.skipIf(pgSkip)("PostgreSQL connections and concurrency", () => {
  let expected: StoreCounts;
  beforeAll(async () => {
    const reference = await cases.find((c) => c.kind === "postgres")!.open();
    expected = await baseline(reference);
    await reference.close();
  });

  async function seededPair<T>(fn: (url: string, admin: pg.Client) => Promise<T>): Promise<T> {
    const db = await throwawayDatabase();
    const admin = new pg.Client({ connectionString: env().testDatabaseUrl });
    await admin.connect();
    try {
      const s = await openStore({ databaseUrl: db.url });
      await loadCurated(s.db, { dataset: readCuratedFile(), geocode, seedsDir: null });
      await s.close();
      return await fn(db.url, admin);
    } finally {
      await admin.end();
      await db.drop();
    }
  }

  it("a connection killed mid-article is retried once on a fresh one: same counts, no crash", async () => {
    const victim = random.int(2, FILES - 1);
    await seededPair(async (url, admin) => {
      const store = await openStore({ databaseUrl: url });
      const a = capture();
      const code = await ingestCommand({ paths: [folder], json: true }, a.io, { store: { ...store, db: withKilledTransactions(store.db, admin, new Set([victim])) }, geocode });
      expect(code, a.out.stderr).toBe(0);
      expect(a.out.stderr).toMatch(/lost the connection to the database; retrying once/);
      expect(await storeCounts(store.db), `seed ${SEED}: transaction ${victim}`).toEqual(expected);
      await store.close();
    });
  }, 60_000);

  it("killed again on the retry: that article is reported in one sentence and left unwritten, the rest go in", async () => {
    await seededPair(async (url, admin) => {
      const store = await openStore({ databaseUrl: url });
      const a = capture();
      // The first article's transaction and its retry: every other article has its own.
      const code = await ingestCommand({ paths: [folder], json: true }, a.io, { store: { ...store, db: withKilledTransactions(store.db, admin, new Set([1, 2])) }, geocode });
      expect(code).toBe(1);
      const r = JSON.parse(a.out.stdout) as RunReport;
      expect(r.failed).toBe(1);
      expect(r.ingested).toBe(FILES - 1);
      const failed = r.articles.find((x) => x.status === "failed")!;
      expect(failed.reason).toBe("lost the connection to the database; the article was not written");
      const stored = (await store.db.execute(sql`select count(*)::int as n from articles where file_name = ${path.basename(failed.file)}`)) as unknown as { rows: { n: number }[] };
      expect(stored.rows[0]!.n).toBe(0);
      await store.close();
    });
  }, 60_000);

  it("two overlapping ingests of one folder store every event once", async () => {
    await seededPair(async (url) => {
      const [s1, s2] = [await openStore({ databaseUrl: url }), await openStore({ databaseUrl: url })];
      const [a, b] = [capture(), capture()];
      const codes = await Promise.all([
        ingestCommand({ paths: [folder], json: true }, a.io, { store: s1, geocode }),
        ingestCommand({ paths: [folder], json: true }, b.io, { store: s2, geocode }),
      ]);
      expect(codes).toEqual([0, 0]);
      const [ra, rb] = [JSON.parse(a.out.stdout) as RunReport, JSON.parse(b.out.stdout) as RunReport];
      // Each article went in exactly once; the other run found it stored.
      expect(ra.ingested + rb.ingested).toBe(FILES);
      expect(ra.failed + rb.failed).toBe(0);
      expect(await storeCounts(s1.db)).toEqual(expected);
      await Promise.all([s1.close(), s2.close()]);
    });
  }, 60_000);
});
