/**
 * Link-preview metadata of the map page for the view in its URL. The page re-exports it:
 *   export { generateShareMetadata as generateMetadata } from "./share-metadata";
 * Open Graph and Twitter cards carry a title and description made from the filters and the
 * picture /api/preview draws for the same parameters.
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getStore } from "@/db/client";
import { actorNamesOf, countView, eventTitle } from "@/db/queries";
import { PREVIEW_SIZE } from "@/lib/preview";
import { shareMetadata, SITE_NAME } from "@/lib/share-metadata";
import { parseView, serializeView } from "@/lib/url-state";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The origin the request came in on, for the absolute URLs link previews need; null when the
 * headers do not look like one (Next.js then falls back to its own default).
 */
export function requestOrigin(h: Pick<Headers, "get">): string | null {
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0]!.trim();
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]!.trim();
  if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host) || !/^https?$/.test(proto)) return null;
  return `${proto}://${host}`;
}

export async function generateShareMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { view } = parseView(await searchParams);
  // Counted, not listed: every page load asks, and the store may hold millions of events.
  const { db } = await getStore();
  const [counts, actors, selected] = await Promise.all([
    countView(db, { ...view, status: "visible" }),
    actorNamesOf(db, [...view.attackers, ...view.targets]),
    view.selected ? eventTitle(db, view.selected) : null,
  ]);
  const { title, description } = shareMetadata(view, counts, { actors, ...(selected ? { selected } : {}) });
  const query = serializeView(view);
  const url = query ? `/?${query}` : "/";
  const image = { url: query ? `/api/preview?${query}` : "/api/preview", ...PREVIEW_SIZE, alt: description };
  const origin = requestOrigin(await headers());
  return {
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: SITE_NAME, title, description, url, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}
