import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Store } from "@/db/client";
import { events } from "@/db/schema";
import { curatedMemoryStore } from "@/db/test-stores";

// The page's request context, stood in for: a request with a forged Host, the configured origin, the app's store.
const requestHeaders = new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
process.env.STRIKELINE_PUBLIC_URL = "https://example.org";
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
let store: Store;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getStore: async () => store }));

const { generateShareMetadata } = await import("./share-metadata");

beforeAll(async () => {
  store = await curatedMemoryStore();
});
afterAll(async () => {
  await store?.close();
});

const meta = (params: Record<string, string | string[] | undefined>) => generateShareMetadata({ searchParams: Promise.resolve(params) });

describe("generateShareMetadata", () => {
  it("describes the filtered view and points the preview image at the same parameters", async () => {
    const m = await meta({ f: "rocket", from: "2019-12-01", to: "2020-03-31", c: "33.3,44.4,6" });
    expect(m.title).toBe("Rocket attacks, Dec 2019–Mar 2020 · Strikeline");
    expect(m.description).toMatch(/^\d+ of 28 events · rocket attacks · Dec 2019–Mar 2020$/);
    // The configured origin, whatever Host the request claims.
    expect(m.metadataBase?.toString()).toBe("https://example.org/");
    expect(m.alternates?.canonical).toBe("/?from=2019-12-01&to=2020-03-31&f=rocket&c=33.3,44.4,6");
    expect(m.openGraph).toMatchObject({
      title: m.title,
      description: m.description,
      url: "/?from=2019-12-01&to=2020-03-31&f=rocket&c=33.3,44.4,6",
      images: [{ url: "/api/preview?from=2019-12-01&to=2020-03-31&f=rocket&c=33.3,44.4,6", width: 1200, height: 630 }],
    });
    expect(m.twitter).toMatchObject({ card: "summary_large_image", title: m.title, description: m.description });
  });

  it("writes the canonical form of the parameters and leaves hostile ones out", async () => {
    const m = await meta({ f: ["rocket", "drone"], q: "<script>alert(1)</script>", colour: "red", ev: "2020-01-03-soleimani-airstrike" });
    expect(m.title).toBe("U.S. airstrike kills Quds Force chief Qassem Soleimani · Strikeline");
    expect(m.alternates?.canonical).toBe("/?ev=2020-01-03-soleimani-airstrike");
    expect(JSON.stringify(m)).not.toMatch(/<script|alert|colour/);
  });

  it("gives the unfiltered page a plain title", async () => {
    const m = await meta({});
    expect(m.title).toBe("Strikes and retaliation, mapped · Strikeline");
    expect(m.description).toBe("28 events");
    expect(m.alternates?.canonical).toBe("/");
    expect(m.openGraph?.images).toMatchObject([{ url: "/api/preview" }]);
  });

  it("never names a rejected event in the public card", async () => {
    const id = "2020-01-03-soleimani-airstrike";
    const [row] = await store.db.select({ status: events.status }).from(events).where(eq(events.id, id));
    await store.db.update(events).set({ status: "rejected" }).where(eq(events.id, id));
    try {
      const m = await meta({ ev: id });
      expect(JSON.stringify(m)).not.toMatch(/Soleimani/);
    } finally {
      await store.db.update(events).set({ status: row!.status }).where(eq(events.id, id));
    }
    expect((await meta({ ev: id })).title).toMatch(/Soleimani/);
  });
});
