/**
 * Hostile requests, generated from a seed, against every route handler and parameter (called
 * directly with Request objects on an in-memory store holding the curated events): markup, quotes,
 * SQL fragments, broken percent-encoding, control and bidi characters, 10–100 KB values, repeated
 * keys, extreme numbers and path traversal in ids. No answer may be a 5xx; every refusal is JSON
 * naming the parameter (or the path); nothing hostile is echoed back raw, in JSON or in the page's
 * notice HTML. A failure prints its seed and request, so it replays.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@/db/client";
import { curatedMemoryStore } from "@/db/test-stores";
import { rng } from "@/lib/testing/rng";
import { PARAM_NAMES, parseView } from "@/lib/url-state";
import { DroppedNotice } from "../components/DroppedNotice";

let store: Store;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getStore: async () => store }));
vi.spyOn(console, "warn").mockImplementation(() => {});

const events = await import("./events/route");
const links = await import("./links/route");
const exportRoute = await import("./export/route");
const preview = await import("./preview/route");
const detail = await import("./events/[id]/route");

beforeAll(async () => {
  store = await curatedMemoryStore();
});
afterAll(async () => {
  await store?.close();
});

const SEED = 1414;
const REQUESTS = 600;

/** Written into the URL as they are: some are not valid percent-encoding on purpose. */
const RAW = ["%", "%FF", "%C0%AF", "ok%E2%82", "%E2%80%AE", "%E2%81%A6", "%00", "%1B%5B31m", "%0D%0A", "%ZZ", "%2e%2e%2f", "..%2F..%2Fetc%2Fpasswd", "+", "%2B", "%26", "%3D"];
/** Encoded with encodeURIComponent before they go in. */
const TEXT = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</title><svg onload=alert(1)>",
  "javascript:alert(1)",
  "' OR 1=1 --",
  "'; drop table events; --",
  "1; select pg_sleep(10)",
  "\u202Eevil\u202C",
  "\u0000\u0007\u001b[2J",
  "../../etc/passwd",
  "..\\..\\windows",
  "=cmd|' /C calc'!A0",
  "1e308",
  "-1e308",
  "99999999999999999999",
  "-0",
  "NaN",
  "Infinity",
  "0x1F",
  "2020-02-30",
  "9999-12-31",
  "rocket,drone,<b>",
  "33.3,44.4,5,720",
  "🚀",
  "سليماني",
  "",
  " ",
  "all",
  "visible",
  "rejected",
  "csv",
  "2020-01-03-soleimani-airstrike",
];
const OWN = ["bbox", "status", "format"];
const NAMES = [...Object.values(PARAM_NAMES), ...OWN, "colour", "<script>", "\u202Ef", "a".repeat(300), "__proto__", "constructor"];

type Target = { route: string; call: (req: Request) => Promise<Response> | Response; path: string };
const TARGETS: Target[] = [
  { route: "events", path: "/api/events", call: (r) => events.GET(r) },
  { route: "links", path: "/api/links", call: (r) => links.GET(r) },
  { route: "export", path: "/api/export", call: (r) => exportRoute.GET(r) },
  { route: "preview", path: "/api/preview", call: (r) => preview.GET(r) },
  { route: "detail", path: "/api/events/", call: (r) => detail.GET(r) },
];

function hostileValue(r: ReturnType<typeof rng>): string {
  const roll = r.next();
  if (roll < 0.3) return r.pick(RAW);
  if (roll < 0.4) return encodeURIComponent(r.pick(TEXT)).repeat(r.int(1, 3)) + r.pick(RAW);
  // 10–100 KB values.
  if (roll < 0.45) return encodeURIComponent(r.pick(TEXT)).repeat(r.int(400, 4000)).slice(0, r.int(10_240, 102_400));
  return encodeURIComponent(r.pick(TEXT));
}

function hostileUrl(r: ReturnType<typeof rng>, t: Target): string {
  const pairs: string[] = [];
  for (let k = r.int(0, 5); k > 0; k--) {
    const name = r.chance(0.15) ? r.pick(RAW) : encodeURIComponent(r.pick(NAMES));
    const value = hostileValue(r);
    pairs.push(`${name}=${value}`);
    // Repeated keys.
    if (r.chance(0.1)) pairs.push(`${name}=${hostileValue(r)}`);
  }
  const id = t.route === "detail" ? (r.chance(0.2) ? "2020-01-03-soleimani-airstrike" : hostileValue(r)) : "";
  return `http://strikeline.test${t.path}${id}${pairs.length ? `?${pairs.join("&")}` : ""}`;
}

/** Raw markup, quotes that close attributes, bidi overrides and control characters: none may come back verbatim. */
const UNSAFE = /<\/?[a-z!]|javascript:|onerror=|onload=|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/i;

describe("hostile requests to every route", () => {
  it(`${REQUESTS} seeded requests: no 5xx, JSON refusals naming the parameter, nothing echoed raw`, async () => {
    const r = rng(SEED);
    const seen = { ok: 0, refused: 0, byRoute: new Map<string, number>() };
    for (let i = 0; i < REQUESTS; i++) {
      // The preview renders a PNG per answer: fewer of those keep the test quick.
      const t = r.chance(0.06) ? TARGETS[3]! : r.pick(TARGETS.filter((x) => x.route !== "preview"));
      const url = hostileUrl(r, t);
      const what = `seed ${SEED}, request ${i}: ${url.slice(0, 300)}`;
      const res = await t.call(new Request(url));
      seen.byRoute.set(t.route, (seen.byRoute.get(t.route) ?? 0) + 1);
      expect(res.status, what).toBeLessThan(500);
      const type = res.headers.get("content-type") ?? "";
      if (res.status >= 400) {
        seen.refused++;
        expect(type, what).toMatch(/json/);
        const body = (await res.json()) as { error: { code: string; message: string; parameter?: string } };
        expect(body.error.parameter, what).toBeTruthy();
        expect(body.error.message, what).not.toMatch(UNSAFE);
        expect(body.error.parameter, what).not.toMatch(UNSAFE);
        expect(body.error.message.length, what).toBeLessThan(300);
        continue;
      }
      seen.ok++;
      if (/json/.test(type)) expect(await res.text(), what).not.toMatch(/<script|onerror=|\u202e/i);
      else if (t.route === "preview") expect(type, what).toBe("image/png");
      else expect(type, what).toMatch(/text\/csv/);
    }
    // The generator reached every route and got both answers.
    expect([...seen.byRoute.keys()].sort()).toEqual(["detail", "events", "export", "links", "preview"]);
    expect(seen.ok).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(REQUESTS / 2);
  }, 120_000);

  it("the page's notice HTML, for the same kind of links, holds no markup but its own", () => {
    const r = rng(SEED + 1);
    for (let i = 0; i < 500; i++) {
      const url = new URL(hostileUrl(r, TARGETS[0]!));
      const html = renderToStaticMarkup(createElement(DroppedNotice, { dropped: parseView(url.searchParams).dropped }));
      const tags = [...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]);
      expect(tags.every((tag) => ["div", "ul", "li", "button"].includes(tag!)), `seed ${SEED + 1}, link ${i}: ${html.slice(0, 300)}`).toBe(true);
      expect(html, `seed ${SEED + 1}, link ${i}`).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008]|javascript:/);
    }
  });

  it("names the path for broken escapes in an event id, and the id for traversal", async () => {
    for (const id of ["%C0%AF", "%FF", "%", "ok%E2%82"]) {
      const res = await detail.GET(new Request(`http://strikeline.test/api/events/${id}`));
      expect(res.status, id).toBe(400);
      expect((await res.json()).error.parameter, id).toBe("path");
    }
    for (const id of ["..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%3Cscript%3E"]) {
      const res = await detail.GET(new Request(`http://strikeline.test/api/events/${id}`));
      expect(res.status, id).toBe(400);
      expect((await res.json()).error.parameter, id).toBe("id");
    }
    const ok = await detail.GET(new Request("http://strikeline.test/api/events/2020-01-03-soleimani-airstrike"));
    expect(ok.status).toBe(200);
  });
});
