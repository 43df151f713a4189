/**
 * The page object for the map page: how a spec opens it, waits for the map, reads what it shows
 * and acts as an analyst does (signing in, adding a report, reviewing). Selectors are the page's
 * roles and names; layer ids come from lib/map/layers.ts, the test hook from the page itself.
 */
import { expect, type Locator, type Page } from "@playwright/test";
// The page's test hook (window.__strikeline) and its typing.
import type {} from "../../app/components/test-hook";
import { EVENT_LAYERS } from "../../lib/map/layers";
import type { ImportFormat } from "../../lib/interchange/record";
import type { ArticleReport, ImportOutcome } from "../../lib/review-api";

export { E2E_EDITOR_TOKEN, e2eDataDir } from "../server-env";

/** Console errors, uncaught errors and requests to other origins, collected for a spec to assert empty. */
export function watch(page: Page, origin: string, problems: string[]) {
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) problems.push(`external request: ${u}`);
  });
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
}

/** Opens a view and waits until the map has drawn what it asked for. */
export async function openMap(page: Page, path = "/") {
  const response = await page.goto(path);
  expect(response?.status(), path.slice(0, 120)).toBe(200);
  await page.waitForFunction(() => window.__strikeline?.map?.loaded() === true, undefined, { timeout: 45_000 });
  await settle(page);
}

/** Waits until the map has stopped moving and drawn its sources. */
export async function settle(page: Page) {
  await page.waitForFunction(
    () => {
      const m = window.__strikeline?.map;
      return !!m && !m.isMoving() && m.loaded() && m.areTilesLoaded();
    },
    undefined,
    { timeout: 30_000 },
  );
  // Sources take their data from a worker: give the last update a frame to land.
  await page.waitForTimeout(400);
}

export class StrikelinePage {
  constructor(readonly page: Page) {}

  open(path = "/") {
    return openMap(this.page, path);
  }

  settle() {
    return settle(this.page);
  }

  get eventList(): Locator {
    return this.page.getByRole("list", { name: "Events" });
  }

  listedIds(): Promise<(string | null)[]> {
    return this.eventList.getByRole("listitem").evaluateAll((items) => items.map((li) => li.getAttribute("data-event-id")));
  }

  /** Ids of the events visible at the cursor with the filters (the map's and the list's set). */
  visibleIds(): Promise<string[]> {
    return this.page.evaluate(() => window.__strikeline!.visibleEvents());
  }

  /** Ids of the events drawn one by one on the map where the pointer can pick them. */
  drawnEventIds(): Promise<string[]> {
    return this.page.evaluate(
      (layers) => window.__strikeline!.map!.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id)),
      [...EVENT_LAYERS],
    );
  }

  get signInDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Editor sign-in" });
  }

  /** Fills in the sign-in dialog (it must be open) and sends it. */
  async signIn(token: string, name: string) {
    const d = this.signInDialog;
    await d.getByLabel("Editor token").fill(token);
    await d.getByLabel("Your name, for the correction log").fill(name);
    await d.getByRole("button", { name: "Sign in" }).click();
  }

  get addReportDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Add a report" });
  }

  /** Adds a report from a file through the dialog (it must be open); resolves with the server's report. */
  async addReportFile(file: string): Promise<ArticleReport> {
    const d = this.addReportDialog;
    await d.getByLabel("Report file").setInputFiles(file);
    const answer = this.page.waitForResponse((r) => r.url().endsWith("/api/reports") && r.request().method() === "POST");
    await d.getByRole("button", { name: "Add report" }).click();
    const res = await answer;
    expect(res.status()).toBe(200);
    return ((await res.json()) as { report: ArticleReport }).report;
  }

  get importDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Import a dataset" });
  }

  /** Imports a dataset file through the dialog (it must be open); resolves with the server's outcome. */
  async importDatasetFile(file: string, format: ImportFormat, opts: { retireMissing?: boolean } = {}): Promise<ImportOutcome> {
    const d = this.importDialog;
    await d.getByLabel("File", { exact: true }).setInputFiles(file);
    await d.getByRole("combobox", { name: "It is" }).selectOption(format);
    if (opts.retireMissing) await d.getByRole("checkbox", { name: /Retire events of this source/ }).check();
    const answer = this.page.waitForResponse((r) => r.url().endsWith("/api/imports") && r.request().method() === "POST");
    await d.getByRole("button", { name: "Import", exact: true }).click();
    const res = await answer;
    expect(res.status()).toBe(200);
    return ((await res.json()) as { import: ImportOutcome }).import;
  }

  get review(): Locator {
    return this.page.getByRole("region", { name: /^Review/ });
  }

  /** The review pane's live status line, which says what the last action did. */
  get reviewStatus(): Locator {
    return this.review.locator(".review-said");
  }

  /** Opens one queue entry (kind "event" or "link") from the review list. */
  async openReviewItem(kind: "event" | "link", id: string) {
    await this.review.locator(`[data-review-key="${kind}:${id}"]`).click();
  }

  backToReviewList() {
    return this.review.getByRole("button", { name: "← Back to the list" }).click();
  }
}
