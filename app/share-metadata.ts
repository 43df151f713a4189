/**
 * Link-preview metadata of the map page for the view in its URL. The page re-exports it:
 *   export { generateShareMetadata as generateMetadata } from "./share-metadata";
 * Open Graph and Twitter cards carry a title and description made from the filters and the
 * picture /api/preview draws for the same parameters, made absolute on STRIKELINE_PUBLIC_URL.
 */
import type { Metadata } from "next";
import { getStore } from "@/db/client";
import { cachedRead } from "./api/cache";
import { actorNamesOf, countView, eventTitle } from "@/db/queries";
import { env } from "@/lib/env";
import { PREVIEW_SIZE } from "@/lib/preview";
import { shareMetadata, SITE_NAME } from "@/lib/share-metadata";
import { parseView, serializeView } from "@/lib/url-state";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateShareMetadata({ searchParams }: { searchParams: Promise<SearchParams> }): Promise<Metadata> {
  const { view } = parseView(await searchParams);
  // Counted, not listed: every page load asks, and the store may hold millions of events.
  const { db } = await getStore();
  const { counts, actors, selected } = await cachedRead(db, `share ${serializeView(view)}`, async () => {
    const [counts, actors, selected] = await Promise.all([
      countView(db, { ...view, status: "visible" }),
      actorNamesOf(db, [...view.attackers, ...view.targets]),
      view.selected ? eventTitle(db, view.selected) : null,
    ]);
    const bytes = 64 + (selected?.length ?? 0) + [...actors].reduce((n, [id, name]) => n + id.length + name.length, 0);
    return { value: { counts, actors, selected }, bytes };
  });
  const { title, description } = shareMetadata(view, counts, { actors, ...(selected ? { selected } : {}) });
  const query = serializeView(view);
  const url = query ? `/?${query}` : "/";
  const image = { url: query ? `/api/preview?${query}` : "/api/preview", ...PREVIEW_SIZE, alt: description };
  return {
    // From configuration: a forged Host header must not point a shared card's image elsewhere.
    metadataBase: new URL(env().publicUrl),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: SITE_NAME, title, description, url, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}
