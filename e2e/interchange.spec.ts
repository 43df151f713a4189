import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ACLED_COLUMNS } from "../lib/interchange/acled";
import { readCsv } from "../lib/testing/read-csv";
import { E2E_EDITOR_TOKEN, StrikelinePage } from "./pages/strikeline";

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

const ACLED_SAMPLE = path.join(import.meta.dirname, "../lib/interchange/fixtures/acled-sample.csv");

test("an editor imports an ACLED export through the page, sees its events listed, then retires those an updated export drops", async ({ page }) => {
  const app = new StrikelinePage(page);
  await app.open("/");
  await page.getByRole("button", { name: "Import data" }).click();
  await app.signIn(E2E_EDITOR_TOKEN, "Imogen");
  const first = await app.importDatasetFile(ACLED_SAMPLE, "acled");
  expect([first.added + first.updated, first.skipped.map((s) => s.line)]).toEqual([10, [12, 13, 14, 15, 16]]);
  const result = app.importDialog.getByRole("status").first();
  await expect(result).toContainText("acled-sample.csv");
  await expect(app.importDialog.getByRole("region", { name: "Skipped rows" })).toContainText("line 13:");
  await page.keyboard.press("Escape");
  await expect.poll(async () => (await app.listedIds()).filter((id) => id?.startsWith("acled-")).length).toBe(10);

  // The source withdrew all rows but one: its updated export, imported with "retire", takes the others off the map.
  const updated = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "strikeline-import-")), "acled-updated.csv");
  fs.writeFileSync(updated, fs.readFileSync(ACLED_SAMPLE, "utf8").split("\r\n").slice(0, 2).join("\r\n") + "\r\n");
  await page.getByRole("button", { name: "Import data" }).click();
  const second = await app.importDatasetFile(updated, "acled", { retireMissing: true });
  expect([second.rows, second.updated, second.retired]).toEqual([1, 1, 9]);
  await page.keyboard.press("Escape");
  await expect.poll(async () => (await app.listedIds()).filter((id) => id?.startsWith("acled-"))).toEqual(["acled-irq1001"]);
});
