/** What the ingest and overrides commands share: the store they run on, given by tests or opened here. */
import { userInfo } from "node:os";
import { withStore as withGivenStore, type Store } from "../../db/client";
import type { CommandFiles } from "../../lib/command-files";
import type { GeocodeFn } from "../../lib/pipeline/places";

/**
 * Tests pass their own store and geocoder; the CLI opens the process-wide ones. A server running
 * a command for a CLI beside it (bin/remote.ts) passes its store, the caller's name and the files
 * the CLI read.
 */
export type CliDeps = { store?: Store; geocode?: GeocodeFn; signal?: AbortSignal; author?: string; files?: CommandFiles };

/** Who an override is recorded as: the caller a server names, or this machine's user. */
export const cliAuthor = (deps: CliDeps) => deps.author ?? `cli:${userInfo().username}`;

/** Runs `fn` with the store, closing it afterwards only when this command opened it. */
export const withStore = <T>(deps: CliDeps, fn: (store: Store) => Promise<T>): Promise<T> => withGivenStore(deps.store, fn);
