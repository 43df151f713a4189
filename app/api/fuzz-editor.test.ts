/**
 * Hostile requests, generated from a seed, against the editor and write routes and the other
 * read routes that app/api/fuzz.test.ts does not cover (aggregates, actors). Without the editor
 * credential, or from another site, every write is refused with a JSON error and nothing in the
 * store changes; with it, hostile bodies and parameters still never get a 5xx. A failure prints its
 * seed and request, so it replays.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@/db/client";
import { events as eventsTable, links as linksTable, overrides as overridesTable } from "@/db/schema";
import { curatedMemoryStore } from "@/db/test-stores";
import { rng } from "@/lib/testing/rng";

const TOKEN = vi.hoisted(() => {
  const token = "fuzz-editor-token-0123456789";
  process.env.STRIKELINE_EDITOR_TOKEN = token;
  return token;
});

let store: Store;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getStore: async () => store }));
vi.spyOn(console, "warn").mockImplementation(() => {});
vi.spyOn(console, "error").mockImplementation(() => {});

const session = await import("./session/route");
const reports = await import("./reports/route");
const imports = await import("./imports/route");
const review = await import("./review/route");
const overrides = await import("./overrides/route");
const undo = await import("./overrides/[id]/undo/route");
const log = await import("./overrides/log/route");
const actors = await import("./actors/route");
const cli = await import("./cli/route");
const aggregates = await import("./aggregates/route");

beforeAll(async () => {
  store = await curatedMemoryStore();
});
afterAll(async () => {
  await store?.close();
});

const SEED = 1415;
const ORIGIN = "http://strikeline.test";
const HOSTILE = [
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "'; drop table events; --",
  "\u202Eevil\u202C",
  "\u0000\u0007",
  "../../etc/passwd",
  "=cmd|' /C calc'!A0",
  "1e308",
  "-1",
  "99999999999999999999",
  "NaN",
  "",
  "🚀",
  "2020-02-30",
  "2020-01-03-soleimani-airstrike",
  "reject-event",
  "a".repeat(20_000),
];
const BODIES: ((r: ReturnType<typeof rng>) => string)[] = [
  (r) => r.pick(HOSTILE),
  (r) => JSON.stringify({ action: r.pick(HOSTILE), targetId: r.pick(HOSTILE), payload: { lat: r.pick(HOSTILE), lon: 1e308 }, reason: r.pick(HOSTILE) }),
  (r) => JSON.stringify({ action: "reject-event", targetId: r.pick(HOSTILE), author: r.pick(HOSTILE) }),
  (r) => JSON.stringify({ action: "move-place", targetId: "2020-01-03-soleimani-airstrike", payload: { lat: r.pick([91, -91, "x", null]), lon: 0 } }),
  (r) => JSON.stringify({ action: "edit-event", targetId: "2020-01-03-soleimani-airstrike", payload: { killed: { low: r.pick([-1, 1e12, "x"]), high: 2 } } }),
  (r) => JSON.stringify({ text: r.pick(HOSTILE), title: r.pick(HOSTILE), url: r.pick(["javascript:alert(1)", "file:///etc/passwd", "http://x"]), published: r.pick(HOSTILE) }),
  (r) => JSON.stringify({ command: r.pick(["ingest", "seed", "overrides", "rm -rf /", "__proto__"]), opts: { paths: [r.pick(HOSTILE)] } }),
  (r) => JSON.stringify({ token: r.pick(HOSTILE) }),
  () => '{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}',
  () => "{".repeat(5000),
];

type Call = (req: Request) => Promise<Response> | Response;
type Target = { name: string; method: "GET" | "POST" | "DELETE"; path: string; call: Call; writes: boolean };
const TARGETS: Target[] = [
  { name: "session GET", method: "GET", path: "/api/session", call: (q) => session.GET(q), writes: false },
  { name: "session POST", method: "POST", path: "/api/session", call: (q) => session.POST(q), writes: false },
  { name: "session DELETE", method: "DELETE", path: "/api/session", call: (q) => session.DELETE(q), writes: false },
  { name: "reports", method: "POST", path: "/api/reports", call: (q) => reports.POST(q), writes: true },
  { name: "imports", method: "POST", path: "/api/imports", call: (q) => imports.POST(q), writes: true },
  { name: "review", method: "GET", path: "/api/review", call: (q) => review.GET(q), writes: false },
  { name: "overrides", method: "POST", path: "/api/overrides", call: (q) => overrides.POST(q), writes: true },
  { name: "undo", method: "POST", path: "/api/overrides/1/undo", call: (q) => undo.POST(q, { params: Promise.resolve({ id: new URL(q.url).pathname.split("/")[3]! }) }), writes: true },
  { name: "log", method: "GET", path: "/api/overrides/log", call: (q) => log.GET(q), writes: false },
  { name: "actors", method: "GET", path: "/api/actors", call: () => actors.GET(), writes: false },
  { name: "cli", method: "POST", path: "/api/cli", call: (q) => cli.POST(q), writes: true },
  { name: "aggregates", method: "GET", path: "/api/aggregates", call: (q) => aggregates.GET(q), writes: false },
];
const PARAMS = ["limit", "before", "target", "q", "context", "zoom", "bbox", "from", "f", "status", "token", "id"];

/** Who asks: nobody, a wrong token, the token in the URL, the right token from another site, or an editor. */
type Who = "anonymous" | "wrong-token" | "token-in-url" | "cross-site" | "editor";
const WHO: Who[] = ["anonymous", "wrong-token", "token-in-url", "cross-site", "editor"];

function request(r: ReturnType<typeof rng>, t: Target, who: Who): Request {
  const query = new URLSearchParams();
  for (let k = r.int(0, 3); k > 0; k--) query.append(r.pick(PARAMS), r.pick(HOSTILE));
  if (who === "token-in-url") query.set("token", TOKEN);
  const headers: Record<string, string> = { host: "strikeline.test" };
  if (who === "wrong-token") headers.authorization = `Bearer ${r.pick(HOSTILE.filter((h) => /^[\x20-\x7e]*$/.test(h)))}x`;
  if (who === "editor" || who === "cross-site") headers.authorization = `Bearer ${TOKEN}`;
  if (t.method !== "GET") {
    headers.origin = who === "cross-site" ? "https://evil.example" : ORIGIN;
    headers["content-type"] = "application/json";
  }
  const qs = query.toString();
  return new Request(`${ORIGIN}${t.path}${qs ? `?${qs}` : ""}`, {
    method: t.method,
    headers,
    ...(t.method === "POST" ? { body: r.pick(BODIES)(r) } : {}),
  });
}

const counts = async () => ({
  events: (await store.db.select({ n: count() }).from(eventsTable))[0]!.n,
  links: (await store.db.select({ n: count() }).from(linksTable))[0]!.n,
  overrides: (await store.db.select({ n: count() }).from(overridesTable))[0]!.n,
});

describe("hostile requests to the editor and write routes", () => {
  it("without the right credential or from another site: refused as JSON, nothing written", async () => {
    const r = rng(SEED);
    const before = await counts();
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const t = r.pick(TARGETS.filter((x) => x.writes));
      const who = r.pick(WHO.filter((w) => w !== "editor"));
      const req = request(r, t, who);
      const what = `seed ${SEED}, request ${i}, ${who}: ${t.method} ${req.url.slice(0, 200)}`;
      const res = await t.call(req);
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expect(res.headers.get("content-type") ?? "", what).toMatch(/json/);
      expect(((await res.json()) as { error?: { message?: string } }).error?.message, what).toBeTruthy();
      refused++;
    }
    expect(refused).toBe(300);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("from an editor or anyone, on every route: never a 5xx, always JSON", async () => {
    const r = rng(SEED + 1);
    const seen = new Set<string>();
    let editorOk = 0;
    for (let i = 0; i < 300; i++) {
      const t = r.pick(TARGETS.filter((x) => !["cli", "reports", "imports"].includes(x.name)));
      const who = r.pick(WHO);
      const req = request(r, t, who);
      const what = `seed ${SEED + 1}, request ${i}, ${who}: ${t.method} ${req.url.slice(0, 200)}`;
      const res = await t.call(req);
      seen.add(t.name);
      if (who === "editor" && res.status < 300) editorOk++;
      expect(res.status, what).toBeLessThan(500);
      expect(res.headers.get("content-type") ?? "", what).toMatch(/json/);
      const text = await res.text();
      expect(text, what).not.toMatch(/<script|\u202e/i);
    }
    expect(seen.size).toBe(TARGETS.length - 3);
    // The editor's credential works here, so the 5xx check covered the routes' real work too.
    expect(editorOk).toBeGreaterThan(10);
  }, 120_000);
});
