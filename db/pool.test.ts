/**
 * The PostgreSQL pool: its size comes from STRIKELINE_DB_POOL_SIZE (or the caller) and concurrent
 * reads really run on that many connections, counted as distinct server backends.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.STRIKELINE_DB_POOL_SIZE = "4";
const { openStore } = await import("./client");
const { storeCases, throwawayDatabase } = await import("./test-stores");

const postgres = (await storeCases()).find((c) => c.kind === "postgres")!;

/** Backends that served `n` concurrent queries, each holding its connection for a moment. */
async function backends(db: Awaited<ReturnType<typeof openStore>>["db"], n: number): Promise<number> {
  const pids = await Promise.all(
    Array.from({ length: n }, async () => {
      const r = (await db.execute(sql`select pg_backend_pid() as pid, pg_sleep(0.2)`)) as unknown as { rows: { pid: number }[] };
      return r.rows[0]!.pid;
    }),
  );
  return new Set(pids).size;
}

describe.skipIf(postgres.skip !== null)("PostgreSQL pool", () => {
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  beforeAll(async () => {
    database = await throwawayDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("opens as many connections as STRIKELINE_DB_POOL_SIZE allows, and no more", async () => {
    const store = await openStore({ databaseUrl: database.url });
    try {
      expect(await backends(store.db, 8)).toBe(4);
    } finally {
      await store.close();
    }
  });

  it("takes a size from the caller", async () => {
    const store = await openStore({ databaseUrl: database.url, poolSize: 2 });
    try {
      expect(await backends(store.db, 6)).toBe(2);
    } finally {
      await store.close();
    }
  });
});
