import type { Metadata } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { parseView } from "@/lib/url-state";
import { ApiStrikeline } from "../components/ApiStrikeline";

/** A frame on someone else's page is not a page of its own for search engines. */
export const metadata: Metadata = { title: "Strikeline map", robots: { index: false } };

/**
 * The embeddable view: /embed takes the map page's parameters and shows its map, timeline and
 * playback without the header, filters and list, with a link to the full page on the same view.
 * Any site may frame it (next.config.js: frame-ancestors *).
 */
export default async function Embed({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { view, dropped } = parseView(await searchParams);
  return <ApiStrikeline onlineStyleUrl={env().basemapUrl ?? null} initialView={view} dropped={dropped} embed />;
}
