/** What the ingest and overrides commands share: the store they run on, given by tests or opened here. */
import { getStore, type Store } from "../../db/client";
import type { GeocodeFn } from "../../lib/pipeline/places";

/** Tests pass their own store and geocoder; the CLI opens the process-wide ones. */
export type CliDeps = { store?: Store; geocode?: GeocodeFn; signal?: AbortSignal };

/** Runs `fn` with the store, closing it afterwards only when this command opened it. */
export async function withStore<T>(deps: CliDeps, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = deps.store ?? (await getStore());
  try {
    return await fn(store);
  } finally {
    if (!deps.store) await store.close();
  }
}
