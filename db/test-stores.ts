/**
 * Test support: the integration tests run against both stores. PGlite in memory always; a real
 * PostgreSQL + PostGIS when one is reachable, in a throw-away database per test file. Without a
 * server the Postgres case is skipped with a printed reason, except under CI, where it fails.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { env } from "../lib/env";
import { openStore, type Store, type StoreKind } from "./client";
import { loadCurated, readCuratedFile, type GeocodeFn } from "./seed";

export type StoreCase = { kind: StoreKind; open: () => Promise<Store>; skip: string | null };

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const r = await client.query("select count(*)::int as n from pg_available_extensions where name = 'postgis'");
    return r.rows[0].n > 0 ? null : "the PostgreSQL server has no PostGIS extension";
  } catch (e) {
    return `no PostgreSQL server at ${new URL(url).host} (${(e as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function storeCases(): Promise<StoreCase[]> {
  const adminUrl = env().testDatabaseUrl;
  let reason = await reachable(adminUrl);
  if (reason && env().ci) throw new Error(`CI needs PostgreSQL + PostGIS for the server-mode tests: ${reason}`);
  if (reason) console.warn(`[server-mode tests skipped] ${reason}. Set STRIKELINE_TEST_DATABASE_URL to run them.`);
  return [
    { kind: "pglite", open: () => openStore({ memory: true }), skip: null },
    {
      kind: "postgres",
      skip: reason,
      open: async () => {
        const { url, drop } = await throwawayDatabase();
        const store = await openStore({ databaseUrl: url });
        return {
          ...store,
          close: async () => {
            await store.close();
            await drop();
          },
        };
      },
    },
  ];
}

/** A fresh, empty database on the test server, for tests that need its URL (child processes, two pools). */
export async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = env().testDatabaseUrl;
  const name = `strikeline_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Every curated place at one point: the tests that use it read events, not coordinates. */
const onePlace: GeocodeFn = (mention) =>
  ({ resolved: true, mention, name: mention, lat: 33, lon: 44, precision: 1, kind: "city", country: "IQ", confidence: 0.9, alternatives: [], source: "test" }) as unknown as ReturnType<GeocodeFn>;

/** An in-memory store holding the curated events and links, without the gazetteer. */
export async function curatedMemoryStore(): Promise<Store> {
  const store = await openStore({ memory: true });
  await loadCurated(store.db, { dataset: readCuratedFile(), geocode: onePlace, seedsDir: null });
  return store;
}
