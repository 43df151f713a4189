/**
 * Adding and reviewing reports while the map is open, as an analyst does it: sign in once, add a
 * report through the page, see its events in the list and on the map, confirm a link, move a
 * place (a dropped pin, then a gazetteer pick), reject an event, edit and undo, then reload and
 * find every correction kept. And the other side: writes without the editor token, with a wrong
 * one, with the token in the URL, or from another site are refused and change nothing.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import type { EventCollection, LinkOut } from "../lib/api";
import type { ReviewQueue } from "../lib/review-api";
import { E2E_EDITOR_TOKEN, e2eDataDir, StrikelinePage, watch } from "./pages/strikeline";

const REPORT = fileURLToPath(new URL("./fixtures/tower-22.md", import.meta.url));
const CLI_REPORT = fileURLToPath(new URL("./fixtures/hasakah.md", import.meta.url));
const CLI = fileURLToPath(new URL("../bin/strikeline.mjs", import.meta.url));
const ANALYST = "E2E Analyst";

test.use({ viewport: { width: 1366, height: 850 } });

let problems: string[] = [];
/** Refusals a test provokes on purpose: the browser logs each as a failed resource load. */
let expectedRefusals = 0;

test.beforeEach(async ({ page, baseURL }) => {
  problems = [];
  expectedRefusals = 0;
  watch(page, new URL(baseURL!).origin, problems);
});

test.afterEach(() => {
  const refused = problems.filter((p) => /status of (401|403|413|422)/.test(p));
  expect(refused.length, "refused requests beyond the ones provoked").toBeLessThanOrEqual(expectedRefusals);
  expect(problems.filter((p) => !refused.includes(p)), "console errors or requests outside the app's origin").toEqual([]);
});

test("an analyst adds a report, reviews what it made, and every correction is kept after a reload", async ({ page }) => {
  const app = new StrikelinePage(page);
  await app.open();

  // Signing in: a wrong token is refused in the dialog; the right one is never in the address bar.
  await page.getByRole("button", { name: "Add report" }).click();
  await expect(app.signInDialog).toBeVisible();
  expectedRefusals = 1;
  await app.signIn("a-wrong-token-of-enough-length", ANALYST);
  await expect(app.signInDialog.getByRole("alert")).toBeVisible();
  await app.signIn(E2E_EDITOR_TOKEN, ANALYST);
  await expect(app.addReportDialog).toBeVisible();
  expect(page.url()).not.toContain(E2E_EDITOR_TOKEN);
  expect(await page.evaluate(() => document.cookie)).not.toContain(E2E_EDITOR_TOKEN);

  // Adding the report: the dialog names what it made; the list has it without a reload.
  const report = await app.addReportFile(REPORT);
  expect(report.status).toBe("ingested");
  expect(report.eventsNew.length).toBeGreaterThanOrEqual(2);
  expect(report.links).toBeGreaterThanOrEqual(1);
  const d = app.addReportDialog;
  await expect(d.getByRole("region", { name: "New events" }).getByRole("listitem")).toHaveCount(report.eventsNew.length);
  await page.screenshot({ path: test.info().outputPath("add-report.png") });
  await expect.poll(() => app.listedIds()).toEqual(expect.arrayContaining(report.eventsNew));

  const events = (await (await page.request.get("/api/events")).json()) as EventCollection;
  const mine = events.features.filter((f) => report.eventsNew.includes(f.id));
  const drone = mine.find((f) => f.properties.family === "drone")!;
  const strike = mine.find((f) => f.properties.family === "airstrike")!;
  expect(drone, "the fixture's drone attack").toBeTruthy();
  expect(strike, "the fixture's air strikes").toBeTruthy();

  // On the map: shown from the result, the event is drawn where the pointer can pick it.
  await d.getByRole("button", { name: strike.properties.title }).click();
  await expect(d).toHaveCount(0);
  await app.settle();
  await expect.poll(() => app.drawnEventIds()).toContain(strike.id);

  // The review queue: least confident first, the new events and their link in it.
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await expect(app.signInDialog, "signed in once, not again").toHaveCount(0);
  await expect(app.review.getByRole("heading", { level: 2 })).toBeFocused();
  const queue = (await (await page.request.get("/api/review?limit=200")).json()) as ReviewQueue;
  const confidences = queue.events.map((e) => e.confidence);
  expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
  const link = queue.links.find((l) => l.link.from === drone.id && l.link.to === strike.id)!;
  expect(link, "the stated link from the drone attack to the strikes").toBeTruthy();
  const shown = await app.review.locator("[data-review-key^='event:']").evaluateAll((b) => b.map((x) => x.getAttribute("data-review-key")));
  expect(shown).toEqual(queue.events.map((e) => `event:${e.event.id}`));

  // Confirm the link with the keyboard: the opened item takes focus at its heading.
  await app.openReviewItem("link", link.link.id);
  await expect(app.review.getByRole("heading", { level: 3 })).toBeFocused();
  await expect(app.review.locator("mark").first()).not.toBeEmpty();
  await app.review.getByRole("button", { name: "Confirm link" }).focus();
  await page.keyboard.press("Enter");
  await expect(app.reviewStatus).toContainText("Link confirmed");
  if (await app.review.getByRole("button", { name: "← Back to the list" }).isVisible()) await app.backToReviewList();

  // The evidence is the stored article's own text at the span.
  await app.openReviewItem("event", strike.id);
  const source = queue.events.find((e) => e.event.id === strike.id)!.sources[0]!;
  const text = queue.articles[source.articleId]!.text!;
  await expect(app.review.locator("mark").first()).toHaveText(text.slice(source.span.start, source.span.end));
  await app.settle();
  // The README's picture of the review view (docs/screenshots/review.png is copied from here).
  await page.screenshot({ path: test.info().outputPath("review.png") });

  // Place: a pin dropped on the map fills in the coordinates; then a gazetteer pick is saved.
  const lat = app.review.getByLabel("Latitude");
  const before = await lat.inputValue();
  await app.review.getByRole("button", { name: "Drop a pin on the map" }).click();
  await expect(page.locator(".pick-banner")).toBeVisible();
  const canvas = page.locator("canvas.maplibregl-canvas");
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width * 0.35, y: box.height * 0.6 } });
  await expect(page.locator(".pick-banner")).toHaveCount(0);
  await expect(lat).not.toHaveValue(before);
  await expect(page.locator(".maplibregl-marker")).toBeVisible();

  await app.review.getByRole("searchbox", { name: "Search the gazetteer" }).fill("Al Qaim");
  await app.review.getByRole("button", { name: "Search", exact: true }).click();
  const hits = app.review.getByRole("list", { name: "Gazetteer results" });
  await expect(hits.getByRole("button").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("place.png") });
  await hits.getByRole("button").first().click();
  const picked = { lat: Number(await lat.inputValue()), lon: Number(await app.review.getByLabel("Longitude").inputValue()) };
  await app.review.getByRole("button", { name: "Save place" }).click();
  await expect(app.reviewStatus).toContainText("Place set to");

  // Casualties edited, then undone from the correction log.
  const killedBefore = strike.properties.killed;
  await app.review.getByLabel("Killed, low").fill("7");
  await app.review.getByLabel("Killed, high").fill("9");
  await app.review.getByRole("button", { name: "Save details" }).click();
  await expect(app.reviewStatus).toContainText("Saved: killed");
  const edited = (await (await page.request.get(`/api/events/${strike.id}`)).json()) as { event: EventCollection["features"][number] };
  expect(edited.event.properties.killed).toEqual({ low: 7, high: 9 });

  // Reject the drone attack: it leaves the map at once.
  await app.backToReviewList();
  await app.openReviewItem("event", drone.id);
  await app.review.getByLabel("Reason (optional, kept in the correction log)").fill("duplicate of a curated event");
  await app.review.getByRole("button", { name: "Reject event" }).click();
  await expect(app.reviewStatus).toContainText("Event rejected");
  await expect.poll(() => app.visibleIds()).not.toContain(drone.id);

  await app.review.getByRole("button", { name: "Correction log" }).click();
  const log = app.review.getByRole("list", { name: "Correction log" });
  await expect(log.getByRole("listitem").first()).toContainText("Rejected");
  await expect(log.getByRole("listitem").first()).toContainText(ANALYST);
  await expect(log.getByRole("listitem").first()).toContainText("duplicate of a curated event");
  await log.getByRole("button", { name: `Undo: Edited ${strike.properties.title}` }).click();
  await expect(app.reviewStatus).toContainText("Undone");
  await expect(log.getByRole("listitem").filter({ hasText: "Edited" })).toContainText("Undone");
  await page.screenshot({ path: test.info().outputPath("log.png") });

  // Reload: everything kept, and still signed in.
  await app.open();
  await expect.poll(() => app.listedIds()).toContain(strike.id);
  expect(await app.listedIds()).not.toContain(drone.id);
  const after = (await (await page.request.get("/api/events")).json()) as EventCollection;
  const moved = after.features.find((f) => f.id === strike.id)!;
  expect(moved.geometry.coordinates[0]).toBeCloseTo(picked.lon, 4);
  expect(moved.geometry.coordinates[1]).toBeCloseTo(picked.lat, 4);
  expect(moved.properties.killed).toEqual(killedBefore);
  const links = (await (await page.request.get("/api/links")).json()) as { links: LinkOut[] };
  expect(links.links.find((l) => l.id === link.link.id)?.status ?? "gone with its rejected cause").not.toBe("extracted");
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await expect(app.signInDialog).toHaveCount(0);
  await app.review.getByRole("button", { name: "Correction log" }).click();
  await expect(app.review.getByRole("list", { name: "Correction log" }).getByRole("listitem")).toHaveCount(4);
});

test("writes without the editor token, with a wrong one, with it in the URL, or from another site are refused and change nothing", async ({ page, request, baseURL }) => {
  const ids = async () => ((await (await request.get("/api/events")).json()) as EventCollection).features.map((f) => f.id).sort();
  const before = await ids();
  const reject = { action: "reject-event", targetId: before[0] };

  expect((await request.post("/api/overrides", { data: reject })).status()).toBe(401);
  expect((await request.post("/api/overrides", { data: reject, headers: { authorization: "Bearer a-wrong-token-of-enough-length" } })).status()).toBe(401);
  expect((await request.post(`/api/overrides?token=${E2E_EDITOR_TOKEN}`, { data: reject })).status()).toBe(400);
  expect((await request.post("/api/reports", { multipart: { text: "Rockets struck a base near Erbil on Monday." } })).status()).toBe(401);
  const crossSite = await request.post("/api/overrides", { data: reject, headers: { authorization: `Bearer ${E2E_EDITOR_TOKEN}`, origin: "https://attacker.example.org", "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);

  // A form on another site posting to the app, while the browser holds an editor session.
  const app = new StrikelinePage(page);
  await app.open();
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await app.signIn(E2E_EDITOR_TOKEN, ANALYST);
  await expect(app.review).toBeVisible();

  // A binary file through the page: the server's reason, shown in the dialog; nothing stored.
  expectedRefusals = 1;
  await page.getByRole("button", { name: "Add report" }).click();
  await app.addReportDialog.getByLabel("Report file").setInputFiles({ name: "scan.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
  await app.addReportDialog.getByRole("button", { name: "Add report" }).click();
  await expect(app.addReportDialog.getByRole("alert")).toContainText(/Not added: .*binary/);
  await page.keyboard.press("Escape");
  await expect(app.addReportDialog).toHaveCount(0);

  const target = new URL("/api/overrides", baseURL).href;
  // Another site's page in the same browser: a data: page has an opaque origin, so to the app
  // its form post is cross-site. (Its own console is not this app's, so it is not watched.)
  const attacker = await page.context().newPage();
  const form = `<form method="post" action="${target}" enctype="text/plain"><input name='{"action":"reject-event","targetId":"${before[0]}","x":"' value='"}'></form>`;
  await attacker.goto(`data:text/html,${encodeURIComponent(form)}`);
  const answer = attacker.waitForResponse(target);
  await attacker.locator("form").evaluate((f: HTMLFormElement) => f.submit());
  expect([401, 403]).toContain((await answer).status());
  await attacker.close();

  expect(await ids()).toEqual(before);
  // The Share dialog's link and embed code carry the view, never the token.
  await app.open();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const share = page.getByRole("dialog", { name: "Share this view" });
  expect(await share.getByRole("textbox", { name: "Link" }).inputValue()).not.toContain(E2E_EDITOR_TOKEN);
  expect(await share.getByRole("textbox", { name: "Embed on a web page" }).inputValue()).not.toContain(E2E_EDITOR_TOKEN);
});

test("on a phone, the review takes the list's place, and dropping a pin shows the map and comes back", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, baseURL: baseURL! });
  const page = await context.newPage();
  watch(page, new URL(baseURL!).origin, problems);
  const app = new StrikelinePage(page);
  await app.open();
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await app.signIn(E2E_EDITOR_TOKEN, ANALYST);
  await expect(app.review).toBeVisible();
  // The fixture's events are in the queue (added here, or already by the test above: same content, same events).
  const added = await page.request.post("/api/reports", { multipart: { file: { name: "tower-22.md", mimeType: "text/markdown", buffer: readFileSync(REPORT) } }, headers: { origin: new URL(baseURL!).origin } });
  expect(added.status()).toBe(200);
  await page.getByRole("button", { name: "Close review" }).click();
  await expect(page.getByRole("button", { name: "Review", exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await expect(app.review).toBeVisible();
  await expect(page.locator("canvas.maplibregl-canvas")).toBeHidden();

  await app.review.locator("[data-review-key^='event:']").first().click();
  const lat = app.review.getByLabel("Latitude");
  const before = await lat.inputValue();
  await app.review.getByRole("button", { name: "Drop a pin on the map" }).click();
  const canvas = page.locator("canvas.maplibregl-canvas");
  await expect(canvas).toBeVisible();
  await app.settle();
  const box = (await canvas.boundingBox())!;
  await canvas.tap({ position: { x: box.width * 0.5, y: box.height * 0.4 } });
  await expect(app.review).toBeVisible();
  await expect(lat).not.toHaveValue(before);
  await page.screenshot({ path: test.info().outputPath("phone-review.png") });
  await context.close();
});

test("the CLI beside the running app goes through it: a report ingested and an override added appear in the page", async ({ page, baseURL }) => {
  const env = { ...process.env, STRIKELINE_DATA_DIR: e2eDataDir(new URL(baseURL!).port), STRIKELINE_EDITOR_TOKEN: E2E_EDITOR_TOKEN, DATABASE_URL: "" };
  const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8", timeout: 60_000 });
  const app = new StrikelinePage(page);
  await app.open();

  const ingest = cli("ingest", CLI_REPORT, "--json");
  expect(ingest.status, ingest.stderr).toBe(0);
  const out = JSON.parse(ingest.stdout) as { articles: { eventsNew: string[]; eventsMerged: string[] }[] };
  const made = [...out.articles[0]!.eventsNew, ...out.articles[0]!.eventsMerged];
  expect(made.length).toBeGreaterThanOrEqual(1);
  // The page was open all along: a reload of the page (not of the server) shows the CLI's events.
  await app.open();
  await expect.poll(() => app.listedIds()).toEqual(expect.arrayContaining(made));

  const reject = cli("overrides", "add", "reject-event", made[0]!, "--reason", "checked by hand");
  expect(reject.status, reject.stderr).toBe(0);
  await app.open();
  expect(await app.listedIds()).not.toContain(made[0]);
  // The CLI's correction is in the same log, with the CLI as its author.
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await app.signIn(E2E_EDITOR_TOKEN, ANALYST);
  await app.review.getByRole("button", { name: "Correction log" }).click();
  const first = app.review.getByRole("list", { name: "Correction log" }).getByRole("listitem").first();
  await expect(first).toContainText("Rejected");
  await expect(first).toContainText("checked by hand");
  await expect(first).toContainText("cli:");
});
