/**
 * The server's read cache: what a read computes from the store is kept per data version (db/queries
 * currentVersion, moved by every write, whichever process makes it), so a write is seen by the next
 * read, and identical concurrent reads share one computation (lib/lru-cache.ts). Without it, every
 * request of a busy page re-ran the same queries and, on the embedded store's single connection,
 * queued behind all the others. Responses are keyed on who asks (editor or not) as well as on
 * what is asked, and carry an ETag so a client that has the answer gets a 304.
 */
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { currentVersion } from "@/db/queries";
import { env } from "@/lib/env";
import { LruCache, type LruStats, type Sized } from "@/lib/lru-cache";
import { selectionToApiQuery, type ViewSelection } from "@/lib/url-state";
import { isEditor } from "./editor";

type Generation = { version: bigint; cache: LruCache<unknown> };

// On globalThis, like the store (db/client.ts): the server loads this module once per route bundle.
const HOLDER = Symbol.for("strikeline.read-cache");
type Holder = { [HOLDER]?: WeakMap<Db, Generation> };

function generations(): WeakMap<Db, Generation> {
  const g = globalThis as Holder;
  return (g[HOLDER] ??= new WeakMap());
}

/**
 * The cache of the store's current version. A new version starts an empty cache, so what an older
 * one holds is let go at once; a reader that saw an older version than the newest (a write landed
 * while it was asking) computes without keeping anything.
 */
async function cacheOf(db: Db): Promise<LruCache<unknown> | null> {
  const version = BigInt(await currentVersion(db));
  const all = generations();
  let gen = all.get(db);
  if (!gen || version > gen.version) all.set(db, (gen = { version, cache: new LruCache(env().cacheBytes) }));
  return version === gen.version ? gen.cache : null;
}

/** A value read from the store, kept by `key` until the data changes. `key` must name everything the value depends on. */
export async function cachedRead<T>(db: Db, key: string, compute: () => Promise<Sized<T>>): Promise<T> {
  const cache = await cacheOf(db);
  return cache ? (cache.get(key, compute) as Promise<T>) : (await compute()).value;
}

/** Counters of the current version's cache (tests, benchmarks). */
export function readCacheStats(db: Db): LruStats | null {
  return generations().get(db)?.cache.stats() ?? null;
}

type Body = { bytes: Uint8Array; etag: string; contentType: string; cacheControl: string };

/** What a cached route hands back: its body and the headers that go with it. */
export type Made = { body: string | Uint8Array; contentType: string; cacheControl: string };

const etagOf = (bytes: Uint8Array) => `"${createHash("sha1").update(bytes).digest("base64url").slice(0, 22)}"`;

/** Whether the client's If-None-Match names this ETag (a list, possibly weak, or `*`). */
function clientHas(req: Request, etag: string): boolean {
  const header = req.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * A route's answer from the cache: `key` names the route and its canonical parameters; whether the
 * asker is an editor is added here, so an editor's answer is never served to anyone else.
 */
export async function cachedResponse(req: Request, db: Db, key: string, make: () => Promise<Made>): Promise<Response> {
  const role = isEditor(req) ? "editor" : "public";
  const body = await cachedRead<Body>(db, `${role} ${key}`, async () => {
    const made = await make();
    const bytes = typeof made.body === "string" ? new TextEncoder().encode(made.body) : made.body;
    return { value: { bytes, etag: etagOf(bytes), contentType: made.contentType, cacheControl: made.cacheControl }, bytes: bytes.byteLength + key.length };
  });
  const headers = { etag: body.etag, "cache-control": body.cacheControl };
  if (clientHas(req, body.etag)) return new Response(null, { status: 304, headers });
  return new Response(body.bytes as Uint8Array<ArrayBuffer>, { headers: { ...headers, "content-type": body.contentType } });
}

/** The key of a view read: the route, the filters and cursor in canonical form, and the route's own parameters. */
export const viewKey = (route: string, view: ViewSelection, own: object): string => `${route} ${selectionToApiQuery(view)} ${JSON.stringify(own)}`;

/**
 * A view read as JSON. Revalidated on every use (no-cache with the ETag) rather than never stored,
 * so a client asking again gets a 304; an editor-only view (status=all) stays out of shared caches.
 */
export const viewJson = (body: unknown, status: "visible" | "all", contentType = "application/json"): Made => ({
  body: JSON.stringify(body),
  contentType,
  cacheControl: status === "all" ? "private, no-cache" : "no-cache",
});
