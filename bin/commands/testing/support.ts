/** Test support for the commands: captured output, and an in-memory store that knows the curated actors. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openStore, type Store } from "../../../db/client";
import { actors } from "../../../db/schema";
import { CuratedDataset } from "../../../lib/curated";
import type { Io } from "../../../lib/io";
import { repoRoot } from "../../../lib/pipeline/testing/fixtures";

export function captureIo(isTTY = false): { out: { stdout: string; stderr: string }; io: Io } {
  const out = { stdout: "", stderr: "" };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), isTTY } };
}

export async function storeWithCuratedActors(): Promise<Store> {
  const store = await openStore({ memory: true });
  const curated = CuratedDataset.parse(JSON.parse(fs.readFileSync(path.join(repoRoot, "data", "seed", "curated.json"), "utf8")));
  for (const a of curated.actors) await store.db.insert(actors).values({ id: a.id, name: a.name, kind: a.kind, country: a.country ?? null, parent: a.parent ?? null, aliases: a.aliases });
  return store;
}

/** For one test file: a store with the curated actors and a scratch folder, made before its tests and removed after. */
export function commandFixture(): { store: Store; dir: string } {
  const ctx = {} as { store: Store; dir: string };
  beforeAll(async () => {
    ctx.dir = fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-cli-"));
    ctx.store = await storeWithCuratedActors();
  });
  afterAll(async () => {
    await ctx.store?.close();
    fs.rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}
