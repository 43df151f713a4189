import { expect, test } from "@playwright/test";
import { ACLED_COLUMNS } from "../lib/interchange/acled";
import { readCsv } from "../lib/testing/read-csv";

/**
 * The interchange downloads over HTTP, filtered like the view: ACLED CSV, KML and links as
 * LineStrings hold exactly the view's events and links, and the Share dialog offers all five.
 */

const qs = "chain=linked&from=2019-12-01&to=2020-12-31";

test("ACLED CSV, KML and links GeoJSON downloads hold the view's events and links", async ({ request }) => {
  const events = (await (await request.get(`/api/events?${qs}`)).json()) as { features: { id: string }[] };
  const { links } = (await (await request.get(`/api/links?${qs}`)).json()) as { links: { id: string }[] };
  expect(events.features.length).toBeGreaterThan(2);

  const acled = await request.get(`/api/export?format=acled-csv&${qs}`);
  expect(acled.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(acled.headers()["content-disposition"]).toBe('attachment; filename="strikeline-view.acled.csv"');
  const [header, ...rows] = readCsv((await acled.text()).slice(1));
  expect(header).toEqual([...ACLED_COLUMNS]);
  expect(rows.map((r) => r[0])).toEqual(events.features.map((f) => f.id));
  for (const row of rows) for (const cell of row) if (!/^-?\d+(\.\d+)?$/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  const kml = await request.get(`/api/export?format=kml&${qs}`);
  expect(kml.headers()["content-type"]).toBe("application/vnd.google-earth.kml+xml");
  const text = await kml.text();
  expect(text.match(/<Placemark id="event-/g)).toHaveLength(events.features.length);
  expect(text.match(/<Placemark id="link-/g)).toHaveLength(links.length);
  expect(text.match(/<TimeSpan><begin>\d{4}-\d{2}-\d{2}<\/begin><end>/g)).toHaveLength(events.features.length);

  const lines = (await (await request.get(`/api/export?format=links-geojson&${qs}`)).json()) as { features: { id: string; geometry: { type: string } }[] };
  expect(lines.features.map((f) => f.id)).toEqual(links.map((l) => l.id));
  expect(new Set(lines.features.map((f) => f.geometry.type))).toEqual(new Set(["LineString"]));
});

test("the Share dialog lists every download format for the view", async ({ page }) => {
  await page.goto("/?f=rocket&chain=linked");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this view" });
  const hrefs = await dialog.locator(".share-downloads a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
  expect(hrefs).toEqual([
    ["GeoJSON", "/api/export?format=geojson&f=rocket&chain=linked"],
    ["CSV", "/api/export?format=csv&f=rocket&chain=linked"],
    ["ACLED", "/api/export?format=acled-csv&f=rocket&chain=linked"],
    ["KML (Google Earth)", "/api/export?format=kml&f=rocket&chain=linked"],
    ["Links as lines", "/api/export?format=links-geojson&f=rocket&chain=linked"],
  ]);
});
