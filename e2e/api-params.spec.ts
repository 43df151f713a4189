import http from "node:http";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { readCsv } from "../lib/testing/read-csv";

/**
 * The HTTP API under hostile parameters: every bad one is a 400 naming it, never a 500, never
 * echoed back as markup; good ones give the page's view, also as downloads and as a preview image.
 */

type Fc = { features: { id: string; properties: Record<string, unknown> }[]; counts: { shown: number; total: number } };

const json = async <T>(r: APIResponse): Promise<T> => (await r.json()) as T;

async function expectRefused(request: APIRequestContext, url: string, parameter: string) {
  const r = await request.get(url);
  expect(r.status(), url.slice(0, 120)).toBe(400);
  expect(r.headers()["content-type"]).toContain("application/json");
  const body = await r.text();
  // Only short plain words are named back, never markup or a sentence.
  expect(body).not.toMatch(/<script|<img|onerror|alert/i);
  expect(JSON.parse(body).error).toMatchObject({ code: "bad_request", parameter });
}

const HOSTILE: [string, string][] = [
  ["colour=red", "colour"],
  ["f=laser", "f"],
  ["f=rocket,laser", "f"],
  ["from=yesterday", "from"],
  ["to=2021-02-30", "to"],
  ["from=2020-02-01&to=2020-01-01", "from"],
  ["minK=99999999999999999999", "minK"],
  ["minK=-1", "minK"],
  ["c=1e308,0,3", "c"],
  ["c=NaN,0,3", "c"],
  ["speed=Infinity", "speed"],
  ["q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "q"],
  ["ev=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "ev"],
  ["atk=iran'%20OR%20'1'%3D'1", "atk"],
  ["src=%22Reason%22", "src"],
  ["chain=%3Cscript%3E", "chain"],
  [`q=${"x".repeat(10_240)}`, "q"],
  [`atk=${"a,".repeat(5_000)}`, "atk"],
  ["f=rocket&f=drone", "f"],
  ["status=all&status=visible", "status"],
  ["bbox=1,2,3", "bbox"],
  ["%3Cscript%3E=1", "?script?"],
];

for (const route of ["/api/events", "/api/links", "/api/export", "/api/export?format=csv"]) {
  test(`${route} refuses hostile parameters with 400 naming them`, async ({ request }) => {
    const sep = route.includes("?") ? "&" : "?";
    for (const [qs, parameter] of HOSTILE) await expectRefused(request, `${route}${sep}${qs}`, parameter);
  });
}

test("the export refuses an unknown format, and the other routes a format at all", async ({ request }) => {
  await expectRefused(request, "/api/export?format=xlsx", "format");
  await expectRefused(request, "/api/events?format=csv", "format");
});

test("the API takes every parameter the page writes and filters as the page does", async ({ request }) => {
  const all = await json<Fc>(await request.get("/api/events"));
  expect(all.counts).toEqual({ shown: all.features.length, total: all.features.length });

  // A full page URL: filters plus camera, basemap, playback and selection, which do not filter.
  const page = "f=rocket,airstrike&from=2019-12-01&to=2020-03-31&c=33.3,44.4,5.5,10&bm=offline&t=2020-01-03&mode=window&speed=7&ev=2020-01-03-soleimani-airstrike";
  const r = await request.get(`/api/events?${page}`);
  expect(r.status()).toBe(200);
  expect(r.headers()["content-type"]).toContain("application/geo+json");
  const fc = await json<Fc>(r);
  expect(fc.counts.total).toBe(all.features.length);
  expect(fc.counts.shown).toBe(fc.features.length);
  expect(fc.features.length).toBeGreaterThan(0);
  expect(fc.features.length).toBeLessThan(all.features.length);
  for (const f of fc.features) {
    expect(["rocket", "airstrike"]).toContain(f.properties.family);
    expect(String(f.properties.dateEnd) >= "2019-12-01" && String(f.properties.dateStart) <= "2020-03-31").toBe(true);
  }

  // Links: both ends among the events shown.
  const { links } = await json<{ links: { from: string; to: string }[] }>(await request.get(`/api/links?${page}`));
  const shown = new Set(fc.features.map((f) => f.id));
  expect(links.length).toBeGreaterThan(0);
  for (const l of links) expect(shown.has(l.from) && shown.has(l.to)).toBe(true);

  // Search ignores case and accents; one chain keeps that chain only.
  const search = await json<Fc>(await request.get("/api/events?q=SOLEIMANI"));
  expect(search.features.map((f) => f.id)).toContain("2020-01-03-soleimani-airstrike");
  const chainId = all.features.find((f) => f.properties.chainId)!.properties.chainId as string;
  const chain = await json<Fc>(await request.get(`/api/events?chain=${chainId}`));
  expect(chain.features.length).toBeGreaterThan(1);
  for (const f of chain.features) expect(f.properties.chainId).toBe(chainId);
});

test("the export downloads the filtered view as GeoJSON and as properly escaped CSV", async ({ request }) => {
  const qs = "chain=linked&from=2019-12-01&to=2020-12-31";
  const events = await json<Fc>(await request.get(`/api/events?${qs}`));
  const { links } = await json<{ links: { id: string }[] }>(await request.get(`/api/links?${qs}`));

  const geo = await request.get(`/api/export?${qs}`);
  expect(geo.status()).toBe(200);
  expect(geo.headers()["content-type"]).toContain("application/geo+json");
  expect(geo.headers()["content-disposition"]).toMatch(/^attachment; filename="strikeline-view\.geojson"$/);
  const gj = await json<{ type: string; features: { id: string; geometry: { type: string } }[] }>(geo);
  expect(gj.type).toBe("FeatureCollection");
  expect(gj.features.filter((f) => f.geometry.type === "Point").map((f) => f.id)).toEqual(events.features.map((f) => f.id));
  expect(gj.features.filter((f) => f.geometry.type === "LineString").map((f) => f.id)).toEqual(links.map((l) => l.id));

  const csv = await request.get(`/api/export?format=csv&${qs}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="strikeline-view\.csv"$/);
  const text = await csv.text();
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = readCsv(text.slice(1));
  expect(rows).toHaveLength(events.features.length);
  const col = (name: string) => header!.indexOf(name);
  for (const [i, row] of rows.entries()) {
    const p = events.features[i]!.properties;
    expect(row).toHaveLength(header!.length);
    expect(row[col("id")]).toBe(p.id);
    // Titles and notes carry commas, quotes and apostrophes: they must read back unchanged.
    expect(row[col("title")]).toBe(p.title);
    expect(row[col("note")]).toBe(p.note);
    // No text cell may start a spreadsheet formula.
    for (const cell of row) if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }
});

test("the preview image is a PNG for good and for hostile parameters alike", async ({ request }) => {
  for (const qs of ["", "f=rocket&from=2019-12-01&to=2020-01-31", "c=33.3,44.4,6&ev=2020-01-03-soleimani-airstrike", "q=%3Cscript%3E&f=laser&colour=red", `q=${"x".repeat(10_240)}`]) {
    const r = await request.get(`/api/preview?${qs}`);
    expect(r.status(), qs.slice(0, 80)).toBe(200);
    expect(r.headers()["content-type"]).toBe("image/png");
    const png = await r.body();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  }
});

/** A GET with the path sent byte for byte: an HTTP client library would re-escape a lone "%". */
function rawGet(baseURL: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body }));
      })
      .on("error", reject);
  });
}

test("broken percent-encoding is a 400 JSON naming the path, on every route", async ({ baseURL }) => {
  for (const path of ["/api/events/%C0%AF", "/api/events/%FF", "/api/events/%", "/api/events/ok%E2%82", "/api/links/%FF", "/embed/%C0%AF", "/%FF", "/no/such/%"]) {
    const r = await rawGet(baseURL!, path);
    expect(r.status, path).toBe(400);
    expect(r.type, path).toContain("application/json");
    expect(JSON.parse(r.body).error, path).toMatchObject({ code: "bad_request", parameter: "path" });
  }
  const q = await rawGet(baseURL!, "/api/events?q=%FF");
  expect(q.status).toBe(400);
  expect(JSON.parse(q.body).error).toMatchObject({ parameter: "q" });
});
