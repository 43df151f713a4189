/**
 * Opens the store: embedded PGlite + PostGIS in a data folder by default, a real PostgreSQL +
 * PostGIS when DATABASE_URL is set. Same schema, same migrations, same queries. Migrations are
 * applied on open. PGlite takes seconds to open with PostGIS, so each process opens it once.
 */
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "../lib/env";
import { fromRoot } from "../lib/paths";
import { lockDataDir } from "./lock";
import { prunedPostgis } from "./postgis-bundle";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type StoreKind = "pglite" | "postgres";
export type Store = { db: Db; kind: StoreKind; close: () => Promise<void> };
export type OpenOptions = {
  /** In-memory PGlite (tests). */
  memory?: boolean;
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL connections per process; STRIKELINE_DB_POOL_SIZE (10) when left out. */
  poolSize?: number;
};

const migrationsFolder = () => fromRoot("db", "migrations");

/**
 * PGlite's buffer pool lives in its WebAssembly heap, which is touched at start and never given
 * back: at PostgreSQL's default of 128 MB it is a tenth of the server's resident memory. The data
 * files are read through the operating system's page cache anyway (shared, and not the server's),
 * so a smaller pool costs little: 32 MB took ~90 MB off the resident size of a 300k-event store's
 * server with no measurable change in query time (bench in the README, "Large stores").
 */
const PGLITE_SHARED_BUFFERS = "32MB";

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const url = opts.memory ? undefined : (opts.databaseUrl ?? env().databaseUrl);
  return url ? openPostgres(url, opts.poolSize ?? env().dbPoolSize) : openPglite(opts.memory ? undefined : (opts.dataDir ?? env().dataDir));
}

async function openPglite(dataDir: string | undefined): Promise<Store> {
  const { PGlite } = await import("@electric-sql/pglite");
  const postgis = await prunedPostgis();
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = await PGlite.create({ dataDir, extensions: { postgis }, startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: migrationsFolder() });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  // A dropped connection (a restart, a terminated backend) is emitted as an 'error' event on the
  // pool for idle clients and on the client itself for one in use; unheard, either kills the
  // process. The query in flight fails on its own and is reported by whoever ran it.
  pool.on("error", (e) => console.warn(`database connection lost while idle: ${e.message}`));
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    const db = drizzle(pool, { schema });
    await migrate(db, { migrationsFolder: migrationsFolder() });
    return { db: db as unknown as Db, kind: "postgres", close: () => pool.end() };
  } catch (e) {
    await pool.end();
    throw e;
  }
}

/**
 * The process-wide store (server and CLI). Kept on globalThis because the server loads this module
 * more than once (the start hook and each route bundle): they must share one open PGlite.
 */
const SHARED = Symbol.for("strikeline.store");
type Holder = { [SHARED]?: Promise<Store> };

export function getStore(): Promise<Store> {
  const g = globalThis as Holder;
  g[SHARED] ??= openStore()
    .then((store) => ({
      ...store,
      // Closing the process-wide store forgets it, so the next getStore opens a fresh one.
      close: async () => {
        delete g[SHARED];
        await store.close();
      },
    }))
    .catch((e) => {
      delete g[SHARED];
      throw e;
    });
  return g[SHARED];
}

/** Makes an open store the process-wide one (tests of the route handlers use an in-memory store). */
export function useStore(store: Store): void {
  (globalThis as Holder)[SHARED] = Promise.resolve(store);
}

/** Runs `fn` with the given store, or with the process-wide one, closing it afterwards only when this call opened it. */
export async function withStore<T>(given: Store | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = given ?? (await getStore());
  try {
    return await fn(store);
  } finally {
    if (!given) await store.close();
  }
}
