import { expect, test, type Page } from "@playwright/test";

/** Distinct colours in a screenshot, counted by the browser itself (no image library needed). */
async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 16) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  }, png.toString("base64"));
}

test("a newcomer opens Strikeline and sees the seed events on a map, with nothing loaded from elsewhere", async ({ page, request, baseURL }) => {
  const foreign: string[] = [];
  const origin = new URL(baseURL!).origin;
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
  });
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));

  const api = await (await request.get("/api/events")).json();
  expect(api.features.length).toBeGreaterThanOrEqual(20);

  await page.goto("/");
  await expect(page).toHaveTitle(/Strikeline/);

  const list = page.getByRole("list", { name: "Events" });
  await expect(list.getByRole("listitem")).toHaveCount(api.features.length);
  await expect(list).toContainText(/Soleimani/i);

  const canvas = page.locator("canvas.maplibregl-canvas");
  await expect(canvas).toBeVisible();
  await page.waitForFunction(() => (window as unknown as { __strikeline?: { map?: { loaded(): boolean } } }).__strikeline?.map?.loaded() === true, undefined, { timeout: 30_000 });
  const colours = await distinctColours(page, await canvas.screenshot());
  expect(colours, "a blank or single-colour map canvas").toBeGreaterThan(20);

  expect(foreign, "requests outside the app's origin").toEqual([]);
  expect(errors).toEqual([]);
});

test("the API answers a bad query with 400 and a JSON error naming the parameter", async ({ request }) => {
  const bad = await request.get("/api/events?from=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.parameter).toBe("from");
  const unknown = await request.get("/api/links?colour=red");
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error.message).toMatch(/colour/);
});
