/**
 * Sharing a view, as a user does it: set filters, pick an event, move the cursor and the map, copy
 * the link and open it in a fresh browser, which must show the same thing. Also: hostile links
 * open safely with a notice, Back and Forward walk through views, the share dialog's downloads
 * and embed code, and the embeddable view.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
// The page's test hook (window.__strikeline) and its typing.
import type {} from "../app/components/test-hook";
import { openMap, settle, watch } from "./pages/strikeline";

const VIEWPORT = { width: 1280, height: 800 };

let problems: string[] = [];

test.beforeEach(async ({ page, baseURL }) => {
  problems = [];
  watch(page, new URL(baseURL!).origin, problems);
});

test.afterEach(() => {
  expect(problems, "console errors or requests outside the app's origin").toEqual([]);
});

async function freshPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL });
  const page = await context.newPage();
  watch(page, new URL(baseURL).origin, problems);
  return page;
}

const camera = (page: Page) =>
  page.evaluate(() => {
    const m = window.__strikeline!.map!;
    const c = m.getCenter();
    return { lat: c.lat, lon: c.lng, zoom: m.getZoom() };
  });

function expectSameCamera(a: { lat: number; lon: number; zoom: number }, b: { lat: number; lon: number; zoom: number }) {
  // A link rounds the centre to 4 decimals and the zoom to 2.
  expect(Math.abs(a.lat - b.lat)).toBeLessThan(1e-3);
  expect(Math.abs(a.lon - b.lon)).toBeLessThan(1e-3);
  expect(Math.abs(a.zoom - b.zoom)).toBeLessThan(0.011);
}

const eventList = (page: Page) => page.getByRole("list", { name: "Events" });
const listedIds = (page: Page) => eventList(page).getByRole("listitem").evaluateAll((items) => items.map((li) => li.getAttribute("data-event-id")));
const cursorDate = (page: Page) => page.getByTestId("cursor-date").getAttribute("datetime");
const filterCount = (page: Page) => page.locator(".filter-count");
const query = (page: Page) => new URL(page.url()).search;

/** Drags the map by (dx, dy) pixels with the mouse. */
async function dragMap(page: Page, dx: number, dy: number) {
  const box = (await page.locator("canvas.maplibregl-canvas").boundingBox())!;
  const [x, y] = [box.x + box.width * 0.7, box.y + box.height * 0.5];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
  await settle(page);
}

test("a copied link opens the same view in a fresh browser: list, selection, cursor and camera", async ({ browser, baseURL, request }) => {
  // Other specs may have added reports to the store: count what it holds now.
  const total = ((await (await request.get("/api/events")).json()) as { counts: { total: number } }).counts.total;
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseURL! });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const page = await context.newPage();
  watch(page, new URL(baseURL!).origin, problems);
  await openMap(page);
  await expect(filterCount(page)).toHaveText(`${total} of ${total} events`);

  // Filters: only events in a chain, and one event type off.
  await page.getByRole("button", { name: "More filters" }).click();
  await page.getByRole("combobox", { name: "Chain" }).selectOption("linked");
  const family = page.getByRole("list", { name: "Event types" }).getByRole("button").first();
  await family.click();
  await expect(family).toHaveAttribute("aria-pressed", "false");
  await expect(filterCount(page)).toHaveText(new RegExp(`^\\d+ of ${total} events$`));
  expect(await filterCount(page).innerText()).not.toBe(`${total} of ${total} events`);
  await expect.poll(() => query(page)).toMatch(/chain=linked/);

  // The cursor: a click on the timeline, two thirds along.
  const timeline = (await page.locator(".tl-svg").boundingBox())!;
  await page.mouse.click(timeline.x + timeline.width * 0.67, timeline.y + 20);
  await expect.poll(() => query(page)).toMatch(/[?&]t=\d{4}-\d{2}-\d{2}/);

  // An event from the list.
  const item = eventList(page).getByRole("listitem").nth(1);
  const id = await item.getAttribute("data-event-id");
  await item.getByRole("button").click();
  await expect(item).toHaveAttribute("aria-current", "true");
  await expect(page.locator("#event-panel-title")).toHaveText(await item.locator(".ev-title").innerText());
  await settle(page);

  // The map: zoom in with its button, then drag it.
  await page.getByRole("button", { name: "Zoom in" }).click();
  await settle(page);
  await dragMap(page, -120, 60);
  await expect.poll(() => query(page)).toMatch(/[?&]c=-?[\d.]+,-?[\d.]+,[\d.]+/);

  const sent = { ids: await listedIds(page), cursor: await cursorDate(page), camera: await camera(page), count: await filterCount(page).innerText() };
  expect(sent.ids).toContain(id);

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this view" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied the link.");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(await dialog.getByRole("textbox", { name: "Link" }).inputValue()).toBe(link);
  expect(link).toMatch(new RegExp(`^${baseURL}/\\?`));
  expect(link).toContain(`ev=${id}`);
  // The address bar says the same (camera moves reach it a moment later).
  await expect.poll(() => page.url()).toBe(link);
  await context.close();

  const other = await freshPage(browser, baseURL!);
  await openMap(other, link);
  expect(await listedIds(other)).toEqual(sent.ids);
  const selected = eventList(other).locator(`[data-event-id="${id}"]`);
  await expect(selected).toHaveAttribute("aria-current", "true");
  await expect(other.locator("#event-panel-title")).toHaveText(await selected.locator(".ev-title").innerText());
  expect(await cursorDate(other)).toBe(sent.cursor);
  expectSameCamera(await camera(other), sent.camera);
  await expect(filterCount(other)).toHaveText(sent.count);
  await expect(other.getByRole("list", { name: "Event types" }).getByRole("button").first()).toHaveAttribute("aria-pressed", "false");
  await expect(other.getByRole("button", { name: "More filters (1)" })).toBeVisible();
  // Opening the link changed nothing: no framing of the data, no move to the selection.
  await other.waitForTimeout(600);
  expect(other.url()).toBe(link);
  await other.context().close();
});

test("a highlighted chain and a trailing window travel with the link", async ({ page, browser, baseURL }) => {
  await openMap(page, "/?ev=2020-01-03-soleimani-airstrike");
  await page.getByRole("button", { name: "Highlight this chain" }).click();
  await expect(page.getByRole("button", { name: /Chain highlighted/ })).toBeVisible();
  await page.getByRole("combobox", { name: "Show" }).selectOption({ label: "Last 90 days" });
  await expect.poll(() => query(page)).toMatch(/mode=window&win=90/);
  await expect.poll(() => query(page)).toMatch(/hl=[a-z0-9-]+/);
  await settle(page);
  const ids = await listedIds(page);

  const other = await freshPage(browser, baseURL!);
  await openMap(other, page.url());
  await expect(other.getByRole("button", { name: /Chain highlighted/ })).toBeVisible();
  await expect(other.getByRole("combobox", { name: "Show" })).toHaveValue("window-90");
  expect(await listedIds(other)).toEqual(ids);
  await other.context().close();
});

test("the page opens at its own framing without writing a camera, and equal views give equal links", async ({ page }) => {
  await openMap(page);
  expect(query(page)).toBe("");
  const types = page.getByRole("list", { name: "Event types" }).getByRole("button");
  await types.nth(0).click();
  await types.nth(2).click();
  await expect.poll(() => query(page)).toMatch(/^\?f=/);
  const first = query(page);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect.poll(() => query(page)).toBe("");
  await types.nth(2).click();
  await types.nth(0).click();
  await expect.poll(() => query(page)).toBe(first);
});

test("Back and Forward bring back the filters and the camera of each step", async ({ page }) => {
  await openMap(page);
  const family = page.getByRole("list", { name: "Event types" }).getByRole("button").first();
  const attacker = page.getByRole("combobox", { name: "Attacker" });

  await family.click();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await settle(page);
  await expect.poll(() => query(page)).toMatch(/c=/);
  const firstCamera = await camera(page);
  const firstUrl = page.url();

  const choice = await attacker.locator("option").nth(1).getAttribute("value");
  await attacker.selectOption(choice!);
  await expect.poll(() => query(page)).toContain(`atk=${choice}`);
  await dragMap(page, 150, 0);
  await expect.poll(() => camera(page).then((c) => Math.abs(c.lon - firstCamera.lon) > 0.01)).toBe(true);
  const secondCamera = await camera(page);
  await expect.poll(() => query(page)).not.toContain(`c=${new URL(firstUrl).searchParams.get("c")}`);

  await page.goBack();
  await expect(attacker).toHaveValue("");
  await expect(family).toHaveAttribute("aria-pressed", "false");
  expect(page.url()).toBe(firstUrl);
  await settle(page);
  expectSameCamera(await camera(page), firstCamera);

  await page.goBack();
  await expect(family).toHaveAttribute("aria-pressed", "true");
  expect(query(page)).toBe("");

  await page.goForward();
  await page.goForward();
  await expect(attacker).toHaveValue(choice!);
  await expect(family).toHaveAttribute("aria-pressed", "false");
  await settle(page);
  expectSameCamera(await camera(page), secondCamera);
});

test("playback writes its cursor to the link when it pauses, without adding history entries", async ({ page }) => {
  await openMap(page);
  await page.getByRole("button", { name: "Go to start" }).click();
  await expect.poll(() => query(page)).toMatch(/^\?t=/);
  const start = query(page);
  const entries = await page.evaluate(() => history.length);
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "1 quarter/s" });
  await expect.poll(() => query(page)).toBe(`${start}&speed=91`);
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => cursorDate(page)).not.toBe(start.slice(3));
  await page.waitForTimeout(800);
  expect(query(page), "nothing written while playing").toBe(`${start}&speed=91`);
  await page.getByRole("button", { name: "Pause" }).click();
  const paused = await cursorDate(page);
  await expect.poll(() => query(page)).toBe(`?t=${paused}&speed=91`);
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
});

test("on a phone, a link with a camera opens on the map at that camera", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, baseURL: baseURL! });
  const page = await context.newPage();
  watch(page, new URL(baseURL!).origin, problems);
  await openMap(page, "/?c=33.3,44.4,6.5");
  await expect(page.locator("canvas.maplibregl-canvas")).toBeVisible();
  await expect(page.getByRole("button", { name: "Map" })).toHaveAttribute("aria-pressed", "true");
  expectSameCamera(await camera(page), { lat: 33.3, lon: 44.4, zoom: 6.5 });
  expect(query(page)).toBe("?c=33.3,44.4,6.5");
  await context.close();
});

test("the filters narrow the list, count as the API does, and the search waits for typing to pause", async ({ page, request }) => {
  await openMap(page);
  const entries = await page.evaluate(() => history.length);
  await page.getByRole("searchbox", { name: "Search events" }).pressSequentially("Kata'ib Hezbollah", { delay: 40 });
  await expect.poll(() => query(page)).toBe("?q=Kata%27ib%20Hezbollah");
  expect(await page.evaluate(() => history.length), "one history entry for the whole search").toBe(entries + 1);
  await page.getByRole("button", { name: "More filters" }).click();
  await page.getByRole("combobox", { name: "Killed" }).selectOption("1");
  await page.getByRole("checkbox", { name: "Claimed", exact: true }).uncheck();
  await expect.poll(() => query(page)).toMatch(/minK=1/);
  const api = await (await request.get(`/api/events${query(page)}`)).json();
  await expect(filterCount(page)).toHaveText(`${api.counts.shown} of ${api.counts.total} events`);
  expect((await listedIds(page)).sort()).toEqual(api.features.map((f: { id: string }) => f.id).sort());
  await expect(page.getByRole("button", { name: "More filters (2)" })).toBeVisible();
});

test("hostile parameters are named in a notice and never run; the page still shows the events", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const payload = "<script>window.__pwned=1</script>";
  const img = '"><img src=x onerror="window.__pwned=1">';
  await openMap(page, `/?from=yesterday&q=${encodeURIComponent(payload)}&ev=${encodeURIComponent(img)}&${encodeURIComponent("<script>")}=1&f=rocket,laser`);

  const notice = page.getByRole("status").filter({ hasText: "Ignored parameter" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Ignored parameter “from”: not a date (YYYY-MM-DD): \"yesterday\"");
  await expect(notice).toContainText("Ignored parameter “q”");
  await expect(notice).toContainText("Ignored parameter “ev”");
  await expect(notice).toContainText("Ignored parameter “?script?”: unknown parameter");
  await expect(notice).toContainText("Ignored parameter “f”: unknown family: \"laser\"");
  // What was usable still applies; what was not is gone from the address bar.
  await expect.poll(() => query(page)).toBe("?f=rocket");
  expect((await listedIds(page)).length).toBeGreaterThan(0);

  // Next.js keeps the requested URL in its router data, percent-encoded: never as runnable code.
  const injected = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.includes("__pwned=1")).length,
    images: document.querySelectorAll('img[src="x"]').length,
  }));
  expect(injected).toEqual({ pwned: undefined, scripts: 0, images: 0 });
  expect(dialogs).toEqual([]);

  await notice.getByRole("button", { name: "Dismiss notice" }).click();
  await expect(notice).toHaveCount(0);
});

test("links that are long, repeated, reversed or huge open without an error", async ({ page }) => {
  // Six page loads, each waiting for the map to draw: on a busy two-core machine, over a minute.
  test.slow();
  // Node.js refuses request heads over 16 KB itself (431), before the page: one 10 KB value at a time.
  const cases = [
    `q=${"x".repeat(10_240)}`,
    `${"k".repeat(10_240)}=1&src=${"y".repeat(1_000)}`,
    "f=rocket&f=drone&atk=iran&atk=iran",
    "from=2023-01-01&to=2020-01-01",
    "minK=99999999999999999999&speed=1e400&c=1e308,0,3&t=99999-01-01",
    `q=${encodeURIComponent("' OR 1=1 --")}&ev=${encodeURIComponent("'\"")}&src=${encodeURIComponent('"Reason"')}`,
  ];
  for (const qs of cases) {
    await openMap(page, `/?${qs}`);
    await expect(page.getByRole("status").filter({ hasText: "Ignored parameter" })).toBeVisible();
    await expect(page.locator("#event-list-heading")).toBeVisible();
    expect(page.url().length).toBeLessThan(400);
  }
});

test("the share dialog offers the embed code, downloads of the filtered events, and the system share sheet where there is one", async ({ page, request }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "share", {
      value: async (data: ShareData) => {
        (window as unknown as { __shared?: ShareData }).__shared = data;
      },
    });
  });
  await openMap(page, "/?f=rocket&ev=2020-01-03-soleimani-airstrike&chain=linked");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this view" });
  const link = await dialog.getByRole("textbox", { name: "Link" }).inputValue();
  const snippet = await dialog.getByRole("textbox", { name: "Embed on a web page" }).inputValue();
  expect(snippet).toContain(`src="${link.replace("/?", "/embed?").replaceAll("&", "&amp;")}"`);

  await dialog.getByRole("button", { name: "Share…" }).click();
  expect(await page.evaluate(() => (window as unknown as { __shared?: ShareData }).__shared?.url)).toBe(link);

  const csvHref = await dialog.getByRole("link", { name: "CSV" }).getAttribute("href");
  expect(csvHref).toBe("/api/export?format=csv&f=rocket&chain=linked");
  const csv = await request.get(csvHref!);
  expect(csv.status()).toBe(200);
  const shown = Number((await dialog.locator(".share-downloads").innerText()).match(/the (\d+) filtered/)![1]);
  const geojson = await (await request.get((await dialog.getByRole("link", { name: "GeoJSON" }).getAttribute("href"))!)).json();
  expect(geojson.features.filter((f: { geometry: { type: string } }) => f.geometry.type === "Point")).toHaveLength(shown);

  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("/embed shows the map, timeline and playback without the header, filters or list, and keeps the host page's history", async ({ page, request }) => {
  const res = await request.get("/embed?chain=linked");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors *");
  await openMap(page, "/embed?chain=linked&ev=2020-01-03-soleimani-airstrike");
  await expect(page.locator("canvas.maplibregl-canvas")).toBeVisible();
  await expect(page.locator("header.topbar")).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Filters" })).toHaveCount(0);
  await expect(eventList(page)).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Timeline" })).toBeVisible();
  await expect(page.locator("#event-panel-title")).toBeVisible();
  const open = page.getByRole("link", { name: "Open in Strikeline" });
  await expect(open).toHaveAttribute("href", "/?chain=linked&ev=2020-01-03-soleimani-airstrike");

  const entries = await page.evaluate(() => history.length);
  await page.getByRole("button", { name: "Go to start" }).click();
  await page.getByRole("button", { name: "Close event panel" }).click();
  await expect.poll(() => query(page)).toBe("?chain=linked&t=2019-12-27");
  await expect(open).toHaveAttribute("href", "/?chain=linked&t=2019-12-27");
  expect(await page.evaluate(() => history.length)).toBe(entries);
});
