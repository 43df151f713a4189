/**
 * The map page in a real browser against the built app and the curated seed data: the map draws,
 * events open their panel from the map and from the list, playback moves the cursor and changes
 * what shows, arcs match the links in view, keys work, the phone layout leads with the list, and
 * nothing is requested from another origin or logged as an error.
 */
import { expect, test, type Page } from "@playwright/test";
// The page's test hook (window.__strikeline) and its typing.
import type {} from "../app/components/test-hook";
import type { LinkOut } from "../lib/api";
import { ARC_LAYERS as ARC_LAYER_IDS, LAYERS } from "../lib/map/layers";
import { openMap, settle, watch } from "./pages/strikeline";

const ARC_LAYERS = [...ARC_LAYER_IDS];
/** Events drawn one by one, and the clusters of overlapping ones. */
const EVENT_LAYERS = [LAYERS.discs, LAYERS.clusters];

let problems: string[] = [];

test.beforeEach(async ({ page, baseURL }) => {
  problems = [];
  watch(page, new URL(baseURL!).origin, problems);
});

test.afterEach(() => {
  expect(problems, "console errors or requests outside the app's origin").toEqual([]);
});

const rendered = (page: Page, layers: string[]) =>
  page.evaluate((layers) => window.__strikeline!.map!.queryRenderedFeatures({ layers }).map((f) => f.properties), layers);

const cursorText = (page: Page) => page.getByTestId("cursor-date").getAttribute("datetime");

test("the map is not blank: basemap with names, and the events drawn", async ({ page }) => {
  await openMap(page);
  const basemap = await page.evaluate(() => {
    const m = window.__strikeline!.map!;
    const names = (layers: string[]) => m.queryRenderedFeatures({ layers }).map((f) => String(f.properties.name));
    return { land: m.queryRenderedFeatures({ layers: ["land"] }).length, countries: names(["country-labels"]), cities: names(["city-labels"]) };
  });
  expect(basemap.land).toBeGreaterThan(0);
  expect(basemap.countries.length).toBeGreaterThan(3);
  expect(basemap.cities.length).toBeGreaterThan(3);
  expect((await rendered(page, EVENT_LAYERS)).length).toBeGreaterThan(3);
});

test("the Gulf of Oman is named on the map", async ({ page }) => {
  await openMap(page);
  await page.evaluate(() => window.__strikeline!.map!.jumpTo({ center: [58.5, 24.8], zoom: 5.5 }));
  await settle(page);
  const waters = await page.evaluate(() => window.__strikeline!.map!.queryRenderedFeatures({ layers: ["water-points", "water-lines"] }).map((f) => f.properties.name));
  expect(waters).toContain("Gulf of Oman");
});

test("clicking an event on the map opens its panel with sources and chain", async ({ page }) => {
  await openMap(page);
  // Zoom in on the densest place until single events show, then click one.
  const target = await page.evaluate(() => {
    const m = window.__strikeline!.map!;
    const discs = m.queryRenderedFeatures({ layers: ["ev-discs"] });
    const f = discs[0];
    if (!f) return null;
    const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
    return { x: p.x, y: p.y };
  });
  expect(target, "no single event drawn at the opening view").not.toBeNull();
  const box = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
  await page.mouse.click(box.x + target!.x, box.y + target!.y);
  const panel = page.getByRole("complementary").filter({ has: page.locator("#event-panel-title") });
  await expect(panel).toBeVisible();
  const selected = await page.evaluate(() => window.__strikeline!.view().selected);
  expect(selected).toBeTruthy();
  const api = await (await page.request.get(`/api/events/${selected}`)).json();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(api.event.properties.title);
  await expect(panel.getByRole("heading", { name: "Sources" })).toBeVisible();
  await expect(panel.locator(".source").first()).toBeVisible();
  await panel.getByRole("button", { name: "Close event panel" }).click();
  await expect(panel).toHaveCount(0);
});

test("the event list selects by click and by keyboard, marking the current item", async ({ page }) => {
  await openMap(page);
  const list = page.getByRole("list", { name: "Events" });
  const items = list.getByRole("listitem");
  await expect(items.first().locator("time[datetime]")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
  await items.nth(1).getByRole("button").click();
  await expect(items.nth(1)).toHaveAttribute("aria-current", "true");
  // The map marks it too, even where its neighbours are gathered into a cluster.
  const id = await items.nth(1).getAttribute("data-event-id");
  await settle(page);
  expect((await rendered(page, ["ev-selected"])).map((p) => p.id)).toContain(id);
  await expect(page.locator("#event-panel-title")).toHaveText(await items.nth(1).locator(".ev-title").innerText());
  await items.nth(2).getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(items.nth(2)).toHaveAttribute("aria-current", "true");
  await expect(items.nth(1)).not.toHaveAttribute("aria-current", "true");
});

test("a chain's hop leads to the next event, and highlighting the chain dims the rest", async ({ page }) => {
  await openMap(page);
  const links = ((await (await page.request.get("/api/links")).json()) as { links: LinkOut[] }).links;
  const first = links[0]!;
  await page.evaluate((id) => window.__strikeline!.dispatch({ type: "select", id }), first.from);
  const panel = page.locator(".event-panel");
  await expect(panel.getByRole("heading", { name: "Chain of reprisals" })).toBeVisible();
  await panel.getByRole("button", { name: "Highlight this chain" }).click();
  await expect(page.getByRole("button", { name: /Chain highlighted/ })).toBeVisible();
  await panel.locator(".hop").filter({ hasText: /came next/ }).first().click();
  await expect.poll(() => page.evaluate(() => window.__strikeline!.view().selected)).not.toBe(first.from);
});

test("play advances the cursor and events appear as it passes them", async ({ page }) => {
  await openMap(page);
  const all = await page.evaluate(() => window.__strikeline!.visibleEvents().length);
  await page.getByRole("button", { name: "Go to start" }).click();
  const start = await cursorText(page);
  const atStart = await page.evaluate(() => window.__strikeline!.visibleEvents().length);
  expect(atStart).toBeLessThan(all);
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "1 quarter/s" });
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => cursorText(page), { timeout: 10_000 }).not.toBe(start);
  await expect.poll(() => page.evaluate(() => window.__strikeline!.visibleEvents().length), { timeout: 20_000 }).toBeGreaterThan(atStart);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  const list = page.getByRole("list", { name: "Events" });
  await expect(list.getByRole("listitem")).toHaveCount(await page.evaluate(() => window.__strikeline!.visibleEvents().length));
});

test("the drawn arcs are exactly the links whose two events are in view", async ({ page }) => {
  await openMap(page);
  const links = ((await (await page.request.get("/api/links")).json()) as { links: LinkOut[] }).links;
  expect(links.length).toBeGreaterThan(0);
  const expected = async () => {
    const visible = new Set(await page.evaluate(() => window.__strikeline!.visibleEvents()));
    return links.filter((l) => visible.has(l.from) && visible.has(l.to)).map((l) => l.id).sort();
  };
  const drawn = async () => {
    await settle(page);
    const ids = (await rendered(page, ARC_LAYERS)).map((p) => String(p.id));
    return [...new Set(ids)].sort();
  };
  // Everything shown: every link is drawn.
  expect(await drawn()).toEqual(await expected());
  expect((await expected()).length).toBe(links.length);
  // Stepping from the start: at each stop the arcs follow the events.
  await page.getByRole("button", { name: "Go to start" }).click();
  for (let i = 0; i < 4; i++) {
    await page.getByRole("button", { name: "Next event" }).click();
    expect(await drawn()).toEqual(await expected());
    expect(await page.evaluate(() => window.__strikeline!.drawnArcs().slice().sort())).toEqual(await expected());
  }
});

test("keyboard: Home, arrows, Space and End drive playback", async ({ page }) => {
  await openMap(page);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Home");
  const start = await cursorText(page);
  await page.keyboard.press("ArrowRight");
  const next = await cursorText(page);
  expect(next! > start!).toBe(true);
  await page.keyboard.press("ArrowLeft");
  expect(await cursorText(page)).toBe(start);
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  await page.keyboard.press("End");
  expect(await page.evaluate(() => window.__strikeline!.view().cursor)).toBeNull();
});

test("brushing the timeline narrows the date window", async ({ page }) => {
  await openMap(page);
  const all = await page.evaluate(() => window.__strikeline!.visibleEvents().length);
  const svg = page.locator(".tl-svg");
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.05, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + 20, { steps: 5 });
  await page.mouse.up();
  const view = await page.evaluate(() => window.__strikeline!.view());
  expect(view.from).not.toBeNull();
  expect(view.to).not.toBeNull();
  expect(await page.evaluate(() => window.__strikeline!.visibleEvents().length)).toBeLessThan(all);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("the list is the main view and the map is one tap away", async ({ page }) => {
    await openMap(page);
    const list = page.getByRole("list", { name: "Events" });
    await expect(list).toBeVisible();
    await expect(page.locator("canvas.maplibregl-canvas")).toBeHidden();
    await page.getByRole("button", { name: "Map" }).click();
    await expect(page.locator("canvas.maplibregl-canvas")).toBeVisible();
    await expect(list).toBeHidden();
    await page.getByRole("button", { name: "List" }).click();
    await list.getByRole("listitem").first().getByRole("button").click();
    await expect(page.locator("#event-panel-title")).toBeVisible();
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(noScroll, "the page scrolls sideways on a phone").toBe(true);
  });
});
