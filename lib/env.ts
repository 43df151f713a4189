/**
 * The only module that reads process.env. Everything else receives settings from here,
 * validated, so a typo in an environment variable fails loudly at start-up.
 */
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  STRIKELINE_DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  STRIKELINE_SEEDS_DIR: z.string().min(1).optional(),
  STRIKELINE_BASEMAP_URL: z.url().optional(),
  STRIKELINE_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => new URL(u).pathname === "/" && !new URL(u).search && !new URL(u).hash, "STRIKELINE_PUBLIC_URL must be an origin such as https://maps.example.org")
    .optional(),
  STRIKELINE_TEST_DATABASE_URL: z.string().optional(),
  STRIKELINE_EDITOR_TOKEN: z.string().min(16, "STRIKELINE_EDITOR_TOKEN must be at least 16 characters").max(200).optional(),
  STRIKELINE_SEED_ON_START: z.enum(["0", "1"]).optional(),
  STRIKELINE_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  STRIKELINE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  STRIKELINE_REQUESTS_PER_TURN: z.coerce.number().int().min(0).max(10_000).default(4),
  CI: z.string().optional(),
});

export type Env = {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  seedsDir: string | undefined;
  basemapUrl: string | undefined;
  /** The origin link previews point at (og:image, canonical); the request's Host header never decides it. */
  publicUrl: string;
  /** Server the integration tests create throw-away databases on. */
  testDatabaseUrl: string;
  ci: boolean;
  /** Editor token from the environment; without it one is generated into the data folder (lib/auth.ts). */
  editorToken: string | undefined;
  /** Set by `npm start`: the server loads the seed events itself, so the store is opened once. */
  seedOnStart: boolean;
  /** PostgreSQL connections per process: concurrent reads run side by side up to this many. */
  dbPoolSize: number;
  /** Memory the server's response cache may hold, in bytes (0 keeps nothing; concurrent identical requests still share one answer). */
  cacheBytes: number;
  /** Requests the server hands to the app per event-loop turn (lib/request-admission.ts); 0 hands each over as it is read. */
  requestsPerTurn: number;
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    STRIKELINE_PUBLIC_URL: process.env.STRIKELINE_PUBLIC_URL || undefined,
    STRIKELINE_EDITOR_TOKEN: process.env.STRIKELINE_EDITOR_TOKEN || undefined,
    STRIKELINE_DB_POOL_SIZE: process.env.STRIKELINE_DB_POOL_SIZE || undefined,
    STRIKELINE_CACHE_MB: process.env.STRIKELINE_CACHE_MB || undefined,
    STRIKELINE_REQUESTS_PER_TURN: process.env.STRIKELINE_REQUESTS_PER_TURN || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  cached = {
    port: e.PORT,
    dataDir: path.resolve(e.STRIKELINE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    seedsDir: e.STRIKELINE_SEEDS_DIR ? path.resolve(e.STRIKELINE_SEEDS_DIR) : undefined,
    basemapUrl: e.STRIKELINE_BASEMAP_URL,
    publicUrl: new URL(e.STRIKELINE_PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin,
    testDatabaseUrl: e.STRIKELINE_TEST_DATABASE_URL || e.DATABASE_URL || "postgres://postgres:postgres@127.0.0.1:5432/postgres",
    ci: Boolean(e.CI && e.CI !== "false" && e.CI !== "0"),
    editorToken: e.STRIKELINE_EDITOR_TOKEN,
    seedOnStart: e.STRIKELINE_SEED_ON_START === "1",
    dbPoolSize: e.STRIKELINE_DB_POOL_SIZE,
    cacheBytes: Math.round(e.STRIKELINE_CACHE_MB * 1024 * 1024),
    requestsPerTurn: e.STRIKELINE_REQUESTS_PER_TURN,
  };
  return cached;
}
